import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  currencyCode,
  enumProperty,
  isoTimestamp,
  nullableCurrencyProperty,
  nullableEnumProperty,
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

/** Deal registration states; the server writes them (request trigger, admin decision, expiry job). */
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected', 'conflict', 'expired'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

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
  website: z.string().nullish(),
  registration_requested_at: isoTimestamp.nullish(),
  registration_status: z.enum(REGISTRATION_STATUSES).nullish(),
  registration_decided_at: isoTimestamp.nullish(),
  registration_expires_at: isoTimestamp.nullish(),
  registration_reason: z.string().nullish(),
  client_projects: z.string().nullish(),
});
export type LeadDoc = z.infer<typeof leadSchema>;

export const leadsRxSchema: RxJsonSchema<LeadDoc> = {
  title: 'leads',
  version: 1,
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
    website: nullableStringProperty,
    registration_requested_at: nullableTimestampProperty,
    registration_status: nullableEnumProperty(REGISTRATION_STATUSES),
    registration_decided_at: nullableTimestampProperty,
    registration_expires_at: nullableTimestampProperty,
    registration_reason: nullableStringProperty,
    client_projects: nullableStringProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'company', 'source', 'stage'],
  // updated_at is nullable in SQL, and RxDB can only index required fields: lists sort by it in memory.
  indexes: ['created_at', ['stage', 'created_at']],
};
