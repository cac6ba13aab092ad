import { describe, expect, it } from 'vitest';
import { explainCommission, type CommissionLineInput, type ExplanationSources } from '../../sync/domain/commissions';

const commission: CommissionLineInput = {
  id: 'c-1', kind: 'commission', lead_id: 'lead-1', deal_name: 'Żółć Logistyka — annual plan', commission_type: 'referral',
  amount: 2200, currency: 'EUR', rate: 22, tier: 'active', deal_value: 10_000, status: 'paid', payout_id: 'p-1',
  created_at: '2026-03-01T10:00:00.000Z',
  history: [{ at: '2026-03-02T10:00:00.000Z', amount_from: 2000, amount_to: 2200, status_from: 'pending', status_to: 'approved', reason: 'Deal value confirmed.' }],
};
const clawback: CommissionLineInput = {
  id: 'c-2', kind: 'commission', lead_id: 'lead-1', commission_type: 'clawback', amount: -2200, currency: 'EUR', rate: 22, tier: 'active',
  deal_value: 10_000, status: 'approved', reverses_id: 'c-1', reason: 'The lead was moved from won back to lost, so its commission is reversed.',
  created_at: '2026-04-01T10:00:00.000Z',
};
const sources: ExplanationSources = {
  leads: [{ id: 'lead-1', company: 'Żółć Logistyka', stage: 'lost' }],
  lines: [commission, clawback],
  payouts: [{ id: 'p-1', status: 'paid', amount: 2200, currency: 'EUR', reference: 'BACS-7' }],
};

describe('explainCommission', () => {
  it('walks from the lead through deal value, rate and tier then, amount, payout, clawback and adjustments', () => {
    expect(explainCommission(commission, sources).map((step) => step.text)).toEqual([
      'Lead: Żółć Logistyka (now lost).',
      'Deal value: 10000.00 EUR.',
      'Rate at the time: 22% (your tier then: Active).',
      'Amount: 10000.00 EUR × 22% = 2200.00 EUR.',
      'Paid out.',
      'Paid in your withdrawal of 2200.00 EUR, reference BACS-7.',
      'Clawed back (-2200.00 EUR): The lead was moved from won back to lost, so its commission is reversed.',
      'Adjusted by SISO (amount 2000.00 EUR → 2200.00 EUR, status pending → approved): Deal value confirmed.',
    ]);
  });

  it('explains a clawback by what it reverses and why', () => {
    const steps = explainCommission(clawback, sources);
    expect(steps.find((step) => step.kind === 'clawback')).toEqual({
      kind: 'clawback', lineId: 'c-1', text: 'Clawback of 2200.00 EUR: The lead was moved from won back to lost, so its commission is reversed.',
    });
    expect(steps.at(-1)?.text).toBe('Taken back from the balance you can withdraw.');
  });

  it('says so when the lead or payout is not on this device, and handles lines without a lead', () => {
    const texts = explainCommission(commission, { leads: [], lines: [commission], payouts: [] }).map((step) => step.text);
    expect(texts[0]).toBe('Lead: Żółć Logistyka — annual plan (not on this device).');
    expect(texts).toContain('Paid in a withdrawal that is not on this device yet.');
    const bonus: CommissionLineInput = { id: 'b', kind: 'commission', commission_type: 'bonus', deal_name: 'Monthly performance bonus', amount: 450, currency: 'GBP', status: 'approved', reason: 'Met the monthly referral target.', created_at: '2026-03-01T10:00:00.000Z' };
    expect(explainCommission(bonus, sources).map((step) => step.text)).toEqual([
      'Bonus line: Monthly performance bonus, not tied to a lead.',
      'Amount: 450.00 GBP.',
      'Why: Met the monthly referral target.',
      'Approved: it counts towards the balance you can withdraw.',
    ]);
  });
});
