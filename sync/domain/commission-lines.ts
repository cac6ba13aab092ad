/**
 * The Commission center's reading of commission lines: the rows the breakdown table shows (with
 * the client's name), their filters and sort, the CSV export, and what the lines add up to per
 * currency (this month vs last, bonus, monthly series, breakdown by type, year to date).
 *
 * Definitions:
 * - A line is an earnings row of kind `commission` that is not deleted. Reversed lines show in
 *   the table but count in no total.
 * - A line's month is its accounting `period` (YYYY-MM) when set, otherwise the UTC month it was
 *   made; its day for the From/To filters is the UTC date it was made.
 * - Earnings of a month are the signed sum of its counting lines (clawbacks are negative), per
 *   currency — amounts in different currencies are never added.
 */
import type { CommissionType, EarningStatus } from '../schema/earnings.schema';
import { COMMISSION_TYPES } from '../schema/earnings.schema';
import { COMMISSION_TYPE_LABELS } from './commissions';
import { toCsv } from './csv-lead-export';

export interface CommissionLineSource {
  readonly id: string;
  readonly kind: string;
  readonly lead_id?: string | null;
  readonly deal_name?: string | null;
  readonly commission_type?: CommissionType | null;
  readonly amount: number;
  readonly currency: string;
  readonly rate?: number | null;
  readonly status: EarningStatus;
  readonly period?: string | null;
  readonly paid_at?: string | null;
  readonly created_at: string;
  readonly _deleted?: boolean;
}

export interface CommissionLineRow {
  readonly id: string;
  /** The client and project as the partner knows it: the deal name, else the lead's company. */
  readonly client: string;
  readonly type: CommissionType;
  readonly rate: number | null;
  readonly amount: number;
  readonly currency: string;
  readonly status: EarningStatus;
  /** YYYY-MM-DD (UTC) the line was made. */
  readonly day: string;
  /** YYYY-MM the line counts in. */
  readonly month: string;
  readonly paidAt: string | null;
  readonly createdAt: string;
}

/** The table's rows, newest first; `companies` maps lead ids to company names for lines without a deal name. */
export function toCommissionLineRows(
  lines: readonly CommissionLineSource[],
  companies: ReadonlyMap<string, string> = new Map(),
): CommissionLineRow[] {
  const rows: CommissionLineRow[] = [];
  for (const line of lines) {
    if (line._deleted || line.kind !== 'commission') continue;
    const type = line.commission_type ?? 'referral';
    const company = line.lead_id ? companies.get(line.lead_id) : undefined;
    rows.push({
      id: line.id,
      client: line.deal_name ?? company ?? `${COMMISSION_TYPE_LABELS[type]} line`,
      type,
      rate: line.rate ?? null,
      amount: line.amount,
      currency: line.currency,
      status: line.status,
      day: line.created_at.slice(0, 10),
      month: line.period && /^\d{4}-\d{2}$/.test(line.period) ? line.period : line.created_at.slice(0, 7),
      paidAt: line.paid_at ?? null,
      createdAt: line.created_at,
    });
  }
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id.localeCompare(b.id)));
}

// ---------------------------------------------------------------------------------------------
// Filters and sort

export interface CommissionLineFilter {
  /** YYYY-MM-DD, inclusive; empty for no bound. */
  from: string;
  to: string;
  type: CommissionType | 'all';
  status: EarningStatus | 'all';
  minAmount: number | null;
  maxAmount: number | null;
  search: string;
}

export const NO_LINE_FILTER: CommissionLineFilter = { from: '', to: '', type: 'all', status: 'all', minAmount: null, maxAmount: null, search: '' };

export function filterCommissionLines(rows: readonly CommissionLineRow[], filter: CommissionLineFilter): CommissionLineRow[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (!filter.from || row.day >= filter.from) &&
      (!filter.to || row.day <= filter.to) &&
      (filter.type === 'all' || row.type === filter.type) &&
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.minAmount === null || row.amount >= filter.minAmount) &&
      (filter.maxAmount === null || row.amount <= filter.maxAmount) &&
      (!needle || row.client.toLocaleLowerCase().includes(needle)),
  );
}

export const LINE_SORT_KEYS = ['date', 'client', 'type', 'amount', 'status', 'paid'] as const;
export type LineSortKey = (typeof LINE_SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface LineSort {
  key: LineSortKey;
  direction: SortDirection;
}

export const DEFAULT_LINE_SORT: LineSort = { key: 'date', direction: 'descending' };

const STATUS_ORDER: Record<EarningStatus, number> = { pending: 0, processing: 1, approved: 2, paid: 3, reversed: 4 };

function compareBy(key: LineSortKey, a: CommissionLineRow, b: CommissionLineRow): number {
  switch (key) {
    case 'date':
      return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
    case 'client':
      return a.client.localeCompare(b.client, undefined, { sensitivity: 'base' });
    case 'type':
      return COMMISSION_TYPES.indexOf(a.type) - COMMISSION_TYPES.indexOf(b.type);
    case 'amount':
      return a.amount - b.amount;
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'paid':
      // Unpaid lines sort after paid ones in either direction would surprise; they sort as earliest.
      return (a.paidAt ?? '') < (b.paidAt ?? '') ? -1 : (a.paidAt ?? '') > (b.paidAt ?? '') ? 1 : 0;
  }
}

/** A stable sort: ties keep the newest-first order the rows came in. */
export function sortCommissionLines(rows: readonly CommissionLineRow[], sort: LineSort): CommissionLineRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compareBy(sort.key, a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}

/** Clicking a column heading: the same column flips direction, a new one starts descending for numbers and dates. */
export function nextLineSort(current: LineSort, key: LineSortKey): LineSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'client' || key === 'type' || key === 'status' ? 'ascending' : 'descending' };
}

