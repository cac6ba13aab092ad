/**
 * The one URL policy: which links the app hands to the system browser or mail client, which hosts
 * count as SISO's own, and which servers a person may sign in to. Main (navigation guard, shell
 * IPC, server access), the renderer's platforms and the referral-link rules all ask here, so a link
 * one of them accepts is never refused by another.
 */
import { z } from 'zod';

export type UrlDecision = { allowed: true; url: string } | { allowed: false; reason: string };

/** SISO's own sites: each apex domain and any of its subdomains. */
export const SISO_DOMAINS = ['siso.agency'] as const;

/** Share dialogs partners use to post referral links, and LinkedIn's add-certification form. Only these paths, nothing else on the host. */
export const SHARE_TARGETS: ReadonlyArray<{ hosts: readonly string[]; paths: readonly string[] }> = [
  { hosts: ['linkedin.com', 'www.linkedin.com'], paths: ['/sharing/share-offsite', '/sharing/share-offsite/', '/shareArticle', '/profile/add'] },
  { hosts: ['x.com', 'twitter.com', 'www.twitter.com'], paths: ['/intent/tweet', '/intent/post'] },
];

/** The partner Slack community (support_settings.slack_url, Performer and above): Slack's own hosts, any path. */
export const COMMUNITY_DOMAINS = ['slack.com'] as const;

export const MAX_EXTERNAL_URL_LENGTH = 4096;
const MAX_MAILTO_RECIPIENTS = 10;
const MAILTO_ADDRESS = /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/;

/** Case-insensitive; `evil-siso.agency` and `siso.agency.evil.com` are not SISO hosts. */
export function isSisoHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return SISO_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Case-insensitive, like isSisoHost: `slack.com.evil.com` and `evilslack.com` are not Slack. */
export function isCommunityHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return COMMUNITY_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function isShareLink(url: URL): boolean {
  return SHARE_TARGETS.some((target) => target.hosts.includes(url.hostname) && target.paths.includes(url.pathname));
}

/** A mailto: link names at most a few plain addresses (or none, e.g. `mailto:?subject=…`). */
function isMailtoLink(url: URL): boolean {
  if (url.pathname === '') return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  const recipients = decoded.split(',');
  return recipients.length <= MAX_MAILTO_RECIPIENTS && recipients.every((r) => MAILTO_ADDRESS.test(r.trim()));
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Checks a URL as a secure https address with no credentials and no port; the host rule is the
 * caller's. Returns the reason when it fails.
 */
function plainHttpsProblem(url: URL): string | null {
  if (url.protocol !== 'https:') return 'Only secure (https) links can be opened.';
  if (url.username !== '' || url.password !== '') return 'Links with embedded credentials are not opened.';
  if (url.port !== '') return 'Links to non-standard ports are not opened.';
  return null;
}

/** Whether the app may open this link outside itself; the allowed URL is the normalised one to open. */
export function checkExternalUrl(raw: string): UrlDecision {
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return { allowed: false, reason: 'The link is too long to open.' };
  const url = parseUrl(raw);
  if (!url) return { allowed: false, reason: 'The link is not a valid address.' };

  if (url.protocol === 'mailto:') {
    return isMailtoLink(url)
      ? { allowed: true, url: url.href }
      : { allowed: false, reason: 'The email link does not contain a valid address.' };
  }
  const problem = plainHttpsProblem(url);
  if (problem) return { allowed: false, reason: problem };
  if (isSisoHost(url.hostname) || isShareLink(url) || isCommunityHost(url.hostname)) return { allowed: true, url: url.href };
  return { allowed: false, reason: `Links to ${url.hostname} are not on the list of sites this app opens.` };
}

// ---- Servers a person signs in to ----

export const MAX_SERVER_URL_LENGTH = 2048;
/** Plain http only where nothing leaves the machine. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A server address reduced to its origin: https, or http on this computer only; no credentials,
 * no path beyond "/", no query or fragment. Used to add exactly that origin to the desktop CSP.
 */
export function checkServerOrigin(raw: string): UrlDecision {
  const trimmed = raw.trim();
  if (trimmed.length === 0) return { allowed: false, reason: 'Enter the server address, e.g. https://your-project.supabase.co.' };
  if (trimmed.length > MAX_SERVER_URL_LENGTH) return { allowed: false, reason: 'The server address is too long.' };
  const url = parseUrl(trimmed);
  if (!url) return { allowed: false, reason: 'The server address is not a valid address. Use e.g. https://your-project.supabase.co.' };
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(host)) {
      return { allowed: false, reason: 'Use a secure https:// server address; plain http:// is allowed only for a server on this computer.' };
    }
  } else if (url.protocol !== 'https:') {
    return { allowed: false, reason: 'The server address must start with https://.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { allowed: false, reason: 'Remove the user name or password from the server address; sign in with the form instead.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { allowed: false, reason: `Enter only the server itself, e.g. ${url.origin}, without a path or query.` };
  }
  return { allowed: true, url: url.origin };
}

/** `checkServerOrigin` as a zod schema, for files and IPC payloads: the output is the origin. */
export const serverOriginSchema = z
  .string({ error: 'Enter the server address as text, e.g. https://your-project.supabase.co.' })
  .max(MAX_SERVER_URL_LENGTH, 'The server address is too long.')
  .transform((raw, ctx) => {
    const decision = checkServerOrigin(raw);
    if (!decision.allowed) {
      ctx.addIssue({ code: 'custom', message: decision.reason });
      return z.NEVER;
    }
    return decision.url;
  });
