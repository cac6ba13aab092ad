/**
 * A partner's first certificate of a session, in a fresh V8 isolate (a worker thread, as a new
 * renderer is): the certificate module is imported, then the render the person waits for after
 * clicking "Download" is timed — fonts unparsed and the PDF code not yet compiled by the JIT, or,
 * with `prepared`, after prepareCertificateRenderer ran as the certifications screen opened.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';

const input = z
  .object({
    partnerName: z.string(),
    regular: z.instanceof(Uint8Array),
    bold: z.instanceof(Uint8Array),
    prepared: z.boolean(),
  })
  .parse(workerData);

const importStart = performance.now();
const { prepareCertificateRenderer, renderCertificate } = await import('../../../sync/domain/certificates');
const importMs = performance.now() - importStart;
if (input.prepared) await prepareCertificateRenderer({ regular: input.regular, bold: input.bold });
const renderStart = performance.now();
await renderCertificate({
  partnerName: input.partnerName,
  track: 'Sales',
  courseTitle: 'Sales Fundamentals',
  issuedAt: '2026-12-01T09:30:00Z',
  expiresAt: '2027-12-01T09:30:00Z',
  verificationCode: '3F9A1C27B0DE',
  fonts: { regular: input.regular, bold: input.bold },
});
parentPort?.postMessage({ importMs, renderMs: performance.now() - renderStart });
