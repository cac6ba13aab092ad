/**
 * Every live read the leads screens make, through renderer/data: the leads, one lead, its
 * timeline and referral link, and what the open workspace supplies (the store for writes, the
 * partner, their default currency and time zone).
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useDocument, useQuery } from '../../data/use-query';
import { useLeads } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import { DEFAULT_CURRENCY } from '../../../sync/domain/leads';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { proposalHistories } from '../../../sync/domain/proposals/version';
import type { ActivityDoc } from '../../../sync/schema/activities.schema';

export { useLeads };

export function useLead(leadId: string) {
  return useDocument('leads', leadId);
}

/** The lead's activities, newest first. */
export function useLeadTimeline(leadId: string) {
  return useQuery('activities', { selector: { lead_id: leadId }, sort: [{ occurred_at: 'desc' }] });
}

export interface ProposalViewDay {
  key: string;
  /** YYYY-MM-DD, as the server counts views. */
  day: string;
  clicks: number;
}

/** Per day, how often the client opened the tracked links of this lead's proposals (from link_clicks). */
export function useLeadProposalViews(activities: readonly ActivityDoc[]): ProposalViewDay[] {
  const linkIds = useMemo(() => {
    const ids = new Set<string>();
    for (const history of proposalHistories(activities)) for (const version of history.versions) if (version.linkId) ids.add(version.linkId);
    return [...ids].sort();
  }, [activities]);
  const clicks = useQuery('link_clicks', { selector: { referral_link_id: { $in: linkIds } } });
  return useMemo(() => {
    const days = new Map<string, number>();
    for (const row of clicks.data) if (linkIds.includes(row.referral_link_id) && row.clicks > 0) days.set(row.day, (days.get(row.day) ?? 0) + row.clicks);
    return [...days].map(([day, count]) => ({ key: `proposal-views-${day}`, day, clicks: count }));
  }, [clicks.data, linkIds]);
}

export function useReferralLink(linkId: string) {
  return useDocument('referral_links', linkId);
}

/** What the leads screens need from the open workspace: the store, the partner id, a default currency. */
export function useLeadWorkspace() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const profiles = useQuery('profiles', { limit: 1 });
  const currency = profiles.data[0]?.currency ?? DEFAULT_CURRENCY;
  return { db, partnerId: workspace?.partnerId ?? null, defaultCurrency: currency };
}

/** The partner's time zone from their profile, else this device's. */
export function usePartnerTimeZone(): string {
  const profiles = useQuery('profiles', { limit: 1 });
  return resolveTimeZone(profiles.data[0]?.timezone, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
