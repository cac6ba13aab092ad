/** Everything the referral screens read, live from the local store. */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads, usePartnerStatus } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { parseTierRules } from '../../../sync/domain/tiers';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { useNow } from '../../ui/use-now';

function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function useReferralData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const links = useQuery('referral_links', { sort: [{ created_at: 'desc' }] });
  const clicks = useQuery('link_clicks', {});
  const leads = useLeads();
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const profiles = useQuery('profiles', { limit: 1 });
  const now = useNow();
  const rules = useMemo(() => parseTierRules(ruleRows.data).rules, [ruleRows.data]);
  const sources = [links, clicks, leads, status, ruleRows, profiles];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    links: links.data,
    clicks: clicks.data,
    leads: leads.data,
    tier: status.data?.tier ?? null,
    rules,
    timeZone: resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone()),
    now,
  };
}

export type ReferralData = ReturnType<typeof useReferralData>;
