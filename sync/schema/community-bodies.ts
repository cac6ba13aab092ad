/**
 * The structure of `catalog.body` for the support and community kinds: knowledge-base articles,
 * forum categories, group-call slots, monthly challenges, support settings, and the two rows the
 * server computes (the community leaderboard and the opt-in partner directory).
 */
import { z } from 'zod';
import { TIERS, isoTimestamp, tier } from './fields';
import { lessonBlockSchema } from './catalog-bodies';

export const ARTICLE_TYPES = ['faq', 'guide', 'troubleshooting', 'best_practice', 'video'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

/**
 * `catalog.body` of kind `article` (the knowledge base): structured blocks, never HTML. A video
 * tutorial's file is the row's file_path in the assets bucket.
 */
export const articleBodySchema = z.object({
  article_type: z.enum(ARTICLE_TYPES),
  summary: z.string().min(1),
  blocks: z.array(lessonBlockSchema).min(1),
});
export type ArticleBody = z.infer<typeof articleBodySchema>;

/**
 * `catalog.body` of kind `forum_category`; the row's slug is what threads carry in `category` and
 * its tier_required gates reading and posting. `posting: 'staff'` is SISO updates and announcements.
 */
export const forumCategoryBodySchema = z.object({
  description: z.string().min(1),
  posting: z.enum(['partners', 'staff']),
});
export type ForumCategoryBody = z.infer<typeof forumCategoryBodySchema>;

/** `catalog.body` of kind `group_call`: one bookable group support call; the row's tier_required gates it. */
export const groupCallBodySchema = z.object({
  starts_at: isoTimestamp,
  duration_minutes: z.int().positive(),
  host: z.string().min(1),
  join_url: z.url({ protocol: /^https$/ }),
  capacity: z.int().positive(),
  agenda: z.string(),
});
export type GroupCallBody = z.infer<typeof groupCallBodySchema>;

export const CHALLENGE_METRICS = ['threads', 'replies', 'helpful_answers'] as const;
export type ChallengeMetric = (typeof CHALLENGE_METRICS)[number];

/** `catalog.body` of kind `challenge`: a monthly community challenge; the server awards the points. */
export const challengeBodySchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  description: z.string().min(1),
  metric: z.enum(CHALLENGE_METRICS),
  target: z.int().positive(),
  reward_points: z.int().positive(),
});
export type ChallengeBody = z.infer<typeof challengeBodySchema>;

/** `catalog.body` of kind `support_settings` (slug `support`): response targets and channel links. */
export const supportSettingsBodySchema = z.object({
  /** Hours to the first response on a ticket, by the partner's tier. */
  response_hours: z.record(z.enum(TIERS), z.int().positive()),
  /** The partner Slack community (Performer and above). */
  slack_url: z.url({ protocol: /^https$/ }).nullable(),
  /** Elite's direct line and account manager. */
  direct_line: z.string().nullable(),
  account_manager: z.string().nullable(),
});
export type SupportSettingsBody = z.infer<typeof supportSettingsBodySchema>;

/** What other partners may see of a partner: display name, company and tier badge, never contact details or figures. */
export const publicPartnerSchema = z.object({
  display_name: z.string().min(1),
  company: z.string().nullable(),
  tier,
  badges: z.array(z.string()),
});
export type PublicPartner = z.infer<typeof publicPartnerSchema>;

/** `catalog.body` of kind `community_leaderboard` (slug `top-contributors-YYYY-MM`), written by the server. */
export const communityLeaderboardBodySchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  entries: z.array(publicPartnerSchema.extend({ points: z.int().min(0) })),
});
export type CommunityLeaderboardBody = z.infer<typeof communityLeaderboardBodySchema>;

/** `catalog.body` of kind `partner_directory` (slug `directory`): partners who opted in, written by the server. */
export const partnerDirectoryBodySchema = z.object({
  entries: z.array(publicPartnerSchema.extend({ country: z.string().nullable() })),
});
export type PartnerDirectoryBody = z.infer<typeof partnerDirectoryBodySchema>;

/**
 * A partner's own community standing, in partner_status.metrics.community (server-written).
 * Points: 5 a thread, 2 a reply, 15 a helpful answer, plus challenge rewards.
 */
export const communityStandingSchema = z.object({
  points: z.int().min(0),
  month_points: z.int().min(0),
  helpful_answers: z.int().min(0),
  badges: z.array(z.string()),
});
export type CommunityStanding = z.infer<typeof communityStandingSchema>;
