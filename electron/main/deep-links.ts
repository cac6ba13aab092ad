/**
 * `siso://` deep links (e.g. from an email: siso://leads/123, siso://marketing) are untrusted
 * input: only known sections and safe ids become in-app routes; anything else is refused.
 */
import { z } from 'zod';

export const DEEP_LINK_PROTOCOL = 'siso';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const section = z.enum(['workspace', 'settings', 'dashboard', 'tiers', 'leads', 'marketing', 'proposals', 'training', 'support', 'commissions']);

export type DeepLinkResult = { ok: true; route: string } | { ok: false; reason: string };

export function parseDeepLink(raw: string): DeepLinkResult {
  if (raw.length > 2048) return { ok: false, reason: 'The link is too long.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  if (url.protocol !== `${DEEP_LINK_PROTOCOL}:`) return { ok: false, reason: `Only ${DEEP_LINK_PROTOCOL}:// links open the workstation.` };
  const parts = [url.hostname, ...url.pathname.split('/')].filter((p) => p.length > 0).map((p) => decodeURIComponent(p));
  const parsedSection = section.safeParse(parts[0]);
  if (!parsedSection.success) return { ok: false, reason: `The workstation has no section called "${parts[0] ?? ''}".` };
  if (parts.length > 2) return { ok: false, reason: 'The link has more parts than the workstation understands.' };
  if (parts.length === 2) {
    const parsedId = id.safeParse(parts[1]);
    if (!parsedId.success) return { ok: false, reason: 'The link names an item the workstation cannot read.' };
    return { ok: true, route: `/${parsedSection.data}/${parsedId.data}` };
  }
  return { ok: true, route: `/${parsedSection.data}` };
}

/** On Windows and Linux a deep link arrives as a command-line argument of a second instance. */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith(`${DEEP_LINK_PROTOCOL}://`));
}
