import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  currencyCode,
  enumProperty,
  isoTimestamp,
  nullableCurrencyProperty,
  nullableIdProperty,
  nullableNumberProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
} from './fields';

export const LEAD_STAGES = ['new', 'contacted', 'qualified', 'proposal', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const LEAD_SOURCES = ['referral_link', 'website', 'event', 'cold_outreach', 'partner_network', 'other'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const leadSchema = z.object({
  ...partnerRowShape,
  company: z.string().min(1),
  contact_name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  source: z.enum(LEAD_SOURCES),
  stage: z.enum(LEAD_STAGES),
  lost_reason: z.string().nullish(),
  estimated_value: z.number().nonnegative().nullish(),
  currency: currencyCode.nullish(),
  referral_link_id: recordId.nullish(),
  notes: z.string().nullish(),
  next_action: z.string().nullish(),
  next_action_at: isoTimestamp.nullish(),
  stage_changed_at: isoTimestamp.nullish(),
});
export type LeadDoc = z.infer<typeof leadSchema>;

export const leadsRxSchema: RxJsonSchema<LeadDoc> = {
  title: 'leads',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    company: { type: 'string', minLength: 1 },
    contact_name: nullableStringProperty,
    email: nullableStringProperty,
    phone: nullableStringProperty,
    source: enumProperty(LEAD_SOURCES),
    stage: enumProperty(LEAD_STAGES),
    lost_reason: nullableStringProperty,
    estimated_value: { ...nullableNumberProperty, minimum: 0 },
    currency: nullableCurrencyProperty,
    referral_link_id: nullableIdProperty,
    notes: nullableStringProperty,
    next_action: nullableStringProperty,
    next_action_at: nullableTimestampProperty,
    stage_changed_at: nullableTimestampProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'company', 'source', 'stage'],
  // updated_at is nullable in SQL, and RxDB can only index required fields: lists sort by it in memory.
  indexes: ['created_at', ['stage', 'created_at']],
};
