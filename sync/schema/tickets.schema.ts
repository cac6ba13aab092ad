/**
 * The tickets collection: threads, both support tickets (private to the partner and SISO staff) and
 * community forum threads (visible to every partner the thread's category reaches).
 */
import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  TIERS,
  booleanProperty,
  enumProperty,
  integerProperty,
  isoTimestamp,
  nullableEnumProperty,
  nullableIdProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  tier,
  uuidProperty,
} from './fields';

export const THREAD_KINDS = ['support', 'forum'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** `waiting` means waiting on the partner. Forum threads stay `open`. */
export const TICKET_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_CATEGORIES = ['technical', 'billing', 'training', 'account', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/**
 * partner_id is the thread's author. Partners write kind, subject, category, priority and status;
 * the rest is written by the server (author_* from the author's profile and tier, SLA fields from the
 * tier's response target, counters by trigger) or by staff (locked, hidden, pinned, assignment).
 * For forum threads `category` is a forum_category catalog slug and tier_required comes from it.
 */
export const ticketSchema = z.object({
  ...partnerRowShape,
  kind: z.enum(THREAD_KINDS),
  subject: z.string().min(1),
  category: z.string().nullish(),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  tier_required: tier,
  author_name: z.string().nullish(),
  author_company: z.string().nullish(),
  author_tier: tier.nullish(),
  locked: z.boolean(),
  hidden: z.boolean(),
  pinned: z.boolean(),
  assigned_to: z.uuid().nullish(),
  assigned_name: z.string().nullish(),
  first_response_at: isoTimestamp.nullish(),
  response_due_at: isoTimestamp.nullish(),
  last_message_at: isoTimestamp.nullish(),
  message_count: z.int().min(0),
  helpful_message_id: z.string().nullish(),
});
export type TicketDoc = z.infer<typeof ticketSchema>;

export const ticketsRxSchema: RxJsonSchema<TicketDoc> = {
  title: 'tickets',
  // 1: threads for support and the forum (migration support_community).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    kind: enumProperty(THREAD_KINDS),
    subject: { type: 'string', minLength: 1 },
    category: nullableStringProperty,
    priority: enumProperty(TICKET_PRIORITIES),
    status: enumProperty(TICKET_STATUSES),
    tier_required: enumProperty(TIERS),
    author_name: nullableStringProperty,
    author_company: nullableStringProperty,
    author_tier: nullableEnumProperty(TIERS),
    locked: booleanProperty,
    hidden: booleanProperty,
    pinned: booleanProperty,
    assigned_to: { ...uuidProperty, type: ['string', 'null'] },
    assigned_name: nullableStringProperty,
    first_response_at: nullableTimestampProperty,
    response_due_at: nullableTimestampProperty,
    last_message_at: nullableTimestampProperty,
    message_count: { ...integerProperty, minimum: 0 },
    helpful_message_id: nullableIdProperty,
  },
  required: [
    ...PARTNER_ROW_REQUIRED,
    'kind',
    'subject',
    'priority',
    'status',
    'tier_required',
    'locked',
    'hidden',
    'pinned',
    'message_count',
  ],
  indexes: ['created_at', ['status', 'created_at'], ['kind', 'created_at']],
};
