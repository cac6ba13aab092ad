/**
 * Every live read the Clients screens make, through renderer/data: won leads, their commission
 * lines and activities turned into clients (sync/domain/clients.ts), one client's lead and
 * timeline, and what the open workspace supplies (the store, the partner, their profile and zone).
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useDocument, useQuery } from '../../data/use-query';
import { useOpenWorkspace } from '../../session';
import { clientsFrom, type Client } from '../../../sync/domain/clients';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';

export interface ClientsData {
  clients: Client[];
  loading: boolean;
  error: string | null;
}

function firstError(...errors: (Error | null)[]): string | null {
  const error = errors.find((candidate) => candidate !== null);
  return error ? `Your clients could not be read from this device (${error.message}). Restart the app; if it persists, sign out and in again.` : null;
}

/** Every client (won lead) with its projects, commissions and last activity; newest win first. */
export function useClients(): ClientsData {
  const leads = useQuery('leads', { selector: { stage: 'won' } });
  const earnings = useQuery('earnings', { selector: { kind: 'commission' } });
  const ids = useMemo(() => leads.data.map((lead) => lead.id).sort(), [leads.data]);
  const activities = useQuery('activities', { selector: { lead_id: { $in: ids } } });
  const clients = useMemo(() => clientsFrom(leads.data, earnings.data, activities.data), [leads.data, earnings.data, activities.data]);
  return {
    clients,
    loading: leads.loading || earnings.loading || activities.loading,
    error: firstError(leads.error, earnings.error, activities.error),
  };
}

/** One client: its lead as a client, the raw lead (stage, next action) and its timeline, newest first. */
export function useClient(clientId: string) {
  const lead = useDocument('leads', clientId);
  const earnings = useQuery('earnings', { selector: { kind: 'commission', lead_id: clientId } });
  const timeline = useQuery('activities', { selector: { lead_id: clientId }, sort: [{ occurred_at: 'desc' }] });
  const client = useMemo(() => {
    if (!lead.data || lead.data.stage !== 'won') return null;
    return clientsFrom([lead.data], earnings.data, timeline.data)[0] ?? null;
  }, [lead.data, earnings.data, timeline.data]);
  return {
    lead: lead.data,
    client,
    timeline: timeline.data,
    loading: lead.loading || earnings.loading,
    timelineLoading: timeline.loading,
    error: firstError(lead.error, earnings.error, timeline.error),
  };
}

/** The store for writes, the partner id, their profile (name, brand) and their time zone. */
export function useClientWorkspace() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const profiles = useQuery('profiles', { limit: 1 });
  const profile = profiles.data[0] ?? null;
  const timeZone = resolveTimeZone(profile?.timezone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  return { db, partnerId: workspace?.partnerId ?? null, profile, timeZone };
}
