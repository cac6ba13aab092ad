/**
 * A support ticket's conversation: the first render of a 1,000-message thread (the partner's view
 * model built from the stored rows — internal notes and hidden posts dropped, sorted — then the
 * Conversation list rendered with react-dom/server, which shows the latest 50 and reveals earlier
 * ones on request) against a 10-message thread in the same run, and against rendering all 1,000
 * messages at once (what windowing saves). Render cost in Node, not a browser paint.
 * Goal: the 1,000-message thread renders in under 100 ms (a screen's first render, as for the leads list).
 */
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { buildThreadView, type ThreadMessageInput } from '../../sync/domain/support-tickets';
import { Conversation } from '../../renderer/features/support/Conversation';

export const name = 'support ticket thread';

const RUNS = 30;
const GOAL_MS = 100;
const NO_WAITING: ReadonlySet<string> = new Set();

function generateMessages(count: number): ThreadMessageInput[] {
  const start = Date.parse('2026-01-05T09:00:00Z');
  return Array.from({ length: count }, (_, i): ThreadMessageInput => {
    const fromSiso = i % 2 === 1;
    return {
      id: `m-${String(i).padStart(5, '0')}`,
      created_at: new Date(start + i * 17 * 60_000).toISOString(),
      author_role: fromSiso ? 'support' : 'partner',
      author_name: fromSiso ? 'Sam at SISO' : null,
      body: `${fromSiso ? 'Thanks — could you check' : 'I tried again and'} step ${i}: the proposal for Café Łucja ${i} still shows the old logo after syncing. ${'More detail follows. '.repeat(i % 5)}`,
      // Every 25th is an internal note and every 97th hidden: filtered out by the view model.
      visibility: i % 25 === 24 ? 'internal' : 'public',
      hidden: i % 97 === 96,
      attachment_path: i % 40 === 0 ? `p/t/m-${i}-screenshot.png` : null,
      attachment_name: i % 40 === 0 ? 'screenshot.png' : null,
      attachment_mime: i % 40 === 0 ? 'image/png' : null,
      attachment_size: i % 40 === 0 ? 180_000 : null,
    };
  }).reverse(); // stored order is not display order
}

function renderThread(rows: readonly ThreadMessageInput[], initialCount?: number): number {
  const view = buildThreadView(rows, 'Ada Partner');
  const html = renderToString(
    createElement(Conversation, { messages: view, timeZone: 'Europe/London', waitingUploads: NO_WAITING, uploadsSync: true, onDownload: () => undefined, ...(initialCount ? { initialCount } : {}) }),
  );
  return html.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(work: () => unknown): { median: number; max: number } {
  for (let i = 0; i < 5; i += 1) work(); // warm up the JIT, as a running app would be
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const startedAt = performance.now();
    work();
    times.push(performance.now() - startedAt);
  }
  return { median: median(times), max: Math.max(...times) };
}

export async function run(): Promise<void> {
  const small = generateMessages(10);
  const large = generateMessages(1_000);
  const baseline = time(() => renderThread(small));
  const viewOnly = time(() => buildThreadView(large, 'Ada Partner'));
  const windowed = time(() => renderThread(large));
  const everything = time(() => renderThread(large, large.length));
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`10-message thread (baseline):          median ${ms(baseline.median)}, max ${ms(baseline.max)}`);
  console.log(`1,000 messages, view model only:       median ${ms(viewOnly.median)}, max ${ms(viewOnly.max)}`);
  console.log(`1,000-message thread (latest 50 shown): median ${ms(windowed.median)}, max ${ms(windowed.max)}  → ${(windowed.median / baseline.median).toFixed(1)}× the baseline`);
  console.log(`1,000-message thread, all rendered:     median ${ms(everything.median)}, max ${ms(everything.max)}  → ${(everything.median / baseline.median).toFixed(1)}× the baseline`);
  console.log(`Goal: 1,000-message thread < ${GOAL_MS} ms — ${windowed.median < GOAL_MS ? 'met' : 'NOT met'}.`);
}
