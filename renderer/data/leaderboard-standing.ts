/** The signed-in partner's leaderboard standing, live from the synced leaderboard rows. */
import { useMemo } from 'react';
import { leaderboardStanding, type LeaderboardStanding } from '../../sync/domain/leaderboard';
import { useCatalog } from './workstation-hooks';

/** `profile` and `metrics` are what the calling screen already reads (null until they sync). */
export function useLeaderboardStanding(
  profile: { readonly leaderboard_opt_in: boolean } | null,
  metrics: Readonly<Record<string, unknown>> | null | undefined,
): LeaderboardStanding {
  const rows = useCatalog('leaderboard');
  return useMemo(
    () => leaderboardStanding({ optedIn: profile ? profile.leaderboard_opt_in : null, metrics: metrics ?? null, rows: rows.data }),
    [profile, metrics, rows.data],
  );
}
