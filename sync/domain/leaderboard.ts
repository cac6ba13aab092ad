/**
 * The partner's own standing on the monthly leaderboard, from the synced 'leaderboard' catalog
 * rows and the rank the server writes into the partner's own partner_status.metrics
 * (`leaderboard_rank`, `leaderboard_month`): the board's entries carry no partner ids, so the
 * rank says which entry is the partner's. Ties share a rank, and therefore a score.
 */
import { leaderboardBodySchema, type LeaderboardBody } from '../schema/analytics-bodies';

export interface LeaderboardRowInput {
  readonly slug: string;
  readonly body: unknown;
  readonly published?: boolean;
  readonly _deleted?: boolean;
}

export type LeaderboardStanding =
  | { state: 'no-profile' }
  | { state: 'opted-out' }
  /** Opted in, but no board that includes the partner has reached this device yet. */
  | { state: 'waiting'; message: string }
  | { state: 'ranked'; month: string; rank: number; of: number; score: number };

export interface LeaderboardStandingInput {
  /** profiles.leaderboard_opt_in, or null when the profile has not synced. */
  optedIn: boolean | null;
  /** partner_status.metrics, or null when partner_status has not synced. */
  metrics: Readonly<Record<string, unknown>> | null;
  rows: readonly LeaderboardRowInput[];
}

export const LEADERBOARD_WAITING_MESSAGE =
  'SISO has not sent a leaderboard rank to this device; it appears after SISO publishes the board and the app syncs.';

/** The newest published board that parses, or null. */
export function latestLeaderboard(rows: readonly LeaderboardRowInput[]): LeaderboardBody | null {
  let latest: LeaderboardBody | null = null;
  for (const row of rows) {
    if (row._deleted || row.published === false || !row.slug.startsWith('leaderboard-')) continue;
    const parsed = leaderboardBodySchema.safeParse(row.body);
    if (parsed.success && (!latest || parsed.data.month > latest.month)) latest = parsed.data;
  }
  return latest;
}

export function leaderboardStanding(input: LeaderboardStandingInput): LeaderboardStanding {
  if (input.optedIn === null) return { state: 'no-profile' };
  if (!input.optedIn) return { state: 'opted-out' };
  const board = latestLeaderboard(input.rows);
  const rank = input.metrics?.leaderboard_rank;
  const month = input.metrics?.leaderboard_month;
  if (!board || typeof rank !== 'number' || !Number.isInteger(rank) || month !== board.month) {
    return { state: 'waiting', message: LEADERBOARD_WAITING_MESSAGE };
  }
  const entry = board.entries.find((candidate) => candidate.rank === rank);
  if (!entry) return { state: 'waiting', message: LEADERBOARD_WAITING_MESSAGE };
  return { state: 'ranked', month: board.month, rank, of: board.entries.length, score: entry.score };
}
