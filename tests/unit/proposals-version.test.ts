import { describe, expect, it } from 'vitest';
import {
  buildProposalActivity,
  buildProposalSignedActivity,
  buildProposalVersionActivity,
  computeQuote,
  defaultSelection,
  describeChanges,
  proposalHistories,
  proposalSignatureMetaSchema,
  proposalStoragePath,
  proposalTrackedLink,
  proposalVersionMetaSchema,
  signedFileName,
  versionFileName,
  type PriceListItem,
  type VersionInputs,
} from '../../sync/domain/proposals';
import { normaliseUtmValue } from '../../sync/domain/referral-links';
import type { ActivityDoc } from '../../sync/schema/activities.schema';

const PARTNER = '00000000-0000-4000-8000-000000000a01';
const PROPOSAL = '7f0c2a9e-1b2c-4d5e-8f90-123456789abc';
const SHA = 'ab'.repeat(32);

const list: PriceListItem[] = [
  { id: 'build', label: 'Platform build', unit_price: 12_000, quantity: 1, optional: false, included: true },
  { id: 'sprints', label: 'Design sprints', unit_price: 2000, quantity: 1, optional: true, included: true },
  { id: 'support', label: 'Support retainer', unit_price: 800, unit: 'month', quantity: 3, optional: true, included: false },
  { id: 'training', label: 'Training day', unit_price: 950, quantity: 1, optional: true, included: false },
];
const lineLabels = Object.fromEntries(list.map((item) => [item.id, item.label]));

const inputs = (overrides: Partial<VersionInputs> = {}): VersionInputs => ({
  templateId: 'priced-proposal',
  templateName: 'Priced proposal',
  brand: { primary: '#1F4E79', secondary: '#F2A900' },
  intro: 'Dear Zoë, thank you for meeting me.',
  sectionsOff: [],
  whiteLabel: false,
  quote: defaultSelection(list),
  lineLabels,
  sectionLabels: { approach: 'Our approach', pricing: 'Investment and pricing' },
  ...overrides,
});

describe('describeChanges', () => {
  it('calls the first version the first version', () => {
    expect(describeChanges(null, inputs())).toEqual(['First version']);
  });

  it('lists nothing when nothing changed (whitespace and colour case aside)', () => {
    expect(describeChanges(inputs(), inputs({ intro: '  Dear Zoë, thank you for meeting me.\r\n', brand: { primary: '#1f4e79', secondary: '#f2a900' } }))).toEqual([]);
  });

  it('names added and removed lines, quantities and the discount in words a partner reads', () => {
    const before = inputs();
    const selection = defaultSelection(list);
    selection.items.support = { included: true, quantity: 3 };
    selection.items.training = { included: true, quantity: 1 };
    selection.items.sprints = { included: true, quantity: 3 };
    selection.discountPercent = 12;
    expect(describeChanges(before, inputs({ quote: selection }))).toEqual(['Added Support retainer and Training day', 'Quantity of Design sprints 1 → 3', 'Discount 0% → 12%']);

    const fewer = defaultSelection(list);
    fewer.items.sprints = { included: false, quantity: 1 };
    fewer.discountPercent = 7.5;
    expect(describeChanges(inputs({ quote: selection }), inputs({ quote: fewer }))).toEqual([
      'Removed Design sprints, Support retainer and Training day',
      'Discount 12% → 7.5%',
    ]);
  });

  it('notices template, introduction, colours, branding and sections', () => {
    const next = inputs({
      templateId: 'four-page-proposal',
      templateName: 'Four-page proposal with pricing',
      intro: 'Dear Zoë, here is the revised offer.',
      brand: { primary: '#000000', secondary: '#F2A900' },
      whiteLabel: true,
      sectionsOff: ['approach', 'next-steps'],
      quote: null,
    });
    expect(describeChanges(inputs({ sectionsOff: ['pricing'] }), next)).toEqual([
      'Template changed to Four-page proposal with pricing',
      'Introduction edited',
      'Colours changed',
      'SISO branding removed',
      'Sections hidden: Our approach, next-steps',
      'Sections shown again: Investment and pricing',
      'Removed Platform build and Design sprints',
    ]);
  });
});

