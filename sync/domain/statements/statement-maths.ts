/**
 * The figures on commission statements, in the currency's minor units: which lines and payouts fall
 * in a month or a year, opening and closing balances (computeBalances' `available`, so a statement
 * agrees with the Commission center to the cent), and the annual per-month, per-type summary.
 *
 * A line belongs to its accounting month (`period`, else the month it was created); a payout to the
 * month it was requested in (that is when it leaves the balance); "payouts received" in the annual
 * summary are paid payouts by the month they were paid. Dates are read in UTC.
 */
import type { CommissionType, EarningDoc } from '../../schema/earnings.schema';
import type { PayoutDoc } from '../../schema/payouts.schema';
import { computeBalances } from '../payouts';
import { currencyFractionDigits } from '../proposals/pricing';

/** Rows as the local store holds them; deleted ones are left out. */
export type StatementEarning = Readonly<Omit<EarningDoc, 'history'>> & { readonly _deleted?: boolean };
export type StatementPayout = Readonly<PayoutDoc> & { readonly _deleted?: boolean };

export type StatementPeriod = { kind: 'month'; month: string } | { kind: 'year'; year: number };

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNTED_STATUSES = new Set(['approved', 'paid']);
const PENDING_STATUSES = new Set(['pending', 'processing']);
const COMMITTED_PAYOUT_STATUSES = new Set(['requested', 'approved', 'paid']);
export const SUMMARY_TYPES: readonly CommissionType[] = ['referral', 'upsell', 'base', 'bonus', 'clawback'];

/** The PDF's file name: siso-statement-2026-11.pdf or siso-annual-summary-2026.pdf. */
export function statementFileName(period: StatementPeriod): string {
  return period.kind === 'month' ? `siso-statement-${period.month}.pdf` : `siso-annual-summary-${period.year}.pdf`;
}

export function isStatementMonth(month: string): boolean {
  return MONTH_PATTERN.test(month);
}

export function lineMonth(line: Pick<EarningDoc, 'period' | 'created_at'>): string {
  return line.period && MONTH_PATTERN.test(line.period) ? line.period : line.created_at.slice(0, 7);
}

export function payoutMonth(payout: Pick<PayoutDoc, 'created_at'>): string {
  return payout.created_at.slice(0, 7);
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyFractionDigits(currency));
}

/** The currency's balance (`available`) over the lines and payouts whose month passes `include`. */
function availableMinor(earnings: readonly StatementEarning[], payouts: readonly StatementPayout[], currency: string, include: (month: string) => boolean): number {
  const balance = computeBalances(
    earnings.filter((line) => line.currency === currency && include(lineMonth(line))),
    payouts.filter((payout) => payout.currency === currency && include(payoutMonth(payout))),
  ).find((entry) => entry.currency === currency);
  return toMinor(balance?.available ?? 0, currency);
}

