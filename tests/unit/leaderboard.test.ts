/** The partner's own leaderboard standing from synced board rows and the rank the server sent. */
import { describe, expect, it } from 'vitest';
import { latestLeaderboard, leaderboardStanding } from '../../sync/domain/leaderboard';

const board = (month: string, entries: { rank: number; display_name: string; tier: string; score: number }[]) => ({
  slug: `leaderboard-${month}`,
  body: { month, metric: 'won_deals', entries },
  published: true,
  _deleted: false,
});

const december = board('2026-12', [
  { rank: 1, display_name: 'Marcus Lindqvist', tier: 'elite', score: 5 },
  { rank: 2, display_name: 'Eleni Papadopoulou', tier: 'performer', score: 3 },
  { rank: 2, display_name: 'Zoë O\'Brien', tier: 'starter', score: 3 },
  { rank: 4, display_name: 'Łukasz Żółć', tier: 'active', score: 1 },
]);
const november = board('2026-11', [{ rank: 1, display_name: 'Łukasz Żółć', tier: 'active', score: 2 }]);

describe('leaderboardStanding', () => {
  it('finds the partner on the newest board by the rank the server sent, with the size and deals won', () => {
    const standing = leaderboardStanding({
      optedIn: true,
      metrics: { leaderboard_rank: 4, leaderboard_size: 4, leaderboard_month: '2026-12' },
      rows: [november, december],
    });
    expect(standing).toEqual({ state: 'ranked', month: '2026-12', rank: 4, of: 4, score: 1 });
  });

  it('shares the score between partners tied on a rank', () => {
    const standing = leaderboardStanding({ optedIn: true, metrics: { leaderboard_rank: 2, leaderboard_month: '2026-12' }, rows: [december] });
    expect(standing).toMatchObject({ state: 'ranked', rank: 2, score: 3 });
  });

  it('shows no rank to a partner who opted out, even while an old rank is still on the device', () => {
    expect(leaderboardStanding({ optedIn: false, metrics: { leaderboard_rank: 1, leaderboard_month: '2026-12' }, rows: [december] })).toEqual({ state: 'opted-out' });
    expect(leaderboardStanding({ optedIn: null, metrics: null, rows: [december] })).toEqual({ state: 'no-profile' });
  });

  it('waits rather than guessing when the rank is for another month, missing, or not on the board', () => {
    for (const metrics of [{ leaderboard_rank: 1, leaderboard_month: '2026-11' }, {}, { leaderboard_rank: 9, leaderboard_month: '2026-12' }, null]) {
      expect(leaderboardStanding({ optedIn: true, metrics, rows: [november, december] }).state).toBe('waiting');
    }
    expect(leaderboardStanding({ optedIn: true, metrics: { leaderboard_rank: 1, leaderboard_month: '2026-12' }, rows: [] }).state).toBe('waiting');
  });
});

describe('latestLeaderboard', () => {
  it('skips retired, unpublished and malformed rows', () => {
    const retired = { ...board('2027-01', []), _deleted: true };
    const hidden = { ...board('2027-02', []), published: false };
    const malformed = { slug: 'leaderboard-2027-03', body: { month: '2027-03', entries: [{ rank: 0 }] } };
    expect(latestLeaderboard([november, retired, hidden, malformed, december])?.month).toBe('2026-12');
  });
});
