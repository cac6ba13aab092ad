/**
 * Present mode: the work behind "toggle an optional item → updated preview". Each run flips the
 * priced proposal's support retainer, recomputes the quote and re-renders the PDF with the bundled
 * NotoSans fonts, as the proposal worker does (median and p95 of 20 after a warm-up, goal < 100 ms),
 * against two baselines from the same run: the same render of the four-page proposal, whose table
 * is a percentage split with no price list, and the first, cold render (font parsing included).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  bundledTemplates,
  computeQuote,
  defaultSelection,
  priceListOf,
  renderProposal,
  type ProposalData,
  type ProposalTemplate,
  type QuoteSelection,
} from '../../sync/domain/proposals';

export const name = 'present mode';

const RUNS = 20;
const WARM_UP = 5;
const GOAL_MS = 100;
const TOGGLED_ITEM = 'support-retainer';
const now = new Date('2026-12-01T10:00:00Z');

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
function median(values: number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
/** Nearest-rank 95th percentile. */
function p95(values: number[]): number {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil(s.length * 0.95) - 1)] ?? 0;
}

async function timeRuns(runs: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return times;
}

export async function run(): Promise<void> {
  const fonts = {
    regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
    bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
  };
  const templates = bundledTemplates();
  const priced = templates.find((t) => t.id === 'priced-proposal') as ProposalTemplate;
  const plain = templates.find((t) => t.id === 'four-page-proposal') as ProposalTemplate;
  const block = priceListOf(priced);
  if (!block) throw new Error('The priced proposal template has no price list.');
  const data: ProposalData = {
    partner: { name: 'Łukasz Żółć', company: 'Żółć Partners', email: 'lukasz@example.com', phone: '+48 22 123 45 67', website: 'https://zolc.example.com' },
    lead: { company: "Zoë O'Brien Ltd", contact: 'Ελένη Παπαδοπούλου', estimatedValue: 12_345.67, currency: 'EUR' },
    brand: { primary: '#1F4E79', secondary: '#F2A900' },
    referralUrl: 'https://siso.agency/r/lukasz-zolc?utm_source=proposal&utm_content=proposal-7f0c2a9e',
    intro: "Dear Ελένη, thank you for meeting with me. Here is how SISO can help Zoë O'Brien Ltd.",
    whiteLabel: false,
  };
  const base = defaultSelection(block.price_list);
  const toggled = (index: number): QuoteSelection => ({
    ...base,
    items: { ...base.items, [TOGGLED_ITEM]: { included: index % 2 === 0, quantity: 3 } },
    discountPercent: 5,
  });
  // What the app does on a toggle: the quote for the HTML preview, then the PDF in the worker.
  const toggle = async (index: number) => {
    const selection = toggled(index);
    computeQuote(block.price_list, selection, data.lead.currency ?? 'GBP', block.tax);
    return renderProposal({ template: priced, data: { ...data, quote: selection }, fonts, now });
  };
  const plainRender = () => renderProposal({ template: plain, data, fonts, now });

  const coldStart = performance.now();
  const sample = await toggle(0);
  const coldMs = performance.now() - coldStart;

  await timeRuns(WARM_UP, toggle);
  await timeRuns(WARM_UP, plainRender);
  // Interleaved, so a slow patch on the shared machine lands on both series alike.
  const toggleTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    toggleTimes.push(...(await timeRuns(1, () => toggle(i + 1))));
    plainTimes.push(...(await timeRuns(1, plainRender)));
  }

  const toggleMedian = median(toggleTimes);
  const toggleP95 = p95(toggleTimes);
  const plainMedian = median(plainTimes);
  const quoteTimes = await timeRuns(1000, async (i) => computeQuote(block.price_list, toggled(i), 'EUR', block.tax));
  const verdict = (ms: number) => (ms < GOAL_MS ? 'met' : 'MISSED');
  console.log(
    `toggle an optional item → quote + PDF re-render: median ${toggleMedian.toFixed(1)} ms (goal < ${GOAL_MS} ms ${verdict(toggleMedian)}), p95 ${toggleP95.toFixed(1)} ms (${verdict(toggleP95)}) over ${RUNS} after ${WARM_UP} warm-up — ${(sample.byteLength / 1024).toFixed(0)} KB, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(`  of which computeQuote alone: median ${(median(quoteTimes) * 1000).toFixed(1)} µs over 1000`);
  console.log(`baseline, same run: four-page proposal without a price list, median ${plainMedian.toFixed(1)} ms; first (cold) priced render ${coldMs.toFixed(0)} ms`);
  console.log(`ratio: a toggle costs ${(toggleMedian / plainMedian).toFixed(2)}× the render without a price list, ${(toggleMedian / coldMs).toFixed(2)}× the cold render`);
}
