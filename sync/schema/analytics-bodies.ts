/**
 * The `catalog.body` of the server-published analytics kinds: anonymised program aggregates per
 * tier and month, and the monthly opt-in leaderboard (both written only by the server, see
 * migration 20261201160000_analytics.sql).
 */
import { z } from 'zod';
import { tier } from './fields';

/** Below this many partners a group is never published: a smaller group could expose one partner. */
export const PROGRAM_AGGREGATE_MIN_PARTNERS = 5;

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month such as 2026-12.');

/** Groups smaller than this publish the median only: a quartile of a few partners is too close to one partner's figure. */
export const PROGRAM_AGGREGATE_MIN_PARTNERS_FOR_QUARTILES = 10;

/** The group's median, and its quartiles (null in groups under PROGRAM_AGGREGATE_MIN_PARTNERS_FOR_QUARTILES). */
export const quartilesSchema = z.object({
  median: z.number(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
});
export type Quartiles = z.infer<typeof quartilesSchema>;

export const PROGRAM_METRICS = ['leads', 'conversions', 'conversion_rate', 'earnings_gbp', 'avg_days_to_close'] as const;
export type ProgramMetric = (typeof PROGRAM_METRICS)[number];

/**
 * `catalog.body` of kind `program_aggregate` (slug `program-<tier>-<YYYY-MM>`). Per partner in the
 * tier: leads created in the month, leads won in the month (conversions), conversions / leads
 * (0–1, 0 when no leads), commission earned in the month in GBP (earnings in other currencies are
 * left out, not converted), and the mean days from created to won of the month's wins.
 * conversion_rate is the share of the month's new leads that are won now (0 without leads).
 * avg_days_to_close is over the partners who won a deal, and null when fewer than
 * PROGRAM_AGGREGATE_MIN_PARTNERS did.
 */
export const programAggregateBodySchema = z.object({
  tier,
  month: yearMonth,
  partners: z.int().min(PROGRAM_AGGREGATE_MIN_PARTNERS),
  metrics: z.object({
    leads: quartilesSchema,
    conversions: quartilesSchema,
    conversion_rate: quartilesSchema,
    earnings_gbp: quartilesSchema,
    avg_days_to_close: quartilesSchema.nullable(),
  }),
});
export type ProgramAggregateBody = z.infer<typeof programAggregateBodySchema>;

export const leaderboardEntrySchema = z.object({
  rank: z.int().min(1),
  display_name: z.string().min(1),
  tier,
  /** Deals won this month: the only figure of a partner the leaderboard shows. */
  score: z.int().min(0),
});
export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;

/**
 * `catalog.body` of kind `leaderboard` (slug `leaderboard-YYYY-MM`): the partners who opted in,
 * ranked by deals won this month (ties share a rank). Each partner's own rank is also written to
 * their partner_status.metrics (`leaderboard_rank`, `leaderboard_size`, `leaderboard_month`), since
 * the entries carry no partner ids.
 */
export const leaderboardBodySchema = z.object({
  month: yearMonth,
  metric: z.literal('won_deals').optional(),
  entries: z.array(leaderboardEntrySchema),
});
export type LeaderboardBody = z.infer<typeof leaderboardBodySchema>;
