import { describe, expect, it } from 'vitest';
import type { ProposalVersion } from '../../sync/domain/proposals/version';
import type { QuoteSelection } from '../../sync/domain/proposals/quote';
import { needsNewVersion, sameSelection } from '../../renderer/features/proposals/sign-writes';

const selection = (overrides: Partial<QuoteSelection['items']> = {}, discountPercent = 0): QuoteSelection => ({
  items: { build: { included: true, quantity: 1 }, support: { included: true, quantity: 3 }, ...overrides } as QuoteSelection['items'],
  discountPercent,
});

function version(overrides: Partial<ProposalVersion> = {}): ProposalVersion {
  return {
    activityId: 'v1',
    proposalId: 'p1',
    leadId: 'l1',
    version: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    fileName: 'Acme proposal.pdf',
    filePath: 'partner/p1/v1.pdf',
    sha256: 'a'.repeat(64),
    size: 1000,
    templateId: 'priced',
    inputs: {
      templateId: 'priced',
      templateName: 'Priced',
      brand: { primary: '#000000', secondary: '#ffffff' },
      intro: null,
      sectionsOff: [],
      whiteLabel: false,
      quote: selection(),
      renderedAt: '2026-12-01T10:00:00.000Z',
    },
    quoteTotals: null,
    discountPercent: 0,
    approvalStatus: 'not_needed',
    decidedAt: null,
    decisionNote: null,
    watermarked: false,
    changes: ['First version'],
    trackedUrl: null,
    linkId: null,
    legacy: false,
    ...overrides,
  };
}

describe('what a signature signs', () => {
  it('compares selections by the lines chosen, their quantities and the discount', () => {
    expect(sameSelection(selection(), selection())).toBe(true);
    expect(sameSelection(selection({ support: { included: false, quantity: 3 } }), selection())).toBe(false);
    expect(sameSelection(selection({ support: { included: true, quantity: 4 } }), selection())).toBe(false);
    expect(sameSelection(selection({}, 5), selection())).toBe(false);
    expect(sameSelection(selection({ extra: { included: false, quantity: 1 } }), selection())).toBe(false);
    expect(sameSelection(null, null)).toBe(true);
    expect(sameSelection(null, selection())).toBe(false);
  });

  it('signs the latest file as it is only when the client changed nothing and it is no draft', () => {
    expect(needsNewVersion(version(), selection())).toBe(false);
    expect(needsNewVersion(version(), selection({ support: { included: false, quantity: 3 } }))).toBe(true);
    // An approved discount: the file shown while it was pending carries the watermark and is not final.
    expect(needsNewVersion(version({ watermarked: true, approvalStatus: 'approved' }), selection())).toBe(true);
    expect(needsNewVersion(version({ legacy: true, inputs: null }), null)).toBe(true);
  });
});
