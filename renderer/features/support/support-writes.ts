/**
 * Every write the Support screens make: a new ticket (the ticket row and its first message in one
 * call, with an attached file kept on this device until it uploads), replies, resolving and
 * reopening, group-call registrations and their calendar file, opening the Slack community, and
 * saving an attachment to disk. Rows go to the local store; replication pushes them, so they queue
 * offline and the server's refusal lands in Sync problems.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { ticketSchema, type TicketDoc } from '../../../sync/schema/tickets.schema';
import { ticketMessageSchema, type TicketMessageDoc } from '../../../sync/schema/ticket-messages.schema';
import {
  TICKET_ATTACHMENT_BUCKET,
  checkAttachmentFile,
  replySchema,
  ticketAttachmentPath,
  type NewTicketValues,
} from '../../../sync/domain/support-tickets';
import { cancelSessionRegistration, registerForSession, saveSessionCalendarFile } from '../../data/session-registrations';
import type { OpenExternalResult, Platform, SaveFileResult } from '../../platform';
import { errorMessage } from '../../ui/error-message';
import { readPendingAttachment, savePendingAttachment } from './attachment-queue';
import type { PreparedAttachment } from './prepare-attachment';
import type { GroupCall } from './use-support-data';

function openStore(db: WorkstationDatabase | null): WorkstationDatabase {
  if (!db) throw new Error('This workspace is still opening on this device. Wait a moment and try again.');
  return db;
}

function messageRow(
  partnerId: string,
  ticketId: string,
  messageId: string,
  body: string,
  now: string,
  attachment: PreparedAttachment | null,
): TicketMessageDoc {
  return ticketMessageSchema.parse({
    id: messageId,
    partner_id: partnerId,
    created_at: now,
    updated_at: now,
    ticket_id: ticketId,
    author_role: 'partner',
    body,
    visibility: 'public',
    hidden: false,
    helpful: false,
    attachment_path: attachment ? ticketAttachmentPath(partnerId, ticketId, messageId, attachment.name) : null,
    attachment_name: attachment?.name ?? null,
    attachment_mime: attachment?.mime ?? null,
    attachment_size: attachment?.bytes.length ?? null,
  });
}

/** Keeps the file on this device first, so a message never names a file that exists nowhere. */
async function keepAttachment(message: TicketMessageDoc, attachment: PreparedAttachment | null, now: string): Promise<void> {
  if (!attachment || !message.attachment_path) return;
  await savePendingAttachment({
    messageId: message.id,
    partnerId: message.partner_id,
    ticketId: message.ticket_id,
    path: message.attachment_path,
    name: attachment.name,
    mime: attachment.mime,
    bytes: attachment.bytes,
    savedAt: now,
    refused: null,
  });
}

/** Files a support ticket: the ticket row and its first message, written together. */
export async function fileTicket(
  db: WorkstationDatabase | null,
  partnerId: string,
  values: NewTicketValues,
  attachment: PreparedAttachment | null,
  now = new Date(),
): Promise<TicketDoc> {
  const store = openStore(db);
  const stamp = now.toISOString();
  const ticketId = crypto.randomUUID();
  const ticket = ticketSchema.parse({
    id: ticketId,
    partner_id: partnerId,
    created_at: stamp,
    updated_at: stamp,
    kind: 'support',
    subject: values.subject,
    category: values.category,
    priority: values.priority,
    status: 'open',
    // The server sets the real values (tier_required 'starter' for support, SLA, author, counters).
    tier_required: 'starter',
    locked: false,
    hidden: false,
    pinned: false,
    last_message_at: stamp,
    message_count: 1,
  });
  const message = messageRow(partnerId, ticketId, crypto.randomUUID(), values.description, stamp, attachment);
  await keepAttachment(message, attachment, stamp);
  await store.tickets.insert(ticket);
  await store.ticket_messages.insert(message);
  return ticket;
}

/** Adds the partner's reply; a reply to a ticket waiting on the partner opens it again. */
export async function replyToTicket(
  db: WorkstationDatabase | null,
  partnerId: string,
  ticketId: string,
  text: string,
  attachment: PreparedAttachment | null,
  now = new Date(),
): Promise<void> {
  const store = openStore(db);
  const body = replySchema.parse(text);
  const stamp = now.toISOString();
  const message = messageRow(partnerId, ticketId, crypto.randomUUID(), body, stamp, attachment);
  await keepAttachment(message, attachment, stamp);
  await store.ticket_messages.insert(message);
  const ticket = await store.tickets.findOne(ticketId).exec();
  if (ticket && ticket.status !== 'open') await ticket.incrementalPatch({ status: 'open', updated_at: stamp });
}

/** Mark resolved ('resolved') or Reopen ('open'). */
export async function setTicketStatus(db: WorkstationDatabase | null, ticketId: string, status: 'resolved' | 'open', now = new Date()): Promise<void> {
  const ticket = await openStore(db).tickets.findOne(ticketId).exec();
  if (!ticket) throw new Error('This ticket is not on this device any more. Go back to Support and open it again.');
  await ticket.incrementalPatch({ status, updated_at: now.toISOString() });
}

export function bookGroupCall(db: WorkstationDatabase | null, partnerId: string, call: GroupCall, now = new Date()) {
  return registerForSession(db, partnerId, 'registration', call.id, now);
}

export function cancelGroupCall(db: WorkstationDatabase | null, registrationId: string) {
  return cancelSessionRegistration(db, registrationId);
}

export function saveGroupCallCalendarFile(platform: Pick<Platform, 'saveFile'>, call: GroupCall, now = new Date()): Promise<SaveFileResult> {
  const { starts_at, duration_minutes, host, join_url, agenda } = call.body;
  return saveSessionCalendarFile(platform, { id: call.id, title: call.title, startsAt: starts_at, durationMinutes: duration_minutes, host, joinUrl: join_url, notes: agenda }, now);
}

/** Opens the partner Slack community in the system browser; the platform applies the URL policy. */
export function openSlackCommunity(platform: Pick<Platform, 'openExternal'>, slackUrl: string): Promise<OpenExternalResult> {
  return platform.openExternal(slackUrl);
}

export interface AttachmentRef {
  messageId: string;
  path: string;
  name: string;
  mime: string | null;
}

/**
 * Saves an attachment to disk: the copy still on this device if it has not uploaded, otherwise the
 * bucket's file, checked by content before it is written.
 */
export async function saveAttachment(platform: Pick<Platform, 'saveFile'>, client: SupabaseClient | null, attachment: AttachmentRef): Promise<SaveFileResult> {
  const local = await readPendingAttachment(attachment.messageId);
  let bytes: Uint8Array;
  if (local) {
    bytes = local.bytes;
  } else {
    if (!client) throw new Error('The file is not on this device and this workspace does not sync, so it cannot be downloaded.');
    const { data, error } = await client.storage.from(TICKET_ATTACHMENT_BUCKET).download(attachment.path);
    if (error) throw new Error(`The file could not be downloaded (${errorMessage(error)}). Check you are online and try again.`);
    bytes = new Uint8Array(await data.arrayBuffer());
  }
  const check = checkAttachmentFile(bytes, attachment.name);
  if (!check.ok) throw new Error(`The downloaded file was not saved: ${check.message}`);
  return platform.saveFile({ suggestedName: attachment.name, mimeType: check.mime, data: bytes });
}
