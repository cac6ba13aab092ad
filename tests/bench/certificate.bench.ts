/**
 * The certificate PDF, cold (fresh font bytes, so fontkit parses and subsets from scratch) and warm
 * (the parsed-font caches the app keeps), against the same page in pdf-lib's standard Helvetica
 * (no embedding, no subsetting, no QR) in the same run. Goal: under 100 ms.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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
}
