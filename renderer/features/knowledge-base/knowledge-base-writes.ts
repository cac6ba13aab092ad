/**
 * Every write the knowledge base makes: the partner's "Was this helpful?" answer on an article, an
 * activities row of kind 'article_feedback' (queued offline like every activity). One row per
 * article and partner: its id is derived from both, so a second answer — on this device or another —
 * replaces the first instead of adding a vote.
 */
import { z } from 'zod';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { activitySchema } from '../../../sync/schema/activities.schema';
import { sha256Hex } from '../../platform/sha256';

/** The meta JSON text of an 'article_feedback' row. */
export const articleFeedbackMetaSchema = z.object({ article_id: z.string().min(1), helpful: z.boolean() });
export type ArticleFeedbackMeta = z.infer<typeof articleFeedbackMetaSchema>;

const ID_PREFIX = 'article-feedback-';
// 40 hex digits (160 bits) keep the id within the 64 characters row ids may have.
const HASH_LENGTH = 40;

/** The one row id for this partner's answer on this article (row ids are unique across partners). */
export async function articleFeedbackId(partnerId: string, articleId: string): Promise<string> {
  const digest = await sha256Hex(new TextEncoder().encode(`${partnerId}\u0000${articleId}`));
  return `${ID_PREFIX}${digest.slice(0, HASH_LENGTH)}`;
}

/** Records whether the article helped; answering again replaces the earlier answer. */
export async function recordArticleFeedback(
  db: WorkstationDatabase,
  partnerId: string,
  articleId: string,
  helpful: boolean,
  now: Date = new Date(),
): Promise<void> {
  const id = await articleFeedbackId(partnerId, articleId);
  const at = now.toISOString();
  const meta = JSON.stringify({ article_id: articleId, helpful } satisfies ArticleFeedbackMeta);
  const existing = await db.activities.findOne(id).exec();
  if (existing) {
    if (existing.meta === meta) return;
    await existing.incrementalPatch({ meta, occurred_at: at, updated_at: at });
    return;
  }
  await db.activities.insert(
    activitySchema.parse({
      id,
      partner_id: partnerId,
      created_at: at,
      updated_at: at,
      lead_id: null,
      kind: 'article_feedback',
      body: null,
      occurred_at: at,
      meta,
    }),
  );
}
