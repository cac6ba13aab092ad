/**
 * What the API access page needs: whether this partner may use it (Elite, signed in, online), the
 * server's address and public key for the examples, and the partner's tokens as the server lists them.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { useOpenWorkspace } from '../../session';
import { useEntitlement } from '../../session/use-entitlement';
import { useOnlineStatus } from '../../platform/online-status';
import { usePlatformConfig } from '../../platform';
import { errorMessage } from '../../ui/error-message';
import { LEAD_FEATURES, leadFeature, type Entitlement } from '../../../sync/domain/entitlements';
import type { ApiTokenSummary } from '../../../sync/domain/api-tokens';
import { listApiTokens } from './api-access-writes';

const NEVER = () => () => undefined;

export interface ApiAccessData {
  entitlement: Entitlement | null;
  client: SupabaseClient | null;
  serverUrl: string | null;
  anonKey: string;
  /** null when token requests can be sent now; otherwise why not, as a sentence. */
  blocked: string | null;
  tokens: ApiTokenSummary[] | null;
  loadError: string | null;
  reload(): void;
}

export function useApiAccessData(): ApiAccessData {
  const workspace = useOpenWorkspace();
  const config = usePlatformConfig();
  const online = useOnlineStatus();
  const entitlement = useEntitlement(leadFeature(LEAD_FEATURES.apiAccess));
  const sync = workspace?.sync ?? null;
  const sessionStatus = useSyncExternalStore(
    sync ? (onChange) => sync.store.subscribe(onChange) : NEVER,
    () => sync?.store.getState().session.status ?? 'signed-out',
  );
  const client = sync?.client ?? null;
  const target = workspace?.target;
  const serverUrl = target?.kind === 'account' ? target.session.serverUrl : null;

  let blocked: string | null = null;
  if (!target || target.kind !== 'account') blocked = 'API tokens belong to a SISO account, and this is the demo workspace. Sign in with your account to manage tokens.';
  else if (!client) blocked = 'Sync has not started for this workspace, so tokens cannot be managed yet. Restart the app and try again.';
  else if (!online) blocked = 'You are offline. API tokens live only on the SISO server, so they can be listed, created and revoked only online.';
  else if (sessionStatus === 'expired') blocked = 'Your session has expired. Sign in again (from the sync status in the top bar) to manage API tokens.';

  const allowed = entitlement?.allowed === true;
  const [tokens, setTokens] = useState<ApiTokenSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const canLoad = allowed && blocked === null && client !== null;

  useEffect(() => {
    if (!canLoad || !client) return;
    let current = true;
    listApiTokens(client).then(
      (rows) => {
        if (!current) return;
        setTokens(rows);
        setLoadError(null);
      },
      (error: unknown) => {
        if (current) setLoadError(errorMessage(error));
      },
    );
    return () => {
      current = false;
    };
  }, [canLoad, client, generation]);

  return { entitlement, client, serverUrl, anonKey: config.supabaseAnonKey, blocked, tokens, loadError, reload };
}
