/**
 * The structure of `catalog.body` for the kinds the app computes with. Other kinds (assets,
 * templates, articles, announcements) are read by their own features; assets, brand guidelines
 * and promotions are described here because partner screens read them and the admin area writes them.
 */
import { z } from 'zod';
import { tier } from './fields';

export const PAYOUT_FREQUENCIES = ['monthly', 'bi-weekly', 'weekly', 'real-time'] as const;

export const COURSE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

/** `catalog.body` of kind `course`; the modules' content is in catalog rows of kind `module`. */
export const courseBodySchema = z.object({
  summary: z.string(),
  duration_minutes: z.int().positive(),
  modules: z.array(z.object({ title: z.string().min(1), duration_minutes: z.int().positive() })).min(1),
  module_count: z.int().positive().optional(),
  level: z.enum(COURSE_LEVELS).optional(),
  /** The certification track a pass earns, e.g. "Sales". */
  track: z.string().min(1).optional(),
});
export type CourseBody = z.infer<typeof courseBodySchema>;

/** Structured lesson text: never HTML, so nothing authored can run in the renderer. */
export const lessonBlockSchema = z.object({
  type: z.enum(['heading', 'paragraph', 'list', 'tip']),
  text: z.string().optional(),
  items: z.array(z.string()).optional(),
});
export type LessonBlock = z.infer<typeof lessonBlockSchema>;

export const lessonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), blocks: z.array(lessonBlockSchema).min(1) }),
  z.object({
    kind: z.literal('video'),
    /** Path inside the `assets` storage bucket. */
    asset_path: z.string().min(1),
    duration_seconds: z.int().positive(),
    caption: z.string(),
  }),
]);
export type Lesson = z.infer<typeof lessonSchema>;

/** `catalog.body` of kind `module`; its tier lock is the row's tier_required (the course's). */
export const moduleBodySchema = z.object({
  course_id: z.string().min(1),
  index: z.int().min(0),
  title: z.string().min(1),
  duration_minutes: z.int().positive(),
  lessons: z.array(lessonSchema).min(1),
});
export type ModuleBody = z.infer<typeof moduleBodySchema>;

/** `catalog.body` of kind `assessment`: questions only. The answer key is server-only (assessment_keys). */
export const assessmentBodySchema = z.object({
  course_id: z.string().min(1),
  /** Fraction of questions that must be right, 0–1. */
  pass_mark: z.number().min(0).max(1),
  /** Hours a partner waits after a failed attempt before retaking. */
  cooldown_hours: z.number().min(0),
  questions: z
    .array(
      z.object({
        id: z.string().min(1),
        prompt: z.string().min(1),
        kind: z.enum(['single', 'multiple']),
        options: z.array(z.object({ id: z.string().min(1), text: z.string().min(1) })).min(2),
      }),
    )
    .min(1),
});
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;

const trainingInstant = z.iso.datetime({ offset: true });

/** `catalog.body` of kind `learning_path`: a featured sequence of courses toward a goal. */
export const learningPathBodySchema = z.object({
  summary: z.string().min(1),
  /** Catalog ids of courses, in the order to take them. */
  course_ids: z.array(z.string().min(1)).min(2),
  featured: z.boolean(),
});
export type LearningPathBody = z.infer<typeof learningPathBodySchema>;

/**
 * `catalog.body` of kind `agreement`: one version of the partner agreement. `text` is plain text
 * (paragraphs split by blank lines); `sha256` is the hex SHA-256 of its UTF-8 bytes, which the
 * partner's acceptance must repeat (accept_agreement checks it against the text on the server).
 */
export const agreementBodySchema = z.object({
  version: z.int().min(1),
  text: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What changed since the previous version, shown when partners are asked to accept again. */
  changes: z.string(),
  effective_from: z.iso.date(),
});
export type AgreementBody = z.infer<typeof agreementBodySchema>;

/** `catalog.body` of kind `webinar`; an exclusive webinar is one whose tier_required is above starter. */
export const webinarBodySchema = z.object({
  starts_at: trainingInstant,
  duration_minutes: z.int().positive(),
  host: z.string().min(1),
  join_url: z.url(),
  capacity: z.int().positive(),
  description: z.string().default(''),
});
export type WebinarBody = z.infer<typeof webinarBodySchema>;

/** `catalog.body` of kind `coaching_slot`: one bookable one-to-one session. */
export const coachingSlotBodySchema = z.object({
  starts_at: trainingInstant,
  duration_minutes: z.int().positive(),
  coach: z.string().min(1),
  /** Kept by the server from every partner's bookings (migration certification_renewals): taken, without saying by whom. */
  booked: z.boolean().default(false),
});
export type CoachingSlotBody = z.infer<typeof coachingSlotBodySchema>;

