/** Everything the referral screens read, live from the local store. */
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useLeads } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { useNow } from '../../ui/use-now';
import { systemTimeZone } from '../../ui/format';

export function useReferralData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const links = useQuery('referral_links', { sort: [{ created_at: 'desc' }] });
  const clicks = useQuery('link_clicks', {});
  const leads = useLeads();
  const profiles = useQuery('profiles', { limit: 1 });
  const now = useNow();
  const sources = [links, clicks, leads, profiles];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    links: links.data,
    clicks: clicks.data,
    leads: leads.data,
    timeZone: resolveTimeZone(profiles.data[0]?.timezone, systemTimeZone()),
    now,
  };
}

export type ReferralData = ReturnType<typeof useReferralData>;
