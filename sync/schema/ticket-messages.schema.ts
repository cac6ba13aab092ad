/** The ticket_messages collection: the messages of support tickets and forum threads. */
import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  TIERS,
  booleanProperty,
  enumProperty,
  idProperty,
  isoTimestamp,
  nullableEnumProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
  tier,
} from './fields';

export const MESSAGE_AUTHOR_ROLES = ['partner', 'support'] as const;
export type MessageAuthorRole = (typeof MESSAGE_AUTHOR_ROLES)[number];
/** `internal`: a staff note on a ticket; RLS never lets a partner read it, so it never syncs to one. */
export const MESSAGE_VISIBILITIES = ['public', 'internal'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

/**
 * On a support ticket partner_id is the ticket owner's id, also on staff replies (so the partner
 * pulls the whole thread); on a forum thread it is the post's author. author_* are written by the
 * server; helpful by the thread author's RPC; hidden by staff. An attachment lives in the private
 * `ticket-attachments` bucket under `<partner_id>/<ticket_id>/`.
 */
export const ticketMessageSchema = z.object({
  ...partnerRowShape,
  ticket_id: recordId,
  author_role: z.enum(MESSAGE_AUTHOR_ROLES),
  body: z.string().min(1),
  visibility: z.enum(MESSAGE_VISIBILITIES),
  author_name: z.string().nullish(),
  author_company: z.string().nullish(),
  author_tier: tier.nullish(),
  hidden: z.boolean(),
  helpful: z.boolean(),
  edited_at: isoTimestamp.nullish(),
  attachment_path: z.string().nullish(),
  attachment_name: z.string().nullish(),
  attachment_mime: z.string().nullish(),
  attachment_size: z.int().min(0).nullish(),
});
export type TicketMessageDoc = z.infer<typeof ticketMessageSchema>;

export const ticketMessagesRxSchema: RxJsonSchema<TicketMessageDoc> = {
  title: 'ticket_messages',
  // 1: forum posts, internal notes, attachments (migration support_community).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    ticket_id: idProperty,
    author_role: enumProperty(MESSAGE_AUTHOR_ROLES),
    body: { type: 'string', minLength: 1 },
    visibility: enumProperty(MESSAGE_VISIBILITIES),
    author_name: nullableStringProperty,
    author_company: nullableStringProperty,
    author_tier: nullableEnumProperty(TIERS),
    hidden: booleanProperty,
    helpful: booleanProperty,
    edited_at: nullableTimestampProperty,
    attachment_path: nullableStringProperty,
    attachment_name: nullableStringProperty,
    attachment_mime: nullableStringProperty,
    attachment_size: { type: ['integer', 'null'], minimum: 0 },
  },
  required: [...PARTNER_ROW_REQUIRED, 'ticket_id', 'author_role', 'body', 'visibility', 'hidden', 'helpful'],
  indexes: [['ticket_id', 'created_at']],
};
