/**
 * Withdrawal requests: the partner creates one (offline too) with status `requested`; the server
 * checks it against the available balance and the minimum; admins approve, reject or pay it.
 */
import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  currencyCode,
  currencyProperty,
  enumProperty,
  isoTimestamp,
  nullableStringProperty,
  nullableTimestampProperty,
  numberProperty,
  partnerRowProperties,
  partnerRowShape,
} from './fields';

export const PAYOUT_METHODS = ['bank', 'paypal'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export const PAYOUT_STATUSES = ['requested', 'approved', 'paid', 'rejected'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const payoutSchema = z.object({
  ...partnerRowShape,
  amount: z.number().positive(),
  currency: currencyCode,
  method: z.enum(PAYOUT_METHODS),
  status: z.enum(PAYOUT_STATUSES),
  /** Why an admin rejected it. */
  reason: z.string().nullish(),
  /** The transfer reference, once paid. */
  reference: z.string().nullish(),
  approved_at: isoTimestamp.nullish(),
  paid_at: isoTimestamp.nullish(),
});
export type PayoutDoc = z.infer<typeof payoutSchema>;

export const payoutsRxSchema: RxJsonSchema<PayoutDoc> = {
  title: 'payouts',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    amount: { ...numberProperty, exclusiveMinimum: 0 },
    currency: currencyProperty,
    method: enumProperty(PAYOUT_METHODS),
    status: enumProperty(PAYOUT_STATUSES),
    reason: nullableStringProperty,
    reference: nullableStringProperty,
    approved_at: nullableTimestampProperty,
    paid_at: nullableTimestampProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'amount', 'currency', 'method', 'status'],
  indexes: ['created_at'],
};
