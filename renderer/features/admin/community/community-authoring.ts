/**
 * What the Community tab's forms accept and how they become catalog rows: knowledge-base articles
 * (structured blocks, never HTML), group calls and the month's challenge. Each form is a zod schema
 * whose messages are the sentences shown beside the fields; the result is checked again against
 * the catalog body schema partners' apps parse.
 */
import { z } from 'zod';
import { catalogSlug, fieldErrors } from '../../../../sync/domain/admin/catalog-forms';
import { zonedMonthKey } from '../../../../sync/domain/zoned-time';
import type { LessonBlock } from '../../../../sync/schema/catalog-bodies';
import {
  ARTICLE_TYPES,
  CHALLENGE_METRICS,
  articleBodySchema,
  challengeBodySchema,
  groupCallBodySchema,
  type ArticleBody,
  type ArticleType,
  type ChallengeBody,
  type GroupCallBody,
} from '../../../../sync/schema/community-bodies';
import { TIERS, type Tier } from '../../../../sync/schema/fields';
import { checkWith, type Checked, type FormErrors } from '../shared/checked-draft';

// ---- Knowledge-base articles ----

export type BlockType = LessonBlock['type'];
export const BLOCK_TYPES: readonly BlockType[] = ['heading', 'paragraph', 'list', 'tip'];

export interface ArticleBlockDraft {
  key: string;
  type: BlockType;
  /** A list block's items, one per line; the text of any other block. */
  text: string;
}

export interface ArticleDraft {
  /** null for a new article. */
  id: string | null;
  title: string;
  articleType: ArticleType;
  /** Free-text topic partners filter by (the row's category), e.g. "commissions". */
  topic: string;
  summary: string;
  blocks: ArticleBlockDraft[];
  tier: Tier;
  published: boolean;
  /** A video tutorial's file: a path in the assets bucket. */
  videoPath: string;
}

export function newArticleBlock(type: BlockType = 'paragraph'): ArticleBlockDraft {
  return { key: crypto.randomUUID(), type, text: '' };
}

export function newArticleDraft(): ArticleDraft {
  return { id: null, title: '', articleType: 'faq', topic: '', summary: '', blocks: [newArticleBlock('paragraph')], tier: 'starter', published: false, videoPath: '' };
}

/** An existing article as a draft; a body the app cannot read starts with one empty paragraph. */
export function articleDraftOf(row: { id: string; title: string; category?: string | null; tier_required: Tier; published: boolean; body: unknown; file_path?: string | null }): ArticleDraft {
  const body = articleBodySchema.safeParse(row.body).data;
  return {
    id: row.id,
    title: row.title,
    articleType: body?.article_type ?? 'faq',
    topic: row.category ?? '',
    summary: body?.summary ?? '',
    blocks: body ? body.blocks.map((block) => ({ key: crypto.randomUUID(), type: block.type, text: block.type === 'list' ? (block.items ?? []).join('\n') : (block.text ?? '') })) : [newArticleBlock('paragraph')],
    tier: row.tier_required,
    published: row.published,
    videoPath: row.file_path ?? '',
  };
}

export function blockOf(draft: ArticleBlockDraft): LessonBlock {
  if (draft.type === 'list') {
    return { type: 'list', items: draft.text.split('\n').map((line) => line.trim()).filter(Boolean) };
  }
  return { type: draft.type, text: draft.text.trim() };
}

/** What an article draft becomes: the row's columns besides id, kind and slug. */
export interface CheckedArticle {
  title: string;
  category: string | null;
  tier_required: Tier;
  published: boolean;
  body: ArticleBody;
  file_path: string | null;
}

const articleFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the article a title partners would search for, e.g. “How and when is commission paid?”.').max(120, 'Keep the title under 120 characters.'),
  topic: z
    .string()
    .trim()
    .max(40, 'Keep the topic to a word or two.')
    .transform((value) => value.toLowerCase().replace(/\s+/g, '-')),
  summary: z.string().trim().min(1, 'Write a one-sentence summary; partners see it in search results.').max(300, 'Keep the summary under 300 characters.'),
  articleType: z.enum(ARTICLE_TYPES, { error: 'Choose what kind of article this is.' }),
  tier: z.enum(TIERS, { error: 'Choose the lowest tier that may read it.' }),
  published: z.boolean(),
  videoPath: z.string().trim(),
});

/**
 * The draft as checked columns, or a message per field; block errors are keyed `block.<key>`, and
 * `blocks` says when there are none.
 */
