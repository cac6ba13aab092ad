import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  enumProperty,
  isoTimestamp,
  jsonText,
  nullableEnumProperty,
  nullableIdProperty,
  nullableNumberProperty,
  nullableStringProperty,
  nullableTimestampProperty,
  partnerRowProperties,
  partnerRowShape,
  recordId,
  timestampProperty,
} from './fields';

export const ACTIVITY_KINDS = [
  'call',
  'email',
  'meeting',
  'note',
  'stage_change',
  'proposal_created',
  'asset_download',
  'asset_customised',
  'article_feedback',
  'proposal_signed',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Where a proposal version's discount stands; only the server sets it (trigger and admin RPC). */
export const PROPOSAL_APPROVAL_STATUSES = ['not_needed', 'pending', 'approved', 'declined'] as const;

/** A lead's timeline entry, or (without lead_id) one of the partner's usage events or article feedback. */
export const activitySchema = z.object({
  ...partnerRowShape,
  lead_id: recordId.nullish(),
  kind: z.enum(ACTIVITY_KINDS),
  body: z.string().nullish(),
  occurred_at: isoTimestamp,
  /** JSON text, e.g. {"template":"…","file":"…","sha256":"…"} or {"asset_id":"…"}. */
  meta: jsonText.nullish(),
  /** Groups the versions and signature of one proposal (kinds proposal_created / proposal_signed). */
  proposal_id: recordId.nullish(),
  /** The version's discount on its subtotal, percent (proposal_created only). */
  discount_percent: z.number().min(0).max(100).nullish(),
  approval_status: z.enum(PROPOSAL_APPROVAL_STATUSES).nullish(),
  decided_at: isoTimestamp.nullish(),
  decision_note: z.string().nullish(),
});
export type ActivityDoc = z.infer<typeof activitySchema>;

export const activitiesRxSchema: RxJsonSchema<ActivityDoc> = {
  title: 'activities',
  // 1: kind 'article_feedback' ("was this helpful", meta {"article_id":"…","helpful":true}).
  // 2: proposals v2 (migration proposals_v2): kind 'proposal_signed' and the proposal_id,
  // discount_percent, approval_status, decided_at and decision_note columns.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    lead_id: nullableIdProperty,
    kind: enumProperty(ACTIVITY_KINDS),
    body: nullableStringProperty,
    occurred_at: timestampProperty,
    meta: nullableStringProperty,
    proposal_id: nullableIdProperty,
    discount_percent: nullableNumberProperty,
    approval_status: nullableEnumProperty(PROPOSAL_APPROVAL_STATUSES),
    decided_at: nullableTimestampProperty,
    decision_note: nullableStringProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'kind', 'occurred_at'],
  // lead_id is nullable so it cannot be indexed; a lead's timeline filters the occurred_at range.
  indexes: ['occurred_at', ['kind', 'occurred_at']],
};
