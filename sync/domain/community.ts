/**
 * Community forum rules the screens show: which categories a tier reads and posts in, thread order,
 * category summaries, what a partner may do with a post, the monthly challenge's progress from the
 * partner's own posts, and the forms' validation. The server enforces the same gates (RLS, triggers);
 * these only decide what is offered and explain why something is not.
 */
import { z } from 'zod';
import { TIERS, type Tier } from '../schema/fields';
import type { ChallengeMetric } from '../schema/community-bodies';
import { tierLabel } from './tiers';

// ---------------------------------------------------------------------------------------------
// Inputs: the columns read from the local store (PlainDoc rows fit these shapes).

export interface ForumCategoryInput {
  readonly slug: string;
  readonly title: string;
  readonly tier_required: Tier;
  readonly sort_order: number;
  readonly posting: 'partners' | 'staff';
}

export interface ThreadInput {
  readonly id: string;
  readonly partner_id: string;
  readonly kind: string;
  readonly category?: string | null;
  readonly created_at: string;
  readonly last_message_at?: string | null;
  readonly pinned: boolean;
  readonly locked: boolean;
  readonly hidden: boolean;
  readonly _deleted?: boolean;
}

export interface PostInput {
  readonly id: string;
  readonly ticket_id: string;
  readonly partner_id: string;
  readonly author_role: string;
  readonly created_at: string;
  readonly helpful: boolean;
  readonly hidden: boolean;
  readonly _deleted?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tier gates

/** Whether a partner of `partnerTier` reaches something needing `required`; an unknown tier reaches Starter only. */
export function tierReaches(required: Tier, partnerTier: Tier | null | undefined): boolean {
  return TIERS.indexOf(required) <= TIERS.indexOf(partnerTier ?? 'starter');
}

export type PostingCheck = { ok: true } | { ok: false; reason: string };

/** Whether the partner may start a thread in a category, and why not. */
export function canPostInCategory(category: ForumCategoryInput, partnerTier: Tier | null | undefined): PostingCheck {
  if (!tierReaches(category.tier_required, partnerTier)) {
    return { ok: false, reason: `${category.title} unlocks at the ${tierLabel(category.tier_required)} tier.` };
  }
  if (category.posting === 'staff') return { ok: false, reason: `Only the SISO team posts in ${category.title}; you can read and reply there.` };
  return { ok: true };
}

/** Categories a new thread may go in, in catalog order. */
export function postableCategories<C extends ForumCategoryInput>(categories: readonly C[], partnerTier: Tier | null | undefined): C[] {
  return sortCategories(categories).filter((category) => canPostInCategory(category, partnerTier).ok);
}

/** Whether the partner may reply in a thread, and why not. */
export function canReply(thread: Pick<ThreadInput, 'locked'>, category: ForumCategoryInput | null, partnerTier: Tier | null | undefined): PostingCheck {
  if (thread.locked) return { ok: false, reason: 'The SISO team locked this thread, so it takes no new replies. Start a new thread to continue the conversation.' };
  if (category && !tierReaches(category.tier_required, partnerTier)) {
    return { ok: false, reason: `${category.title} unlocks at the ${tierLabel(category.tier_required)} tier.` };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Ordering and summaries

export function sortCategories<C extends ForumCategoryInput>(categories: readonly C[]): C[] {
  return [...categories].sort((a, b) => a.sort_order - b.sort_order || a.title.localeCompare(b.title));
}

/** When a thread last saw activity: its last message, or its creation. */
export function lastActivity(thread: Pick<ThreadInput, 'created_at' | 'last_message_at'>): string {
  return thread.last_message_at && thread.last_message_at > thread.created_at ? thread.last_message_at : thread.created_at;
}

function visibleThread(thread: ThreadInput): boolean {
  return thread.kind === 'forum' && !thread._deleted && !thread.hidden;
}

/** A category's visible threads: pinned first, then the most recent activity first. */
export function orderThreads<T extends ThreadInput>(threads: readonly T[]): T[] {
  return threads
    .filter(visibleThread)
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || compareDesc(lastActivity(a), lastActivity(b)) || a.id.localeCompare(b.id));
}

function compareDesc(a: string, b: string): number {
  return Date.parse(b) - Date.parse(a);
}

export interface CategorySummary<C extends ForumCategoryInput, T extends ThreadInput> {
  category: C;
  locked: boolean;
  threads: T[];
  latestActivity: string | null;
}

/** Every category in order with its threads; a category above the partner's tier is locked and lists none. */
export function summarizeCategories<C extends ForumCategoryInput, T extends ThreadInput>(
  categories: readonly C[],
  threads: readonly T[],
  partnerTier: Tier | null | undefined,
): CategorySummary<C, T>[] {
  return sortCategories(categories).map((category) => {
    const locked = !tierReaches(category.tier_required, partnerTier);
    const own = locked ? [] : orderThreads(threads.filter((thread) => thread.category === category.slug));
    const latestActivity = own.reduce<string | null>((latest, thread) => {
      const at = lastActivity(thread);
      return latest === null || Date.parse(at) > Date.parse(latest) ? at : latest;
    }, null);
    return { category, locked, threads: own, latestActivity };
  });
}

/** A thread's visible posts, oldest first. */
export function orderPosts<P extends PostInput>(posts: readonly P[]): P[] {
  return posts.filter((post) => !post._deleted && !post.hidden).sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// What a partner may do with a post

export interface PostActions {
  edit: boolean;
  delete: boolean;
  report: boolean;
  markHelpful: boolean;
}

/** Own posts: edit and delete. Others' posts: report; the thread's author may also mark one helpful. */
export function postActions(post: PostInput, thread: Pick<ThreadInput, 'partner_id' | 'locked'> & { helpful_message_id?: string | null }, partnerId: string): PostActions {
  const own = post.partner_id === partnerId && post.author_role === 'partner';
  return {
    edit: own && !thread.locked,
    delete: own && !thread.locked,
    report: !own,
    markHelpful: !own && thread.partner_id === partnerId && post.author_role === 'partner' && !post.helpful && thread.helpful_message_id !== post.id,
  };
}

// ---------------------------------------------------------------------------------------------
// Monthly challenge

/** "YYYY-MM" in UTC, the month the server's ledger and leaderboard use. */
export function utcMonthKey(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

export interface ChallengeProgress {
  count: number;
  target: number;
  met: boolean;
}

/**
 * The partner's count for a challenge metric in `month`, from their own posts: threads they started,
 * replies (posts that are not a thread's opening post) and replies marked helpful. The server's
 * ledger is what awards the reward; this is the progress the partner sees, offline too.
 */
export function challengeProgress(input: {
  metric: ChallengeMetric;
  target: number;
  month: string;
  partnerId: string;
  threads: readonly ThreadInput[];
  posts: readonly PostInput[];
}): ChallengeProgress {
  const inMonth = (iso: string) => iso.slice(0, 7) === input.month;
  const forumThreads = new Map(input.threads.filter((thread) => thread.kind === 'forum' && !thread._deleted).map((thread) => [thread.id, thread]));
  let count = 0;
  if (input.metric === 'threads') {
    count = [...forumThreads.values()].filter((thread) => thread.partner_id === input.partnerId && inMonth(thread.created_at)).length;
  } else {
    const openingPosts = openingPostIds(forumThreads, input.posts);
    const replies = input.posts.filter(
      (post) => !post._deleted && post.partner_id === input.partnerId && forumThreads.has(post.ticket_id) && !openingPosts.has(post.id) && inMonth(post.created_at),
    );
    count = input.metric === 'replies' ? replies.length : replies.filter((post) => post.helpful).length;
  }
  return { count, target: input.target, met: count >= input.target };
}

/** Each thread's opening post: its author's earliest post in it. */
function openingPostIds(threads: ReadonlyMap<string, ThreadInput>, posts: readonly PostInput[]): Set<string> {
  const first = new Map<string, PostInput>();
  for (const post of posts) {
    const thread = threads.get(post.ticket_id);
    if (!thread || post.partner_id !== thread.partner_id || post.author_role !== 'partner') continue;
    const current = first.get(post.ticket_id);
    if (!current || Date.parse(post.created_at) < Date.parse(current.created_at)) first.set(post.ticket_id, post);
  }
  return new Set([...first.values()].map((post) => post.id));
}

// ---------------------------------------------------------------------------------------------
// Forms

export const THREAD_TITLE_MAX = 140;
export const POST_BODY_MAX = 10_000;
export const REPORT_REASON_MAX = 500;

const bodyText = (emptyMessage: string) =>
  z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(POST_BODY_MAX, `Keep it under ${POST_BODY_MAX.toLocaleString('en-GB')} characters; split a long post into replies.`);

export type NewThreadField = 'category' | 'title' | 'message';
export type NewThreadInput = Record<NewThreadField, string>;

export function newThreadFormSchema(allowedSlugs: readonly string[]) {
  return z.object({
    category: z.string().refine((slug) => allowedSlugs.includes(slug), 'Choose a category you can post in.'),
    title: z
      .string()
      .trim()
      .min(1, 'Give the thread a title that says what it is about.')
      .max(THREAD_TITLE_MAX, `Keep the title under ${THREAD_TITLE_MAX} characters.`),
    message: bodyText('Write the first message of the thread.'),
  });
}
export type NewThreadValues = z.output<ReturnType<typeof newThreadFormSchema>>;

export type FormResult<F extends string, V> = { ok: true; values: V } | { ok: false; errors: Partial<Record<F, string>> };

function firstMessagePerField<F extends string>(error: z.ZodError): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string') errors[field as F] ??= issue.message;
  }
  return errors;
}

export function validateNewThread(input: NewThreadInput, allowedSlugs: readonly string[]): FormResult<NewThreadField, NewThreadValues> {
  const result = newThreadFormSchema(allowedSlugs).safeParse(input);
  return result.success ? { ok: true, values: result.data } : { ok: false, errors: firstMessagePerField<NewThreadField>(result.error) };
}

export const replyBodySchema = bodyText('Write your reply before posting it.');
export const editBodySchema = bodyText('A post cannot be empty. Write something, or delete the post instead.');

export const reportReasonSchema = z
  .string()
  .trim()
  .min(5, 'Say in a few words what is wrong with the post, so the SISO team can act on it.')
  .max(REPORT_REASON_MAX, `Keep the reason under ${REPORT_REASON_MAX} characters.`);

/** A report waiting for the connection, kept in a local document until report_post accepts it. */
export const queuedReportSchema = z.object({
  message_id: z.string().min(1),
  reason: reportReasonSchema,
  queued_at: z.iso.datetime({ offset: true }),
});
export type QueuedReport = z.infer<typeof queuedReportSchema>;
export const queuedReportsSchema = z.array(queuedReportSchema);
