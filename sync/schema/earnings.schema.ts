import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  TIERS,
  currencyCode,
  currencyProperty,
  enumProperty,
  isoTimestamp,
  nullableEnumProperty,
  nullableIdProperty,
  nullableNumberProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  numberProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
  tier,
} from './fields';

/** `payout` rows are from before the payouts collection; the server retires them. */
export const EARNING_KINDS = ['commission', 'payout'] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];
export const COMMISSION_TYPES = ['referral', 'upsell', 'base', 'bonus', 'clawback'] as const;
export type CommissionType = (typeof COMMISSION_TYPES)[number];
export const EARNING_STATUSES = ['pending', 'processing', 'approved', 'paid', 'reversed'] as const;
export type EarningStatus = (typeof EARNING_STATUSES)[number];

/** One admin adjustment of a line, kept so the partner sees who changed what and why. */
export const earningAdjustmentSchema = z.object({
  at: isoTimestamp,
  by: z.string().nullish(),
  amount_from: z.number(),
  amount_to: z.number(),
  status_from: z.enum(EARNING_STATUSES),
  status_to: z.enum(EARNING_STATUSES),
  reason: z.string(),
});
export type EarningAdjustment = z.infer<typeof earningAdjustmentSchema>;

/**
 * Commission lines, written by the server (a won lead, a reopened one) and admins; pull-only.
 * Amounts are signed (clawbacks are negative); see sync/domain/payouts.ts for what counts where.
 */
export const earningSchema = z.object({
  ...partnerRowShape,
  kind: z.enum(EARNING_KINDS),
  lead_id: recordId.nullish(),
  deal_name: z.string().nullish(),
  commission_type: z.enum(COMMISSION_TYPES).nullish(),
  amount: z.number(),
  currency: currencyCode,
  /** Percent, e.g. 22 for the Active tier. */
  rate: z.number().nullish(),
  status: z.enum(EARNING_STATUSES),
  /** Accounting month, YYYY-MM. */
  period: z.string().nullish(),
  paid_at: isoTimestamp.nullish(),
  /** The partner's tier when the line was made. */
  tier: tier.nullish(),
  /** The won deal's value the commission was computed from, in `currency`. */
  deal_value: z.number().nullish(),
  /** The payout this line was paid in. */
  payout_id: recordId.nullish(),
  /** Why a clawback or an adjustment happened. */
  reason: z.string().nullish(),
  /** For a clawback: the line it reverses. */
  reverses_id: recordId.nullish(),
  /** Which win of the lead a server-made commission is for (1 = first). */
  lead_win: z.int().positive().nullish(),
  history: z.array(earningAdjustmentSchema),
});
export type EarningDoc = z.infer<typeof earningSchema>;

export const earningsRxSchema: RxJsonSchema<EarningDoc> = {
  title: 'earnings',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    kind: enumProperty(EARNING_KINDS),
    lead_id: nullableIdProperty,
    deal_name: nullableStringProperty,
    commission_type: nullableEnumProperty(COMMISSION_TYPES),
    amount: numberProperty,
    currency: currencyProperty,
    rate: nullableNumberProperty,
    status: enumProperty(EARNING_STATUSES),
    period: nullableStringProperty,
    paid_at: nullableTimestampProperty,
    tier: nullableEnumProperty(TIERS),
    deal_value: nullableNumberProperty,
    payout_id: nullableIdProperty,
    reason: nullableStringProperty,
    reverses_id: nullableIdProperty,
    lead_win: { type: ['integer', 'null'], minimum: 1 },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          at: { type: 'string' },
          by: { type: ['string', 'null'] },
          amount_from: { type: 'number' },
          amount_to: { type: 'number' },
          status_from: { type: 'string' },
          status_to: { type: 'string' },
          reason: { type: 'string' },
        },
        required: ['at', 'amount_from', 'amount_to', 'status_from', 'status_to', 'reason'],
      },
    },
  },
  required: [...PARTNER_ROW_REQUIRED, 'kind', 'amount', 'currency', 'status', 'history'],
  indexes: ['created_at', ['kind', 'created_at']],
};