/** What it takes to reach `tier` and what it unlocks; rank orders the tiers (starter = 0). */
export const tierRuleBodySchema = z.object({
  tier,
  rank: z.int().min(0),
  commission_rate: z.number().min(0).max(100),
  requirements: z.object({
    referred_leads_per_month: z.int().min(0),
    training_modules_completed: z.int().min(0),
    satisfaction_rating: z.number().min(0).max(5),
    support_calls_attended: z.int().min(0),
    /** Days the partner must have spent in the tier below. */
    min_days_in_previous_tier: z.int().min(0),
  }),
  benefits: z.object({
    marketing_categories: z.array(z.string()),
    training_courses: z.array(z.string()),
    support_channels: z.array(z.string()),
    payout_frequency: z.enum(PAYOUT_FREQUENCIES),
    lead_features: z.array(z.string()),
    /** The largest proposal discount (percent) the tier gives without SISO's approval. */
    max_discount_percent: z.number().min(0).max(100).default(0),
  }),
});
export type TierRuleBody = z.infer<typeof tierRuleBodySchema>;

/** The marketing center's categories, in sidebar order. Assets may use others; they list under "Other". */
export const ASSET_CATEGORIES = ['brochures', 'email_templates', 'social_media', 'video', 'proposals', 'brand_assets'] as const;

/** A preview image made when the file was uploaded, kept in the row so it is there offline. */
export const THUMBNAIL_MAX_CHARS = 96 * 1024;
export const thumbnailDataUrl = z
  .string()
  .max(THUMBNAIL_MAX_CHARS, 'The thumbnail is too large; keep it under 96 KB.')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'The thumbnail must be a PNG, JPEG or WebP data URL.');

/** `catalog.body` of kind `asset`; the file itself is described by the row's file_* columns. */
export const assetBodySchema = z.object({
  description: z.string().default(''),
  thumbnail: thumbnailDataUrl.nullish(),
  /** Slug of the proposal template "Customize" opens with the partner's brand kit. */
  customize_template: z.string().min(1).nullish(),
});
export type AssetBody = z.infer<typeof assetBodySchema>;

const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Colours are six-digit hex codes such as #FF5722.');

/** `catalog.body` of kind `brand_guideline`: the brand guidelines hub, edited by admins. */
export const brandGuidelineBodySchema = z.object({
  intro: z.string().default(''),
  logos: z
    .array(
      z.object({
        variant: z.enum(['light', 'dark', 'colour']),
        /** An SVG document (inline, so it works offline and needs no file fetch). */
        svg: z.string().regex(/^\s*<svg[\s>]/, 'A logo variation must be an SVG document starting with <svg.').max(64 * 1024),
        usage: z.string().default(''),
      }),
    )
    .default([]),
  palette: z.array(z.object({ name: z.string().min(1), hex, usage: z.string().default('') })).default([]),
  typography: z.array(z.object({ role: z.string().min(1), family: z.string().min(1), usage: z.string().default('') })).default([]),
  logo_clear_space: z.string().default(''),
  do: z.array(z.string().min(1)).default([]),
  dont: z.array(z.string().min(1)).default([]),
  voice: z.string().default(''),
});
export type BrandGuidelineBody = z.infer<typeof brandGuidelineBodySchema>;

/**
 * `catalog.body` of kind `promotion`: a special offer admins publish for the Commission center's
 * bonus tracking. Who qualifies is the row's tier_required; the offer runs from starts_at until
 * ends_at (both ISO timestamps).
 */
const promotionInstant = z.iso.datetime({ offset: true, error: 'Give the date and time as an ISO timestamp, e.g. 2026-12-01T09:00:00Z.' });

export const promotionBodySchema = z
  .object({
    headline: z.string().trim().min(1, 'Give the promotion a headline partners will notice.').max(120, 'Keep the headline under 120 characters.'),
    description: z.string().trim().max(2000, 'Keep the description under 2,000 characters.').default(''),
    /** What partners get, in words: "€250 bonus", "+5% commission". */
    reward: z.string().trim().min(1, 'Say what partners get, e.g. “€250 bonus per won deal”.').max(200, 'Keep the reward under 200 characters.'),
    starts_at: promotionInstant,
    ends_at: promotionInstant,
  })
  // Only when both dates parsed: a bad date already has its own message.
  .refine((body) => !(Date.parse(body.ends_at) <= Date.parse(body.starts_at)), {
    message: 'The promotion must end after it starts.',
    path: ['ends_at'],
  });
export type PromotionBody = z.infer<typeof promotionBodySchema>;