export function checkArticleDraft(draft: ArticleDraft): Checked<CheckedArticle> {
  const form = articleFormSchema.safeParse(draft);
  const errors: FormErrors = form.success ? {} : fieldErrors(form.error);
  const blocks: LessonBlock[] = [];
  for (const block of draft.blocks) {
    const made = blockOf(block);
    const empty = made.type === 'list' ? (made.items ?? []).length === 0 : !made.text;
    if (empty) errors[`block.${block.key}`] = made.type === 'list' ? 'Add at least one item, one per line, or remove this block.' : 'Write this block’s text, or remove it.';
    else blocks.push(made);
  }
  if (draft.blocks.length === 0) errors['blocks'] = 'Add at least one block: a heading, paragraph, list or tip.';
  if (draft.articleType === 'video' && !draft.videoPath.trim()) errors['videoPath'] = 'A video tutorial needs its file: enter the video’s path in the assets bucket, e.g. training/tour.mp4.';
  if (!form.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const body = articleBodySchema.safeParse({ article_type: form.data.articleType, summary: form.data.summary, blocks });
  if (!body.success) return { ok: false, errors: { blocks: 'The article could not be built from these blocks. Check each block and try again.' } };
  return {
    ok: true,
    value: {
      title: form.data.title,
      category: form.data.topic || null,
      tier_required: form.data.tier,
      published: form.data.published,
      body: body.data,
      file_path: form.data.articleType === 'video' ? form.data.videoPath : null,
    },
  };
}

export function articleSlug(title: string, id: string): string {
  return `kb-${catalogSlug(title, id)}`;
}

// ---- Group calls ----

export interface GroupCallDraft {
  title: string;
  /** datetime-local value in this device's time zone. */
  startsAt: string;
  durationMinutes: string;
  host: string;
  joinUrl: string;
  capacity: string;
  agenda: string;
  tier: Tier;
}

export function newGroupCallDraft(now: Date): GroupCallDraft {
  const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
  nextWeek.setHours(15, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, '0');
  const local = `${nextWeek.getFullYear()}-${pad(nextWeek.getMonth() + 1)}-${pad(nextWeek.getDate())}T15:00`;
  return { title: 'Monthly partner group call', startsAt: local, durationMinutes: '45', host: '', joinUrl: '', capacity: '40', agenda: '', tier: 'active' };
}

const wholeNumber = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.int().positive(message));

const groupCallFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the call a title partners recognise, e.g. “Monthly partner group call”.').max(120, 'Keep the title under 120 characters.'),
  startsAt: z
    .string()
    .refine((value) => value !== '' && !Number.isNaN(new Date(value).getTime()), 'Choose the day and time the call starts.')
    .transform((value) => new Date(value).toISOString()),
  durationMinutes: wholeNumber('Enter the length in whole minutes, e.g. 45.'),
  host: z.string().trim().min(1, 'Name the host partners will see.'),
  joinUrl: z
    .string()
    .trim()
    .refine((value) => {
      try {
        return new URL(value).protocol === 'https:';
      } catch {
        return false;
      }
    }, 'Enter the full meeting link, starting with https://.'),
  capacity: wholeNumber('Enter how many partners can book a place, e.g. 40.'),
  agenda: z.string().trim().max(2000, 'Keep the agenda under 2,000 characters.'),
  tier: z.enum(TIERS, { error: 'Choose the lowest tier that may book it.' }),
});

export interface CheckedGroupCall {
  title: string;
  tier_required: Tier;
  body: GroupCallBody;
}

export function checkGroupCallDraft(draft: GroupCallDraft): Checked<CheckedGroupCall> {
  const form = checkWith(groupCallFormSchema, draft);
  if (!form.ok) return form;
  const value = form.value;
  const body = groupCallBodySchema.safeParse({
    starts_at: value.startsAt,
    duration_minutes: value.durationMinutes,
    host: value.host,
    join_url: value.joinUrl,
    capacity: value.capacity,
    agenda: value.agenda,
  });
  if (!body.success) return { ok: false, errors: { joinUrl: 'Enter the full meeting link, starting with https://.' } };
  return { ok: true, value: { title: value.title, tier_required: value.tier, body: body.data } };
}

// ---- Monthly challenge ----

export interface ChallengeDraft {
  title: string;
  description: string;
  metric: (typeof CHALLENGE_METRICS)[number];
  target: string;
  rewardPoints: string;
}

/** Challenges run by calendar month in UTC, as the server counts them. */
export function challengeMonth(now: Date): string {
  return zonedMonthKey(now, 'UTC');
}

export function challengeSlug(month: string): string {
  return `challenge-${month}`;
}

export function newChallengeDraft(): ChallengeDraft {
  return { title: '', description: '', metric: 'helpful_answers', target: '3', rewardPoints: '50' };
}

const challengeFormSchema = z.object({
  title: z.string().trim().min(1, 'Give the challenge a short title, e.g. “December challenge: answer three questions”.').max(120, 'Keep the title under 120 characters.'),
  description: z.string().trim().min(1, 'Say what partners have to do, in a sentence.').max(500, 'Keep the description under 500 characters.'),
  metric: z.enum(CHALLENGE_METRICS, { error: 'Choose what is counted.' }),
  target: wholeNumber('Enter the target as a whole number, e.g. 3.'),
  rewardPoints: wholeNumber('Enter the reward as whole points, e.g. 50.'),
});

export interface CheckedChallenge {
  title: string;
  body: ChallengeBody;
}

export function checkChallengeDraft(draft: ChallengeDraft, month: string): Checked<CheckedChallenge> {
  const form = checkWith(challengeFormSchema, draft);
  if (!form.ok) return form;
  const body = challengeBodySchema.parse({ month, description: form.value.description, metric: form.value.metric, target: form.value.target, reward_points: form.value.rewardPoints });
  return { ok: true, value: { title: form.value.title, body } };
}