export const STATUS_LABELS: Record<EarningStatus, string> = {
  pending: 'Pending',
  processing: 'Processing',
  approved: 'Approved',
  paid: 'Paid',
  reversed: 'Reversed',
};

/** The lines as CSV (formula-guarded like the leads export); amounts with two decimals and no symbol. */
export function commissionLinesToCsv(rows: readonly CommissionLineRow[]): string {
  const header = ['Date', 'Client / project', 'Type', 'Rate %', 'Amount', 'Currency', 'Status', 'Payment date'];
  return toCsv([
    header,
    ...rows.map((row) => [
      row.day,
      row.client,
      COMMISSION_TYPE_LABELS[row.type],
      row.rate === null ? '' : String(row.rate),
      row.amount.toFixed(2),
      row.currency,
      STATUS_LABELS[row.status],
      row.paidAt ? row.paidAt.slice(0, 10) : '',
    ]),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Totals

function counts(row: CommissionLineRow): boolean {
  return row.status !== 'reversed';
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** YYYY-MM of the month `offset` months from `month` (YYYY-MM). */
export function shiftMonth(month: string, offset: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface MonthComparison {
  currency: string;
  thisMonth: number;
  lastMonth: number;
  /** Percent change from last month; null when last month was 0 (no meaningful percentage). */
  change: number | null;
  bonusThisMonth: number;
}

/** This month vs last month and this month's bonus, per currency (currencies with any line). */
export function compareMonths(rows: readonly CommissionLineRow[], month: string): MonthComparison[] {
  const previous = shiftMonth(month, -1);
  const byCurrency = new Map<string, MonthComparison>();
  for (const row of rows) {
    let entry = byCurrency.get(row.currency);
    if (!entry) {
      entry = { currency: row.currency, thisMonth: 0, lastMonth: 0, change: null, bonusThisMonth: 0 };
      byCurrency.set(row.currency, entry);
    }
    if (!counts(row)) continue;
    if (row.month === month) {
      entry.thisMonth += row.amount;
      if (row.type === 'bonus') entry.bonusThisMonth += row.amount;
    } else if (row.month === previous) entry.lastMonth += row.amount;
  }
  return [...byCurrency.values()]
    .map((entry) => {
      const thisMonth = cents(entry.thisMonth);
      const lastMonth = cents(entry.lastMonth);
      const change = lastMonth === 0 ? null : Math.round(((thisMonth - lastMonth) / Math.abs(lastMonth)) * 1000) / 10;
      return { ...entry, thisMonth, lastMonth, change, bonusThisMonth: cents(entry.bonusThisMonth) };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Earnings per month for the `count` months ending with `month`, oldest first, in one currency. */
export function monthlyEarnings(rows: readonly CommissionLineRow[], currency: string, month: string, count = 12): { month: string; amount: number }[] {
  const months = Array.from({ length: count }, (_, index) => shiftMonth(month, index - count + 1));
  const sums = new Map(months.map((key) => [key, 0]));
  for (const row of rows) {
    if (row.currency !== currency || !counts(row)) continue;
    const sum = sums.get(row.month);
    if (sum !== undefined) sums.set(row.month, sum + row.amount);
  }
  return months.map((key) => ({ month: key, amount: cents(sums.get(key) ?? 0) }));
}

/** Sum per commission type (every type listed, clawbacks negative) in one currency over the given months. */
export function earningsByType(rows: readonly CommissionLineRow[], currency: string, months?: ReadonlySet<string>): { type: CommissionType; amount: number }[] {
  const sums = new Map<CommissionType, number>(COMMISSION_TYPES.map((type) => [type, 0]));
  for (const row of rows) {
    if (row.currency !== currency || !counts(row) || (months && !months.has(row.month))) continue;
    sums.set(row.type, (sums.get(row.type) ?? 0) + row.amount);
  }
  return COMMISSION_TYPES.map((type) => ({ type, amount: cents(sums.get(type) ?? 0) }));
}

/** Earnings so far in `year` (YYYY) in one currency, month by month cumulative from January to `month`. */
export function yearToDate(rows: readonly CommissionLineRow[], currency: string, month: string): { month: string; cumulative: number }[] {
  const year = month.slice(0, 4);
  const monthNumber = Number(month.slice(5, 7));
  const series = monthlyEarnings(rows, currency, month, monthNumber);
  let running = 0;
  return series.filter((point) => point.month.startsWith(year)).map((point) => ({ month: point.month, cumulative: cents((running += point.amount)) }));
}
