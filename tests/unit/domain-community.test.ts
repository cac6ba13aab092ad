import { describe, expect, it } from 'vitest';
import {
  canPostInCategory,
  canReply,
  challengeProgress,
  orderPosts,
  orderThreads,
  postActions,
  postableCategories,
  summarizeCategories,
  tierReaches,
  utcMonthKey,
  validateNewThread,
  type ForumCategoryInput,
  type PostInput,
  type ThreadInput,
} from '../../sync/domain/community';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const category = (slug: string, tier: ForumCategoryInput['tier_required'], sort: number, posting: 'partners' | 'staff' = 'partners'): ForumCategoryInput => ({
  slug,
  title: slug.replace(/-/g, ' '),
  tier_required: tier,
  sort_order: sort,
  posting,
});

const CATEGORIES = [
  category('general', 'active', 20),
  category('success-stories', 'starter', 10),
  category('siso-updates', 'starter', 15, 'staff'),
  category('mastermind', 'performer', 40),
  category('elite-circle', 'elite', 50),
];

const thread = (id: string, fields: Partial<ThreadInput> = {}): ThreadInput => ({
  id,
  partner_id: ME,
  kind: 'forum',
  category: 'general',
  created_at: '2026-11-01T10:00:00Z',
  last_message_at: null,
  pinned: false,
  locked: false,
  hidden: false,
  ...fields,
});

const post = (id: string, ticketId: string, fields: Partial<PostInput> = {}): PostInput => ({
  id,
  ticket_id: ticketId,
  partner_id: ME,
  author_role: 'partner',
  created_at: '2026-12-01T10:00:00Z',
  helpful: false,
  hidden: false,
  ...fields,
});

describe('tier gates', () => {
  it('reaches its own tier and below; an unknown tier reaches Starter only', () => {
    expect(tierReaches('active', 'active')).toBe(true);
    expect(tierReaches('performer', 'active')).toBe(false);
    expect(tierReaches('starter', null)).toBe(true);
    expect(tierReaches('active', null)).toBe(false);
  });

  it('lets a partner post only in reachable categories open to partners, with a sentence otherwise', () => {
    expect(canPostInCategory(CATEGORIES[0]!, 'active')).toEqual({ ok: true });
    expect(canPostInCategory(CATEGORIES[0]!, 'starter')).toEqual({ ok: false, reason: 'general unlocks at the Active tier.' });
    const staff = canPostInCategory(CATEGORIES[2]!, 'elite');
    expect(staff.ok).toBe(false);
    expect(staff.ok ? '' : staff.reason).toMatch(/^Only the SISO team posts in siso updates/);
    expect(postableCategories(CATEGORIES, 'starter').map((c) => c.slug)).toEqual(['success-stories']);
    expect(postableCategories(CATEGORIES, 'performer').map((c) => c.slug)).toEqual(['success-stories', 'general', 'mastermind']);
  });

  it('refuses a reply in a locked thread with the reason', () => {
    const result = canReply({ locked: true }, CATEGORIES[0]!, 'elite');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/locked this thread/);
    expect(canReply({ locked: false }, CATEGORIES[0]!, 'active')).toEqual({ ok: true });
    expect(canReply({ locked: false }, CATEGORIES[3]!, 'active').ok).toBe(false);
  });
});

describe('ordering and summaries', () => {
  it('puts pinned threads first, then the latest activity, and drops hidden, deleted and support threads', () => {
    const threads = [
      thread('old', { created_at: '2026-11-01T10:00:00Z' }),
      thread('busy', { created_at: '2026-10-01T10:00:00Z', last_message_at: '2026-11-20T10:00:00Z' }),
      thread('pinned', { created_at: '2026-09-01T10:00:00Z', pinned: true }),
      thread('new', { created_at: '2026-11-10T10:00:00Z' }),
      thread('hidden', { hidden: true }),
      thread('gone', { _deleted: true }),
      thread('ticket', { kind: 'support' }),
    ];
    expect(orderThreads(threads).map((t) => t.id)).toEqual(['pinned', 'busy', 'new', 'old']);
  });

  it('summarizes categories in catalog order; a locked one lists no threads even if some arrived', () => {
    const threads = [
      thread('a', { category: 'general', created_at: '2026-11-02T10:00:00Z' }),
      thread('b', { category: 'general', last_message_at: '2026-11-05T09:00:00Z' }),
      thread('c', { category: 'mastermind' }),
    ];
    const summaries = summarizeCategories(CATEGORIES, threads, 'active');
    expect(summaries.map((s) => s.category.slug)).toEqual(['success-stories', 'siso-updates', 'general', 'mastermind', 'elite-circle']);
    const general = summaries.find((s) => s.category.slug === 'general')!;
    expect(general.locked).toBe(false);
    expect(general.threads.map((t) => t.id)).toEqual(['b', 'a']);
    expect(general.latestActivity).toBe('2026-11-05T09:00:00Z');
    const mastermind = summaries.find((s) => s.category.slug === 'mastermind')!;
    expect(mastermind).toMatchObject({ locked: true, threads: [], latestActivity: null });
  });

  it('orders posts oldest first without deleted or hidden ones', () => {
    const posts = [post('2', 't', { created_at: '2026-12-02T00:00:00Z' }), post('1', 't'), post('x', 't', { _deleted: true }), post('h', 't', { hidden: true })];
    expect(orderPosts(posts).map((p) => p.id)).toEqual(['1', '2']);
  });
});

