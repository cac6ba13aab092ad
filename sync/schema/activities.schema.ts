import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  PARTNER_ROW_REQUIRED,
  enumProperty,
  isoTimestamp,
  jsonText,
  nullableIdProperty,
  nullableStringProperty,
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
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A lead's timeline entry, or (without lead_id) one of the partner's usage events or article feedback. */
export const activitySchema = z.object({
  ...partnerRowShape,
  lead_id: recordId.nullish(),
  kind: z.enum(ACTIVITY_KINDS),
  body: z.string().nullish(),
  occurred_at: isoTimestamp,
  /** JSON text, e.g. {"template":"…","file":"…","sha256":"…"} or {"asset_id":"…"}. */
  meta: jsonText.nullish(),
});
export type ActivityDoc = z.infer<typeof activitySchema>;

export const activitiesRxSchema: RxJsonSchema<ActivityDoc> = {
  title: 'activities',
  // 1: kind 'article_feedback' ("was this helpful", meta {"article_id":"…","helpful":true}).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...partnerRowProperties,
    lead_id: nullableIdProperty,
    kind: enumProperty(ACTIVITY_KINDS),
    body: nullableStringProperty,
    occurred_at: timestampProperty,
    meta: nullableStringProperty,
  },
  required: [...PARTNER_ROW_REQUIRED, 'kind', 'occurred_at'],
  // lead_id is nullable so it cannot be indexed; a lead's timeline filters the occurred_at range.
  indexes: ['occurred_at', ['kind', 'occurred_at']],
};
