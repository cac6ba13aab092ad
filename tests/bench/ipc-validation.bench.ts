/** Cost of validating an IPC call (sender check + zod request and reply) against calling the handler directly. */
import { performance } from 'node:perf_hooks';
import { validatedHandler } from '../../electron/main/ipc/validated-handler';

export const name = 'ipc validation overhead';

export async function run(): Promise<void> {
  const appUrl = 'app://workstation/index.html';
  const event = { senderFrame: { url: `${appUrl}#/leads`, parent: null } } as never;
  const payload = { suggestedName: 'Proposal - Acme.pdf', mimeType: 'application/pdf', data: new Uint8Array(64 * 1024) };
  const raw = async (_p: unknown) => ({ saved: true, path: '/tmp/x.pdf' });
  const guarded = validatedHandler('files:save', raw, () => appUrl);
  const iterations = 20_000;

  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 1000; i++) await fn();
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    return ((performance.now() - start) * 1000) / iterations;
  };
  const baseline = await time(() => raw(payload));
  const validated = await time(() => guarded(event, payload));
  console.log(`direct handler call:    ${baseline.toFixed(2)} µs/call (baseline)`);
  console.log(`validated IPC handler:  ${validated.toFixed(2)} µs/call (${(validated / baseline).toFixed(1)}× baseline, +${(validated - baseline).toFixed(2)} µs)`);
}
