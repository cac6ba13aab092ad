/**
 * The marketing center: SISO's assets by category, each previewed and downloaded through the
 * platform, pinned for offline use, or customised in the proposal wizard. Everything shown comes
 * from the local store, so it works offline; admin changes arrive live through sync.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  downloadFileName,
  groupAssetsByCategory,
  isAssetUnlocked,
  isRecentlyUpdated,
  searchAssets,
  type AssetGroupKey,
  type MarketingAsset,
} from '../../../sync/domain/assets';
import { usePlatform } from '../../platform';
import { PageHeader } from '../../ui/PageHeader';
import { AssetCard } from './AssetCard';
import { AssetDialog } from './AssetDialog';
import { markSeen } from './marketing-prefs';
import { recordAssetUsage } from './marketing-writes';
import { MarketingTabs } from './MarketingTabs';
import { OfflineFilesPanel } from './OfflineFilesPanel';
import { useMarketingData, type MarketingData } from './use-marketing-data';
import './marketing.css';
import { errorMessage } from '../../ui/error-message';

export function MarketingCenterPage() {
  const data = useMarketingData();
  return (
    <>
      <title>Marketing center · SISO Partner Workstation</title>
      <PageHeader title="Marketing center" description="Brochures, templates and brand assets from SISO — kept on this device so they work offline." />
      <MarketingTabs />
      <MarketingBody data={data} />
    </>
  );
}

function MarketingBody({ data }: { data: MarketingData }) {
  const platform = usePlatform();
  const navigate = useNavigate();
  const [category, setCategory] = useState<AssetGroupKey | 'all'>('all');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const groups = useMemo(() => groupAssetsByCategory(data.assets), [data.assets]);
  const visible = useMemo(() => {
    const inCategory = category === 'all' ? data.assets : data.assets.filter((asset) => asset.group === category);
    return searchAssets(inCategory, query);
  }, [data.assets, category, query]);
  const pinnedSet = useMemo(() => new Set(data.prefs.pinned), [data.prefs.pinned]);
  const openAsset = data.assets.find((asset) => asset.id === openId) ?? null;

  if (!data.workspace) return <p className="card card__text">No workspace is open on this device. Open one to use the marketing center.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        The marketing assets could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the marketing assets…</p>;

  const { db, partnerId } = data.workspace;

  async function recordUsage(kind: 'asset_download' | 'asset_customised', asset: MarketingAsset) {
    // Usage figures are partners' use; an admin looking at the files is not part of them.
    if (data.isAdmin) return;
    try {
      await recordAssetUsage(db, partnerId, kind, asset);
    } catch {
      // Usage tracking must never block the partner's work; the download itself already happened.
    }
  }

  async function download(asset: MarketingAsset) {
    if (!asset.file) return;
    setNotice(`Preparing ${asset.title}…`);
    const result = await data.files.open(asset);
    if (!result.ok) {
      setNotice(`${asset.title} was not downloaded. ${result.message}`);
      return;
    }
    try {
      const saved = await platform.saveFile({ suggestedName: downloadFileName(asset), mimeType: asset.file.mimeType, data: result.bytes });
      if (!saved.saved) {
        setNotice(`${asset.title} was not saved.`);
        return;
      }
      setNotice(`Downloaded ${asset.title}${saved.path ? ` to ${saved.path}` : ''}.`);
      await recordUsage('asset_download', asset);
    } catch (error) {
      setNotice(`${asset.title} could not be saved: ${errorMessage(error)}`);
    }
    void data.cache.refresh();
  }

  function openDetails(asset: MarketingAsset) {
    markSeen(data.workspaceKey, asset.id, asset.version);
    setOpenId(asset.id);
  }

  const filterLabel = category === 'all' ? 'All assets' : (groups.find((group) => group.key === category)?.label ?? 'Assets');

  return (
    <div className="marketing">
      <nav className="marketing__categories" aria-label="Asset categories">
        <ul>
          <li>
            <CategoryButton label="All assets" count={data.assets.length} active={category === 'all'} onSelect={() => setCategory('all')} />
          </li>
          {groups.map((group) => (
            <li key={group.key}>
              <CategoryButton label={group.label} count={group.assets.length} active={category === group.key} onSelect={() => setCategory(group.key)} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="marketing__main">
        <div className="marketing__toolbar">
          <label className="marketing__search">
            <span>Search assets</span>
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Title, description or tag" />
          </label>
          {!data.online ? <p className="marketing__offline">You are offline: pinned and previously opened files still open.</p> : null}
        </div>
        {data.problems.length > 0 ? (
          <p className="inline-message" role="alert">
            {data.problems.length === 1 ? 'One asset' : `${data.problems.length} assets`} could not be shown because the catalog entry is invalid (
            {data.problems.map((problem) => problem.title).join(', ')}). SISO has been asked to fix it through the admin area; contact support if it stays.
          </p>
        ) : null}
        <p role="status" className="marketing__notice">
          {notice}
        </p>
        <section aria-labelledby="marketing-grid-heading">
          <h2 id="marketing-grid-heading" className="marketing__grid-heading">
            {filterLabel} <span className="marketing__grid-count">({visible.length})</span>
          </h2>
          {visible.length === 0 ? (
            <p className="card card__text">
              {data.assets.length === 0
                ? 'SISO has not published any marketing assets yet. New ones appear here as soon as they are published.'
                : query
                  ? `No assets match “${query}”${category === 'all' ? '' : ` in ${filterLabel}`}.`
                  : `There are no assets in ${filterLabel} yet.`}
            </p>
          ) : (
            <ul className="marketing__grid">
              {visible.map((asset) => (
                <li key={asset.id}>
                  <AssetCard
                    asset={asset}
                    locked={!isAssetUnlocked(asset, data.tier)}
                    updated={isRecentlyUpdated(asset, { now: data.now, seenVersions: data.prefs.seen })}
                    pinned={pinnedSet.has(asset.id)}
                    usage={data.usage.get(asset.id)}
                    onPreview={() => openDetails(asset)}
                    onDownload={() => void download(asset)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <OfflineFilesPanel
          cache={data.cache}
          pinnedAssets={data.assets.filter((asset) => pinnedSet.has(asset.id))}
          online={data.online}
          onClear={async () => {
            data.clearPins();
            await platform.assetCache.clear();
            await data.cache.refresh();
          }}
        />
      </div>
      {openAsset && isAssetUnlocked(openAsset, data.tier) ? (
        <AssetDialog
          key={`${openAsset.id}:${openAsset.version}:${openAsset.file?.sha256 ?? ''}`}
          asset={openAsset}
          files={data.files}
          pinned={pinnedSet.has(openAsset.id)}
          pinFailure={data.cache.failures.get(openAsset.id) ?? null}
          canCustomize={data.canCustomize(openAsset)}
          online={data.online}
          onTogglePin={() => data.setPinned(openAsset.id, !pinnedSet.has(openAsset.id))}
          onDownload={() => void download(openAsset)}
          onCustomize={() => {
            void recordUsage('asset_customised', openAsset);
            navigate(`/proposals/new?template=${encodeURIComponent(openAsset.customizeTemplate ?? '')}`);
          }}
          onOpened={() => void data.cache.refresh()}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </div>
  );
}

function CategoryButton({ label, count, active, onSelect }: { label: string; count: number; active: boolean; onSelect(): void }) {
  return (
    <button type="button" className="marketing__category" aria-pressed={active} aria-label={`${label}, ${count} ${count === 1 ? 'asset' : 'assets'}`} onClick={onSelect}>
      <span>{label}</span>
      <span className="marketing__category-count">{count}</span>
    </button>
  );
}
