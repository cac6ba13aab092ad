import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
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
} from './fields';

export const EARNING_KINDS = ['commission', 'payout'] as const;
export type EarningKind = (typeof EARNING_KINDS)[number];
export const COMMISSION_TYPES = ['referral', 'upsell', 'base'] as const;
export type CommissionType = (typeof COMMISSION_TYPES)[number];
export const EARNING_STATUSES = ['pending', 'processing', 'paid'] as const;
export type EarningStatus = (typeof EARNING_STATUSES)[number];

/** Commissions and payouts in one admin-authored, pull-only table. */
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
});
export type EarningDoc = z.infer<typeof earningSchema>;

export const earningsRxSchema: RxJsonSchema<EarningDoc> = {
  title: 'earnings',
  version: 0,
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
  },
  required: [...PARTNER_ROW_REQUIRED, 'kind', 'amount', 'currency', 'status'],
  indexes: ['created_at', ['kind', 'created_at']],
};
