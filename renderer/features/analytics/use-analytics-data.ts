/**
 * Everything the Analytics page reads, live from the local store (works offline): leads, commission
 * lines, link clicks, referral links, stage changes, partner status, tier rules, training progress
 * and the published program aggregates — and the figures computed from them by one memoising
 * analytics engine, so a synced change re-indexes only the collection it touched.
 */
import { useMemo, useState } from 'react';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads, usePartnerStatus } from '../../data/workstation-hooks';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';
import { createAnalyticsEngine, latestAggregate, type PeriodSelection, type ProgramAggregate } from '../../../sync/domain/analytics';
import { computeTierProgress, parseTierRules } from '../../../sync/domain/tiers';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { programAggregateBodySchema } from '../../../sync/schema/analytics-bodies';

const STAGE_CHANGES = { selector: { kind: 'stage_change' as const } };

export function useAnalyticsData(period: PeriodSelection) {
  const leads = useLeads();
  const earnings = useQuery('earnings', {});
  const clicks = useQuery('link_clicks', {});
  const links = useQuery('referral_links', {});
  const activities = useQuery('activities', STAGE_CHANGES);
  const training = useQuery('training_progress', {});
  const profiles = useQuery('profiles', { limit: 1 });
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const aggregateRows = useCatalog('program_aggregate');
  const now = useNow();
  const [engine] = useState(createAnalyticsEngine);

  const timeZone = resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone());
  const commissionRate = status.data?.commission_rate ?? null;
  const result = useMemo(
    () =>
      engine.compute({
        leads: leads.data,
        earnings: earnings.data,
        clicks: clicks.data,
        links: links.data,
        activities: activities.data,
        period,
        now,
        timeZone,
        commissionRate,
      }),
    [engine, leads.data, earnings.data, clicks.data, links.data, activities.data, period, now, timeZone, commissionRate],
  );

  const rules = useMemo(() => parseTierRules(ruleRows.data).rules, [ruleRows.data]);
  const tierProgress = useMemo(
    () => computeTierProgress({ rules, status: status.data, leads: leads.data, training: training.data, now, timeZone }),
    [rules, status.data, leads.data, training.data, now, timeZone],
  );
  const tier = status.data?.tier ?? null;
  const aggregate = useMemo(() => {
    const parsed: ProgramAggregate[] = aggregateRows.data.flatMap((row) => {
      const body = programAggregateBodySchema.safeParse(row.body);
      return body.success ? [body.data] : [];
    });
    return latestAggregate(parsed, tier);
  }, [aggregateRows.data, tier]);

  const sources = [leads, earnings, clicks, links, activities, training, profiles, status, ruleRows, aggregateRows];
  return {
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    result,
    tierProgress,
    aggregate,
    tier,
    timeZone,
    now,
  };
}

export type AnalyticsData = ReturnType<typeof useAnalyticsData>;
