/**
 * Support tickets as rules: the new-ticket form, what an attachment really is (judged by its bytes,
 * never by its name), where its file lives in the `ticket-attachments` bucket, the tier's response
 * target and how a ticket stands against it, and the conversation as the ticket page shows it.
 */
import { z } from 'zod';
import { TIERS, type Tier } from '../schema/fields';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority, type TicketStatus } from '../schema/tickets.schema';
import type { MessageAuthorRole, MessageVisibility } from '../schema/ticket-messages.schema';
import { formatFileSize } from './brand-kit/logo-file';

export const TICKET_ATTACHMENT_BUCKET = 'ticket-attachments';
export const TICKET_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const TICKET_SUBJECT_MAX = 150;
export const TICKET_MESSAGE_MAX = 10_000;

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  waiting: 'Waiting on you',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  technical: 'Technical',
  billing: 'Billing',
  training: 'Training',
  account: 'Account',
  other: 'Other',
};

export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** A category written by an older build or by staff reads as its own words rather than disappearing. */
export function ticketCategoryLabel(category: string | null | undefined): string {
  if (!category) return 'Other';
  return (TICKET_CATEGORY_LABELS as Record<string, string>)[category] ?? category.charAt(0).toUpperCase() + category.slice(1);
}

// ---- The new-ticket form ----

export const newTicketSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'Enter a subject: a few words saying what the problem is.')
    .max(TICKET_SUBJECT_MAX, `Shorten the subject to ${TICKET_SUBJECT_MAX} characters or fewer; put the details in the description.`),
  category: z.enum(TICKET_CATEGORIES, { error: 'Choose the category closest to your question.' }),
  priority: z.enum(TICKET_PRIORITIES, { error: 'Choose a priority.' }),
  description: z
    .string()
    .trim()
    .min(1, 'Describe the problem: what you did, what happened and what you expected.')
    .max(TICKET_MESSAGE_MAX, `Shorten the description to ${TICKET_MESSAGE_MAX.toLocaleString('en')} characters or fewer, or attach a file.`),
});
export type NewTicketValues = z.output<typeof newTicketSchema>;
export type NewTicketField = keyof NewTicketValues;
export type NewTicketInput = Record<NewTicketField, string>;
export type NewTicketResult = { ok: true; values: NewTicketValues } | { ok: false; errors: Partial<Record<NewTicketField, string>> };