describe('file names, paths and the tracked link', () => {
  it('numbers versions after the first and marks signed copies', () => {
    expect(versionFileName('Acme', 1)).toBe('Acme proposal.pdf');
    expect(versionFileName('Acme', 2)).toBe('Acme proposal v2.pdf');
    expect(versionFileName('A/B: "C"', 3)).toBe('A B C proposal v3.pdf');
    expect(signedFileName('Acme', 2)).toBe('Acme proposal v2 (signed).pdf');
    expect(signedFileName('Acme', 1)).toBe('Acme proposal (signed).pdf');
  });

  it('files PDFs under the partner, then the proposal', () => {
    expect(proposalStoragePath(PARTNER, PROPOSAL, 'act-9')).toBe(`${PARTNER}/${PROPOSAL}/act-9.pdf`);
  });

  it('tags the tracked link with UTM values the referral link form accepts', () => {
    const link = proposalTrackedLink({ proposalId: PROPOSAL, company: "Zoë O'Brien Ltd", destination: 'https://siso.agency/partners/start' });
    expect(link).toEqual({
      name: "Proposal for Zoë O'Brien Ltd",
      destination: 'https://siso.agency/partners/start',
      utm_source: 'proposal',
      utm_medium: 'pdf',
      utm_campaign: 'proposal-zoe-o-brien-ltd',
      utm_content: 'proposal-7f0c2a9e',
    });
    for (const value of [link.utm_campaign, link.utm_content]) expect(normaliseUtmValue(value)).toMatch(/^[a-z0-9._-]{1,100}$/);
    expect(proposalTrackedLink({ proposalId: PROPOSAL, company: 'Иванов и партнёры', destination: 'https://siso.agency' }).utm_campaign).toBe('proposal-client');
    expect(proposalTrackedLink({ proposalId: PROPOSAL, company: 'x'.repeat(200), destination: 'https://siso.agency' }).name.length).toBeLessThanOrEqual(80);
  });
});

function version(id: string, versionNumber: number, at: string, overrides: { discount?: number; status?: ActivityDoc['approval_status']; previous?: VersionInputs | null; next?: VersionInputs; proposalId?: string; leadId?: string } = {}): ActivityDoc {
  const next = overrides.next ?? inputs({ quote: { ...defaultSelection(list), discountPercent: overrides.discount ?? 0 } });
  const quote = next.quote ? computeQuote(list, next.quote, 'GBP', { label: 'VAT', percent: 20 }) : null;
  const row = buildProposalVersionActivity(
    {
      leadId: overrides.leadId ?? 'lead-1',
      proposalId: overrides.proposalId ?? PROPOSAL,
      version: versionNumber,
      fileName: versionFileName('Acme', versionNumber),
      filePath: proposalStoragePath(PARTNER, overrides.proposalId ?? PROPOSAL, id),
      sha256: SHA,
      size: 12_345,
      inputs: next,
      renderedAt: new Date(at),
      quote,
      watermarked: overrides.status === 'pending',
      changes: describeChanges(overrides.previous ?? null, next),
      linkId: 'link-1',
      trackedUrl: 'https://siso.agency/partners/start?ref=x&utm_content=proposal-7f0c2a9e',
      approvalStatus: overrides.status ?? 'not_needed',
    },
    { id, partnerId: PARTNER, now: new Date(at) },
  );
  return row;
}

describe('version and signature activities', () => {
  it('writes a proposal_created row whose meta parses and round-trips through a history', () => {
    const row = version('act-1', 1, '2026-12-01T09:00:00.000Z', { discount: 12, status: 'pending' });
    expect(row).toMatchObject({ kind: 'proposal_created', proposal_id: PROPOSAL, discount_percent: 12, approval_status: 'pending', lead_id: 'lead-1', body: 'Priced proposal v1 saved as Acme proposal.pdf' });
    const meta = proposalVersionMetaSchema.parse(JSON.parse(row.meta ?? ''));
    expect(meta.quote).toMatchObject({ currency: 'GBP', subtotal_minor: 1_400_000, discount_minor: 168_000, tax_minor: 246_400, total_minor: 1_478_400 });
    expect(meta.inputs.rendered_at).toBe('2026-12-01T09:00:00.000Z');

    const [history] = proposalHistories([row]);
    expect(history?.latest).toMatchObject({
      activityId: 'act-1',
      proposalId: PROPOSAL,
      version: 1,
      fileName: 'Acme proposal.pdf',
      filePath: `${PARTNER}/${PROPOSAL}/act-1.pdf`,
      sha256: SHA,
      size: 12_345,
      templateId: 'priced-proposal',
      discountPercent: 12,
      approvalStatus: 'pending',
      watermarked: true,
      changes: ['First version'],
      linkId: 'link-1',
      legacy: false,
      quoteTotals: { currency: 'GBP', subtotalMinor: 1_400_000, discountMinor: 168_000, taxMinor: 246_400, totalMinor: 1_478_400 },
    });
    expect(history?.latest.inputs).toEqual({ ...inputs({ quote: { ...defaultSelection(list), discountPercent: 12 } }), renderedAt: '2026-12-01T09:00:00.000Z' });
  });

  it('writes a proposal_signed row naming the version it signs', () => {
    const row = buildProposalSignedActivity(
      { leadId: 'lead-1', proposalId: PROPOSAL, versionId: 'act-1', fileName: signedFileName('Acme', 1), filePath: proposalStoragePath(PARTNER, PROPOSAL, 'act-2'), sha256: SHA, size: 20_000, sha256Before: 'cd'.repeat(32), signerName: 'Zoë O’Brien', signerEmail: 'zoe@example.com', signedAt: new Date('2026-12-01T10:00:00Z'), method: 'typed' },
      { id: 'act-2', partnerId: PARTNER, now: new Date('2026-12-01T10:00:01Z') },
    );
    expect(row).toMatchObject({ kind: 'proposal_signed', proposal_id: PROPOSAL, discount_percent: null, approval_status: null, body: 'Signed by Zoë O’Brien (zoe@example.com)' });
    expect(proposalSignatureMetaSchema.parse(JSON.parse(row.meta ?? ''))).toMatchObject({ version_id: 'act-1', method: 'typed', signed_at: '2026-12-01T10:00:00.000Z' });
  });
});

