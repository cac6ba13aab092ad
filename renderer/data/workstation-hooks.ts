/** Typed hooks for the questions screens ask most; each is a useQuery with the right index. */
import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { CatalogKind } from '../../sync/schema/catalog.schema';
import type { LeadDoc, LeadStage } from '../../sync/schema/leads.schema';
import type { PlainDoc } from './collection-queries';
import type { LiveResult } from './live-query';
import { useQuery } from './use-query';

export interface LeadFilter {
  stage?: LeadStage | readonly LeadStage[];
  /** Leads created at or after this ISO timestamp. */
  createdSince?: string;
}

/** Leads, newest first. */
export function useLeads(filter: LeadFilter = {}): LiveResult<PlainDoc<'leads'>[]> {
  const selector: MangoQuery<LeadDoc>['selector'] = {};
  if (typeof filter.stage === 'string') selector.stage = filter.stage;
  else if (filter.stage) selector.stage = { $in: [...filter.stage] };
  if (filter.createdSince) selector.created_at = { $gte: filter.createdSince };
  return useQuery('leads', { selector, sort: [{ created_at: 'desc' }] });
}

export interface NotificationsResult extends LiveResult<PlainDoc<'notifications'>[]> {
  unreadCount: number;
}

/** Notifications, newest first, with the number not yet read. */
export function useNotifications(): NotificationsResult {
  const result = useQuery('notifications', { sort: [{ created_at: 'desc' }] });
  return useMemo(
    () => ({ ...result, unreadCount: result.data.filter((notification) => !notification.read_at).length }),
    [result],
  );
}

/** The signed-in partner's tier, rate and metrics; data is null until the first pull delivers it. */
export function usePartnerStatus(): LiveResult<PlainDoc<'partner_status'> | null> {
  const result = useQuery('partner_status', { limit: 1 });
  return useMemo(() => ({ ...result, data: result.data[0] ?? null }), [result]);
}

/** Catalog rows of one kind in their admin-set order; unpublished rows only when asked (admin screens). */
export function useCatalog(
  kind: CatalogKind,
  options: { includeUnpublished?: boolean } = {},
): LiveResult<PlainDoc<'catalog'>[]> {
  const selector = options.includeUnpublished ? { kind } : { kind, published: true };
  return useQuery('catalog', { selector, sort: [{ sort_order: 'asc' }] });
}
