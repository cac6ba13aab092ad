/** What routes and other features import from the brand kit: the page, and the partner's logo as cached on this device. */
export { BrandKitPage } from './BrandKitPage';
export { useBrandLogo, type BrandLogo, type LogoForProposal } from './use-brand-logo';
