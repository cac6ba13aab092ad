/**
 * The Support screen's writes: a new ticket is its row and its first message, with an attached
 * file kept on this device under the agreed bucket path until it uploads; the uploader forgets a
 * file once stored, keeps a refused one with the reason and a failed one for the next round;
 * one round runs at a time (a call meanwhile shares the round after it) and the last round's
 * problem is kept for the screens; replies reopen a ticket waiting on the partner; group-call
 * bookings are registration rows.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import { bookGroupCall, cancelGroupCall, fileTicket, replyToTicket, saveAttachment, setTicketStatus } from '../../renderer/features/support/support-writes';
import {
  attachmentUploadProblem,
  listPendingAttachments,
  onAttachmentUploadProblemChange,
  uploadPendingAttachments,
} from '../../renderer/features/support/attachment-queue';
import type { SaveFileRequest } from '../../renderer/platform';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
let db: WorkstationDatabase;
let partnerId: string;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = await openWorkstationDatabase({ name: `support-writes-${count}`, storage: getRxStorageMemory(), devMode: true });
  await loadDemoWorkspace(db, raw, new Date('2026-12-01T12:00:00Z'));
  partnerId = (await db.profiles.findOne().exec())!.partner_id;
  // Each test starts with no waiting attachments (fake-indexeddb lives for the whole file).
  for (const record of await listPendingAttachments(partnerId)) await clearRecord(record.messageId);
});

afterEach(async () => {
  await db.close();
});

async function clearRecord(messageId: string) {
  const uploaded = fakeStorage({ [messageId]: { status: 200 } });
  await uploadPendingAttachments(uploaded.client, partnerId, true);
}

type UploadAnswer = { status: 200 } | { status: number; message: string } | { thrown: string };

function fakeStorage(answers: Record<string, UploadAnswer> = {}, fallback: UploadAnswer = { status: 200 }) {
  const uploads: { bucket: string; path: string; size: number; type: string }[] = [];
  const client = {
    storage: {
      from: (bucket: string) => ({
        upload: async (path: string, body: Blob) => {
          const key = Object.keys(answers).find((id) => path.includes(id));
          const answer = (key ? answers[key] : undefined) ?? fallback;
          if ('thrown' in answer) throw new Error(answer.thrown);
          if (answer.status !== 200) return { data: null, error: { message: 'message' in answer ? answer.message : 'refused', statusCode: String(answer.status) } };
          uploads.push({ bucket, path, size: body.size, type: body.type });
          return { data: { path }, error: null };
        },
      }),
    },
  } as unknown as SupabaseClient;
  return { client, uploads };
}

describe('fileTicket', () => {
  it('writes the ticket and its first message together, and keeps the attachment on this device under its bucket path', async () => {
    const ticket = await fileTicket(
      db,
      partnerId,
      { subject: 'Logo looks blurred', category: 'technical', priority: 'high', description: 'The proposal PDF shows a blurred logo.' },
      { name: 'blurred logo.png', mime: 'image/png', bytes: PNG },
      new Date('2026-12-01T12:30:00Z'),
    );
    const stored = (await db.tickets.findOne(ticket.id).exec())!.toJSON();
    expect(stored).toMatchObject({ kind: 'support', partner_id: partnerId, subject: 'Logo looks blurred', category: 'technical', priority: 'high', status: 'open' });
    const messages = (await db.ticket_messages.find({ selector: { ticket_id: ticket.id } }).exec()).map((doc) => doc.toJSON());
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message).toMatchObject({
      author_role: 'partner',
      visibility: 'public',
      body: 'The proposal PDF shows a blurred logo.',
      attachment_path: `${partnerId}/${ticket.id}/${message!.id}-blurred-logo.png`,
      attachment_name: 'blurred logo.png',
      attachment_mime: 'image/png',
      attachment_size: PNG.length,
    });
    const pending = await listPendingAttachments(partnerId);
    expect(pending).toEqual([expect.objectContaining({ messageId: message!.id, path: message!.attachment_path, refused: null })]);
    expect([...pending[0]!.bytes]).toEqual([...PNG]);
  });

  it('writes no attachment fields and keeps nothing when no file is attached', async () => {
    const ticket = await fileTicket(db, partnerId, { subject: 'Question', category: 'billing', priority: 'normal', description: 'When is payday?' }, null);
    const [message] = await db.ticket_messages.find({ selector: { ticket_id: ticket.id } }).exec();
    expect(message?.attachment_path ?? null).toBeNull();
    expect(await listPendingAttachments(partnerId)).toEqual([]);
  });
});

describe('uploadPendingAttachments', () => {
  it('uploads waiting files to the private bucket and forgets them; a refusal is kept with its reason; a network failure stays for the next round', async () => {
    const values = { subject: 'S', category: 'other', priority: 'low', description: 'D' } as const;
    const ok = await fileTicket(db, partnerId, values, { name: 'ok.png', mime: 'image/png', bytes: PNG }, new Date('2026-12-01T12:00:00Z'));
    const big = await fileTicket(db, partnerId, values, { name: 'big.png', mime: 'image/png', bytes: PNG }, new Date('2026-12-01T12:01:00Z'));
    const flaky = await fileTicket(db, partnerId, values, { name: 'flaky.png', mime: 'image/png', bytes: PNG }, new Date('2026-12-01T12:02:00Z'));
    const storage = fakeStorage({ [big.id]: { status: 413, message: 'Payload too large' }, [flaky.id]: { thrown: 'Failed to fetch' } });

    const round = await uploadPendingAttachments(storage.client, partnerId, false);

    expect(storage.uploads).toEqual([expect.objectContaining({ bucket: 'ticket-attachments', type: 'image/png', size: PNG.length })]);
    expect(storage.uploads[0]?.path).toMatch(new RegExp(`^${partnerId}/${ok.id}/[^/]+-ok\\.png$`));
    expect(round.uploaded).toBe(1);
    expect(round.failed).toMatch(/^“flaky\.png” did not upload yet \(Failed to fetch\); it is kept on this device/);
    const left = await listPendingAttachments(partnerId);
    expect(left.map((record) => [record.name, record.refused])).toEqual(
      expect.arrayContaining([
        ['big.png', 'The server refused “big.png” because it is larger than ticket attachments allow. Attach a smaller file in a reply.'],
        ['flaky.png', null],
      ]),
    );
    expect(left).toHaveLength(2);

    // The next round skips the refused file unless asked to retry it.
    const next = fakeStorage();
    await uploadPendingAttachments(next.client, partnerId, false);
    expect(next.uploads.map((upload) => upload.path.split('-').pop())).toEqual(['flaky.png']);
    expect((await listPendingAttachments(partnerId)).map((record) => record.name)).toEqual(['big.png']);
  });
});

describe('one upload round at a time', () => {
  it('uploads each file once when asked twice during a round, and a file kept meanwhile in the round after it', async () => {
    const values = { subject: 'S', category: 'other', priority: 'low', description: 'D' } as const;
    await fileTicket(db, partnerId, values, { name: 'first.png', mime: 'image/png', bytes: PNG });
    const uploaded: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    let releaseFirst!: () => void;
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    const client = {
      storage: {
        from: () => ({
          upload: async (path: string) => {
            uploaded.push(path.split('-').pop() ?? path);
            if (uploaded.length === 1) {
              firstStarted();
              await held;
            }
            return { data: { path }, error: null };
          },
        }),
      },
    } as unknown as SupabaseClient;

    const running = uploadPendingAttachments(client, partnerId, false);
    await started;
    await fileTicket(db, partnerId, values, { name: 'second.png', mime: 'image/png', bytes: PNG });
    const following = uploadPendingAttachments(client, partnerId, false);
    expect(uploadPendingAttachments(client, partnerId, true)).toBe(following);
    releaseFirst();

    await expect(running).resolves.toEqual({ uploaded: 1, failed: null });
    await expect(following).resolves.toEqual({ uploaded: 1, failed: null });
    expect(uploaded).toEqual(['first.png', 'second.png']);
    expect(await listPendingAttachments(partnerId)).toEqual([]);
  });

  it('keeps the last round’s problem for the screens and tells them when it changes', async () => {
    await fileTicket(db, partnerId, { subject: 'S', category: 'other', priority: 'low', description: 'D' }, { name: 'flaky.png', mime: 'image/png', bytes: PNG });
    const seen: (string | null)[] = [];
    const stop = onAttachmentUploadProblemChange(() => seen.push(attachmentUploadProblem(partnerId)));

    await uploadPendingAttachments(fakeStorage({}, { thrown: 'Failed to fetch' }).client, partnerId, false);
    expect(attachmentUploadProblem(partnerId)).toMatch(/^“flaky\.png” did not upload yet \(Failed to fetch\); it is kept on this device/);
    await uploadPendingAttachments(fakeStorage().client, partnerId, false);
    expect(attachmentUploadProblem(partnerId)).toBeNull();
    stop();
    expect(seen).toEqual([expect.stringMatching(/^“flaky\.png” did not upload yet/), null]);
  });
});

describe('replies and status', () => {
  it('a reply to a ticket waiting on the partner opens it again; Mark resolved and Reopen set the status', async () => {
    const waiting = (await db.tickets.findOne({ selector: { status: 'waiting' } }).exec())!;
    await replyToTicket(db, partnerId, waiting.id, '  Here is the file you asked for.  ', null);
    const replies = await db.ticket_messages.find({ selector: { ticket_id: waiting.id, body: 'Here is the file you asked for.' } }).exec();
    expect(replies).toHaveLength(1);
    expect((await db.tickets.findOne(waiting.id).exec())!.status).toBe('open');
    await setTicketStatus(db, waiting.id, 'resolved');
    expect((await db.tickets.findOne(waiting.id).exec())!.status).toBe('resolved');
    await setTicketStatus(db, waiting.id, 'open');
    expect((await db.tickets.findOne(waiting.id).exec())!.status).toBe('open');
  });

  it('refuses an empty reply with a sentence and writes nothing', async () => {
    const ticket = (await db.tickets.findOne().exec())!;
    const before = await db.ticket_messages.count().exec();
    await expect(replyToTicket(db, partnerId, ticket.id, '   ', null)).rejects.toThrow('Write your reply before sending it.');
    expect(await db.ticket_messages.count().exec()).toBe(before);
  });
});

describe('group calls and attachments on disk', () => {
  it('books a group call as a registration row for the call and cancels it as a soft delete', async () => {
    const call = { id: 'gc-1', title: 'Monthly Q&A', tierRequired: 'active' as const, body: { starts_at: '2026-12-10T16:00:00Z', duration_minutes: 45, host: 'Sam', join_url: 'https://meet.siso.agency/q', capacity: 30, agenda: '' } };
    const row = await bookGroupCall(db, partnerId, call);
    expect((await db.training_progress.findOne(row.id).exec())!.toJSON()).toMatchObject({ kind: 'registration', course_id: 'gc-1', ref_id: 'gc-1', partner_id: partnerId });
    await cancelGroupCall(db, row.id);
    expect(await db.training_progress.findOne(row.id).exec()).toBeNull();
  });

  it('saves a waiting attachment from this device without the network, checked by content', async () => {
    const ticket = await fileTicket(db, partnerId, { subject: 'S', category: 'other', priority: 'low', description: 'D' }, { name: 'shot.png', mime: 'image/png', bytes: PNG });
    const [message] = await db.ticket_messages.find({ selector: { ticket_id: ticket.id } }).exec();
    const saved: SaveFileRequest[] = [];
    const platform = { saveFile: async (request: SaveFileRequest) => (saved.push(request), { saved: true }) };
    await saveAttachment(platform, null, { messageId: message!.id, path: message!.attachment_path!, name: 'shot.png', mime: 'image/png' });
    expect(saved).toEqual([expect.objectContaining({ suggestedName: 'shot.png', mimeType: 'image/png' })]);
    await expect(saveAttachment(platform, null, { messageId: 'elsewhere', path: 'p/t/x.png', name: 'x.png', mime: null })).rejects.toThrow(/does not sync/);
  });
});
