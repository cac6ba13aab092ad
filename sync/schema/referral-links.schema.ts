import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  nullableStringProperty,
  partnerRowProperties,
  partnerRowShape,
  stringProperty,
} from './fields';

export const referralLinkSchema = z.object({
  ...partnerRowShape,
  name: z.string().min(1),
  destination: z.url(),
  utm_source: z.string().nullish(),
  utm_medium: z.string().nullish(),
  utm_campaign: z.string().nullish(),
  utm_term: z.string().nullish(),
  utm_content: z.string().nullish(),
});
export type ReferralLinkDoc = z.infer<typeof referralLinkSchema>;

export const referralLinksRxSchema: RxJsonSchema<ReferralLinkDoc> = {
  title: 'referral_links',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    name: { type: 'string', minLength: 1 },
    destination: stringProperty,
    utm_source: nullableStringProperty,
    utm_medium: nullableStringProperty,
    utm_campaign: nullableStringProperty,
    utm_term: nullableStringProperty,
    utm_content: nullableStringProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'name', 'destination'],
  indexes: ['created_at'],
};