export function validateNewTicket(input: NewTicketInput): NewTicketResult {
  const parsed = newTicketSchema.safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Partial<Record<NewTicketField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as NewTicketField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

export const replySchema = z
  .string()
  .trim()
  .min(1, 'Write your reply before sending it.')
  .max(TICKET_MESSAGE_MAX, `Shorten your reply to ${TICKET_MESSAGE_MAX.toLocaleString('en')} characters or fewer, or attach a file.`);

// ---- Attachments ----

export const ATTACHMENT_TYPES = ['png', 'jpeg', 'pdf', 'text', 'csv', 'zip'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_MIME_TYPES: Record<AttachmentType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  text: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};

export type AttachmentCheck =
  | { ok: true; type: AttachmentType; mime: string }
  | { ok: false; reason: 'empty' | 'too-large' | 'unsupported' | 'damaged'; message: string };

const ACCEPTED = 'Attach a PNG or JPEG image, a PDF, a plain-text or CSV file, or a ZIP archive.';

function quoted(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'The file';
}

/** Checked before the file is read at all, so a huge file is refused without loading it. */
export function checkAttachmentSize(size: number, fileName?: string): AttachmentCheck | null {
  if (size === 0) return { ok: false, reason: 'empty', message: `${quoted(fileName)} is empty. ${ACCEPTED}` };
  if (size > TICKET_ATTACHMENT_MAX_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      message: `${quoted(fileName)} is ${formatFileSize(size)}; an attachment can be at most ${formatFileSize(TICKET_ATTACHMENT_MAX_BYTES)}. Compress it into a ZIP or attach a smaller part.`,
    };
  }
  return null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((value, index) => bytes[offset + index] === value);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Formats people often try, so a refusal can say what the file actually is. */
const REFUSED_FORMATS: readonly { name: string; matches(bytes: Uint8Array): boolean }[] = [
  { name: 'a GIF image', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { name: 'a WebP image', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'a HEIC or AVIF image', matches: (b) => startsWith(b, ascii('ftyp'), 4) },
  { name: 'a program (Windows executable)', matches: (b) => startsWith(b, ascii('MZ')) },
  { name: 'a program (ELF executable)', matches: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { name: 'a program (macOS executable)', matches: (b) => [[0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(b, s)) },
  { name: 'a 7-Zip archive', matches: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { name: 'a RAR archive', matches: (b) => startsWith(b, ascii('Rar!')) },
  { name: 'an old Office document', matches: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]) },
];

/** UTF-8 text with no control characters other than tab and line breaks (a BOM is fine). */
function isPlainText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string | undefined): string {
  return /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
}

function accept(type: AttachmentType): AttachmentCheck {
  return { ok: true, type, mime: ATTACHMENT_MIME_TYPES[type] };
}

/** What the file is, by its bytes; a name that claims another type does not matter. */
export function checkAttachmentFile(bytes: Uint8Array, fileName?: string): AttachmentCheck {
  const sizeProblem = checkAttachmentSize(bytes.length, fileName);
  if (sizeProblem) return sizeProblem;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return startsWith(bytes, ascii('IHDR'), 12)
      ? accept('png')
      : { ok: false, reason: 'damaged', message: `${quoted(fileName)} starts like a PNG image but is damaged. Save the screenshot again and attach the new file.` };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return accept('jpeg');
  if (startsWith(bytes, ascii('%PDF-'))) return accept('pdf');
  // Local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return accept('zip');
  const other = REFUSED_FORMATS.find((format) => format.matches(bytes));
  if (other) return { ok: false, reason: 'unsupported', message: `${quoted(fileName)} is ${other.name}, which support tickets do not accept. ${ACCEPTED}` };
  if (isPlainText(bytes)) return accept(extensionOf(fileName) === 'csv' ? 'csv' : 'text');
  return { ok: false, reason: 'unsupported', message: `${quoted(fileName)} is not in a format support tickets accept. ${ACCEPTED}` };
}

/** A file name safe in a storage path: letters, digits, dot, dash and underscore; at most 100 characters. */
export function safeAttachmentName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '');
  const trimmed = cleaned.length > 100 ? cleaned.slice(cleaned.length - 100) : cleaned;
  return trimmed.length > 0 ? trimmed : 'attachment';
}

/** `<partner_id>/<ticket_id>/<message_id>-<safe name>`: the bucket's policy reads the first folder as the owner. */
export function ticketAttachmentPath(partnerId: string, ticketId: string, messageId: string, fileName: string): string {
  return `${partnerId}/${ticketId}/${messageId}-${safeAttachmentName(fileName)}`;
}

// ---- Response targets ----

/** The seeded targets, used until the support_settings row reaches this device. */
export const DEFAULT_RESPONSE_HOURS: Record<Tier, number> = { starter: 72, active: 48, performer: 24, elite: 4 };

export function responseHoursFor(tier: Tier | null | undefined, settings: Partial<Record<Tier, number>> | null | undefined): number {
  const key = tier && TIERS.includes(tier) ? tier : 'starter';
  return settings?.[key] ?? DEFAULT_RESPONSE_HOURS[key];
}

const HOUR_MS = 3_600_000;

export interface TicketTiming {
  created_at: string;
  status: TicketStatus;
  first_response_at?: string | null;
  response_due_at?: string | null;
}

export type ResponseStanding =
  | { kind: 'answered'; withinTarget: boolean; afterMs: number }
  | { kind: 'due'; inMs: number }
  | { kind: 'overdue'; byMs: number }
  /** Resolved or closed before anyone from SISO answered. */
  | { kind: 'closed-unanswered' };

