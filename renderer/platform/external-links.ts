/**
 * Which URLs the renderer may hand to the system browser or mail client: the shared URL policy
 * (sync/domain/url-policy.ts), the same module main checks with, so both sides always agree.
 */
export { checkExternalUrl, type UrlDecision as ExternalLinkDecision } from '../../sync/domain/url-policy';
