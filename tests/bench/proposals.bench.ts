/**
 * Proposal PDF generation: the four-page proposal with a PNG logo and subset NotoSans (median of
 * 20 renders), against Chromium printing the same content from HTML with the same fonts embedded
 * (page.setContent + page.pdf, median of 10) in the same run; and the engine's own memory, measured
 * in a worker thread as the app runs it (the bench process's RSS also holds tsx, esbuild and
 * Playwright, so it says little about the proposal worker).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { bundledTemplates, computePricing, formatMinorUnits, renderProposal, type ProposalData } from '../../sync/domain/proposals';
import { launchChromium } from '../fixtures/browser';
import type { EngineMemory } from './support/proposal-engine-thread';

export const name = 'proposal pdf';

const RUNS = 20;
const CHROMIUM_RUNS = 10;
const MEMORY_RUNS = 50;
/** The goal for the proposal worker's memory; also the thread's heap cap, so overshooting fails loudly. */
const WORKER_MEMORY_GOAL_MB = 200;
const now = new Date('2026-11-25T10:00:00Z');

function logoPng(): Uint8Array {
  const png = new PNG({ width: 240, height: 72 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (y * png.width + x) * 4;
      const inMark = (x - 36) ** 2 + (y - 36) ** 2 < 900;
      png.data[i] = inMark ? 0x1f : 0xf2;
      png.data[i + 1] = inMark ? 0x4e : 0xa9;
      png.data[i + 2] = inMark ? 0x79 : 0x00;
      png.data[i + 3] = inMark || (x > 80 && y > 24 && y < 48) ? 255 : 0;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(data: ProposalData, logo: Uint8Array, fonts: { regular: Uint8Array; bold: Uint8Array }): string {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const value = data.lead.estimatedValue ?? 0;
  const currency = data.lead.currency ?? 'GBP';
  const pricing = computePricing(value, currency, [
    { label: 'Platform licences (first year)', percent: 60 },
    { label: 'Set-up and data migration', percent: 20 },
    { label: 'Training and launch', percent: 12.5 },
    { label: '90-day review and support', percent: 7.5 },
  ]);
  const money = (minor: number) => formatMinorUnits(minor, currency, 'en-GB');
  const qr = QRCode.create(data.referralUrl, { errorCorrectionLevel: 'M' }).modules;
  const rects: string[] = [];
  for (let r = 0; r < qr.size; r += 1) for (let c = 0; c < qr.size; c += 1) if (qr.data[r * qr.size + c]) rects.push(`<rect x="${c}" y="${r}" width="1" height="1"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${qr.size + 4} ${qr.size + 4}" width="110" height="110">${rects.join('')}</svg>`;
  const { partner, lead } = data;
  const header = `<img src="data:image/png;base64,${b64(logo)}" style="height:28px;float:right" alt="">`;
  const footer = (n: number) => `<footer><span>Created with SISO Partner Workstation · siso.agency</span><span>Page ${n} of 4</span></footer>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face{font-family:Noto;src:url(data:font/ttf;base64,${b64(fonts.regular)});font-weight:400}
@font-face{font-family:Noto;src:url(data:font/ttf;base64,${b64(fonts.bold)});font-weight:700}
@page{size:A4;margin:0} body{margin:0;font-family:Noto;color:#1c1f24}
section{width:210mm;height:297mm;box-sizing:border-box;padding:20mm;position:relative;page-break-after:always}
h1{color:#1F4E79;font-size:30pt} h2{color:#1F4E79;font-size:22pt} table{width:100%;border-collapse:collapse}
th{background:#1F4E79;color:#fff;text-align:left;padding:6pt} td{padding:6pt;border-bottom:.5pt solid #ccc} td+td,th+th{text-align:right}
footer{position:absolute;bottom:10mm;left:20mm;right:20mm;display:flex;justify-content:space-between;font-size:8pt;color:#5c6169}
</style></head><body>
<section><div style="position:absolute;top:0;left:0;right:0;height:14pt;background:#1F4E79"></div><div style="height:150pt"></div>
<img src="data:image/png;base64,${b64(logo)}" style="height:52px" alt=""><h1>Proposal for ${escape(lead.company)}</h1>
<p>Prepared for ${escape(lead.contact ?? '')}</p><p>by ${escape(partner.name)}, ${escape(partner.company ?? '')} · 25 November 2026</p>
<hr style="border:0;height:4pt;background:#F2A900"><p>${escape(data.intro ?? '')}</p>${footer(1)}</section>
<section>${header}<h2>Our approach</h2><p>SISO brings ${escape(lead.company)}'s client work into one platform.</p>
${['Discovery', 'Set-up and migration', 'Training and launch', 'Review'].map((s, i) => `<h3>${i + 1}. ${s}</h3><p>A working session with ${escape(lead.contact ?? '')} and the team.</p>`).join('')}${footer(2)}</section>
<section>${header}<h2>Investment</h2><p>Based on an estimated value of ${money(pricing.subtotalMinor)}.</p><table><tr><th>Item</th><th>Share</th><th>Amount</th></tr>
${pricing.lines.map((l) => `<tr><td>${l.label}</td><td>${l.percent}%</td><td>${money(l.amountMinor)}</td></tr>`).join('')}
<tr><td>Subtotal</td><td></td><td>${money(pricing.subtotalMinor)}</td></tr><tr><th>Total</th><th></th><th>${money(pricing.totalMinor)}</th></tr></table>${footer(3)}</section>
<section>${header}<h2>Next steps</h2><ul><li>Confirm the scope with ${escape(partner.name)}.</li><li>Book the discovery session.</li></ul>${svg}
<p>${escape(data.referralUrl)}</p><p><b>${escape(partner.name)} · ${escape(partner.company ?? '')}</b></p>${footer(4)}</section>
</body></html>`;
}

/** Runs the engine alone in a worker thread (with the goal as its heap cap) and returns its peak memory. */
function engineMemory(workerData: Record<string, unknown>): Promise<EngineMemory> {
  return new Promise((resolve, reject) => {
    // Node 20 does not pass tsx's loader on to worker threads, so the thread loads it itself.
    const entry = new URL('./support/proposal-engine-thread.ts', import.meta.url).href;
    const loader = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(loader, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_GOAL_MB },
    });
    worker.once('message', (memory: EngineMemory) => resolve(memory));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`The proposal engine thread exited with code ${code}.`))));
  });
}