/** The server's due time when it has one (tier at creation); otherwise created_at + the target. */
export function responseDueAt(ticket: TicketTiming, targetHours: number): Date {
  if (ticket.response_due_at) return new Date(ticket.response_due_at);
  return new Date(new Date(ticket.created_at).getTime() + targetHours * HOUR_MS);
}

export function responseStanding(ticket: TicketTiming, targetHours: number, now: Date): ResponseStanding {
  const due = responseDueAt(ticket, targetHours).getTime();
  const created = new Date(ticket.created_at).getTime();
  if (ticket.first_response_at) {
    const answered = new Date(ticket.first_response_at).getTime();
    return { kind: 'answered', withinTarget: answered <= due, afterMs: Math.max(0, answered - created) };
  }
  if (ticket.status === 'resolved' || ticket.status === 'closed') return { kind: 'closed-unanswered' };
  const left = due - now.getTime();
  return left >= 0 ? { kind: 'due', inMs: left } : { kind: 'overdue', byMs: -left };
}

/** "45 min", "5 h", "3 days": rounded the way people say it. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return `${hours} h`;
  const days = Math.round(ms / (24 * HOUR_MS));
  return `${days} days`;
}

export function describeStanding(standing: ResponseStanding): string {
  switch (standing.kind) {
    case 'answered':
      return `First reply after ${formatDuration(standing.afterMs)} (${standing.withinTarget ? 'within target' : 'after the target'})`;
    case 'due':
      return `Reply due in ${formatDuration(standing.inMs)}`;
    case 'overdue':
      return `Overdue by ${formatDuration(standing.byMs)}`;
    case 'closed-unanswered':
      return 'Closed before a reply';
  }
}

// ---- The conversation ----

export interface ThreadMessageInput {
  id: string;
  created_at: string;
  author_role: MessageAuthorRole;
  author_name?: string | null;
  body: string;
  visibility: MessageVisibility;
  hidden: boolean;
  attachment_path?: string | null;
  attachment_name?: string | null;
  attachment_mime?: string | null;
  attachment_size?: number | null;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ThreadMessageView {
  id: string;
  createdAt: string;
  fromSiso: boolean;
  author: string;
  body: string;
  attachment: { path: string; name: string; mime: string | null; size: number | null } | null;
}

/**
 * The messages a partner sees, oldest first: internal notes never reach a partner (RLS), but a
 * staff session's store holds them, so they are dropped here too; hidden ones are dropped.
 */
export function buildThreadView(messages: readonly ThreadMessageInput[], ownName: string): ThreadMessageView[] {
  return messages
    .filter((message) => message.visibility === 'public' && !message.hidden)
    .map((message) => ({
      id: message.id,
      createdAt: message.created_at,
      fromSiso: message.author_role === 'support',
      author: message.author_name ?? (message.author_role === 'support' ? 'SISO Support' : ownName),
      body: message.body,
      attachment: message.attachment_path
        ? {
            path: message.attachment_path,
            name: message.attachment_name ?? message.attachment_path.split('/').pop() ?? 'attachment',
            mime: message.attachment_mime ?? null,
            size: message.attachment_size ?? null,
          }
        : null,
    }))
    // ISO instants in UTC order as plain strings; the id breaks ties so the order is stable across devices.
    .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
}

// ---- Tier support channels ----

export const SUPPORT_CHANNEL_LABELS: Record<string, string> = {
  community_forum: 'Community forum',
  knowledge_base: 'Knowledge base',
  email: 'Email support (tickets)',
  monthly_group_calls: 'Monthly group calls',
  priority_support: 'Priority support (24 h response)',
  weekly_calls: 'Weekly group calls',
  slack: 'Slack community',
  one_on_one: '1-on-1 support',
  account_manager: 'Dedicated account manager',
  direct_line: 'Direct line',
};

export function supportChannelLabel(id: string): string {
  const known = SUPPORT_CHANNEL_LABELS[id];
  if (known) return known;
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The channel ids the hub's quick actions gate on, as the tier rules name them. */
export const SUPPORT_CHANNELS = {
  groupCalls: 'monthly_group_calls',
  slack: 'slack',
  oneOnOne: 'one_on_one',
} as const;
