/**
 * Everything the Commission center reads, live from the local store: commission lines (pull-only),
 * payouts, the profile's masked payment details, partner status and tier rules, open leads for the
 * projection, published promotions, the leaderboard standing and the goal kept on this device. Works offline.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { createLiveQueryStore } from '../../data/live-query';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads, usePartnerStatus } from '../../data/workstation-hooks';
import { useLeaderboardStanding } from '../../data/leaderboard-standing';
import { useOpenWorkspace } from '../../session';
import { useNow } from '../../ui/use-now';
import { computeBalances, payoutScheduleFor, readMaskedPayoutMethod, readMaskedTaxDetails } from '../../../sync/domain/payouts';
import { compareMonths, toCommissionLineRows } from '../../../sync/domain/commission-lines';
import { nextTierRate, projectPipeline, type EarningsGoal } from '../../../sync/domain/commission-projection';
import { parseTierRules } from '../../../sync/domain/tiers';
import { promotionBodySchema, type PromotionBody } from '../../../sync/schema/catalog-bodies';
import { observeEarningsGoals } from './commission-writes';

const NEWEST_FIRST = { sort: [{ created_at: 'desc' as const }] };
const NO_GOALS: EarningsGoal[] = [];

export interface Promotion extends PromotionBody {
  id: string;
  title: string;
  tierRequired: string | null;
}

export function useCommissionsData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const earnings = useQuery('earnings', NEWEST_FIRST);
  const payouts = useQuery('payouts', NEWEST_FIRST);
  const profiles = useQuery('profiles', { limit: 1 });
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const promotionRows = useCatalog('promotion');
  const leads = useLeads();
  const now = useNow();

  const goalStore = useMemo(() => createLiveQueryStore(db && partnerId ? observeEarningsGoals(db, partnerId) : null, NO_GOALS), [db, partnerId]);
  const goals = useSyncExternalStore(goalStore.subscribe, goalStore.getSnapshot).data;

  const profile = profiles.data[0] ?? null;
  const companies = useMemo(() => new Map(leads.data.map((lead) => [lead.id, lead.company])), [leads.data]);
  const rows = useMemo(() => toCommissionLineRows(earnings.data, companies), [earnings.data, companies]);
  const balances = useMemo(() => computeBalances(earnings.data, payouts.data), [earnings.data, payouts.data]);
  const month = now.toISOString().slice(0, 7);
  const months = useMemo(() => compareMonths(rows, month), [rows, month]);
  const rules = useMemo(() => parseTierRules(ruleRows.data).rules, [ruleRows.data]);
  const tier = status.data?.tier ?? null;
  const rate = status.data?.commission_rate ?? null;
  const homeCurrency = profile?.currency ?? 'GBP';
  const projection = useMemo(
    () => (rate === null ? null : projectPipeline(leads.data, rate, nextTierRate(rules, tier), homeCurrency)),
    [leads.data, rate, rules, tier, homeCurrency],
  );
  const schedule = tier ? payoutScheduleFor(tier, rules) : null;
  const promotions = useMemo<Promotion[]>(
    () =>
      promotionRows.data.flatMap((row) => {
        const body = promotionBodySchema.safeParse(row.body);
        if (!body.success || Date.parse(body.data.ends_at) < now.getTime()) return [];
        return [{ ...body.data, id: row.id, title: row.title, tierRequired: row.tier_required ?? null }];
      }),
    [promotionRows.data, now],
  );
  const payoutMethod = readMaskedPayoutMethod(profile?.payout_details);
  const taxDetails = readMaskedTaxDetails(profile?.tax_details);
  const leaderboard = useLeaderboardStanding(profile, status.data?.metrics);

  const sources = [earnings, payouts, profiles, status, ruleRows, leads];
  return {
    db,
    partnerId,
    /** The signed-in client for the payment RPCs; null for the demo workspace or before sync starts. */
    client: workspace?.sync?.client ?? null,
    isDemo: workspace?.target.kind === 'demo',
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    earnings: earnings.data,
    payouts: payouts.data,
    leads: leads.data,
    rows,
    balances,
    months,
    month,
    profile,
    homeCurrency,
    tier,
    rate,
    rules,
    projection,
    schedule,
    promotions,
    goals,
    payoutMethod,
    taxDetails,
    leaderboard,
    now,
  };
}

export type CommissionsData = ReturnType<typeof useCommissionsData>;
