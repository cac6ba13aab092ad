/**
 * Whether the open workspace may use the admin area, and whether admin work can be sent now.
 * The role comes from the session's JWT and only decides what is shown; RLS and the storage
 * policies are what actually refuse a non-admin.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { useOpenWorkspace } from '../../../session';
import { useOnlineStatus } from '../../../platform/online-status';
import { usePlatformConfig } from '../../../platform';
import { createAdminWrites, type AdminWrites } from './admin-writes';
import { createAdminReports, type AdminReports } from './use-admin-data';

/** What admin panels send and fetch: the writes and the server reports. */
export type AdminApi = AdminWrites & AdminReports;

export type AdminAccess =
  | { kind: 'none'; reason: string }
  | {
      kind: 'admin';
      api: AdminApi;
      client: SupabaseClient;
      serverUrl: string;
      anonKey: string;
      /** null when admin work can be sent; otherwise why not, as a sentence shown next to submit buttons. */
      blocked: string | null;
    };

const NEVER = () => () => undefined;

export function useAdminAccess(): AdminAccess {
  const workspace = useOpenWorkspace();
  const config = usePlatformConfig();
  const online = useOnlineStatus();
  const sync = workspace?.sync ?? null;
  const sessionStatus = useSyncExternalStore(
    sync ? (onChange) => sync.store.subscribe(onChange) : NEVER,
    () => sync?.store.getState().session.status ?? 'signed-out',
  );
  const client = sync?.client ?? null;
  const api = useMemo<AdminApi | null>(() => (client ? { ...createAdminWrites(client), ...createAdminReports(client) } : null), [client]);

  const target = workspace?.target;
  if (!target || target.kind !== 'account') {
    return { kind: 'none', reason: 'The admin area is only for SISO admins, and this is the demo workspace. Sign in with a SISO admin account to publish assets.' };
  }
  if (target.session.role !== 'admin') {
    return { kind: 'none', reason: `The admin area is only for SISO admins. ${target.session.email} is a partner account; ask SISO if you need admin access.` };
  }
  if (!client || !api) {
    return { kind: 'none', reason: 'The admin area needs this workspace to sync with the server, and sync has not started. Restart the app and try again.' };
  }
  let blocked: string | null = null;
  if (!online) blocked = 'You are offline. Admin changes go straight to the server, so they can only be saved online; your entries stay in the form until you reconnect.';
  else if (sessionStatus === 'expired') blocked = 'Your session has expired. Sign in again (from the sync status in the top bar) to save admin changes; your entries stay in the form.';
  else if (sessionStatus !== 'signed-in') blocked = 'You are signed out. Sign in again to save admin changes.';
  return { kind: 'admin', api, client, serverUrl: target.session.serverUrl, anonKey: config.supabaseAnonKey, blocked };
}
