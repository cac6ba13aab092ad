import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../renderer/platform/external-links';

describe('checkExternalUrl', () => {
  it.each([
    'https://siso.agency',
    'https://siso.agency/partners?utm_source=workstation',
    'https://help.siso.agency/articles/payouts',
    'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fsiso.agency%2Fr%2Fabc',
    'https://x.com/intent/tweet?text=Hi&url=https%3A%2F%2Fsiso.agency%2Fr%2Fabc',
    'https://twitter.com/intent/tweet?text=Hi',
    'mailto:partners@siso.agency',
    'mailto:client@example.com?subject=Proposal&body=Hello',
    'mailto:?subject=Referral',
  ])('allows %s', (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ allowed: true });
  });

  it.each([
    ['http://siso.agency', /secure/],
    ['https://siso.agency.evil.com/', /not on the list/],
    ['https://evilsiso.agency/', /not on the list/],
    ['https://example.com/', /not on the list/],
    ['https://www.linkedin.com/in/someone', /not on the list/],
    ['https://x.com/settings', /not on the list/],
    ['https://user:pass@siso.agency/', /credentials/],
    ['https://siso.agency:8443/', /ports/],
    ['javascript:alert(1)', /secure/],
    ['file:///etc/passwd', /secure/],
    ['data:text/html,<script>alert(1)</script>', /secure/],
    ['mailto:not-an-address', /valid address/],
    ['not a url', /not a valid address/],
    [`https://siso.agency/${'a'.repeat(5000)}`, /too long/],
  ])('refuses %s', (url, reason) => {
    const decision = checkExternalUrl(url);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
  });

  it('returns the normalised URL it checked, so callers open exactly that', () => {
    expect(checkExternalUrl('HTTPS://SISO.AGENCY/Path')).toEqual({ allowed: true, url: 'https://siso.agency/Path' });
  });
});
