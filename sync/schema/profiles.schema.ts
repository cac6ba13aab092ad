import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  booleanProperty,
  currencyCode,
  currencyProperty,
  hexColour,
  isoTimestamp,
  jsonText,
  nullableTimestampProperty,
  nullableStringProperty,
  partnerRowProperties,
  partnerRowShape,
  stringProperty,
} from './fields';

/** 24-hour HH:MM. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 22:00.');

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
  country: z.string().nullish(),
  /** Per notification type: desktop, in_app or off (JSON text; see sync/domain/notifications.ts). */
  notification_prefs: jsonText.nullish(),
  /** Quiet hours in the partner's time zone, 24-hour HH:MM; desktop notifications wait them out in-app. */
  quiet_hours_start: clockTime.nullish(),
  quiet_hours_end: clockTime.nullish(),
  /** The ids of the first-week checklist items done (JSON text array). */
  onboarding_checklist: jsonText.nullish(),
  onboarding_completed_at: isoTimestamp.nullish(),
  /** The partner agreement accepted: written by the server's accept_agreement only. */
  agreement_version: z.int().min(1).nullish(),
  agreement_accepted_at: isoTimestamp.nullish(),
  agreement_sha256: z.string().nullish(),
  /** The Elite custom dashboard (JSON text object; shape in sync/domain/analytics-layout.ts). */
  dashboard_layout: jsonText.nullish(),
});
export type ProfileDoc = z.infer<typeof profileSchema>;

export const profilesRxSchema: RxJsonSchema<ProfileDoc> = {
  title: 'profiles',
  // 3: country, notification preferences and quiet hours, onboarding checklist, agreement acceptance (migration notification_center).
  // 4: dashboard_layout (migration analytics).
  version: 4,
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
    country: nullableStringProperty,
    notification_prefs: nullableStringProperty,
    quiet_hours_start: { type: ['string', 'null'], maxLength: 5 },
    quiet_hours_end: { type: ['string', 'null'], maxLength: 5 },
    onboarding_checklist: nullableStringProperty,
    onboarding_completed_at: nullableTimestampProperty,
    agreement_version: { type: ['integer', 'null'], minimum: 1 },
    agreement_accepted_at: nullableTimestampProperty,
    agreement_sha256: nullableStringProperty,
    dashboard_layout: nullableStringProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'display_name', 'onboarding_step', 'leaderboard_opt_in', 'currency', 'payout_automatic'],
};
