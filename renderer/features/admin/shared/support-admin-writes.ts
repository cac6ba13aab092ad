/**
 * Every write and server read the admin's Support and Community tabs make, straight to the server
 * like the rest of the admin area (see admin-server.ts): staff replies and internal notes, ticket
 * status and assignment (admin_set_ticket), thread moderation, reported posts (post_reports is
 * never synced: admins read and resolve it over REST; admin_moderate_post hides a post) and
 * attachment downloads from the private bucket. Tickets and messages themselves are read from the
 * admin's synced store, which replication keeps current.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { ticketMessageSchema, type MessageVisibility, type TicketMessageDoc } from '../../../../sync/schema/ticket-messages.schema';
import { ticketSchema, type TicketDoc, type TicketPriority, type TicketStatus } from '../../../../sync/schema/tickets.schema';
import { AdminRequestError, parseReply, sentenceFor } from './admin-server';

/** A report of a forum post, as post_reports holds it (admins read and resolve it; partners never see it). */
export const postReportSchema = z.object({
  id: z.string().min(1),
  message_id: z.string().min(1),
  ticket_id: z.string().min(1),
  reporter_id: z.uuid(),
  reason: z.string(),
  created_at: z.string(),
  resolved_at: z.string().nullish(),
  resolved_by: z.uuid().nullish(),
});
export type PostReport = z.infer<typeof postReportSchema>;

export interface TicketChange {
  status?: TicketStatus;
  priority?: TicketPriority;
  /** An admin's user id, or null to unassign; the server fills assigned_name from the admin's profile. */
  assignee?: { id: string; name: string } | null;
}

export interface ThreadFlags {
  locked?: boolean;
  pinned?: boolean;
  hidden?: boolean;
}

export interface SupportAdminWrites {
  /** A staff message on a support ticket: a public reply the partner reads, or an internal note RLS keeps from them. */
  postStaffMessage(ticket: Pick<TicketDoc, 'id' | 'partner_id' | 'subject'>, body: string, visibility: MessageVisibility): Promise<TicketMessageDoc>;
  changeTicket(ticketId: string, change: TicketChange): Promise<TicketDoc>;
  setThreadFlags(ticketId: string, flags: ThreadFlags, action: string): Promise<TicketDoc>;
  /** admin_moderate_post: hides (or shows again) one forum post and closes every open report of it. */
  setPostHidden(messageId: string, hidden: boolean): Promise<void>;
  /** Open reports, oldest first. */
  listOpenPostReports(): Promise<PostReport[]>;
  /** Closes one report without hiding the post; resolverId is the admin deciding. */
  dismissPostReport(reportId: string, resolverId: string): Promise<void>;
  /** Display names by user id, from profiles (admins read every profile; the admin's store does not hold them). */
  displayNames(userIds: readonly string[]): Promise<Map<string, string>>;
  /** The attachment's bytes, fetched through a short-lived signed URL of the private bucket. */
  downloadAttachment(path: string, name: string): Promise<Uint8Array>;
}

const SIGNED_URL_SECONDS = 60;

/** More open reports than one screen should list; the oldest are shown. */
const REPORT_LIMIT = 500;

export function createSupportAdminWrites(client: SupabaseClient): SupportAdminWrites {
  async function updateTicket(ticketId: string, patch: Record<string, unknown>, action: string): Promise<TicketDoc> {
    const { data, error } = await client.from('tickets').update(patch).eq('id', ticketId).select();
    if (error) throw new AdminRequestError(sentenceFor(action, error));
    const row = parseReply(z.array(ticketSchema), data, action)[0];
    if (!row) throw new AdminRequestError(`Could not ${action}: the server did not change it. It may have been deleted, or this account is no longer an admin.`);
    return row;
  }

  return {
    async postStaffMessage(ticket, body, visibility) {
      const action = visibility === 'internal' ? 'add the internal note' : `send the reply to “${ticket.subject}”`;
      const text = body.trim();
      if (!text) throw new AdminRequestError(`Could not ${action}: it is empty. Write the message first.`);
      const row = { id: crypto.randomUUID(), partner_id: ticket.partner_id, ticket_id: ticket.id, author_role: 'support', body: text, visibility };
      const { data, error } = await client.from('ticket_messages').insert(row).select().single();
      if (error || !data) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(ticketMessageSchema, data, action);
    },
    async changeTicket(ticketId, change) {
      const action = change.assignee !== undefined ? (change.assignee ? `assign the ticket to ${change.assignee.name}` : 'unassign the ticket') : change.status ? 'change the ticket’s status' : 'change the ticket’s priority';
      const { data, error } = await client.rpc('admin_set_ticket', {
        ticket_id: ticketId,
        status: change.status ?? null,
        priority: change.priority ?? null,
        assigned_to: change.assignee?.id ?? null,
        unassign: change.assignee === null,
      });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(ticketSchema, data, action);
    },
    setThreadFlags(ticketId, flags, action) {
      return updateTicket(ticketId, { ...flags }, action);
    },
    async setPostHidden(messageId, hidden) {
      const action = hidden ? 'hide the post' : 'show the post again';
      const { error } = await client.rpc('admin_moderate_post', { message_id: messageId, hidden });
      if (error) throw new AdminRequestError(sentenceFor(action, error));
    },
    async listOpenPostReports() {
      const action = 'load the reported posts';
      const { data, error } = await client
        .from('post_reports')
        .select('id, message_id, ticket_id, reporter_id, reason, created_at, resolved_at, resolved_by')
        .is('resolved_at', null)
        .order('created_at', { ascending: true })
        .limit(REPORT_LIMIT);
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      return parseReply(z.array(postReportSchema), data, action);
    },
    async dismissPostReport(reportId, resolverId) {
      const action = 'dismiss the report';
      const { data, error } = await client.from('post_reports').update({ resolved_at: new Date().toISOString(), resolved_by: resolverId }).eq('id', reportId).select('id');
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      if (parseReply(z.array(z.object({ id: z.string() })), data, action).length === 0) {
        throw new AdminRequestError(`Could not ${action}: the server did not change it. It may have been resolved already; refresh the list.`);
      }
    },
    async displayNames(userIds) {
      if (userIds.length === 0) return new Map();
      const action = 'load partner names';
      const { data, error } = await client.from('profiles').select('partner_id, display_name').in('partner_id', [...userIds]);
      if (error) throw new AdminRequestError(sentenceFor(action, error));
      const rows = parseReply(z.array(z.object({ partner_id: z.uuid(), display_name: z.string() })), data, action);
      return new Map(rows.filter((row) => row.display_name.trim()).map((row) => [row.partner_id, row.display_name.trim()]));
    },
    async downloadAttachment(path, name) {
      const action = `download “${name}”`;
      const signed = await client.storage.from('ticket-attachments').createSignedUrl(path, SIGNED_URL_SECONDS);
      if (signed.error) throw new AdminRequestError(sentenceFor(action, signed.error));
      const url = parseReply(z.object({ signedUrl: z.url() }), signed.data, action).signedUrl;
      let response: Response;
      try {
        response = await fetch(url);
      } catch {
        throw new AdminRequestError(`Could not ${action}: the server could not be reached. Check your connection and try again.`);
      }
      if (!response.ok) throw new AdminRequestError(`Could not ${action}: the server answered ${response.status}. The file may have been removed; ask the partner to attach it again.`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
