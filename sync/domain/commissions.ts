/**
 * Why a commission line is what it is, in steps a partner can check: the lead, the deal value,
 * the rate and tier at the time, the amount, the payout it went into, a clawback and its reason,
 * and every admin adjustment. Reads local rows only, so it works offline.
 */
import type { CommissionType, EarningStatus } from '../schema/earnings.schema';
import { formatAmount } from './payouts';

export interface CommissionLineInput {
  readonly id: string;
  readonly kind: string;
  readonly lead_id?: string | null;
  readonly deal_name?: string | null;
  readonly commission_type?: CommissionType | null;
  readonly amount: number;
  readonly currency: string;
  readonly rate?: number | null;
  readonly tier?: string | null;
  readonly deal_value?: number | null;
  readonly status: EarningStatus;
  readonly payout_id?: string | null;
  readonly paid_at?: string | null;
  readonly reason?: string | null;
  readonly reverses_id?: string | null;
  readonly created_at: string;
  readonly history?: readonly {
    at: string;
    amount_from: number;
    amount_to: number;
    status_from: string;
    status_to: string;
    reason: string;
  }[];
}

export interface ExplanationLead {
  readonly id: string;
  readonly company: string;
  readonly stage: string;
}

export interface ExplanationPayout {
  readonly id: string;
  readonly status: string;
  readonly amount: number;
  readonly currency: string;
  readonly reference?: string | null;
  readonly paid_at?: string | null;
}

export type ExplanationStep =
  | { kind: 'lead'; text: string; leadId: string | null }
  | { kind: 'deal_value'; text: string }
  | { kind: 'rate'; text: string }
  | { kind: 'amount'; text: string }
  | { kind: 'status'; text: string }
  | { kind: 'payout'; text: string; payoutId: string }
  | { kind: 'clawback'; text: string; lineId: string }
  | { kind: 'adjustment'; text: string; at: string };

export interface ExplanationSources {
  leads: readonly ExplanationLead[];
  /** Every line, so a commission finds its clawback and a clawback finds what it reverses. */
  lines: readonly CommissionLineInput[];
  payouts: readonly ExplanationPayout[];
}

export const COMMISSION_TYPE_LABELS: Record<CommissionType, string> = {
  referral: 'Referral',
  upsell: 'Upsell',
  base: 'Base',
  bonus: 'Bonus',
  clawback: 'Clawback',
};

const STATUS_SENTENCES: Record<EarningStatus, string> = {
  pending: 'Pending: the deal is won and SISO has not yet confirmed the client paid.',
  processing: 'Processing: SISO is checking the deal.',
  approved: 'Approved: it counts towards the balance you can withdraw.',
  paid: 'Paid out.',
  reversed: 'Reversed: it was cancelled before it was paid and does not count.',
};

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function percent(rate: number): string {
  return `${Number.isInteger(rate) ? rate : rate.toFixed(2)}%`;
}

/** The steps from the lead to the money, in order. */
export function explainCommission(line: CommissionLineInput, sources: ExplanationSources): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  const reversed = line.reverses_id ? sources.lines.find((other) => other.id === line.reverses_id) : undefined;
  const leadId = line.lead_id ?? reversed?.lead_id ?? null;
  const lead = leadId ? sources.leads.find((candidate) => candidate.id === leadId) : undefined;
  const type = line.commission_type ?? 'referral';

  if (lead) steps.push({ kind: 'lead', leadId: lead.id, text: `Lead: ${lead.company} (now ${lead.stage}).` });
  else if (leadId) steps.push({ kind: 'lead', leadId, text: `Lead: ${line.deal_name ?? 'a lead'} (not on this device).` });
  else steps.push({ kind: 'lead', leadId: null, text: `${COMMISSION_TYPE_LABELS[type]} line${line.deal_name ? `: ${line.deal_name}` : ''}, not tied to a lead.` });

  if (type === 'clawback') {
    const original = reversed ? formatAmount(reversed.amount, reversed.currency) : 'a commission';
    steps.push({
      kind: 'clawback',
      lineId: line.reverses_id ?? line.id,
      text: `Clawback of ${original}: ${line.reason ?? 'no reason was recorded.'}`,
    });
    steps.push({ kind: 'amount', text: `Amount: ${formatAmount(line.amount, line.currency)}.` });
    steps.push({ kind: 'status', text: line.status === 'approved' ? 'Taken back from the balance you can withdraw.' : STATUS_SENTENCES[line.status] });
    return [...steps, ...adjustments(line)];
  }

  if (line.deal_value != null) steps.push({ kind: 'deal_value', text: `Deal value: ${formatAmount(line.deal_value, line.currency)}.` });
  if (line.rate != null) {
    const tier = line.tier ? ` (your tier then: ${titleCase(line.tier)})` : '';
    steps.push({ kind: 'rate', text: `Rate at the time: ${percent(line.rate)}${tier}.` });
  }
  const sum = line.deal_value != null && line.rate != null ? `${formatAmount(line.deal_value, line.currency)} × ${percent(line.rate)} = ` : '';
  steps.push({ kind: 'amount', text: `Amount: ${sum}${formatAmount(line.amount, line.currency)}.` });
  if (line.reason && type === 'bonus') steps.push({ kind: 'status', text: `Why: ${line.reason}` });
  steps.push({ kind: 'status', text: STATUS_SENTENCES[line.status] });

  if (line.payout_id) {
    const payout = sources.payouts.find((candidate) => candidate.id === line.payout_id);
    steps.push({
      kind: 'payout',
      payoutId: line.payout_id,
      text: payout
        ? `Paid in your withdrawal of ${formatAmount(payout.amount, payout.currency)}${payout.reference ? `, reference ${payout.reference}` : ''}.`
        : 'Paid in a withdrawal that is not on this device yet.',
    });
  }
  const clawback = sources.lines.find((other) => other.reverses_id === line.id);
  if (clawback) {
    steps.push({
      kind: 'clawback',
      lineId: clawback.id,
      text: `Clawed back (${formatAmount(clawback.amount, clawback.currency)}): ${clawback.reason ?? 'no reason was recorded.'}`,
    });
  }
  return [...steps, ...adjustments(line)];
}

function adjustments(line: CommissionLineInput): ExplanationStep[] {
  return (line.history ?? []).map((entry) => {
    const changes: string[] = [];
    if (entry.amount_from !== entry.amount_to) {
      changes.push(`amount ${formatAmount(entry.amount_from, line.currency)} → ${formatAmount(entry.amount_to, line.currency)}`);
    }
    if (entry.status_from !== entry.status_to) changes.push(`status ${entry.status_from} → ${entry.status_to}`);
    return { kind: 'adjustment' as const, at: entry.at, text: `Adjusted by SISO (${changes.join(', ') || 'no change'}): ${entry.reason}` };
  });
}