describe('proposalHistories', () => {
  const v1 = version('act-1', 1, '2026-11-20T09:00:00.000Z');
  const v2Inputs = inputs({ quote: { ...defaultSelection(list), discountPercent: 20 } });
  const v2 = version('act-2', 2, '2026-11-22T09:00:00.000Z', { discount: 20, status: 'approved', previous: inputs(), next: v2Inputs });
  const signed = buildProposalSignedActivity(
    { leadId: 'lead-1', proposalId: PROPOSAL, versionId: 'act-2', fileName: signedFileName('Acme', 2), filePath: proposalStoragePath(PARTNER, PROPOSAL, 'act-3'), sha256: SHA, size: 1, sha256Before: SHA, signerName: 'Zoë', signerEmail: 'zoe@example.com', signedAt: new Date('2026-11-23T09:00:00Z'), method: 'drawn' },
    { id: 'act-3', partnerId: PARTNER, now: new Date('2026-11-23T09:00:00Z') },
  );
  const other = version('act-4', 1, '2026-11-21T09:00:00.000Z', { proposalId: 'other-proposal', leadId: 'lead-2' });
  const legacy = buildProposalActivity({ leadId: 'lead-3', fileName: 'Old Co proposal.pdf', templateId: 'four-page-proposal', templateName: 'Four-page proposal', sha256: SHA }, { id: 'act-legacy', partnerId: PARTNER, now: new Date('2026-11-24T09:00:00Z') });
  const note: ActivityDoc = { id: 'act-note', partner_id: PARTNER, created_at: '2026-11-25T09:00:00.000Z', kind: 'note', occurred_at: '2026-11-25T09:00:00.000Z', body: 'Called' };

  it('groups versions and signatures per proposal, newest activity first, legacy rows on their own', () => {
    const histories = proposalHistories([v2, other, note, signed, legacy, v1]);
    expect(histories.map((history) => [history.proposalId, history.versions.map((v) => v.version), history.signed?.activityId ?? null])).toEqual([
      ['act-legacy', [1], null],
      [PROPOSAL, [1, 2], 'act-3'],
      ['other-proposal', [1], null],
    ]);
    const main = histories[1];
    expect(main?.leadId).toBe('lead-1');
    expect(main?.latest.activityId).toBe('act-2');
    expect(main?.latest.changes).toEqual(['Discount 0% → 20%']);
    expect(main?.signed).toMatchObject({ versionId: 'act-2', signerName: 'Zoë', method: 'drawn', sha256Before: SHA });
  });

  it('reads a legacy row as a one-version legacy history with what its meta had', () => {
    const [history] = proposalHistories([legacy]);
    expect(history).toMatchObject({ proposalId: 'act-legacy', leadId: 'lead-3', signatures: [], signed: null });
    expect(history?.latest).toMatchObject({ legacy: true, version: 1, fileName: 'Old Co proposal.pdf', templateId: 'four-page-proposal', sha256: SHA, filePath: null, inputs: null, approvalStatus: null, discountPercent: 0 });
  });

  it('waits for a version before showing a signature that synced first', () => {
    expect(proposalHistories([signed])).toEqual([]);
  });
});
