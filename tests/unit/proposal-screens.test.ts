/**
 * The proposal screens' own rules: reading the pricing form (sentences per field, required lines
 * always in), summing a tracked link's daily views, and the status and views sentences /proposals shows.
 */
import { describe, expect, it } from 'vitest';
import { priceListItemSchema, type PriceListItem } from '../../sync/domain/proposals';
import type { ProposalHistory, ProposalVersion } from '../../sync/domain/proposals/version';
import { parsePricingForm, pricingFormFromSelection } from '../../renderer/features/proposals/PricingEditor';
import { viewsByLink } from '../../renderer/features/proposals/use-proposals-data';
import { LEGACY_NOTE, proposalStatus } from '../../sync/domain/proposals/status';
import { viewsSentence } from '../../renderer/features/proposals/ProposalsPage';

const priceList: PriceListItem[] = [
  priceListItemSchema.parse({ id: 'build', label: 'Platform build', unit_price: 12000 }),
  priceListItemSchema.parse({ id: 'training', label: 'Training day', unit_price: 950, optional: true, included: false }),
];

describe('parsePricingForm', () => {
  it('reads quantities and the discount, keeping required lines included whatever the form says', () => {
    const parsed = parsePricingForm(priceList, {
      items: { build: { included: false, quantity: '2' }, training: { included: true, quantity: ' 3 ' } },
      discount: '12,5',
    });
    expect(parsed).toEqual({ ok: true, selection: { items: { build: { included: true, quantity: 2 }, training: { included: true, quantity: 3 } }, discountPercent: 12.5 } });
  });

  it('treats an empty discount as none and starts lines from the price list', () => {
    expect(parsePricingForm(priceList, { items: {}, discount: '' })).toEqual({
      ok: true,
      selection: { items: { build: { included: true, quantity: 1 }, training: { included: false, quantity: 1 } }, discountPercent: 0 },
    });
  });

  it('names the field and the fix for each value it cannot use', () => {
    const parsed = parsePricingForm(priceList, { items: { build: { included: true, quantity: '0' }, training: { included: true, quantity: '1.5' } }, discount: '120' });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        quantities: {
          build: 'Enter a whole number from 1 to 999 as the quantity of Platform build.',
          training: 'Enter a whole number from 1 to 999 as the quantity of Training day.',
        },
        discount: 'A discount cannot be more than 100%.',
      },
    });
    expect(parsePricingForm(priceList, { items: {}, discount: 'ten' })).toEqual({ ok: false, errors: { discount: 'Enter the discount as a number from 0 to 100, e.g. 12.5.' } });
    expect(parsePricingForm(priceList, { items: {}, discount: '1.255' })).toEqual({ ok: false, errors: { discount: 'Use at most two decimal places in the discount, e.g. 12.5.' } });
    expect(parsePricingForm(priceList, { items: { build: { included: true, quantity: '1000' } }, discount: '0' }).ok).toBe(false);
  });

  it('round-trips a saved selection through the form', () => {
    const selection = { items: { build: { included: true, quantity: 4 }, training: { included: true, quantity: 2 } }, discountPercent: 7.5 };
    expect(parsePricingForm(priceList, pricingFormFromSelection(selection))).toEqual({ ok: true, selection });
  });
});

describe('viewsByLink', () => {
  it('sums the days of the proposal links only, newest day last', () => {
    const views = viewsByLink(
      [
        { referral_link_id: 'a', day: '2026-12-02', clicks: 2 },
        { referral_link_id: 'a', day: '2026-11-30', clicks: 1 },
        { referral_link_id: 'a', day: '2026-12-01', clicks: 0 },
        { referral_link_id: 'other', day: '2026-12-03', clicks: 9 },
      ],
      new Set(['a', 'b']),
    );
    expect([...views.keys()]).toEqual(['a']);
    expect(views.get('a')).toEqual({ total: 3, lastDay: '2026-12-02', days: [{ day: '2026-11-30', clicks: 1 }, { day: '2026-12-02', clicks: 2 }] });
    expect(viewsSentence(views.get('a'))).toMatch(/^Opened 3 times, last on (2 Dec|Dec 2)$/);
    expect(viewsSentence({ total: 1, lastDay: '2026-12-02', days: [{ day: '2026-12-02', clicks: 1 }] })).toMatch(/^Opened once, last on (2 Dec|Dec 2)$/);
    expect(viewsSentence(undefined)).toBe('Not opened yet');
  });
});

describe('proposalStatus', () => {
  const version = (change: Partial<ProposalVersion>): ProposalVersion => ({
    activityId: 'v1', proposalId: 'p', leadId: 'l', version: 1, createdAt: '2026-12-01T10:00:00.000Z', fileName: 'Acme proposal.pdf', filePath: 'x/p/v1.pdf',
    sha256: null, size: 10, templateId: 't', inputs: null, quoteTotals: null, discountPercent: 12, approvalStatus: 'not_needed', decidedAt: null,
    decisionNote: null, watermarked: false, changes: ['First version'], trackedUrl: null, linkId: null, legacy: false, ...change,
  });
  const history = (latest: ProposalVersion, signed: ProposalHistory['signed'] = null): ProposalHistory => ({ proposalId: 'p', leadId: 'l', versions: [latest], signatures: signed ? [signed] : [], latest, signed });

  it('says where the proposal stands', () => {
    expect(proposalStatus(history(version({})))).toBe('Ready to sign');
    expect(proposalStatus(history(version({ approvalStatus: null })))).toBe('Ready to sign');
    expect(proposalStatus(history(version({ approvalStatus: 'pending' })))).toBe("Waiting for SISO's approval of a 12% discount");
    expect(proposalStatus(history(version({ approvalStatus: 'declined', decisionNote: 'Keep it under 10%.' })))).toBe('Discount declined: Keep it under 10%.');
    expect(proposalStatus(history(version({ approvalStatus: 'approved' })))).toBe('Discount approved');
    expect(proposalStatus(history(version({ legacy: true, approvalStatus: null })))).toBe(LEGACY_NOTE);
    // The device's locale orders the date; the signing time sits mid-day so no zone moves the day.
    const signed = {
      activityId: 's', proposalId: 'p', versionId: 'v1', fileName: 'Acme proposal (signed).pdf', filePath: 'x/p/s.pdf', sha256: 'a', size: 1, sha256Before: 'b',
      signerName: 'Ελένη Παπαδοπούλου', signerEmail: 'e@example.com', signedAt: '2026-12-02T12:00:00.000Z', method: 'typed' as const,
    };
    expect(proposalStatus(history(version({}), signed))).toMatch(/^Signed by Ελένη Παπαδοπούλου on (2 Dec 2026|Dec 2, 2026)$/);
  });
});
