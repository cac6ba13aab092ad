import { useId } from 'react';
import { formatBytes, formatLabel, type AssetUsageCounts, type MarketingAsset } from '../../../sync/domain/assets';
import { tierLabel } from '../../../sync/domain/tiers';
import { TierBadge } from '../tiers';

export interface AssetCardProps {
  asset: MarketingAsset;
  locked: boolean;
  updated: boolean;
  pinned: boolean;
  /** This partner's own downloads and customisations of the asset. */
  usage: AssetUsageCounts | undefined;
  onPreview(): void;
  onDownload(): void;
}

/** One asset in the grid: its picture or format, size, tier and state; locked ones say which tier opens them. */
export function AssetCard({ asset, locked, updated, pinned, usage, onPreview, onDownload }: AssetCardProps) {
  const titleId = useId();
  const format = formatLabel(asset.file?.mimeType);
  return (
    <article className="asset-card" aria-labelledby={titleId} data-locked={locked}>
      <div className="asset-card__thumb" aria-hidden="true">
        {asset.thumbnail ? <img src={asset.thumbnail} alt="" /> : <span className="asset-card__format-icon">{asset.file ? format : '—'}</span>}
      </div>
      <div className="asset-card__body">
        <h3 id={titleId} className="asset-card__title">
          {asset.title}
        </h3>
        {asset.description ? <p className="asset-card__description">{asset.description}</p> : null}
        <p className="asset-card__meta">{asset.file ? `${format} · ${formatBytes(asset.file.size)}` : 'No file attached'}</p>
        <p className="asset-card__badges">
          <TierBadge tier={asset.tierRequired} />
          {updated ? <span className="asset-badge asset-badge--updated">Updated</span> : null}
          {pinned ? <span className="asset-badge">Pinned offline</span> : null}
        </p>
        {usage && (usage.downloads > 0 || usage.customisations > 0) ? (
          <p className="asset-card__usage">{usageSentence(usage)}</p>
        ) : null}
        {locked ? (
          <p className="asset-card__lock">
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M6 10V7a6 6 0 0 1 12 0v3M5 10h14v11H5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            </svg>
            Locked · Unlocks at {tierLabel(asset.tierRequired)}
          </p>
        ) : (
          <div className="button-row asset-card__actions">
            <button type="button" className="button button--small" onClick={onPreview}>
              Preview<span className="visually-hidden"> {asset.title}</span>
            </button>
            {asset.file ? (
              <button type="button" className="button button--small" onClick={onDownload}>
                Download<span className="visually-hidden"> {asset.title}</span>
              </button>
            ) : null}
          </div>
        )}
      </div>
    </article>
  );
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

function usageSentence(usage: AssetUsageCounts): string {
  const parts = [
    usage.downloads > 0 ? `downloaded ${times(usage.downloads)}` : null,
    usage.customisations > 0 ? `customised ${times(usage.customisations)}` : null,
  ].filter((part): part is string => part !== null);
  return `You ${parts.join(' and ')}.`;
}
