/**
 * What the proposal screens read, live from the local store: the catalog's templates, the
 * proposals' histories (versions and signatures), their leads and the views of their tracked links.
 */
import { useMemo } from 'react';
import { templatesFromCatalog, type CatalogTemplates } from '../../../sync/domain/proposals/catalog-templates';
import { proposalHistories, type ProposalHistory } from '../../../sync/domain/proposals/version';
import type { LeadDoc } from '../../../sync/schema/leads.schema';
import type { LinkClickDoc } from '../../../sync/schema/link-clicks.schema';
import { useQuery } from '../../data/use-query';
import { useCatalog, useLeads } from '../../data/workstation-hooks';

export interface ProposalTemplates extends CatalogTemplates {
  loading: boolean;
  error: Error | null;
  /** Catalog titles by template id (slug), for proposals saved with a template since withdrawn. */
  titles: ReadonlyMap<string, string>;
}

/** The proposal templates in the local catalog (kind `template`), parsed; unusable rows listed with the reason. */
export function useProposalTemplates(): ProposalTemplates {
  const rows = useCatalog('template');
  return useMemo(() => {
    const parsed = templatesFromCatalog(rows.data);
    const titles = new Map<string, string>(rows.data.map((row) => [row.slug, row.title]));
    for (const template of parsed.templates) titles.set(template.id, template.name);
    return { ...parsed, titles, loading: rows.loading, error: rows.error };
  }, [rows]);
}

export interface LinkViews {
  total: number;
  /** The last day (YYYY-MM-DD) with a view, or null. */
  lastDay: string | null;
  /** Days with views, oldest first. */
  days: { day: string; clicks: number }[];
}

/** Views per referral link id, summed from its daily link_clicks rows (days without clicks left out). */
export function viewsByLink(rows: readonly Pick<LinkClickDoc, 'referral_link_id' | 'day' | 'clicks'>[], linkIds: ReadonlySet<string>): Map<string, LinkViews> {
  const views = new Map<string, LinkViews>();
  for (const row of rows) {
    if (!linkIds.has(row.referral_link_id) || row.clicks <= 0) continue;
    let entry = views.get(row.referral_link_id);
    if (!entry) views.set(row.referral_link_id, (entry = { total: 0, lastDay: null, days: [] }));
    entry.total += row.clicks;
    entry.days.push({ day: row.day, clicks: row.clicks });
    if (entry.lastDay === null || row.day > entry.lastDay) entry.lastDay = row.day;
  }
  for (const entry of views.values()) entry.days.sort((a, b) => a.day.localeCompare(b.day));
  return views;
}

export interface ProposalHistories {
  histories: ProposalHistory[];
  loading: boolean;
  error: Error | null;
  leads: ReadonlyMap<string, LeadDoc>;
  /** Link id → the views of that proposal link. */
  views: ReadonlyMap<string, LinkViews>;
}

/** Every proposal's history (newest activity first), with its lead and the views of its tracked link. */
export function useProposalHistories(): ProposalHistories {
  const activities = useQuery('activities', { selector: { kind: { $in: ['proposal_created', 'proposal_signed'] } }, sort: [{ occurred_at: 'desc' }] });
  const clicks = useQuery('link_clicks', {});
  const leadRows = useLeads();
  const histories = useMemo(() => proposalHistories(activities.data), [activities.data]);
  const leads = useMemo(() => new Map(leadRows.data.map((lead) => [lead.id, lead])), [leadRows.data]);
  const views = useMemo(() => {
    const linkIds = new Set(histories.flatMap((history) => history.versions.flatMap((version) => (version.linkId ? [version.linkId] : []))));
    return viewsByLink(clicks.data, linkIds);
  }, [histories, clicks.data]);
  return {
    histories,
    loading: activities.loading || leadRows.loading || clicks.loading,
    error: activities.error ?? leadRows.error ?? clicks.error,
    leads,
    views,
  };
}
