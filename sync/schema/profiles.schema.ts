import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  booleanProperty,
  currencyCode,
  currencyProperty,
  hexColour,
  jsonText,
  nullableStringProperty,
  partnerRowProperties,
  partnerRowShape,
  stringProperty,
} from './fields';

const nullableHexColourProperty = { type: ['string', 'null'], maxLength: 7 } as const;

/** The partner's own profile: `id` is the partner's user id (the server checks id = partner_id). */
export const profileSchema = z.object({
  ...partnerRowShape,
  display_name: z.string(),
  company: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  website: z.string().nullish(),
  tagline: z.string().nullish(),
  brand_primary: hexColour.nullish(),
  brand_secondary: hexColour.nullish(),
  /** Path inside the `brand` storage bucket, `<partner id>/…`. */
  logo_path: z.string().nullish(),
  /** bank or paypal; written by the server's set_payout_method only. */
  payout_method: z.string().nullish(),
  /** The masked summary (JSON text), never the full details; see sync/domain/payouts.ts. */
  payout_details: jsonText.nullish(),
  /** The masked tax summary (JSON text), written by the server's set_tax_details only. */
  tax_details: jsonText.nullish(),
  /** Pay the available balance automatically; written by the server's set_payout_schedule only. */
  payout_automatic: z.boolean(),
  onboarding_step: z.int().min(0),
  leaderboard_opt_in: z.boolean(),
  timezone: z.string().nullish(),
  currency: currencyCode,
});
export type ProfileDoc = z.infer<typeof profileSchema>;

export const profilesRxSchema: RxJsonSchema<ProfileDoc> = {
  title: 'profiles',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    display_name: stringProperty,
    company: nullableStringProperty,
    email: nullableStringProperty,
    phone: nullableStringProperty,
    website: nullableStringProperty,
    tagline: nullableStringProperty,
    brand_primary: nullableHexColourProperty,
    brand_secondary: nullableHexColourProperty,
    logo_path: nullableStringProperty,
    payout_method: nullableStringProperty,
    payout_details: nullableStringProperty,
    tax_details: nullableStringProperty,
    payout_automatic: booleanProperty,
    onboarding_step: { type: 'integer', minimum: 0 },
    leaderboard_opt_in: booleanProperty,
    timezone: nullableStringProperty,
    currency: currencyProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'display_name', 'onboarding_step', 'leaderboard_opt_in', 'currency', 'payout_automatic'],
};
