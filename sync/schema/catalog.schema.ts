import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';
import {
  TIERS,
  booleanProperty,
  enumProperty,
  integerProperty,
  nullableStringProperty,
  stringProperty,
  syncedRowProperties,
  syncedRowShape,
  tier,
} from './fields';

export const CATALOG_KINDS = [
  'asset',
  'template',
  'course',
  'article',
  'tier_rule',
  'announcement',
  'brand_guideline',
  'promotion',
  'module',
  'assessment',
  'webinar',
  'coaching_slot',
  'learning_path',
  'forum_category',
  'group_call',
  'challenge',
  'support_settings',
  'community_leaderboard',
  'partner_directory',
  'agreement',
  'program_aggregate',
  'leaderboard',
] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

// Postgres `integer`; RxDB needs finite bounds to index sort_order.
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

/**
 * Admin-authored, pull-only: every kind of published content in one table. `body` holds the
 * kind-specific structure (see catalog-bodies.ts).
 */
export const catalogSchema = z.object({
  ...syncedRowShape,
  kind: z.enum(CATALOG_KINDS),
  title: z.string().min(1),
  slug: z.string().min(1),
  body: z.record(z.string(), z.json()),
  tier_required: tier,
  category: z.string().nullish(),
  tags: z.array(z.string()),
  /** Path inside the `assets` storage bucket. */
  file_path: z.string().nullish(),
  file_sha256: z.string().nullish(),
  file_size: z.int().min(0).nullish(),
  mime_type: z.string().nullish(),
  version: z.int().min(1),
  published: z.boolean(),
  sort_order: z.int().min(INT4_MIN).max(INT4_MAX),
});
export type CatalogDoc = z.infer<typeof catalogSchema>;

export const catalogRxSchema: RxJsonSchema<CatalogDoc> = {
  title: 'catalog',
  // 1: kind 'promotion' (migration catalog_promotions). 2: training kinds (migration training_hub).
  // 3: learning paths, support and community kinds, agreements (migration support_community).
  // 4: program aggregates and the monthly leaderboard (migration analytics).
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedRowProperties,
    kind: enumProperty(CATALOG_KINDS),
    title: { type: 'string', minLength: 1 },
    slug: { ...stringProperty, minLength: 1 },
    body: { type: 'object' },
    tier_required: enumProperty(TIERS),
    category: nullableStringProperty,
    tags: { type: 'array', items: stringProperty },
    file_path: nullableStringProperty,
    file_sha256: nullableStringProperty,
    file_size: { type: ['integer', 'null'], minimum: 0 },
    mime_type: nullableStringProperty,
    version: { ...integerProperty, minimum: 1 },
    published: booleanProperty,
    sort_order: { type: 'integer', minimum: INT4_MIN, maximum: INT4_MAX, multipleOf: 1 },
  },
  required: ['id', 'created_at', 'kind', 'title', 'slug', 'body', 'tier_required', 'tags', 'version', 'published', 'sort_order'],
  indexes: [['kind', 'sort_order']],
};
