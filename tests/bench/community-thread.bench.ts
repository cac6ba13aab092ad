/**
 * A community forum thread's first render: a 1,000-post thread (posts ordered and filtered by
 * orderPosts, then the post list rendered with react-dom/server, which shows the opening post and
 * the latest replies) against a 10-post thread in the same run, and against rendering all 1,000
 * posts at once (what windowing saves). Render cost in Node, not a browser paint.
 * Goal: the 1,000-post thread renders in under 100 ms (a screen's first render, as for the leads list).
 */
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { orderPosts } from '../../sync/domain/community';
import type { WorkstationDatabase } from '../../sync/schema/database';
import type { TicketDoc } from '../../sync/schema/tickets.schema';
import type { TicketMessageDoc } from '../../sync/schema/ticket-messages.schema';
import type { PostList as PostListComponent } from '../../renderer/features/community/components/PostList';

// The posts show tier badges, whose module imports a stylesheet; Node cannot load CSS, and styles
// play no part in render cost, so stylesheets load as empty modules here.
const IGNORE_CSS = `export async function load(url, context, next) {
  return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context);
}`;

export const name = 'community forum thread';

const RUNS = 30;
const GOAL_MS = 100;
const ME = '00000000-0000-4000-8000-000000000001';
const OTHERS = ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

const thread: TicketDoc = {
  id: 't-1',
  partner_id: ME,
  created_at: '2026-01-05T09:00:00Z',
  kind: 'forum',
  subject: 'Which discovery question opens up budget?',
  category: 'general',
  priority: 'normal',
  status: 'open',
  tier_required: 'active',
  locked: false,
  hidden: false,
  pinned: false,
  message_count: 1_000,
  helpful_message_id: 'm-00007',
};

function generatePosts(count: number): TicketMessageDoc[] {
  const start = Date.parse('2026-01-05T09:00:00Z');
  return Array.from({ length: count }, (_, i): TicketMessageDoc => {
    const author = i % 3 === 0 ? ME : OTHERS[i % 2]!;
    return {
      id: `m-${String(i).padStart(5, '0')}`,
      partner_id: author,
      created_at: new Date(start + i * 11 * 60_000).toISOString(),
      ticket_id: thread.id,
      author_role: 'partner',
      body: `Post ${i}: what worked for me was asking about the cost of waiting. ${'Some more detail on the approach. '.repeat(i % 6)}`,
      visibility: 'public',
      author_name: author === ME ? 'Łukasz Żółć' : 'Eleni Papadopoulou',
      author_company: author === ME ? 'Żółć Consulting' : 'Aegean Growth Partners',
      author_tier: author === ME ? 'active' : 'performer',
      hidden: i % 97 === 96,
      helpful: i === 7,
      edited_at: i % 10 === 0 ? new Date(start + i * 11 * 60_000 + 60_000).toISOString() : null,
    };
  }).reverse(); // stored order is not display order
}

function renderThread(PostList: typeof PostListComponent, rows: readonly TicketMessageDoc[], initialCount?: number): number {
  const html = renderToString(
    createElement(PostList, {
      posts: orderPosts(rows),
      thread,
      partnerId: ME,
      ownName: 'Łukasz Żółć',
      refused: new Map<string, string>(),
      queuedReportIds: new Set<string>(),
      db: {} as WorkstationDatabase,
      client: null,
      online: true,
      timeZone: 'Europe/London',
      ...(initialCount ? { initialCount } : {}),
    }),
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
  register(`data:text/javascript,${encodeURIComponent(IGNORE_CSS)}`);
  const { PostList } = await import('../../renderer/features/community/components/PostList');
  const small = generatePosts(10);
  const large = generatePosts(1_000);
  const baseline = time(() => renderThread(PostList, small));
  const ordering = time(() => orderPosts(large));
  const full = time(() => renderThread(PostList, large));
  const everything = time(() => renderThread(PostList, large, large.length));
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`10-post thread (baseline):       median ${ms(baseline.median)}, max ${ms(baseline.max)}`);
  console.log(`1,000 posts, ordering only:      median ${ms(ordering.median)}, max ${ms(ordering.max)}`);
  console.log(`1,000-post thread (opening + latest 49): median ${ms(full.median)}, max ${ms(full.max)}  → ${(full.median / baseline.median).toFixed(1)}× the baseline`);
  console.log(`1,000-post thread, all rendered:  median ${ms(everything.median)}, max ${ms(everything.max)}  → ${(everything.median / baseline.median).toFixed(1)}× the baseline`);
  console.log(`Goal: 1,000-post thread < ${GOAL_MS} ms — ${full.median < GOAL_MS ? 'met' : 'NOT met'}.`);
}