export async function run(): Promise<void> {
  const fonts = {
    regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
    bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
  };
  const logo = logoPng();
  const template = bundledTemplates().find((t) => t.id === 'four-page-proposal');
  const data: ProposalData = {
    partner: { name: 'Łukasz Żółć', company: 'Żółć Partners', email: 'lukasz@example.com', phone: '+48 22 123 45 67', website: 'https://zolc.example.com' },
    lead: { company: "Zoë O'Brien Ltd", contact: 'Ελένη Παπαδοπούλου', estimatedValue: 12_345.67, currency: 'EUR' },
    brand: { primary: '#1F4E79', secondary: '#F2A900', logo: { bytes: logo, type: 'png' } },
    referralUrl: 'https://siso.agency/r/lukasz-zolc?utm_source=proposal',
    intro: 'Dear Ελένη, thank you for meeting with me. Here is how SISO can help Zoë O\'Brien Ltd.',
    whiteLabel: false,
  };

  const render = () => renderProposal({ template, data, fonts, now });
  const first = performance.now();
  const sample = await render();
  const coldMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await render();
    times.push(performance.now() - start);
  }
  const pdfLibMs = median(times);
  console.log(`pdf-lib: first render ${coldMs.toFixed(0)} ms (font parse), median ${pdfLibMs.toFixed(1)} ms over ${RUNS} (goal < 150 ms) — ${(sample.byteLength / 1024).toFixed(0)} KB, 4 pages`);
  const memory = await engineMemory({ template, data, regular: fonts.regular, bold: fonts.bold, now, runs: MEMORY_RUNS });
  const workerMb = memory.peakBytes / 1024 / 1024;
  console.log(
    `proposal engine in a worker thread, ${MEMORY_RUNS} renders: peak ${mb(memory.peakBytes)} (heap used ${mb(memory.peakHeapUsed)}, heap reserved ${mb(memory.peakHeapTotal)}, ArrayBuffers ${mb(memory.peakExternal)}; goal < ${WORKER_MEMORY_GOAL_MB} MB)${workerMb < WORKER_MEMORY_GOAL_MB ? '' : ' — ABOVE GOAL'}`,
  );
  console.log(`bench process (tsx, Playwright client and the renders above): RSS ${mb(process.memoryUsage().rss)}`);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const content = html(data, logo, fonts);
    const print = async () => {
      await page.setContent(content, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    };
    const chromiumSample = await print();
    const chromiumTimes: number[] = [];
    for (let i = 0; i < CHROMIUM_RUNS; i += 1) {
      const start = performance.now();
      await print();
      chromiumTimes.push(performance.now() - start);
    }
    const chromiumMs = median(chromiumTimes);
    console.log(`chromium page.pdf: median ${chromiumMs.toFixed(1)} ms over ${CHROMIUM_RUNS} — ${(chromiumSample.byteLength / 1024).toFixed(0)} KB`);
    const ratio = chromiumMs / pdfLibMs;
    console.log(`ratio: pdf-lib is ${ratio.toFixed(1)}× faster than Chromium printing (goal ≥ 5×)${ratio >= 5 ? '' : ' — BELOW GOAL'}`);
  } finally {
    await browser.close();
  }
}
