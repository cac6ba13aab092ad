import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  dateProperty,
  idProperty,
  isoDate,
  partnerRowProperties,
  partnerRowShape,
  recordId,
} from './fields';

/** Daily click and conversion counts per referral link, recorded by the backend; pull-only. */
export const linkClickSchema = z.object({
  ...partnerRowShape,
  referral_link_id: recordId,
  day: isoDate,
  clicks: z.int().min(0),
  conversions: z.int().min(0),
});
export type LinkClickDoc = z.infer<typeof linkClickSchema>;

export const linkClicksRxSchema: RxJsonSchema<LinkClickDoc> = {
  title: 'link_clicks',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    referral_link_id: idProperty,
    day: dateProperty,
    clicks: { type: 'integer', minimum: 0 },
    conversions: { type: 'integer', minimum: 0 },
  },
  required: [...PARTNER_ROW_REQUIRED, 'referral_link_id', 'day', 'clicks', 'conversions'],
  indexes: ['day', ['referral_link_id', 'day']],
};
