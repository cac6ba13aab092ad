import { describe, expect, it } from 'vitest';
import {
  articleDraftOf,
  challengeMonth,
  checkArticleDraft,
  checkChallengeDraft,
  checkGroupCallDraft,
  newArticleBlock,
  newArticleDraft,
  newChallengeDraft,
  newGroupCallDraft,
  type ArticleDraft,
  type GroupCallDraft,
} from '../../renderer/features/admin/community/community-authoring';
import { articleBodySchema, groupCallBodySchema } from '../../sync/schema/community-bodies';

function article(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    ...newArticleDraft(),
    title: 'How and when is commission paid?',
    topic: 'Commissions',
    summary: 'Commission is paid monthly once the client has paid SISO.',
    blocks: [
      { key: 'a', type: 'heading', text: 'When' },
      { key: 'b', type: 'paragraph', text: 'On the 15th of each month.' },
      { key: 'c', type: 'list', text: 'Won deal\n\n  Client paid  \nStatement issued' },
    ],
    ...overrides,
  };
}

describe('knowledge-base article drafts', () => {
  it('becomes a catalog row whose body partners’ apps parse: structured blocks, list items one per line', () => {
    const checked = checkArticleDraft(article());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({ title: 'How and when is commission paid?', category: 'commissions', tier_required: 'starter', published: false, file_path: null });
    expect(checked.value.body.blocks).toEqual([
      { type: 'heading', text: 'When' },
      { type: 'paragraph', text: 'On the 15th of each month.' },
      { type: 'list', items: ['Won deal', 'Client paid', 'Statement issued'] },
    ]);
    expect(articleBodySchema.safeParse(checked.value.body).success).toBe(true);
  });

  it('names every missing field and empty block with a sentence, keyed so the form can show it beside the field', () => {
    const empty = newArticleBlock('list');
    const checked = checkArticleDraft(article({ title: '  ', summary: '', blocks: [empty] }));
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: 'Give the article a title partners would search for, e.g. “How and when is commission paid?”.',
        summary: 'Write a one-sentence summary; partners see it in search results.',
        [`block.${empty.key}`]: 'Add at least one item, one per line, or remove this block.',
      },
    });
    expect(checkArticleDraft(article({ blocks: [] }))).toMatchObject({ ok: false, errors: { blocks: 'Add at least one block: a heading, paragraph, list or tip.' } });
  });

  it('needs a video file for a video tutorial and keeps it only for videos', () => {
    expect(checkArticleDraft(article({ articleType: 'video' }))).toMatchObject({ ok: false, errors: { videoPath: expect.stringMatching(/^A video tutorial needs its file/) as unknown } });
    const video = checkArticleDraft(article({ articleType: 'video', videoPath: ' training/tour.webm ' }));
    expect(video.ok && video.value.file_path).toBe('training/tour.webm');
    const guide = checkArticleDraft(article({ articleType: 'guide', videoPath: 'training/tour.webm' }));
    expect(guide.ok && guide.value.file_path).toBeNull();
  });

  it('round-trips an existing article through the editor', () => {
    const checked = checkArticleDraft(article({ tier: 'active', published: true }));
    if (!checked.ok) throw new Error('expected a valid draft');
    const draft = articleDraftOf({ id: 'kb-1', title: checked.value.title, category: checked.value.category, tier_required: 'active', published: true, body: checked.value.body, file_path: null });
    const again = checkArticleDraft(draft);
    expect(again.ok && again.value).toEqual(checked.value);
  });
});

describe('group call drafts', () => {
  const valid = (overrides: Partial<GroupCallDraft> = {}): GroupCallDraft => ({
    ...newGroupCallDraft(new Date('2026-12-01T10:00:00Z')),
    host: 'Priya Sharma',
    joinUrl: 'https://meet.siso.test/december',
    agenda: 'Questions on the December release.',
    ...overrides,
  });

  it('becomes a group_call body with an instant, whole numbers and an https link', () => {
    const checked = checkGroupCallDraft(valid({ startsAt: '2026-12-10T15:00', durationMinutes: '45', capacity: '40' }));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.tier_required).toBe('active');
    expect(checked.value.body).toMatchObject({ duration_minutes: 45, capacity: 40, host: 'Priya Sharma', join_url: 'https://meet.siso.test/december' });
    expect(new Date(checked.value.body.starts_at).getTime()).toBe(new Date('2026-12-10T15:00').getTime());
    expect(groupCallBodySchema.safeParse(checked.value.body).success).toBe(true);
  });

  it('refuses a plain-http or malformed link, a missing host and non-whole numbers, with sentences', () => {
    const checked = checkGroupCallDraft(valid({ joinUrl: 'http://meet.siso.test/x', host: ' ', durationMinutes: '1.5', capacity: '0', startsAt: '' }));
    expect(checked).toEqual({
      ok: false,
      errors: {
        joinUrl: 'Enter the full meeting link, starting with https://.',
        host: 'Name the host partners will see.',
        durationMinutes: 'Enter the length in whole minutes, e.g. 45.',
        capacity: 'Enter how many partners can book a place, e.g. 40.',
        startsAt: 'Choose the day and time the call starts.',
      },
    });
    expect(checkGroupCallDraft(valid({ joinUrl: 'meet.siso.test' }))).toMatchObject({ ok: false, errors: { joinUrl: 'Enter the full meeting link, starting with https://.' } });
  });
});

describe('monthly challenge drafts', () => {
  it('runs by UTC calendar month, as the server counts', () => {
    expect(challengeMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(challengeMonth(new Date('2027-01-01T00:30:00+02:00'))).toBe('2026-12');
  });

  it('becomes a challenge body for the given month', () => {
    const checked = checkChallengeDraft({ ...newChallengeDraft(), title: 'December challenge', description: 'Have three answers marked helpful.' }, '2026-12');
    expect(checked).toEqual({
      ok: true,
      value: { title: 'December challenge', body: { month: '2026-12', description: 'Have three answers marked helpful.', metric: 'helpful_answers', target: 3, reward_points: 50 } },
    });
  });

  it('refuses an empty description and a target or reward that is not a positive whole number', () => {
    const checked = checkChallengeDraft({ title: 'x', description: '', metric: 'replies', target: '0', rewardPoints: 'ten' }, '2026-12');
    expect(checked).toEqual({
      ok: false,
      errors: {
        description: 'Say what partners have to do, in a sentence.',
        target: 'Enter the target as a whole number, e.g. 3.',
        rewardPoints: 'Enter the reward as whole points, e.g. 50.',
      },
    });
  });
});
