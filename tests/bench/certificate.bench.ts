/**
 * The certificate PDF: first of a session (a fresh isolate: nothing parsed or compiled yet — what
 * a partner waits for on their first click), cold (fresh font bytes in a warmed runtime, so fontkit
 * parses and subsets from scratch) and warm (the parsed-font caches the app keeps), against the
 * same page in pdf-lib's standard Helvetica (no embedding, no subsetting, no QR) in the same run.
 * Also the first render after prepareCertificateRenderer (what the certifications screen can run as
 * it opens). Goal: under 100 ms.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderCertificate, type CertificateInput } from '../../sync/domain/certificates';

export const name = 'certificate PDF';

const RUNS = 20;
const GOAL_MS = 100;

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

/** The certificate's text on one page in Helvetica: what pdf-lib costs with no font work at all. */
async function helveticaCertificate(input: CertificateInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([841.89, 595.28]);
  const lines = ['Certificate of achievement', input.partnerName.replace(/[^\x20-\x7e]/g, '?'), `${input.track} certification`, input.issuedAt, input.expiresAt ?? '', input.verificationCode];
  lines.forEach((line, index) => page.drawText(line, { x: 80, y: 500 - index * 40, size: 18, font }));
  return doc.save();
}

const firstRenderReply = z.object({ importMs: z.number(), renderMs: z.number() });
const FIRST_RENDER_RUNS = 3;

/** One first-of-session render in a new worker thread (a fresh V8 isolate). */
function firstRenderInFreshIsolate(workerData: Record<string, unknown>): Promise<z.infer<typeof firstRenderReply>> {
  return new Promise((resolve, reject) => {
    // Node 20 does not pass tsx's loader on to worker threads, so the thread loads it itself.
    const entry = new URL('./support/certificate-first-render.ts', import.meta.url).href;
    const loader = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
    const worker = new Worker(loader, { eval: true, workerData });
    worker.once('message', (reply: unknown) => resolve(firstRenderReply.parse(reply)));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`The certificate thread exited with code ${code}.`))));
  });
}

export async function run(): Promise<void> {
  const fonts = {
    regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
    bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
  };
  const input: CertificateInput = {
    partnerName: 'Łukasz Żółć-Παπαδόπουλος',
    track: 'Sales',
    courseTitle: 'Sales Fundamentals',
    issuedAt: '2026-12-01T09:30:00Z',
    expiresAt: '2027-12-01T09:30:00Z',
    verificationCode: '3F9A1C27B0DE',
    fonts,
  };
  const firsts: number[] = [];
  const prepareds: number[] = [];
  for (let i = 0; i < FIRST_RENDER_RUNS; i += 1) {
    firsts.push((await firstRenderInFreshIsolate({ partnerName: input.partnerName, regular: fonts.regular, bold: fonts.bold, prepared: false })).renderMs);
    prepareds.push((await firstRenderInFreshIsolate({ partnerName: input.partnerName, regular: fonts.regular, bold: fonts.bold, prepared: true })).renderMs);
  }
  const first = stats(firsts);
  const prepared = stats(prepareds);
  const baseline = stats(await time(RUNS, () => helveticaCertificate(input)));
  const cold = stats(await time(5, () => renderCertificate({ ...input, fonts: { regular: fonts.regular.slice(), bold: fonts.bold.slice() } })));
  await renderCertificate(input);
  const warm = stats(await time(RUNS, () => renderCertificate(input)));
  const pdf = await renderCertificate(input);
  console.log(`baseline: the same text in standard Helvetica, median ${ms(baseline.median)} (min ${ms(baseline.min)}, max ${ms(baseline.max)})`);
  console.log(
    `certificate (${(pdf.byteLength / 1024).toFixed(0)} KB, Noto Sans subset + vector QR): cold median ${ms(cold.median)} (min ${ms(cold.min)}, max ${ms(cold.max)}); ` +
      `warm median ${ms(warm.median)} (min ${ms(warm.min)}, max ${ms(warm.max)}); warm ${(warm.median / baseline.median).toFixed(1)}× the Helvetica page; ` +
      `goal < ${GOAL_MS} ms: ${warm.median < GOAL_MS && cold.median < GOAL_MS ? 'met (cold and warm)' : warm.median < GOAL_MS ? 'met warm, NOT cold' : 'NOT met'}`,
  );
  console.log(
    `first certificate of a session (fresh isolate, ${FIRST_RENDER_RUNS} runs): median ${ms(first.median)} (min ${ms(first.min)}, max ${ms(first.max)}); ` +
      `${(first.median / baseline.median).toFixed(1)}× the Helvetica page; goal < ${GOAL_MS} ms: ${first.median < GOAL_MS ? 'met' : 'NOT met'}`,
  );
  console.log(
    `first certificate after prepareCertificateRenderer ran as the screen opened (fresh isolate): median ${ms(prepared.median)} ` +
      `(min ${ms(prepared.min)}, max ${ms(prepared.max)}); ${(prepared.median / first.median).toFixed(2)}× the unprepared first; goal < ${GOAL_MS} ms: ${prepared.median < GOAL_MS ? 'met' : 'NOT met'}`,
  );
}
