import { describe, expect, it } from 'vitest';
import {
  SISO_LINK_DOMAINS,
  buildNewReferralLink,
  buildReferralUrl,
  isSisoLinkHost,
  normaliseUtmValue,
  parseReferralUrl,
  previewReferralUrl,
  referralUrlForLink,
  validateReferralLinkForm,
  type ReferralLinkFormInput,
} from '../../sync/domain/referral-links';
import { checkExternalUrl } from '../../sync/domain/url-policy';
import { isAllowedExternalUrl } from '../../electron/main/navigation-guard';

const REF = '00000000-0000-4000-8000-00000000de40';
const utm = { source: 'linkedin', medium: 'social', campaign: 'spring' };

function build(destination: string, extra: Partial<typeof utm & { term: string; content: string }> = {}) {
  return buildReferralUrl({ destination, utm: { ...utm, ...extra }, partnerRef: REF });
}

describe('buildReferralUrl destinations', () => {
  it('accepts https on the SISO domain and its subdomains', () => {
    expect(SISO_LINK_DOMAINS).toContain('siso.agency');
    for (const destination of ['https://siso.agency/', 'https://siso.agency/platform', 'https://partners.siso.agency/x', 'HTTPS://SISO.AGENCY/a']) {
      expect(build(destination).ok, destination).toBe(true);
    }
    expect(isSisoLinkHost('a.b.siso.agency')).toBe(true);
    expect(isSisoLinkHost('notsiso.agency')).toBe(false);
    expect(isSisoLinkHost('evil-siso.agency')).toBe(false);
  });

  it('builds only links the app then opens: the form and main share one host rule', () => {
    for (const destination of ['https://siso.agency/', 'https://offers.siso.agency/spring', 'https://a.b.siso.agency/x']) {
      const result = build(destination);
      expect(result.ok, destination).toBe(true);
      if (!result.ok) continue;
      expect(checkExternalUrl(result.url).allowed, destination).toBe(true);
      expect(isAllowedExternalUrl(result.url), destination).toBe(true);
    }
  });

  it.each([
    ['https://siso.agency.evil.com/'],
    ['https://evilsiso.agency/'],
    ['https://siso.agency@evil.com/'],
    ['https://user:pass@siso.agency/'],
    ['https://siso.agency:8443/'],
    ['http://siso.agency/'],
    ['javascript:alert(1)//siso.agency'],
    ['data:text/html,siso.agency'],
    ['https://siso.agency%2eevil.com/'],
    ['https://evil.com\\@siso.agency/'],
    ['https://evil.com#siso.agency'],
    ['https://evil.com/?x=siso.agency'],
    ['https://siso.agency./'],
    ['//siso.agency/'],
    ['siso.agency/platform'],
    [''],
  ])('rejects %s with a message for the destination', (destination) => {
    const result = build(destination);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.destination).toMatch(/\w/);
  });

  it('keeps existing query parameters and the fragment, replaces stale UTM and ref values', () => {
    const result = build('https://siso.agency/platform?plan=pro&utm_source=old&ref=someone#faq');
    expect(result).toEqual({
      ok: true,
      url: `https://siso.agency/platform?plan=pro&utm_source=linkedin&ref=${REF}&utm_medium=social&utm_campaign=spring#faq`,
    });
  });

  it('adds optional term and content only when given', () => {
    const plain = build('https://siso.agency/');
    expect(plain.ok && new URL(plain.url).searchParams.has('utm_term')).toBe(false);
    const full = build('https://siso.agency/', { term: 'crm software', content: 'Banner A' });
    expect(full.ok && new URL(full.url).searchParams.get('utm_term')).toBe('crm-software');
    expect(full.ok && new URL(full.url).searchParams.get('utm_content')).toBe('banner-a');
  });
});

describe('UTM values', () => {
  it('normalises spaces and case', () => {
    expect(normaliseUtmValue('  Spring  Sale 2026 ')).toBe('spring-sale-2026');
  });

  it('rejects empty, too long and unsafe values with a message per field', () => {
    const result = buildReferralUrl({
      destination: 'https://siso.agency/',
      utm: { source: '   ', medium: 'a'.repeat(101), campaign: 'spring&ref=x', content: '<b>' },
      partnerRef: REF,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.source).toBe('Enter the source.');
    expect(result.errors.medium).toMatch(/100 characters/);
    expect(result.errors.campaign).toMatch(/lowercase letters/);
    expect(result.errors.content).toMatch(/lowercase letters/);
    expect(build('https://siso.agency/', { campaign: 'a'.repeat(100) }).ok).toBe(true);
    expect(build('https://siso.agency/', { campaign: 'v1.2_x-y' }).ok).toBe(true);
  });

  it('rejects a bad partner reference', () => {
    const result = buildReferralUrl({ destination: 'https://siso.agency/', utm, partnerRef: 'a b&c' });
    expect(result.ok).toBe(false);
  });
});

describe('parseReferralUrl', () => {
  it('round-trips what buildReferralUrl writes', () => {
    const built = build('https://docs.siso.agency/guide?lang=en', { term: 'crm', content: 'footer' });
    if (!built.ok) throw new Error('expected a URL');
    const parsed = parseReferralUrl(built.url);
    expect(parsed).toEqual({
      destination: 'https://docs.siso.agency/guide?lang=en',
      utm: { ...utm, term: 'crm', content: 'footer' },
      partnerRef: REF,
    });
    if (!parsed) return;
    expect(buildReferralUrl({ ...parsed, utm: parsed.utm })).toEqual(built);
  });

  it('returns null for URLs that are not SISO referral links', () => {
    expect(parseReferralUrl('not a url')).toBeNull();
    expect(parseReferralUrl(`https://evil.com/?utm_source=a&utm_medium=b&utm_campaign=c&ref=${REF}`)).toBeNull();
    expect(parseReferralUrl('https://siso.agency/?utm_source=a&utm_medium=b')).toBeNull();
  });
});

describe('the creator form', () => {
  const input: ReferralLinkFormInput = {
    name: ' Spring post ',
    destination: 'https://siso.agency/platform',
    source: 'LinkedIn',
    medium: 'social',
    campaign: 'Spring 2026',
    term: '',
    content: '',
  };

  it('validates, normalises and builds a stored link', () => {
    const result = validateReferralLinkForm(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.values).toMatchObject({ name: 'Spring post', source: 'linkedin', campaign: 'spring-2026', term: undefined });
    const doc = buildNewReferralLink(result.values, { id: 'link-1', partnerId: REF, now: new Date('2026-05-01T10:00:00Z') });
    expect(doc).toMatchObject({ id: 'link-1', partner_id: REF, created_at: '2026-05-01T10:00:00.000Z', utm_term: null, utm_content: null });
    expect(referralUrlForLink(doc, REF)).toBe(previewReferralUrl(input, REF));
  });

  it('reports each bad field and gives no preview', () => {
    const result = validateReferralLinkForm({ ...input, name: '', destination: 'https://siso.agency.evil.com/' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toMatch(/name/);
    expect(result.errors.destination).toMatch(/siso\.agency/);
    expect(previewReferralUrl({ ...input, destination: 'http://siso.agency/' }, REF)).toBeNull();
  });
});
