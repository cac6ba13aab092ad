import { describe, expect, it } from 'vitest';
import { computeAchievements, type AchievementsInput } from '../../sync/domain/achievements';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function input(overrides: Partial<AchievementsInput> = {}): AchievementsInput {
  return { leads: [], earnings: [], training: [], catalog: [], status: null, now: NOW, ...overrides };
}

describe('computeAchievements', () => {
  it('earns nothing with no data, and shows progress towards the lead milestone', () => {
    const list = computeAchievements(input());
    expect(list.filter((item) => item.earned)).toEqual([]);
    expect(list.find((item) => item.id === 'ten-leads')?.progress).toEqual({ current: 0, target: 10 });
  });

  it('dates each milestone from the data it is based on', () => {
    const leads = Array.from({ length: 11 }, (_, index) => ({
      created_at: ago(50 - index),
      stage: index === 3 ? 'won' : 'new',
      stage_changed_at: index === 3 ? ago(20) : null,
    }));
    const earnings = [
      { kind: 'commission', status: 'pending', created_at: ago(5) },
      { kind: 'payout', status: 'paid', created_at: ago(4), paid_at: ago(4) },
      { kind: 'commission', status: 'paid', created_at: ago(15), paid_at: ago(10) },
    ];
    const list = computeAchievements(input({ leads, earnings }));
    const byId = Object.fromEntries(list.map((item) => [item.id, item]));
    expect(byId['first-lead']?.earnedAt).toBe(ago(50));
    expect(byId['ten-leads']?.earnedAt).toBe(ago(41));
    expect(byId['first-won-deal']?.earnedAt).toBe(ago(20));
    expect(byId['first-commission-paid']?.earnedAt).toBe(ago(10));
  });

  it('completes a course only when every module of its catalog body is done', () => {
    const catalog = [
      { id: 'c1', kind: 'course', title: 'Sales Fundamentals', published: true, body: { summary: 's', duration_minutes: 20, modules: [{ title: 'a', duration_minutes: 10 }, { title: 'b', duration_minutes: 10 }] } },
      { id: 'c2', kind: 'course', title: 'Broken', published: true, body: { modules: 'nope' } },
    ];
    const partly = computeAchievements(input({ catalog, training: [{ course_id: 'c1', module_index: 0, completed_at: ago(3) }] }));
    expect(partly.find((item) => item.id === 'course-completed:c1')).toMatchObject({ earned: false, progress: { current: 1, target: 2 } });
    const done = computeAchievements(
      input({
        catalog,
        training: [
          { course_id: 'c1', module_index: 0, completed_at: ago(3) },
          { course_id: 'c1', module_index: 1, completed_at: ago(1) },
          { course_id: 'c2', module_index: 0, completed_at: ago(1) },
        ],
      }),
    );
    expect(done.find((item) => item.id === 'course-completed:c1')).toMatchObject({ earned: true, earnedAt: ago(1) });
    expect(done.some((item) => item.id === 'course-completed:c2')).toBe(false);
  });

  it('completes a course whose modules were reordered between completions', () => {
    const catalog = [
      { id: 'c1', kind: 'course', title: 'Sales Fundamentals', published: true, body: { summary: 's', duration_minutes: 20, modules: [{ title: 'a', duration_minutes: 10 }, { title: 'b', duration_minutes: 10 }] } },
    ];
    // Module A was done at place 0; after a swap, B was done at place 0 too.
    const training = [
      { course_id: 'c1', module_id: 'A', module_index: 0, completed_at: ago(3) },
      { course_id: 'c1', module_id: 'B', module_index: 0, completed_at: ago(1) },
    ];
    expect(computeAchievements(input({ catalog, training })).find((item) => item.id === 'course-completed:c1')).toMatchObject({
      earned: true,
      progress: { current: 2, target: 2 },
    });
  });

  it('awards each tier reached after the starting one', () => {
    const status = {
      history: [
        { tier: 'starter' as const, from: ago(200), to: ago(100) },
        { tier: 'active' as const, from: ago(100), to: null },
      ],
    };
    const tiers = computeAchievements(input({ status })).filter((item) => item.id.startsWith('tier-reached'));
    expect(tiers).toEqual([expect.objectContaining({ id: 'tier-reached:active', earnedAt: ago(100) })]);
  });
});
