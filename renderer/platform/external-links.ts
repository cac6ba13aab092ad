/**
 * Which URLs the app may hand to the system browser or mail client. Pure, so the same rule is
 * unit tested and applied by both platform implementations (main checks again on its side).
 */

export type ExternalLinkDecision =
  | { allowed: true; url: string }
  | { allowed: false; reason: string };

/** SISO's own sites: the apex domain and any subdomain. */
const SISO_DOMAINS = ['siso.agency'] as const;

/** Share dialogs partners use to post referral links. Only these paths, nothing else on the host. */
const SHARE_TARGETS: ReadonlyArray<{ hosts: readonly string[]; paths: readonly string[] }> = [
  { hosts: ['linkedin.com', 'www.linkedin.com'], paths: ['/sharing/share-offsite', '/sharing/share-offsite/', '/shareArticle'] },
  { hosts: ['x.com', 'twitter.com', 'www.twitter.com'], paths: ['/intent/tweet', '/intent/post'] },
];

const MAX_URL_LENGTH = 4096;

function isSisoHost(hostname: string): boolean {
  return SISO_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

function isShareLink(url: URL): boolean {
  return SHARE_TARGETS.some((target) => target.hosts.includes(url.hostname) && target.paths.includes(url.pathname));
}

/** A mailto: link must name at most a few plain addresses (or none, e.g. `mailto:?subject=…`). */
function isMailtoLink(url: URL): boolean {
  if (url.pathname === '') return true;
  const recipients = decodeURIComponent(url.pathname).split(',');
  return recipients.length <= 10 && recipients.every((r) => /^[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/.test(r.trim()));
}

export function checkExternalUrl(raw: string): ExternalLinkDecision {
  if (raw.length > MAX_URL_LENGTH) return { allowed: false, reason: 'The link is too long to open.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'The link is not a valid address.' };
  }

  if (url.protocol === 'mailto:') {
    return isMailtoLink(url)
      ? { allowed: true, url: url.href }
      : { allowed: false, reason: 'The email link does not contain a valid address.' };
  }
  if (url.protocol !== 'https:') {
    return { allowed: false, reason: 'Only secure (https) links can be opened.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { allowed: false, reason: 'Links with embedded credentials are not opened.' };
  }
  if (url.port !== '') {
    return { allowed: false, reason: 'Links to non-standard ports are not opened.' };
  }
  if (isSisoHost(url.hostname) || isShareLink(url)) {
    return { allowed: true, url: url.href };
  }
  return { allowed: false, reason: `Links to ${url.hostname} are not on the list of sites this app opens.` };
}
