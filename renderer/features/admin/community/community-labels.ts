/** Words the admin's Community tab shows for article types and challenge metrics. */
import type { ArticleType, ChallengeMetric } from '../../../../sync/schema/community-bodies';

export const ARTICLE_TYPE_LABELS: Record<ArticleType, string> = {
  faq: 'FAQ',
  guide: 'Step-by-step guide',
  troubleshooting: 'Troubleshooting',
  best_practice: 'Best practice',
  video: 'Video tutorial',
};

export const CHALLENGE_METRIC_LABELS: Record<ChallengeMetric, string> = {
  threads: 'Threads started',
  replies: 'Replies posted',
  helpful_answers: 'Helpful answers',
};
