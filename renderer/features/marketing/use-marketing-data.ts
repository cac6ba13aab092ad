/** Everything the marketing center reads, live from the local store, plus this device's offline files. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  cacheTotals,
  countAssetUsage,
  isAssetUnlocked,
  parseAssets,
  planCacheMaintenance,
  type CacheEntry,
  type MarketingAsset,
} from '../../../sync/domain/assets';
import { brandGuidelineBodySchema, type BrandGuidelineBody } from '../../../sync/schema/catalog-bodies';
import type { Tier } from '../../../sync/schema/fields';
import { useOnlineStatus } from '../../platform/online-status';
import { usePlatform, type AssetFileCache } from '../../platform';
import { useOpenWorkspace } from '../../session';
import { useQuery } from '../../data/use-query';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { useNow } from '../../ui/use-now';
import { createAssetFiles, type AssetFiles, type FileSource } from '../../platform/verified-files';
import { demoFileUrl } from './demo-files';
import { setPinned, updateMarketingPrefs, useMarketingPrefs } from './marketing-prefs';
import { useIsAdminSession } from '../../session';
import { errorMessage } from '../../ui/error-message';

export function useMarketingData() {
  const workspace = useOpenWorkspace();
  const platform = usePlatform();
  const online = useOnlineStatus();
  const now = useNow();
  const assetRows = useCatalog('asset');
  const templateRows = useCatalog('template');
  const status = usePartnerStatus();
  const usageRows = useQuery('activities', { selector: { kind: { $in: ['asset_download', 'asset_customised'] } } });
  const usage = useMemo(() => countAssetUsage(usageRows.data), [usageRows.data]);
  const parsed = useMemo(() => parseAssets(assetRows.data), [assetRows.data]);
  // An admin may open every file (storage policy) and is not a partner: nothing is locked for them.
  const isAdmin = useIsAdminSession();
  const tier: Tier | null = isAdmin ? 'elite' : (status.data?.tier ?? null);
  const workspaceKey = workspace ? (workspace.target.kind === 'demo' ? 'demo' : workspace.partnerId) : 'none';
  const prefs = useMarketingPrefs(workspaceKey);
  const isDemo = workspace?.target.kind === 'demo';
  const client = workspace?.sync?.client ?? null;

  const source = useMemo<FileSource | null>(() => {
    if (isDemo) return { kind: 'bundle', urlFor: demoFileUrl };
    return client ? { kind: 'storage', client } : null;
  }, [isDemo, client]);
  const files = useMemo<AssetFiles>(
    () => createAssetFiles({ cache: platform.assetCache, source, isOnline: () => navigator.onLine }),
    [platform, source],
  );

  /** Template slugs in the catalog and the tier each needs, so "Customize" is offered only where the template is open too. */
  const templateTiers = useMemo(() => new Map(templateRows.data.map((row) => [row.slug, row.tier_required] as const)), [templateRows.data]);

  const cache = useOfflineCache({
    files,
    assets: parsed.assets,
    tier,
    pinned: prefs.pinned,
    online,
    ready: !assetRows.loading && (isAdmin || (!status.loading && status.data !== null)),
    store: platform.assetCache,
  });

  const sources = [assetRows, templateRows, status];
  return {
    workspace,
    workspaceKey,
    isDemo,
    online,
    now,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    assets: parsed.assets,
    usage,
    problems: parsed.problems,
    tier,
    isAdmin,
    prefs,
    files,
    cache,
    canCustomize(asset: MarketingAsset): boolean {
      if (!asset.customizeTemplate || !isAssetUnlocked(asset, tier)) return false;
      const templateTier = templateTiers.get(asset.customizeTemplate);
      return templateTier === undefined || isAssetUnlocked({ tierRequired: templateTier }, tier);
    },
    setPinned: (assetId: string, pinned: boolean) => setPinned(workspaceKey, assetId, pinned),
    clearPins: () => updateMarketingPrefs(workspaceKey, (current) => ({ ...current, pinned: [] })),
  };
}

export type MarketingData = ReturnType<typeof useMarketingData>;

interface OfflineCacheInput {
  files: AssetFiles;
  assets: readonly MarketingAsset[];
  tier: Tier | null;
  pinned: readonly string[];
  online: boolean;
  /** False until the catalog and the partner's tier are read: nothing is removed on a half-loaded view. */
  ready: boolean;
  store: AssetFileCache;
}

export interface OfflineCache {
  entries: CacheEntry[];
  totals: ReturnType<typeof cacheTotals>;
  /** Pinned assets being fetched right now. */
  fetching: ReadonlySet<string>;
  /** Per asset, why pinning could not fetch it. */
  failures: ReadonlyMap<string, string>;
  error: string | null;
  refresh(): Promise<void>;
}

/**
 * Keeps the cache in step with the catalog: copies of retired, replaced or no-longer-unlocked
 * files are removed, and pinned files are fetched (when online) so they open offline.
 */
function useOfflineCache({ files, assets, tier, pinned, online, ready, store }: OfflineCacheInput): OfflineCache {
  const [entries, setEntries] = useState<CacheEntry[]>([]);
  const [fetching, setFetching] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setEntries(await store.list());
      setError(null);
    } catch (cause) {
      setError(`The files kept on this device could not be listed (${errorMessage(cause)}).`);
    }
  }, [store]);

  useEffect(() => {
    if (!ready) {
      store.list().then(setEntries, () => undefined);
      return;
    }
    const current = ++run.current;
    const pinnedSet = new Set(pinned);
    void (async () => {
      try {
        const listed = await store.list();
        const plan = planCacheMaintenance(listed, assets, pinnedSet, (asset) => isAssetUnlocked(asset, tier));
        for (const entry of plan.remove) await store.delete(entry.assetId);
        const toFetch = online ? assets.filter((asset) => plan.fetch.includes(asset.id)) : [];
        if (toFetch.length > 0) setFetching(new Set(toFetch.map((asset) => asset.id)));
        const failed = new Map<string, string>();
        for (const asset of toFetch) {
          const result = await files.open(asset);
          if (!result.ok) failed.set(asset.id, result.message);
        }
        if (current !== run.current) return;
        setFetching(new Set());
        setFailures(failed);
        setEntries(await store.list());
        setError(null);
      } catch (cause) {
        if (current !== run.current) return;
        setFetching(new Set());
        setError(`The files kept on this device could not be updated (${errorMessage(cause)}).`);
      }
    })();
  }, [ready, assets, tier, pinned, online, files, store]);

  const totals = useMemo(() => cacheTotals(entries, new Set(pinned)), [entries, pinned]);
  return { entries, totals, fetching, failures, error, refresh };
}

export function parseBrandGuideline(body: unknown): { ok: true; value: BrandGuidelineBody } | { ok: false; message: string } {
  const parsed = brandGuidelineBodySchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(' ') };
}
