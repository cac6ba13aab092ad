/** Words the admin's Support and Community tabs show for ticket and catalog values. */
import type { ArticleType, ChallengeMetric } from '../../../sync/schema/community-bodies';
import type { TicketCategory, TicketPriority, TicketStatus } from '../../../sync/schema/tickets.schema';

/** Staff see "Waiting on partner" where the partner reads "Waiting on you": the same status. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  waiting: 'Waiting on partner',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

export const TICKET_CATEGORY_LABELS: Partial<Record<string, string>> & Record<TicketCategory, string> = {
  technical: 'Technical',
  billing: 'Billing',
  training: 'Training',
  account: 'Account',
  other: 'Other',
};

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

/** The author as the server named them, or a short id when the row predates author names. */
export function partnerName(row: { author_name?: string | null; partner_id: string }): string {
  return row.author_name?.trim() || `Partner ${row.partner_id.slice(0, 8)}`;
}
