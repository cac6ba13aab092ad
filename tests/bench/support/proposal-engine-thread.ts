/**
 * The proposal engine alone in a worker thread, as proposal.worker.ts runs it in the app: renders
 * the request `runs` times with the same font bytes and reports the thread's own V8 heap (its
 * isolate, not the bench process) at its peak.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { renderProposal, type ProposalData } from '../../../sync/domain/proposals';

const input = z
  .object({
    template: z.unknown(),
    data: z.custom<ProposalData>((value) => typeof value === 'object' && value !== null),
    regular: z.instanceof(Uint8Array),
    bold: z.instanceof(Uint8Array),
    now: z.date(),
    runs: z.number().int().positive(),
  })
  .parse(workerData);

export interface EngineMemory {
  /** Peak of the isolate's used heap plus off-heap (ArrayBuffer) memory, in bytes. */
  peakBytes: number;
  peakHeapUsed: number;
  peakHeapTotal: number;
  peakExternal: number;
}

const memory: EngineMemory = { peakBytes: 0, peakHeapUsed: 0, peakHeapTotal: 0, peakExternal: 0 };
const fonts = { regular: input.regular, bold: input.bold };
for (let i = 0; i < input.runs; i += 1) {
  await renderProposal({ template: input.template, data: input.data, fonts, now: input.now });
  const heap = getHeapStatistics();
  memory.peakHeapUsed = Math.max(memory.peakHeapUsed, heap.used_heap_size);
  memory.peakHeapTotal = Math.max(memory.peakHeapTotal, heap.total_heap_size);
  memory.peakExternal = Math.max(memory.peakExternal, heap.external_memory);
  memory.peakBytes = Math.max(memory.peakBytes, heap.total_heap_size + heap.external_memory);
}
parentPort?.postMessage(memory);