function byDate<T extends { created_at: string; id: string }>(a: T, b: T): number {
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const isCommission = (line: StatementEarning) => !line._deleted && line.kind === 'commission';
const isLivePayout = (payout: StatementPayout) => !payout._deleted;

export interface MonthlyStatementFigures {
  currency: string;
  month: string;
  openingMinor: number;
  /** Approved or paid lines of the month other than clawbacks. */
  earnedMinor: number;
  /** Approved or paid clawbacks of the month (0 or negative). */
  clawbacksMinor: number;
  /** Payouts requested, approved or paid in the month (0 or positive; they reduce the balance). */
  payoutsMinor: number;
  closingMinor: number;
  /** Lines of the month still pending or processing: listed, not yet in the balance. */
  pendingMinor: number;
  lines: StatementEarning[];
  payouts: StatementPayout[];
}

/** Currencies with anything up to the period's end, `main` first; just `main` when there is nothing. */
export function statementCurrencies(earnings: readonly StatementEarning[], payouts: readonly StatementPayout[], main: string, lastMonth: string): string[] {
  const found = new Set<string>();
  for (const line of earnings) if (isCommission(line) && lineMonth(line) <= lastMonth) found.add(line.currency);
  for (const payout of payouts) if (isLivePayout(payout) && payoutMonth(payout) <= lastMonth) found.add(payout.currency);
  found.delete(main);
  return [main, ...[...found].sort()];
}

export function monthlyStatementFigures(earnings: readonly StatementEarning[], payouts: readonly StatementPayout[], currency: string, month: string): MonthlyStatementFigures {
  const lines = earnings.filter((line) => isCommission(line) && line.currency === currency && lineMonth(line) === month).sort(byDate);
  const monthPayouts = payouts.filter((payout) => isLivePayout(payout) && payout.currency === currency && payoutMonth(payout) === month).sort(byDate);
  let earnedMinor = 0;
  let clawbacksMinor = 0;
  let pendingMinor = 0;
  for (const line of lines) {
    const minor = toMinor(line.amount, currency);
    if (COUNTED_STATUSES.has(line.status)) {
      if (line.commission_type === 'clawback') clawbacksMinor += minor;
      else earnedMinor += minor;
    } else if (PENDING_STATUSES.has(line.status)) pendingMinor += minor;
  }
  const payoutsMinor = monthPayouts.filter((payout) => COMMITTED_PAYOUT_STATUSES.has(payout.status)).reduce((sum, payout) => sum + toMinor(payout.amount, currency), 0);
  return {
    currency,
    month,
    openingMinor: availableMinor(earnings, payouts, currency, (m) => m < month),
    earnedMinor,
    clawbacksMinor,
    payoutsMinor,
    closingMinor: availableMinor(earnings, payouts, currency, (m) => m <= month),
    pendingMinor,
    lines,
    payouts: monthPayouts,
  };
}

export interface AnnualMonthRow {
  month: string;
  /** Approved or paid lines by commission type (lines without a type count as base commission). */
  byTypeMinor: Record<CommissionType, number>;
  totalMinor: number;
  payoutsReceivedMinor: number;
}

export interface AnnualSummaryFigures {
  currency: string;
  year: number;
  months: AnnualMonthRow[];
  yearByTypeMinor: Record<CommissionType, number>;
  yearTotalMinor: number;
  yearPayoutsReceivedMinor: number;
  /** Lines of the year still pending or processing at the time of the summary. */
  yearPendingMinor: number;
  openingMinor: number;
  closingMinor: number;
}

const zeroByType = (): Record<CommissionType, number> => ({ referral: 0, upsell: 0, base: 0, bonus: 0, clawback: 0 });

export function annualSummaryFigures(earnings: readonly StatementEarning[], payouts: readonly StatementPayout[], currency: string, year: number): AnnualSummaryFigures {
  const prefix = `${year}-`;
  const months: AnnualMonthRow[] = Array.from({ length: 12 }, (_, index) => ({
    month: `${year}-${String(index + 1).padStart(2, '0')}`,
    byTypeMinor: zeroByType(),
    totalMinor: 0,
    payoutsReceivedMinor: 0,
  }));
  const yearByTypeMinor = zeroByType();
  let yearPendingMinor = 0;
  for (const line of earnings) {
    if (!isCommission(line) || line.currency !== currency) continue;
    const month = lineMonth(line);
    if (!month.startsWith(prefix)) continue;
    const minor = toMinor(line.amount, currency);
    if (PENDING_STATUSES.has(line.status)) yearPendingMinor += minor;
    if (!COUNTED_STATUSES.has(line.status)) continue;
    const row = months[Number(month.slice(5, 7)) - 1];
    if (!row) continue;
    const type = line.commission_type ?? 'base';
    row.byTypeMinor[type] += minor;
    row.totalMinor += minor;
    yearByTypeMinor[type] += minor;
  }
  for (const payout of payouts) {
    if (!isLivePayout(payout) || payout.currency !== currency || payout.status !== 'paid' || !payout.paid_at?.startsWith(prefix)) continue;
    const row = months[Number(payout.paid_at.slice(5, 7)) - 1];
    if (row) row.payoutsReceivedMinor += toMinor(payout.amount, currency);
  }
  const first = `${year}-01`;
  const last = `${year}-12`;
  return {
    currency,
    year,
    months,
    yearByTypeMinor,
    yearTotalMinor: months.reduce((sum, row) => sum + row.totalMinor, 0),
    yearPayoutsReceivedMinor: months.reduce((sum, row) => sum + row.payoutsReceivedMinor, 0),
    yearPendingMinor,
    openingMinor: availableMinor(earnings, payouts, currency, (m) => m < first),
    closingMinor: availableMinor(earnings, payouts, currency, (m) => m <= last),
  };
}
