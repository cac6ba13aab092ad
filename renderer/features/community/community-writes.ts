/**
 * Every write the community screens make. Threads and posts go to the local store and replication
 * pushes them (queued offline; the server's refusal lands in Sync problems and on the thread).
 * Helpful answers and reports are RPCs, so they need the connection; a report made offline waits
 * in a local document of the workspace until a sending round (one at a time per partner) sends it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { map, type Observable } from 'rxjs';
import {
  editBodySchema,
  queuedReportSchema,
  queuedReportsSchema,
  replyBodySchema,
  reportReasonSchema,
  type NewThreadValues,
  type QueuedReport,
} from '../../../sync/domain/community';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import type { Tier } from '../../../sync/schema/fields';
import { ticketMessageSchema, type TicketMessageDoc } from '../../../sync/schema/ticket-messages.schema';
import { ticketSchema, type TicketDoc } from '../../../sync/schema/tickets.schema';
import { createSerialRounds } from '../../data/serial-rounds';

function newMessage(partnerId: string, threadId: string, body: string, now: string): TicketMessageDoc {
  return ticketMessageSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: now,
    updated_at: now,
    ticket_id: threadId,
    author_role: 'partner',
    body,
    visibility: 'public',
    hidden: false,
    helpful: false,
  });
}

/**
 * A new thread and its opening post, written together. The server fills in the author, the tier
 * from the category and the counters; last_message_at is set here only so the thread sorts right
 * before sync brings the server's value.
 */
export async function createThread(
  db: WorkstationDatabase,
  partnerId: string,
  values: NewThreadValues,
  categoryTier: Tier,
): Promise<TicketDoc> {
  const now = new Date().toISOString();
  const thread = ticketSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: now,
    updated_at: now,
    kind: 'forum',
    subject: values.title,
    category: values.category,
    priority: 'normal',
    status: 'open',
    tier_required: categoryTier,
    locked: false,
    hidden: false,
    pinned: false,
    last_message_at: now,
    message_count: 1,
  });
  const opening = newMessage(partnerId, thread.id, values.message, now);
  await db.tickets.insert(thread);
  await db.ticket_messages.insert(opening);
  return thread;
}

export async function postReply(db: WorkstationDatabase, partnerId: string, threadId: string, text: string): Promise<void> {
  const body = replyBodySchema.parse(text);
  await db.ticket_messages.insert(newMessage(partnerId, threadId, body, new Date().toISOString()));
}

/** Changes the text of one of the partner's own posts (RLS refuses anyone else's). */
export async function editPost(db: WorkstationDatabase, postId: string, text: string): Promise<void> {
  const body = editBodySchema.parse(text);
  const doc = await db.ticket_messages.findOne(postId).exec();
  if (!doc) throw new Error('This post is no longer on this device; it may have been removed.');
  const now = new Date().toISOString();
  await doc.incrementalPatch({ body, edited_at: now, updated_at: now });
}

/** Removes one of the partner's own posts: a soft delete the replication pushes as `_deleted`. */
export async function deletePost(db: WorkstationDatabase, postId: string): Promise<void> {
  const doc = await db.ticket_messages.findOne(postId).exec();
  await doc?.remove();
}

// ---------------------------------------------------------------------------------------------
// Online-only: helpful answers and reports (RPCs)

export class CommunityRpcError extends Error {}

function isNetworkFailure(error: { message: string }): boolean {
  return /fetch|network|NetworkError/i.test(error.message);
}

function rpcSentence(action: string, error: { message: string }): string {
  const message = error.message.trim();
  if (isNetworkFailure(error)) {
    return `Could not ${action}: the server could not be reached. Check your connection and try again.`;
  }
  return `Could not ${action}: ${message.endsWith('.') ? message : `${message}.`}`;
}

export async function markHelpfulAnswer(client: SupabaseClient, messageId: string): Promise<void> {
  const { error } = await client.rpc('mark_helpful_answer', { message_id: messageId });
  if (error) throw new CommunityRpcError(rpcSentence('mark the answer as helpful', error));
}

export async function reportPost(client: SupabaseClient, messageId: string, reason: string): Promise<void> {
  const { error } = await client.rpc('report_post', { message_id: messageId, reason: reportReasonSchema.parse(reason) });
  if (error) throw new CommunityRpcError(rpcSentence('send the report', error));
}

