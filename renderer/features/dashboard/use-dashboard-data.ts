/**
 * What the dashboard reads, live from the local store: the tier data (earnings, leads, status,
 * rules, achievements), the dashboard figures computed from it and the partner's leaderboard standing.
 */
import { useMemo } from 'react';
import { computeDashboardStats } from '../../../sync/domain/dashboard-stats';
import { useLeaderboardStanding } from '../../data/leaderboard-standing';
import { useTierData } from '../tiers';

export function useDashboardData() {
  const data = useTierData();
  const stats = useMemo(
    () =>
      computeDashboardStats({
        earnings: data.earnings,
        leads: data.leads,
        profile: data.profile,
        metrics: data.status?.metrics ?? null,
        now: data.now,
        timeZone: data.timeZone,
      }),
    [data.earnings, data.leads, data.profile, data.status, data.now, data.timeZone],
  );
  const leaderboard = useLeaderboardStanding(data.profile, data.status?.metrics);
  return { data, stats, achievements: data.achievements, leaderboard };
}
