/**
 * The community's writes: a new thread is a forum tickets row plus its opening post; replies, edits
 * and soft deletes touch only the partner's own post; reports made offline wait in a local document
 * (observed live) and leave it once the server answers, stopping at a network failure; one sending
 * round runs at a time, and the last one that did something is kept for the screens.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import type { QueuedReport } from '../../sync/domain/community';
import {
  createThread,
  deletePost,
  editPost,
  lastQueuedReportRound,
  markHelpfulAnswer,
  observeQueuedReports,
  postReply,
  queueReport,
  sendQueuedReports,
} from '../../renderer/features/community/community-writes';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
let db: WorkstationDatabase;
let partnerId: string;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = await openWorkstationDatabase({ name: `community-writes-${count}`, storage: getRxStorageMemory(), devMode: true });
  await loadDemoWorkspace(db, raw, new Date('2026-06-15T12:00:00Z'));
  partnerId = (await db.profiles.findOne().exec())!.partner_id;
});

afterEach(async () => {
  await db.close();
});

type RpcAnswer = { data: unknown; error: { message: string } | null };

function fakeClient(answer: (name: string, args: Record<string, unknown>) => RpcAnswer) {
  const calls: { name: string; args: Record<string, unknown> }[] = [];
  const client = {
    rpc: (name: string, args: Record<string, unknown>) => {
      calls.push({ name, args });
      return Promise.resolve(answer(name, args));
    },
  } as unknown as SupabaseClient;
  return { client, calls };
}

describe('threads and posts', () => {
  it('writes a forum thread with its opening post, then replies, edits and soft-deletes own posts', async () => {
    const thread = await createThread(db, partnerId, { category: 'general', title: 'Pricing question', message: 'How do you price phase one?' }, 'active');
    const stored = (await db.tickets.findOne(thread.id).exec())!.toJSON();
    expect(stored).toMatchObject({ partner_id: partnerId, kind: 'forum', category: 'general', subject: 'Pricing question', status: 'open', locked: false, hidden: false });
    const opening = await db.ticket_messages.find({ selector: { ticket_id: thread.id } }).exec();
    expect(opening.map((post) => post.toJSON())).toEqual([
      expect.objectContaining({ partner_id: partnerId, author_role: 'partner', visibility: 'public', body: 'How do you price phase one?', helpful: false }),
    ]);

    await postReply(db, partnerId, thread.id, '  Thanks all.  ');
    const posts = await db.ticket_messages.find({ selector: { ticket_id: thread.id }, sort: [{ created_at: 'asc' }] }).exec();
    expect(posts).toHaveLength(2);
    const reply = posts.find((post) => post.body === 'Thanks all.')!;
    await expect(postReply(db, partnerId, thread.id, '   ')).rejects.toThrow(/Write your reply/);

    await editPost(db, reply.id, 'Thanks, everyone.');
    const edited = (await db.ticket_messages.findOne(reply.id).exec())!;
    expect(edited.body).toBe('Thanks, everyone.');
    expect(edited.edited_at).toEqual(expect.any(String));
    await expect(editPost(db, reply.id, '')).rejects.toThrow(/cannot be empty/);

    await deletePost(db, reply.id);
    expect(await db.ticket_messages.findOne(reply.id).exec()).toBeNull();
    expect(await db.ticket_messages.count({ selector: { ticket_id: thread.id } }).exec()).toBe(1);
  });
});

describe('helpful answers', () => {
  it('calls mark_helpful_answer and turns a refusal into a sentence', async () => {
    const ok = fakeClient(() => ({ data: null, error: null }));
    await markHelpfulAnswer(ok.client, 'm-1');
    expect(ok.calls).toEqual([{ name: 'mark_helpful_answer', args: { message_id: 'm-1' } }]);
    const refused = fakeClient(() => ({ data: null, error: { message: 'Only the thread author can mark a helpful answer' } }));
    await expect(markHelpfulAnswer(refused.client, 'm-1')).rejects.toThrow('Could not mark the answer as helpful: Only the thread author can mark a helpful answer.');
  });
});

describe('reports made offline', () => {
  it('are observed live, one per post, and sent later; a network failure keeps the rest, a refusal drops its report with the reason', async () => {
    const seen: QueuedReport[][] = [];
    const subscription = observeQueuedReports(db, partnerId).subscribe((reports) => seen.push(reports));
    await queueReport(db, partnerId, 'm-1', 'Spam link to a competitor.');
    await queueReport(db, partnerId, 'm-2', 'Shares a client phone number.');
    await queueReport(db, partnerId, 'm-1', 'Spam: links to a competitor.');
    await expect(queueReport(db, partnerId, 'm-3', 'no')).rejects.toThrow();
    await expect.poll(() => seen.at(-1)?.map((report) => [report.message_id, report.reason])).toEqual([
      ['m-2', 'Shares a client phone number.'],
      ['m-1', 'Spam: links to a competitor.'],
    ]);

    const offline = fakeClient(() => ({ data: null, error: { message: 'TypeError: Failed to fetch' } }));
    await expect(sendQueuedReports(db, offline.client, partnerId)).resolves.toEqual({ sent: 0, refused: [] });
    expect(offline.calls).toHaveLength(1);
    expect(seen.at(-1)).toHaveLength(2);

    const server = fakeClient((_name, args) =>
      args.message_id === 'm-2' ? { data: null, error: { message: 'This post no longer exists' } } : { data: 'report-id', error: null },
    );
    await expect(sendQueuedReports(db, server.client, partnerId)).resolves.toEqual({
      sent: 1,
      refused: ['Could not send a report you made offline: This post no longer exists.'],
    });
    expect(server.calls.map((call) => call.args)).toEqual([
      { message_id: 'm-2', reason: 'Shares a client phone number.' },
      { message_id: 'm-1', reason: 'Spam: links to a competitor.' },
    ]);
    await expect.poll(() => seen.at(-1)).toEqual([]);
    subscription.unsubscribe();
  });

  it('are sent once when asked twice during a round; a report queued meanwhile goes in the round after it', async () => {
    await queueReport(db, partnerId, 'm-1', 'Spam link to a competitor.');
    const sent: unknown[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    let releaseFirst!: () => void;
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    const client = {
      rpc: async (_name: string, args: Record<string, unknown>) => {
        sent.push(args.message_id);
        if (sent.length === 1) {
          firstStarted();
          await held;
        }
        return { data: 'report-id', error: null };
      },
    } as unknown as SupabaseClient;

    const running = sendQueuedReports(db, client, partnerId);
    await started;
    await queueReport(db, partnerId, 'm-2', 'Shares a client phone number.');
    const following = sendQueuedReports(db, client, partnerId);
    expect(sendQueuedReports(db, client, partnerId)).toBe(following);
    releaseFirst();

    await expect(running).resolves.toEqual({ sent: 1, refused: [] });
    await expect(following).resolves.toEqual({ sent: 1, refused: [] });
    expect(sent).toEqual(['m-1', 'm-2']);
    expect(lastQueuedReportRound(partnerId)).toEqual({ ok: true, outcome: { sent: 1, refused: [] } });
    // A round with nothing to send keeps the last round's notice.
    await expect(sendQueuedReports(db, client, partnerId)).resolves.toEqual({ sent: 0, refused: [] });
    expect(lastQueuedReportRound(partnerId)).toEqual({ ok: true, outcome: { sent: 1, refused: [] } });
  });
});
