import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  isoTimestamp,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
} from './fields';

/** Admin-authored; the partner pushes only `read_at` (RLS rejects any other change). */
export const notificationSchema = z.object({
  ...partnerRowShape,
  title: z.string().min(1),
  body: z.string().nullish(),
  /** An in-app route such as #/leads/…, or an https URL. */
  link: z.string().nullish(),
  kind: z.string().min(1),
  read_at: isoTimestamp.nullish(),
});
export type NotificationDoc = z.infer<typeof notificationSchema>;

export const notificationsRxSchema: RxJsonSchema<NotificationDoc> = {
  title: 'notifications',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    title: { type: 'string', minLength: 1 },
    body: nullableStringProperty,
    link: nullableStringProperty,
    kind: { type: 'string', minLength: 1 },
    read_at: nullableTimestampProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'title', 'kind'],
  // read_at is nullable, so unread filtering runs over the created_at index.
  indexes: ['created_at'],
};
