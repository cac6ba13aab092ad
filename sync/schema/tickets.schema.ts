import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  enumProperty,
  nullableStringProperty,
  partnerRowProperties,
  partnerRowShape,
} from './fields';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ticketSchema = z.object({
  ...partnerRowShape,
  subject: z.string().min(1),
  category: z.string().nullish(),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
});
export type TicketDoc = z.infer<typeof ticketSchema>;

export const ticketsRxSchema: RxJsonSchema<TicketDoc> = {
  title: 'tickets',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    subject: { type: 'string', minLength: 1 },
    category: nullableStringProperty,
    priority: enumProperty(TICKET_PRIORITIES),
    status: enumProperty(TICKET_STATUSES),
  },
  required: [...PARTNER_ROW_REQUIRED, 'subject', 'priority', 'status'],
  indexes: ['created_at', ['status', 'created_at']],
};
