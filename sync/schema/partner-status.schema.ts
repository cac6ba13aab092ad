import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  TIERS,
  enumProperty,
  integerProperty,
  isoTimestamp,
  partnerRowProperties,
  partnerRowShape,
  tier,
  timestampProperty,
} from './fields';

export const tierPeriodSchema = z.object({
  tier,
  from: isoTimestamp,
  /** null for the tier the partner holds now. */
  to: isoTimestamp.nullable(),
});
export type TierPeriod = z.infer<typeof tierPeriodSchema>;

/** Admin-authored and pull-only: the partner's tier, rate and the metrics the tier engine reads. */
export const partnerStatusSchema = z.object({
  ...partnerRowShape,
  tier,
  tier_since: isoTimestamp,
  commission_rate: z.number().min(0).max(100),
  satisfaction_rating: z.number().min(0).max(5).nullish(),
  support_calls_attended: z.int().min(0),
  history: z.array(tierPeriodSchema),
  metrics: z.record(z.string(), z.json()),
});
export type PartnerStatusDoc = z.infer<typeof partnerStatusSchema>;

export const partnerStatusRxSchema: RxJsonSchema<PartnerStatusDoc> = {
  title: 'partner_status',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    tier: enumProperty(TIERS),
    tier_since: timestampProperty,
    commission_rate: { type: 'number', minimum: 0, maximum: 100 },
    satisfaction_rating: { type: ['number', 'null'], minimum: 0, maximum: 5 },
    support_calls_attended: { ...integerProperty, minimum: 0 },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          tier: enumProperty(TIERS),
          from: timestampProperty,
          to: { type: ['string', 'null'] },
        },
        required: ['tier', 'from', 'to'],
      },
    },
    metrics: { type: 'object' },
  },
  required: [
    ...PARTNER_ROW_REQUIRED,
    'tier',
    'tier_since',
    'commission_rate',
    'support_calls_attended',
    'history',
    'metrics',
  ],
};
