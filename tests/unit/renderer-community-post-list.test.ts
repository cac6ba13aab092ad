/**
 * The thread's post list: a long thread opens with its opening post, a button naming how many
 * earlier replies are not shown, and the latest replies (so live replies stay in view); a short
 * thread shows every post. Own posts offer Edit and Delete, others' Report.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostList } from '../../renderer/features/community/components/PostList';
import type { WorkstationDatabase } from '../../sync/schema/database';
import type { TicketDoc } from '../../sync/schema/tickets.schema';
import type { TicketMessageDoc } from '../../sync/schema/ticket-messages.schema';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const thread: TicketDoc = {
  id: 't-1',
  partner_id: ME,
  created_at: '2026-01-05T09:00:00Z',
  kind: 'forum',
  subject: 'Pricing',
  category: 'general',
  priority: 'normal',
  status: 'open',
  tier_required: 'active',
  locked: false,
  hidden: false,
  pinned: false,
  message_count: 1,
};

function posts(count: number): TicketMessageDoc[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m-${String(i).padStart(3, '0')}`,
    partner_id: i % 2 === 0 ? ME : OTHER,
    created_at: new Date(Date.parse('2026-01-05T09:00:00Z') + i * 60_000).toISOString(),
    ticket_id: 't-1',
    author_role: 'partner' as const,
    body: `Body number ${i}.`,
    visibility: 'public' as const,
    author_name: i % 2 === 0 ? 'Ada' : 'Grace',
    hidden: false,
    helpful: false,
  }));
}

function render(list: TicketMessageDoc[]): string {
  return renderToString(
    createElement(PostList, {
      posts: list,
      thread,
      partnerId: ME,
      ownName: 'Ada',
      refused: new Map([['m-002', 'This thread is locked.']]),
      queuedReportIds: new Set(['m-001']),
      db: {} as WorkstationDatabase,
      client: null,
      online: true,
      timeZone: 'UTC',
    }),
  ).replace(/<!-- -->/g, ''); // React's separators between adjacent text parts
}

describe('PostList', () => {
  it('shows every post of a short thread, with own and others’ actions, refusals and queued reports', () => {
    const html = render(posts(3));
    for (const i of [0, 1, 2]) expect(html).toContain(`Body number ${i}.`);
    expect(html).not.toContain('earlier repl');
    expect(html.match(/>Edit</g)).toHaveLength(2);
    expect(html.match(/>Report</g)).toHaveLength(1);
    expect(html).toContain('>Mark as helpful answer<');
    expect(html).toContain('Not posted: SISO refused this post: This thread is locked.');
    expect(html).toContain('Your report of this post is kept on this device');
  });

  it('opens a long thread with the opening post and the latest replies, naming how many earlier ones wait', () => {
    const html = render(posts(120));
    expect(html).toContain('Body number 0.');
    expect(html).not.toContain('Body number 1.');
    expect(html).not.toContain('Body number 70.');
    expect(html).toContain('Body number 71.');
    expect(html).toContain('Body number 119.');
    expect(html).toContain('>Show 70 earlier replies<');
    expect(html.match(/<li class="community-post"/g)).toHaveLength(50);
    expect(render(posts(400))).toContain('>Show 100 earlier replies (350 not shown)<');
  });
});
