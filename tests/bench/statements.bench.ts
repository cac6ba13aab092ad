/**
 * Commission statement PDFs: a 12-month annual summary and the monthly statements over 1,000 lines,
 * and one 1,000-line month, cold (fresh font bytes, so fontkit parses and shapes from scratch) and
 * warm (the parsed-font and shaped-text caches the app keeps), against a naive pdf-lib table of the
 * same 1,000 lines in the standard Helvetica font (no embedding, no subsetting) in the same run.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { EarningDoc } from '../../sync/schema/earnings.schema';
import type { PayoutDoc } from '../../sync/schema/payouts.schema';
import { renderCommissionStatement, type StatementPeriod } from '../../sync/domain/statements';

export const name = 'commission statements';

const RUNS = 15;
const GOAL_MS = 150;
const now = new Date('2027-01-02T09:00:00Z');
const partner = { name: 'Łukasz Żółć', company: 'Ελένη & Дмитрий Partners', email: 'lukasz@example.com', country: 'PL', taxSummary: 'Łukasz Żółć · PL · tax ID ••••7781' };
const DEALS = ['Ελένη Παπαδοπούλου — platform licence', 'Дмитрий Иванов — onboarding', "Zoë O'Brien Ltd — support plan", 'Żółć Logistics — analytics add-on'];
const TYPES = ['referral', 'upsell', 'base', 'bonus'] as const;

/** 1,000 lines in `months` months of 2026 (all in one month when months is 1), a paid payout each month. */
function fixture(months: number): { earnings: EarningDoc[]; payouts: PayoutDoc[] } {
  const earnings: EarningDoc[] = Array.from({ length: 1000 }, (_, index) => {
    const month = String(months === 1 ? 11 : Math.floor((index * months) / 1000) + 1).padStart(2, '0');
    const at = `2026-${month}-${String((index % 28) + 1).padStart(2, '0')}T10:00:00.000Z`;
    const clawback = index % 40 === 7;
    return {
      id: `line-${index}`,
      partner_id: 'partner-1',
      created_at: at,
      updated_at: at,
      kind: 'commission',
      deal_name: `${DEALS[index % 4] ?? ''} #${index}`,
      commission_type: clawback ? 'clawback' : TYPES[index % 4],
      amount: clawback ? -150 : 100 + (index % 50) * 7.35,
      currency: 'GBP',
      rate: 22,
      status: index % 5 === 0 ? 'pending' : index % 3 === 0 ? 'paid' : 'approved',
      reason: clawback ? 'Client cancelled within 30 days' : null,
      history: [],
    };
  });
  const payouts: PayoutDoc[] = Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, '0');
    return { id: `payout-${index}`, partner_id: 'partner-1', created_at: `2026-${month}-20T09:00:00.000Z`, amount: 1500, currency: 'GBP', method: 'bank', status: 'paid', reference: `SISO-2026-${month}`, paid_at: `2026-${month}-22T09:00:00.000Z` };
  });
  return { earnings, payouts };
}

/** The same 1,000 rows as plain text in Helvetica: what pdf-lib costs with no font work at all. */
async function naiveTable(earnings: readonly EarningDoc[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595.28, 841.89]);
  let y = 800;
  for (const line of earnings) {
    if (y < 50) {
      page = doc.addPage([595.28, 841.89]);
      y = 800;
    }
    const cells = [line.created_at.slice(0, 10), (line.deal_name ?? '').replace(/[^\x20-\x7e]/g, '?'), line.commission_type ?? '', `${line.rate ?? ''}%`, line.status, line.amount.toFixed(2)];
    cells.forEach((cell, index) => page.drawText(cell, { x: 40 + index * 86, y, size: 8.5, font }));
    y -= 14;
  }
  return doc.save();
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

export async function run(): Promise<void> {
  const fonts = {
    regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
    bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
  };
  const year = fixture(12);
  const month = fixture(1);
  const render = (period: StatementPeriod, data: ReturnType<typeof fixture>, bytes = fonts) => renderCommissionStatement(period, { ...data, partner, currency: 'GBP', fonts: bytes, now });
  const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

  const baseline = stats(await time(RUNS, () => naiveTable(month.earnings)));
  const cases: [label: string, period: StatementPeriod, data: ReturnType<typeof fixture>][] = [
    ['1,000-line month (Nov 2026)', { kind: 'month', month: '2026-11' }, month],
    ['annual summary 2026 over 1,000 lines', { kind: 'year', year: 2026 }, year],
  ];
  console.log(`baseline: naive Helvetica table of the same 1,000 lines, median ${ms(baseline.median)} (min ${ms(baseline.min)}, max ${ms(baseline.max)})`);
  for (const [label, period, data] of cases) {
    const pdf = await render(period, data);
    // Cold: copies of the font bytes miss the parsed-font and shaped-text caches, as a fresh worker would.
    const cold = stats(await time(5, () => render(period, data, { regular: fonts.regular.slice(), bold: fonts.bold.slice() })));
    const warm = stats(await time(RUNS, () => render(period, data)));
    console.log(
      `${label} (${await pages(pdf)} pages, ${(pdf.byteLength / 1024).toFixed(0)} KB): cold median ${ms(cold.median)} (min ${ms(cold.min)}, max ${ms(cold.max)}); ` +
        `warm median ${ms(warm.median)} (min ${ms(warm.min)}, max ${ms(warm.max)}); warm ${(warm.median / baseline.median).toFixed(2)}× the naive table; ` +
        `goal < ${GOAL_MS} ms: ${warm.median < GOAL_MS ? 'met' : 'NOT met'}`,
    );
  }
  // All twelve monthly statements of the year, back to back, as a partner downloading each would.
  const monthly = stats(
    await time(3, async () => {
      for (let m = 1; m <= 12; m += 1) await render({ kind: 'month', month: `2026-${String(m).padStart(2, '0')}` }, year);
    }),
  );
  console.log(`twelve monthly statements over the same 1,000 lines: median ${ms(monthly.median)} for all twelve (${ms(monthly.median / 12)} each)`);
}