describe('postActions', () => {
  const mine = thread('t');
  it('offers edit and delete on own posts, report on others, helpful to the thread author on others’ replies', () => {
    expect(postActions(post('p', 't'), mine, ME)).toEqual({ edit: true, delete: true, report: false, markHelpful: false });
    expect(postActions(post('p', 't', { partner_id: OTHER }), mine, ME)).toEqual({ edit: false, delete: false, report: true, markHelpful: true });
  });

  it('does not offer helpful to someone who is not the thread author, nor on an answer already marked', () => {
    const theirs = thread('t', { partner_id: OTHER });
    expect(postActions(post('p', 't', { partner_id: OTHER }), theirs, ME).markHelpful).toBe(false);
    expect(postActions(post('p', 't', { partner_id: OTHER, helpful: true }), mine, ME).markHelpful).toBe(false);
    expect(postActions(post('p', 't', { partner_id: OTHER }), { ...mine, helpful_message_id: 'p' }, ME).markHelpful).toBe(false);
  });

  it('takes edit and delete away in a locked thread', () => {
    expect(postActions(post('p', 't'), { ...mine, locked: true }, ME)).toMatchObject({ edit: false, delete: false });
  });
});

describe('challengeProgress', () => {
  const threads = [
    thread('mine-now', { created_at: '2026-12-01T09:00:00Z' }),
    thread('mine-before', { created_at: '2026-11-20T09:00:00Z' }),
    thread('theirs', { partner_id: OTHER, created_at: '2026-12-01T08:00:00Z' }),
  ];
  const posts = [
    post('opening-now', 'mine-now', { created_at: '2026-12-01T09:00:00Z' }),
    post('opening-before', 'mine-before', { created_at: '2026-11-20T09:00:00Z' }),
    post('reply-1', 'theirs', { created_at: '2026-12-02T09:00:00Z', helpful: true }),
    post('reply-2', 'theirs', { created_at: '2026-12-03T09:00:00Z' }),
    post('reply-old', 'theirs', { created_at: '2026-11-30T23:59:00Z', helpful: true }),
    post('reply-own-thread', 'mine-before', { created_at: '2026-12-04T09:00:00Z' }),
    post('deleted', 'theirs', { created_at: '2026-12-04T09:00:00Z', _deleted: true }),
    post('theirs-reply', 'mine-now', { partner_id: OTHER, created_at: '2026-12-02T09:00:00Z' }),
  ];
  const base = { month: '2026-12', partnerId: ME, threads, posts, target: 3 };

  it('counts threads the partner started this month', () => {
    expect(challengeProgress({ ...base, metric: 'threads' })).toEqual({ count: 1, target: 3, met: false });
  });

  it('counts replies (not opening posts) this month, including replies in their own threads', () => {
    expect(challengeProgress({ ...base, metric: 'replies' })).toEqual({ count: 3, target: 3, met: true });
  });

  it('counts this month’s replies marked helpful', () => {
    expect(challengeProgress({ ...base, metric: 'helpful_answers', target: 1 })).toEqual({ count: 1, target: 1, met: true });
  });

  it('uses the UTC month', () => {
    expect(utcMonthKey(new Date('2026-12-01T00:30:00+02:00'))).toBe('2026-11');
  });
});

describe('validateNewThread', () => {
  it('accepts a trimmed thread in an allowed category', () => {
    expect(validateNewThread({ category: 'general', title: '  Hello  ', message: ' First ' }, ['general'])).toEqual({
      ok: true,
      values: { category: 'general', title: 'Hello', message: 'First' },
    });
  });

  it('names every field at fault with a sentence', () => {
    const result = validateNewThread({ category: 'mastermind', title: ' ', message: '' }, ['general']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      category: 'Choose a category you can post in.',
      title: 'Give the thread a title that says what it is about.',
      message: 'Write the first message of the thread.',
    });
  });
});
