/**
 * Everything the tier screens read, live from the local store: tier rules, partner status, leads,
 * training progress, earnings and the profile's time zone, with the tier engine's result and the
 * achievements. When sync brings an admin's change to a rule or to partner_status into the local
 * database, the hooks emit and the progress is recomputed — no reload.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads, usePartnerStatus } from '../../data/workstation-hooks';
import { computeAchievements } from '../../../sync/domain/achievements';
import { computeTierProgress, parseTierRules, type TierProgress, type TierRules } from '../../../sync/domain/tiers';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';

const NEWEST_FIRST = { sort: [{ created_at: 'desc' as const }] };

export function useTierData() {
  const database = useDatabase();
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const courseRows = useCatalog('course');
  const leads = useLeads();
  const training = useQuery('training_progress', NEWEST_FIRST);
  const profiles = useQuery('profiles', { limit: 1 });
  const earnings = useQuery('earnings', NEWEST_FIRST);
  const now = useNow();

  const profile = profiles.data[0] ?? null;
  const timeZone = resolveTimeZone(profile?.timezone, systemTimeZone());
  const tierRules: TierRules = useMemo(() => parseTierRules(ruleRows.data), [ruleRows.data]);
  const progress: TierProgress = useMemo(
    () =>
      computeTierProgress({
        rules: tierRules.rules,
        status: status.data,
        leads: leads.data,
        training: training.data,
        now,
        timeZone,
      }),
    [tierRules.rules, status.data, leads.data, training.data, now, timeZone],
  );
  const achievements = useMemo(
    () => computeAchievements({ leads: leads.data, earnings: earnings.data, training: training.data, catalog: courseRows.data, status: status.data, now }),
    [leads.data, earnings.data, training.data, courseRows.data, status.data, now],
  );
  const courseTitles = useMemo(() => new Map(courseRows.data.map((row) => [row.id, row.title])), [courseRows.data]);

  const sources = [status, ruleRows, courseRows, leads, training, profiles, earnings];
  return {
    /** false when no workspace is open on this device. */
    hasWorkspace: database !== null,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    status: status.data,
    profile,
    rules: tierRules.rules,
    ruleProblems: tierRules.problems,
    catalog: courseRows.data,
    leads: leads.data,
    training: training.data,
    earnings: earnings.data,
    courseTitles,
    progress,
    /** Every achievement, earned or not, from the same rows. */
    achievements,
    timeZone,
    now,
  };
}

export type TierData = ReturnType<typeof useTierData>;
