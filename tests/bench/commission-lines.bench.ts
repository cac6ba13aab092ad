/**
 * The Commission center's table with 20,000 commission lines, each against a baseline measured in
 * the same run:
 * - A filter change (client search + type + amount range) and re-sort, as each keystroke in the
 *   filters does: filterCommissionLines + sortCommissionLines, median and p95, against one plain
 *   Array.filter pass over the same rows (the least any filter could cost).
 * - First render: CommissionLineTable (virtualised) with react-dom/server against a plain table of
 *   all 20,000 rows. Render cost in Node, not a browser paint.
 * Goals: a filter change < 16 ms; first render < 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { COMMISSION_TYPES, EARNING_STATUSES } from '../../sync/schema/earnings.schema';
import {
  DEFAULT_LINE_SORT,
  NO_LINE_FILTER,
  filterCommissionLines,
  sortCommissionLines,
  toCommissionLineRows,
  type CommissionLineRow,
  type CommissionLineSource,
} from '../../sync/domain/commission-lines';
import { formatMoney } from '../../renderer/ui/format';
import { CommissionLineTable } from '../../renderer/features/commissions/CommissionLineTable';

export const name = 'commission lines table';

const COUNT = 20_000;
const COMPANIES = ['Kraków Tiles', 'Málaga Surf', 'Zürich Dental', 'Oslo Robotics', 'Porto Café', 'Köln Brewing', 'Gdańsk Studio', 'Lisbon Bakery'];

function generateLines(count: number): CommissionLineSource[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `line-${i}`,
    kind: 'commission',
    deal_name: `${COMPANIES[i % COMPANIES.length]} ${i} — annual plan`,
    commission_type: COMMISSION_TYPES[i % COMMISSION_TYPES.length] ?? 'referral',
    amount: i % COMMISSION_TYPES.length === 4 ? -((i * 13) % 900) : (i * 37) % 5_000,
    currency: ['GBP', 'EUR', 'USD'][i % 3] ?? 'GBP',
    rate: 20 + (i % 4),
    status: EARNING_STATUSES[i % EARNING_STATUSES.length] ?? 'pending',
    created_at: new Date(now - (i % 720) * 3_600_000 * 12).toISOString(),
  }));
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95) };
}

function timeRepeated(runs: number, fn: () => void): number[] {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function plainTable(rows: readonly CommissionLineRow[]): string {
  return renderToString(
    createElement(
      'table',
      null,
      createElement(
        'tbody',
        null,
        rows.map((row) =>
          createElement('tr', { key: row.id }, [
            createElement('td', { key: 'd' }, row.day),
            createElement('th', { key: 'c' }, createElement('button', { type: 'button' }, row.client)),
            createElement('td', { key: 't' }, row.type),
            createElement('td', { key: 'a' }, formatMoney(row.amount, row.currency)),
            createElement('td', { key: 's' }, row.status),
            createElement('td', { key: 'p' }, row.paidAt ?? '—'),
          ]),
        ),
      ),
    ),
  );
}

export async function run(): Promise<void> {
  const rows = toCommissionLineRows(generateLines(COUNT));
  const searches = ['k', 'kr', 'kra', 'krak', 'ó', 'oslo', 'plan', ''];
  let turn = 0;
  const filterSamples = timeRepeated(60, () => {
    const search = searches[turn++ % searches.length] ?? '';
    const filter = { ...NO_LINE_FILTER, search, type: turn % 2 === 0 ? ('referral' as const) : ('all' as const), minAmount: 100, maxAmount: 4_000 };
    sortCommissionLines(filterCommissionLines(rows, filter), { key: 'amount', direction: 'descending' });
  });
  const baselineSamples = timeRepeated(60, () => {
    rows.filter((row) => row.amount >= 100);
  });
  const filter = stats(filterSamples);
  const baseline = stats(baselineSamples);
  console.log(`filter + sort of ${COUNT.toLocaleString('en')} lines: median ${ms(filter.median)}, p95 ${ms(filter.p95)} (goal < 16 ms)`);
  console.log(`  baseline, one Array.filter pass: median ${ms(baseline.median)} → ${(filter.median / Math.max(baseline.median, 0.001)).toFixed(1)}× the baseline`);

  const sorted = sortCommissionLines(rows, DEFAULT_LINE_SORT);
  const table = stats(timeRepeated(10, () => renderToString(createElement(CommissionLineTable, { rows: sorted, sort: DEFAULT_LINE_SORT, onSort: () => undefined, onOpen: () => undefined, timeZone: 'Europe/London' }))));
  const plain = stats(timeRepeated(3, () => plainTable(sorted)));
  console.log(`first render, virtualised table: median ${ms(table.median)} (goal < 100 ms)`);
  console.log(`  baseline, every row rendered: median ${ms(plain.median)} → virtualised is ${(plain.median / Math.max(table.median, 0.001)).toFixed(0)}× faster`);
}
