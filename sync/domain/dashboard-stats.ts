/**
 * The dashboard's figures, computed from local rows only.
 *
 * - Amounts are never added across currencies: every money figure is per currency.
 * - A commission belongs to its accounting month (`period`, YYYY-MM) when set, otherwise to the
 *   month it was created in, in the partner's time zone. "Earned" counts commissions of any status.
 * - Pending = commissions pending or processing; paid = commissions paid (all time).
 * - Active leads = leads not won or lost. Conversion rate = won ÷ all leads (null with no leads).
 * - Rank is shown only to partners who opted in to the leaderboard, and only when SISO has put a
 *   rank into partner_status.metrics (`leaderboard_rank`, optional `leaderboard_size`); otherwise
 *   it is reported as not available offline rather than guessed.
 */
import { LEAD_STAGES, type LeadStage } from '../schema/leads.schema';
import type { LeadInput } from './tiers';
import { parseInstant, zonedMonth, zonedMonthKey } from './zoned-time';

export interface EarningRowInput {
  readonly kind: string;
  readonly status: string;
  readonly amount: number;
  readonly currency: string;
  readonly period?: string | null;
  readonly created_at: string;
}

export interface DashboardInput {
  earnings: readonly EarningRowInput[];
  leads: readonly LeadInput[];
  profile: { readonly leaderboard_opt_in: boolean; readonly currency?: string } | null;
  /** partner_status.metrics, or null when partner_status has not synced. */
  metrics: Readonly<Record<string, unknown>> | null;
  now: Date;
  timeZone: string;
  /** How many months the earnings chart covers, ending with the current month. */
  chartMonths?: number;
}

export interface CurrencyTotals {
  currency: string;
  earnedThisMonth: number;
  earnedLastMonth: number;
  pending: number;
  paid: number;
}

export interface MonthAmount {
  /** YYYY-MM */
  month: string;
  amount: number;
}

export type RankState =
  | { state: 'no-profile' }
  | { state: 'opted-out' }
  | { state: 'unavailable'; message: string }
  | { state: 'ranked'; rank: number; of: number | null };

export interface DashboardStats {
  thisMonth: string;
  lastMonth: string;
  /** One entry per currency with any commission; the partner's own currency first. */
  earnings: CurrencyTotals[];
  totalLeads: number;
  activeLeads: number;
  wonLeads: number;
  lostLeads: number;
  /** 0–1, or null when there are no leads. */
  conversionRate: number | null;
  leadsByStage: { stage: LeadStage; count: number }[];
  /** Per lead source with any leads: how many, how many won (advanced analytics). */
  leadsBySource: { source: string; total: number; won: number }[];
  earningsByMonth: { currency: string; months: MonthAmount[] }[];
  rank: RankState;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function computeDashboardStats(input: DashboardInput): DashboardStats {
  const { now, timeZone } = input;
  const thisMonth = zonedMonth(now, timeZone).key;
  const lastMonth = zonedMonth(now, timeZone, -1).key;
  const chartMonths = Math.max(1, input.chartMonths ?? 6);
  const monthKeys = Array.from({ length: chartMonths }, (_, index) => zonedMonth(now, timeZone, index - chartMonths + 1).key);

  const totals = new Map<string, CurrencyTotals>();
  const byMonth = new Map<string, Map<string, number>>();
  for (const row of input.earnings) {
    if (row.kind !== 'commission' || !Number.isFinite(row.amount)) continue;
    const entry = totals.get(row.currency) ?? {
      currency: row.currency,
      earnedThisMonth: 0,
      earnedLastMonth: 0,
      pending: 0,
      paid: 0,
    };
    const month = accountingMonth(row, timeZone);
    if (month === thisMonth) entry.earnedThisMonth += row.amount;
    if (month === lastMonth) entry.earnedLastMonth += row.amount;
    if (row.status === 'pending' || row.status === 'processing') entry.pending += row.amount;
    if (row.status === 'paid') entry.paid += row.amount;
    totals.set(row.currency, entry);
    if (month) {
      const months = byMonth.get(row.currency) ?? new Map<string, number>();
      months.set(month, (months.get(month) ?? 0) + row.amount);
      byMonth.set(row.currency, months);
    }
  }
  const ownCurrency = input.profile?.currency;
  const earnings = [...totals.values()].map(roundTotals).sort((a, b) => {
    if (a.currency === ownCurrency) return -1;
    if (b.currency === ownCurrency) return 1;
    return b.paid + b.pending - (a.paid + a.pending) || a.currency.localeCompare(b.currency);
  });
  const earningsByMonth = earnings
    .map(({ currency }) => ({
      currency,
      months: monthKeys.map((month) => ({ month, amount: round2(byMonth.get(currency)?.get(month) ?? 0) })),
    }))
    .filter((series) => series.months.some((month) => month.amount !== 0));

  const counts = new Map<string, number>();
  const sources = new Map<string, { source: string; total: number; won: number }>();
  for (const lead of input.leads) {
    counts.set(lead.stage, (counts.get(lead.stage) ?? 0) + 1);
    const source = lead.source ?? 'other';
    const entry = sources.get(source) ?? { source, total: 0, won: 0 };
    entry.total += 1;
    if (lead.stage === 'won') entry.won += 1;
    sources.set(source, entry);
  }
  const totalLeads = input.leads.length;
  const wonLeads = counts.get('won') ?? 0;
  const lostLeads = counts.get('lost') ?? 0;

  return {
    thisMonth,
    lastMonth,
    earnings,
    totalLeads,
    activeLeads: totalLeads - wonLeads - lostLeads,
    wonLeads,
    lostLeads,
    conversionRate: totalLeads === 0 ? null : wonLeads / totalLeads,
    leadsByStage: LEAD_STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })),
    leadsBySource: [...sources.values()].sort((a, b) => b.total - a.total || a.source.localeCompare(b.source)),
    earningsByMonth,
    rank: rankState(input),
  };
}

function accountingMonth(row: EarningRowInput, timeZone: string): string | null {
  if (row.period && PERIOD.test(row.period)) return row.period;
  const created = parseInstant(row.created_at);
  return created ? zonedMonthKey(created, timeZone) : null;
}

function rankState(input: DashboardInput): RankState {
  if (!input.profile) return { state: 'no-profile' };
  if (!input.profile.leaderboard_opt_in) return { state: 'opted-out' };
  const rank = input.metrics?.leaderboard_rank;
  if (typeof rank === 'number' && Number.isInteger(rank) && rank > 0) {
    const size = input.metrics?.leaderboard_size;
    return { state: 'ranked', rank, of: typeof size === 'number' && Number.isInteger(size) && size >= rank ? size : null };
  }
  return {
    state: 'unavailable',
    message: 'SISO has not sent a leaderboard rank to this device; it appears after SISO publishes one and the app syncs.',
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundTotals(totals: CurrencyTotals): CurrencyTotals {
  return {
    currency: totals.currency,
    earnedThisMonth: round2(totals.earnedThisMonth),
    earnedLastMonth: round2(totals.earnedLastMonth),
    pending: round2(totals.pending),
    paid: round2(totals.paid),
  };
}
