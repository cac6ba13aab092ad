import { describe, expect, it } from 'vitest';
import { checkExternalUrl, checkServerOrigin, isSisoHost, serverOriginSchema } from '../../sync/domain/url-policy';
import { checkExternalUrl as rendererCheckExternalUrl } from '../../renderer/platform/external-links';
import { decideNavigation, isAllowedExternalUrl } from '../../electron/main/navigation-guard';
import { APP_URL } from '../../electron/main/app-protocol';
import { buildReferralUrl } from '../../sync/domain/referral-links';

const ALLOWED = [
  'https://siso.agency/',
  'https://partners.siso.agency/help',
  'https://offers.siso.agency/spring?utm_source=x',
  'https://a.b.siso.agency/deep/page',
  'https://SISO.AGENCY/Path',
  'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fsiso.agency',
  'https://x.com/intent/tweet?text=Hi',
  'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Sales&organizationName=SISO',
  'mailto:client@example.com?subject=Hi',
  'https://join.slack.com/t/siso-partners/shared_invite/zt-abc123',
  'https://siso-partners.slack.com/archives/C0123',
];

const REFUSED = [
  'https://evil-siso.agency/',
  'https://evilsiso.agency/',
  'https://siso.agency.evil.com/',
  'http://siso.agency/',
  'https://user:pw@siso.agency/',
  'https://siso.agency:8443/',
  'https://www.linkedin.com/in/someone',
  'https://www.linkedin.com/profile/edit',
  'https://example.com/',
  'https://slack.com.evil.com/',
  'https://evilslack.com/',
  'http://join.slack.com/t/siso-partners',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'mailto:not-an-address',
  'not a url',
  `https://siso.agency/${'a'.repeat(5000)}`,
];

describe('one URL policy for main and renderer', () => {
  it.each([...ALLOWED, ...REFUSED])('main and the renderer decide %s the same way', (url) => {
    const renderer = rendererCheckExternalUrl(url);
    expect(isAllowedExternalUrl(url)).toBe(renderer.allowed);
    expect(decideNavigation(url, APP_URL)).toEqual({ action: 'deny', openExternally: renderer.allowed });
  });

  it.each(ALLOWED)('allows %s', (url) => {
    expect(checkExternalUrl(url).allowed).toBe(true);
  });

  it.each(REFUSED)('refuses %s with a sentence', (url) => {
    const decision = checkExternalUrl(url);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(/^[A-Z].+\.$/);
  });

  it('opens a referral link on a subdomain that the link form accepted, in main and renderer alike', () => {
    const built = buildReferralUrl({
      destination: 'https://offers.siso.agency/spring',
      utm: { source: 'linkedin', medium: 'social', campaign: 'spring' },
      partnerRef: 'p-1',
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(rendererCheckExternalUrl(built.url)).toEqual({ allowed: true, url: built.url });
    expect(isAllowedExternalUrl(built.url)).toBe(true);
  });

  it('counts only SISO domains and their subdomains as SISO hosts', () => {
    expect(isSisoHost('siso.agency')).toBe(true);
    expect(isSisoHost('Docs.Siso.Agency')).toBe(true);
    expect(isSisoHost('evil-siso.agency')).toBe(false);
    expect(isSisoHost('siso.agency.evil.com')).toBe(false);
  });
});

describe('server origins a person may sign in to', () => {
  it.each([
    ['https://abc.supabase.co', 'https://abc.supabase.co'],
    ['https://abc.supabase.co/', 'https://abc.supabase.co'],
    [' https://ABC.supabase.co ', 'https://abc.supabase.co'],
    ['https://siso.example:8443', 'https://siso.example:8443'],
    ['http://127.0.0.1:54321', 'http://127.0.0.1:54321'],
    ['http://localhost:54321/', 'http://localhost:54321'],
    ['http://[::1]:54321', 'http://[::1]:54321'],
  ])('allows %s as exactly %s', (raw, origin) => {
    expect(checkServerOrigin(raw)).toEqual({ allowed: true, url: origin });
    expect(serverOriginSchema.parse(raw)).toBe(origin);
  });

  it.each([
    ['http://abc.supabase.co', /https/],
    ['http://192.168.1.10:54321', /https/],
    ['http://localhost.evil.com', /https/],
    ['ftp://files.example', /https/],
    ['javascript:alert(1)', /https/],
    ['https://user:pw@abc.supabase.co', /user name or password/],
    ['https://abc.supabase.co/rest/v1', /without a path/],
    ['https://abc.supabase.co/?x=1', /without a path/],
    ['https://abc.supabase.co/#x', /without a path/],
    ['not a url', /not a valid address/],
    ['', /Enter the server address/],
    [`https://a${'b'.repeat(3000)}.example`, /too long/],
  ])('refuses %s', (raw, reason) => {
    const decision = checkServerOrigin(raw);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
    expect(serverOriginSchema.safeParse(raw).success).toBe(false);
  });
});