const queuedReportsKey = (partnerId: string) => `community-queued-reports.${partnerId}`;

function parseQueued(data: unknown): QueuedReport[] {
  const parsed = queuedReportsSchema.safeParse(typeof data === 'object' && data !== null && 'reports' in data ? data.reports : null);
  return parsed.success ? parsed.data : [];
}

export function observeQueuedReports(db: WorkstationDatabase, partnerId: string): Observable<QueuedReport[]> {
  return db.getLocal$<unknown>(queuedReportsKey(partnerId)).pipe(map((doc) => parseQueued(doc?.toJSON().data)));
}

async function readQueued(db: WorkstationDatabase, partnerId: string): Promise<QueuedReport[]> {
  return parseQueued((await db.getLocal<unknown>(queuedReportsKey(partnerId)))?.toJSON().data);
}

/** Keeps a report made offline on this device; one per post (a newer reason replaces the older). */
export async function queueReport(db: WorkstationDatabase, partnerId: string, messageId: string, reason: string): Promise<void> {
  const report = queuedReportSchema.parse({ message_id: messageId, reason, queued_at: new Date().toISOString() });
  const others = (await readQueued(db, partnerId)).filter((entry) => entry.message_id !== messageId);
  await db.upsertLocal(queuedReportsKey(partnerId), { reports: [...others, report] });
}

export interface QueuedReportOutcome {
  sent: number;
  /** Reports the server refused (the post was removed meanwhile, say), with its reason; they leave the queue. */
  refused: string[];
}

/** How the partner's last sending round ended: its outcome, or the error that stopped it. */
export type QueuedReportRound = { ok: true; outcome: QueuedReportOutcome } | { ok: false; error: unknown };

const reportRounds = createSerialRounds<QueuedReportOutcome>();
const lastReportRounds = new Map<string, QueuedReportRound>();
const reportRoundEnded = new EventTarget();

/** The partner's last sending round in this session that sent or lost a report, or failed; null before the first. */
export function lastQueuedReportRound(partnerId: string): QueuedReportRound | null {
  return lastReportRounds.get(partnerId) ?? null;
}

/** Tells every screen showing what happened to reports made offline that a sending round ended. */
export function onQueuedReportRoundEnded(listener: () => void): () => void {
  reportRoundEnded.addEventListener('ended', listener);
  return () => reportRoundEnded.removeEventListener('ended', listener);
}

function endRound(partnerId: string, round: QueuedReportRound) {
  lastReportRounds.set(partnerId, round);
  reportRoundEnded.dispatchEvent(new Event('ended'));
}

function runReportRound(db: WorkstationDatabase, client: SupabaseClient, partnerId: string): Promise<QueuedReportOutcome> {
  return sendRound(db, client, partnerId).then(
    (outcome) => {
      // A round that sent nothing (offline, or a follow-up finding the queue empty) keeps the last notice true.
      if (outcome.sent > 0 || outcome.refused.length > 0) endRound(partnerId, { ok: true, outcome });
      return outcome;
    },
    (error: unknown) => {
      endRound(partnerId, { ok: false, error });
      throw error;
    },
  );
}

/**
 * Sends the reports kept offline, one round at a time: a call while a round runs shares the single
 * round that starts when it ends, so two callers never send a report twice and a report queued
 * mid-round is not left waiting. Each report the server answers leaves the queue; a round stops at
 * the first network failure and leaves the rest for the next.
 */
export function sendQueuedReports(db: WorkstationDatabase, client: SupabaseClient, partnerId: string): Promise<QueuedReportOutcome> {
  return reportRounds(partnerId, () => runReportRound(db, client, partnerId));
}

async function sendRound(db: WorkstationDatabase, client: SupabaseClient, partnerId: string): Promise<QueuedReportOutcome> {
  const outcome: QueuedReportOutcome = { sent: 0, refused: [] };
  for (const report of await readQueued(db, partnerId)) {
    const { error } = await client.rpc('report_post', { message_id: report.message_id, reason: report.reason });
    if (error && isNetworkFailure(error)) break;
    if (error) outcome.refused.push(rpcSentence('send a report you made offline', error));
    else outcome.sent += 1;
    const rest = (await readQueued(db, partnerId)).filter((entry) => entry.message_id !== report.message_id);
    await db.upsertLocal(queuedReportsKey(partnerId), { reports: rest });
  }
  return outcome;
}
