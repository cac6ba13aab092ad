/**
 * The structure of `catalog.body` for the kinds the app computes with. Other kinds (assets,
 * templates, articles, announcements) are read by their own features.
 */
import { z } from 'zod';
import { tier } from './fields';

export const PAYOUT_FREQUENCIES = ['monthly', 'bi-weekly', 'weekly', 'real-time'] as const;

export const courseBodySchema = z.object({
  summary: z.string(),
  duration_minutes: z.int().positive(),
  modules: z.array(z.object({ title: z.string().min(1), duration_minutes: z.int().positive() })).min(1),
});
export type CourseBody = z.infer<typeof courseBodySchema>;

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
  }),
});
export type TierRuleBody = z.infer<typeof tierRuleBodySchema>;
