import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  enumProperty,
  idProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
} from './fields';

export const MESSAGE_AUTHOR_ROLES = ['partner', 'support'] as const;
export type MessageAuthorRole = (typeof MESSAGE_AUTHOR_ROLES)[number];

/** partner_id is the ticket owner's id, also on messages written by support staff. */
export const ticketMessageSchema = z.object({
  ...partnerRowShape,
  ticket_id: recordId,
  author_role: z.enum(MESSAGE_AUTHOR_ROLES),
  body: z.string().min(1),
});
export type TicketMessageDoc = z.infer<typeof ticketMessageSchema>;

export const ticketMessagesRxSchema: RxJsonSchema<TicketMessageDoc> = {
  title: 'ticket_messages',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    ticket_id: idProperty,
    author_role: enumProperty(MESSAGE_AUTHOR_ROLES),
    body: { type: 'string', minLength: 1 },
  },
  required: [...PARTNER_ROW_REQUIRED, 'ticket_id', 'author_role', 'body'],
  indexes: [['ticket_id', 'created_at']],
};
