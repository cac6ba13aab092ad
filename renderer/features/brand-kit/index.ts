/** What other features use from the brand kit: the partner's logo as cached on this device. */
export { useBrandLogo, type BrandLogo, type LogoForProposal } from './use-brand-logo';
