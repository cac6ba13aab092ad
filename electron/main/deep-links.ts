/**
 * `siso://` deep links (e.g. from an email: siso://leads/123, siso://marketing) are untrusted
 * input: only screens of the shared screen list (sync/domain/screens.ts) and safe ids become
 * in-app routes; anything else is refused with a reason.
 */
import { routeForDeepLink, type DeepLinkTarget } from '../../sync/domain/screens';

export const DEEP_LINK_PROTOCOL = 'siso';
const MAX_DEEP_LINK_LENGTH = 2048;

export type DeepLinkResult = DeepLinkTarget;

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > MAX_DEEP_LINK_LENGTH) return { ok: false, reason: 'The link is too long.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  if (url.protocol !== `${DEEP_LINK_PROTOCOL}:`) return { ok: false, reason: `Only ${DEEP_LINK_PROTOCOL}:// links open the workstation.` };
  let parts: string[];
  try {
    parts = [url.hostname, ...url.pathname.split('/')].filter((p) => p.length > 0).map((p) => decodeURIComponent(p));
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  return routeForDeepLink(parts);
}

/** On Windows and Linux a deep link arrives as a command-line argument of a second instance. */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${DEEP_LINK_PROTOCOL}://`));
}
