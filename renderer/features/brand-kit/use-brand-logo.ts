/**
 * The partner's logo as screens use it: the cached bytes (for proposals), an object URL (for
 * previews), where it stands with the server, and save/remove. In an account workspace it also
 * runs the logo sync on open, when the network comes back, and when the profile changes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { LOGO_MIME_TYPES } from '../../../sync/domain/brand-kit';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { useOnlineStatus } from '../../platform/online-status';
import { useOpenWorkspace } from '../../session';
import { useDocument } from '../../data/use-query';
import { removeLogo, saveLogoOnDevice } from './brand-kit-writes';
import { syncBrandLogo, type LogoSyncOutcome } from './brand-logo-sync';
import { onCachedLogoChange, readCachedLogo, type CachedLogo } from './logo-cache';
import { errorMessage } from '../../ui/error-message';

export interface LogoForProposal {
  type: 'png' | 'jpeg';
  bytes: Uint8Array;
}

export interface BrandLogo {
  /** True until the cached copy has been read. */
  loading: boolean;
  logo: CachedLogo | null;
  /** Changes whenever the logo does (for preview keys). */
  version: string | null;
  url: string | null;
  /** Where the logo stands, as a sentence for a status region. */
  status: string | null;
  /** A refusal or failure from the server, as a sentence for an alert. */
  problem: string | null;
  /** The cache could not be read or written. */
  storeError: string | null;
  save(logo: { type: 'png' | 'jpeg'; bytes: Uint8Array; width: number; height: number }): Promise<void>;
  remove(): Promise<void>;
}



export function useBrandLogo(): BrandLogo {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const db: WorkstationDatabase | null = workspace?.db ?? null;
  const client: SupabaseClient | null = workspace?.sync?.client ?? null;
  const profile = useDocument('profiles', partnerId);
  const online = useOnlineStatus();

  const [cached, setCached] = useState<{ partnerId: string; logo: CachedLogo | null } | null>(null);
  const [storeError, setStoreError] = useState<string | null>(null);
  const [sync, setSync] = useState<{ key: string; outcome: LogoSyncOutcome } | null>(null);
  // Bumped when the page opens and when the network returns: the moments a refused upload is retried.
  const [retryToken, setRetryToken] = useState(1);
  const retriedFor = useRef(0);

  useEffect(() => {
    if (!partnerId) return undefined;
    let active = true;
    const load = () =>
      readCachedLogo(partnerId).then(
        (logo) => {
          if (active) {
            setCached({ partnerId, logo });
            setStoreError(null);
          }
        },
        (error: unknown) => {
          if (active) {
            setCached({ partnerId, logo: null });
            setStoreError(errorMessage(error));
          }
        },
      );
    void load();
    const stop = onCachedLogoChange(partnerId, () => void load());
    return () => {
      active = false;
      stop();
    };
  }, [partnerId]);

  useEffect(() => {
    const onOnline = () => setRetryToken((token) => token + 1);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  const logo = cached && cached.partnerId === partnerId ? cached.logo : null;
  const loaded = cached !== null && cached.partnerId === partnerId;
  const profileKey = profile.data ? `${profile.data.logo_path ?? ''}|${profile.data.updated_at ?? ''}` : null;
  const logoKey = logo ? `${logo.savedAt}|${logo.uploaded}|${logo.refused ?? ''}|${logo.profileStamp ?? ''}` : 'none';

  const canSync = client !== null && db !== null && partnerId !== null && online && loaded && profileKey !== null;
  const syncKey = canSync ? `${partnerId}|${profileKey}|${logoKey}|${retryToken}` : null;
  useEffect(() => {
    if (!client || !db || !partnerId || !syncKey) return undefined;
    let active = true;
    const retryRefused = retriedFor.current !== retryToken;
    retriedFor.current = retryToken;
    syncBrandLogo({ db, client, partnerId, retryRefused }).then(
      (outcome) => active && setSync({ key: syncKey, outcome }),
      (error: unknown) => active && setSync({ key: syncKey, outcome: { kind: 'failed', message: `Your logo could not be synced (${errorMessage(error)}).` } }),
    );
    return () => {
      active = false;
    };
  }, [client, db, partnerId, syncKey, retryToken]);
  const syncRunning = syncKey !== null && sync?.key !== syncKey;

  const url = useMemo(() => (logo ? URL.createObjectURL(new Blob([logo.bytes.slice()], { type: LOGO_MIME_TYPES[logo.type] })) : null), [logo]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);

  const save = useCallback(
    async (next: { type: 'png' | 'jpeg'; bytes: Uint8Array; width: number; height: number }) => {
      if (!partnerId) throw new Error('No workspace is open.');
      await saveLogoOnDevice(partnerId, next, client !== null);
      setRetryToken((token) => token + 1);
    },
    [partnerId, client],
  );
  const remove = useCallback(async () => {
    if (!partnerId || !db) throw new Error('No workspace is open.');
    await removeLogo(db, partnerId, client, navigator.onLine);
  }, [partnerId, db, client]);

  let status: string | null = null;
  let problem: string | null = null;
  const outcome = sync?.outcome ?? null;
  if (logo) {
    if (!client) status = 'Saved on this device. The demo workspace does not sync, so the logo stays here.';
    else if (logo.uploaded) status = 'Saved on this device and in your account.';
    else if (logo.refused) problem = `${logo.refused} Your logo is kept on this device and used in proposals made here.`;
    else if (!online) status = 'Saved on this device. It will upload to your account when you are back online.';
    else if (syncRunning) status = 'Saved on this device; uploading to your account…';
    else if (outcome?.kind === 'failed') problem = outcome.message;
    else status = 'Saved on this device; it will upload to your account shortly.';
  } else if (profile.data?.logo_path && client) {
    if (!online) status = 'Your logo is in your account but not on this device yet; it will download when you are back online.';
    else if (syncRunning) status = 'Downloading your logo to this device…';
    else if (outcome?.kind === 'failed') problem = outcome.message;
  }

  return {
    loading: !loaded,
    logo,
    version: logo ? logo.savedAt : null,
    url,
    status,
    problem,
    storeError,
    save,
    remove,
  };
}
