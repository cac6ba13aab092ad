import { describe, expect, it } from 'vitest';
import {
  NO_LINE_FILTER,
  commissionLinesToCsv,
  compareMonths,
  earningsByType,
  filterCommissionLines,
  monthlyEarnings,
  nextLineSort,
  shiftMonth,
  sortCommissionLines,
  toCommissionLineRows,
  yearToDate,
  type CommissionLineSource,
} from '../../sync/domain/commission-lines';

function line(overrides: Partial<CommissionLineSource> & { id: string }): CommissionLineSource {
  return { kind: 'commission', amount: 100, currency: 'GBP', status: 'approved', commission_type: 'referral', rate: 22, created_at: '2026-11-10T10:00:00.000Z', ...overrides };
}

const LINES: CommissionLineSource[] = [
  line({ id: 'a', deal_name: 'Acme — licence', amount: 500, created_at: '2026-11-20T10:00:00.000Z', period: '2026-11' }),
  line({ id: 'b', lead_id: 'lead-b', amount: 200, commission_type: 'upsell', status: 'pending', created_at: '2026-10-05T10:00:00.000Z' }),
  line({ id: 'c', deal_name: 'Bonus October', amount: 50, commission_type: 'bonus', status: 'paid', paid_at: '2026-11-01T00:00:00.000Z', created_at: '2026-10-31T10:00:00.000Z' }),
  line({ id: 'd', deal_name: 'Acme — licence', amount: -120, commission_type: 'clawback', created_at: '2026-11-25T10:00:00.000Z' }),
  line({ id: 'e', deal_name: 'Reversed deal', amount: 999, status: 'reversed', created_at: '2026-11-26T10:00:00.000Z' }),
  line({ id: 'f', deal_name: '=HYPERLINK("x")', amount: 10, currency: 'EUR', commission_type: 'bonus', created_at: '2026-11-02T10:00:00.000Z' }),
  line({ id: 'old-payout', kind: 'payout', amount: 300, created_at: '2026-11-02T10:00:00.000Z' }),
  line({ id: 'gone', amount: 300, _deleted: true }),
];
const ROWS = toCommissionLineRows(LINES, new Map([['lead-b', 'Bravo Ltd']]));

describe('commission line rows', () => {
  it('keeps commission lines only, newest first, naming the client by deal or lead company', () => {
    expect(ROWS.map((row) => row.id)).toEqual(['e', 'd', 'a', 'f', 'c', 'b']);
    expect(ROWS.find((row) => row.id === 'b')?.client).toBe('Bravo Ltd');
    expect(ROWS.find((row) => row.id === 'b')?.month).toBe('2026-10');
  });

  it('filters by date range, type, status, amount range and client search together', () => {
    const ids = (filter: Partial<typeof NO_LINE_FILTER>) => filterCommissionLines(ROWS, { ...NO_LINE_FILTER, ...filter }).map((row) => row.id);
    expect(ids({ from: '2026-11-01', to: '2026-11-20' })).toEqual(['a', 'f']);
    expect(ids({ type: 'bonus' })).toEqual(['f', 'c']);
    expect(ids({ status: 'pending' })).toEqual(['b']);
    expect(ids({ minAmount: 0, maxAmount: 200 })).toEqual(['f', 'c', 'b']);
    expect(ids({ minAmount: -200, maxAmount: -1 })).toEqual(['d']);
    expect(ids({ search: '  acme ' })).toEqual(['d', 'a']);
    expect(ids({ search: 'acme', type: 'referral' })).toEqual(['a']);
    expect(ids({})).toHaveLength(6);
  });

  it('sorts by each column both ways, stable for ties', () => {
    expect(sortCommissionLines(ROWS, { key: 'amount', direction: 'ascending' }).map((row) => row.id)).toEqual(['d', 'f', 'c', 'b', 'a', 'e']);
    expect(sortCommissionLines(ROWS, { key: 'amount', direction: 'descending' }).map((row) => row.id)).toEqual(['e', 'a', 'b', 'c', 'f', 'd']);
    expect(sortCommissionLines(ROWS, { key: 'client', direction: 'ascending' }).map((row) => row.client)[0]).toBe('=HYPERLINK("x")');
    expect(sortCommissionLines(ROWS, { key: 'status', direction: 'ascending' }).map((row) => row.status)).toEqual(['pending', 'approved', 'approved', 'approved', 'paid', 'reversed']);
    // Ties (all approved) keep the incoming newest-first order.
    expect(sortCommissionLines(ROWS, { key: 'status', direction: 'ascending' }).slice(1, 4).map((row) => row.id)).toEqual(['d', 'a', 'f']);
    expect(nextLineSort({ key: 'date', direction: 'descending' }, 'date')).toEqual({ key: 'date', direction: 'ascending' });
    expect(nextLineSort({ key: 'date', direction: 'descending' }, 'client')).toEqual({ key: 'client', direction: 'ascending' });
    expect(nextLineSort({ key: 'client', direction: 'ascending' }, 'amount')).toEqual({ key: 'amount', direction: 'descending' });
  });

  it('exports CSV with the formula guard and negative amounts kept readable', () => {
    const csv = commissionLinesToCsv(ROWS);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date,Client / project,Type,Rate %,Amount,Currency,Status,Payment date');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    // A negative amount starts with "-", so it is guarded too rather than read as a formula.
    expect(lines.find((row) => row.includes('Clawback'))).toContain("'-120.00");
    expect(lines.find((row) => row.includes('Bonus October'))).toBe('2026-10-31,Bonus October,Bonus,22,50.00,GBP,Paid,2026-11-01');
  });
});

describe('totals', () => {
  it('shifts months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('compares this month with last per currency, leaving reversed lines out', () => {
    expect(compareMonths(ROWS, '2026-11')).toEqual([
      { currency: 'EUR', thisMonth: 10, lastMonth: 0, change: null, bonusThisMonth: 10 },
      { currency: 'GBP', thisMonth: 380, lastMonth: 250, change: 52, bonusThisMonth: 0 },
    ]);
    expect(compareMonths(ROWS, '2026-12').find((entry) => entry.currency === 'GBP')).toMatchObject({ thisMonth: 0, lastMonth: 380, change: -100 });
  });

  it('builds the monthly series, the breakdown by type and year to date', () => {
    expect(monthlyEarnings(ROWS, 'GBP', '2026-11', 3)).toEqual([
      { month: '2026-09', amount: 0 },
      { month: '2026-10', amount: 250 },
      { month: '2026-11', amount: 380 },
    ]);
    expect(earningsByType(ROWS, 'GBP')).toEqual([
      { type: 'referral', amount: 500 },
      { type: 'upsell', amount: 200 },
      { type: 'base', amount: 0 },
      { type: 'bonus', amount: 50 },
      { type: 'clawback', amount: -120 },
    ]);
    expect(earningsByType(ROWS, 'GBP', new Set(['2026-10'])).map((entry) => entry.amount)).toEqual([0, 200, 0, 50, 0]);
    const ytd = yearToDate(ROWS, 'GBP', '2026-11');
    expect(ytd).toHaveLength(11);
    expect(ytd.at(-2)).toEqual({ month: '2026-10', cumulative: 250 });
    expect(ytd.at(-1)).toEqual({ month: '2026-11', cumulative: 630 });
  });
});
