/**
 * An asset's detail: what it is, the file itself (verified against the catalog before it is
 * shown), and what can be done with it — download, pin for offline use, customise.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { formatBytes, formatLabel, previewKind, type MarketingAsset } from '../../../sync/domain/assets';
import { TierBadge } from '../tiers';
import type { AssetFiles, OpenFileResult } from '../../platform/verified-files';
import { FilePreview } from './FilePreview';
import { Dialog } from '../../ui/Dialog';

export interface AssetDialogProps {
  asset: MarketingAsset;
  files: AssetFiles;
  pinned: boolean;
  /** Why pinning could not fetch the file, if it failed. */
  pinFailure: string | null;
  canCustomize: boolean;
  online: boolean;
  onTogglePin(): void;
  onDownload(): void;
  onCustomize(): void;
  /** After the file was opened: e.g. to refresh the cache totals. */
  onOpened(result: OpenFileResult): void;
  onClose(): void;
}

interface OpenedFile {
  attempt: number;
  result: OpenFileResult;
  /** A blob URL for images, PDFs and video; revoked when replaced or closed. */
  url: string | null;
}

export function AssetDialog({ asset, files, pinned, pinFailure, canCustomize, online, onTogglePin, onDownload, onCustomize, onOpened, onClose }: AssetDialogProps) {
  const [attempt, setAttempt] = useState(0);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const reportOpened = useEffectEvent((result: OpenFileResult) => onOpened(result));
  const mimeType = asset.file?.mimeType ?? 'application/octet-stream';

  useEffect(() => {
    let cancelled = false;
    void files.open(asset).then((result) => {
      if (cancelled) return;
      const kind = previewKind(mimeType);
      const needsUrl = result.ok && (kind === 'image' || kind === 'pdf' || kind === 'video');
      const url = needsUrl ? URL.createObjectURL(new Blob([result.bytes], { type: mimeType })) : null;
      setOpened({ attempt, result, url });
      reportOpened(result);
    });
    return () => {
      cancelled = true;
    };
  }, [files, asset, attempt, mimeType]);

  useEffect(() => {
    const url = opened?.url;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [opened]);

  const loading = !opened || opened.attempt !== attempt;
  const result = loading ? null : opened.result;
  const format = formatLabel(asset.file?.mimeType);

  return (
    <Dialog
      title={asset.title}
      onClose={onClose}
      className="asset-dialog"
      headerAction={
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      }
    >
      {asset.description ? <p className="card__text">{asset.description}</p> : null}
      <dl className="asset-dialog__facts">
        <div>
          <dt>Format</dt>
          <dd>{asset.file ? format : 'No file'}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{formatBytes(asset.file?.size)}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>
            <TierBadge tier={asset.tierRequired} />
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>
            {asset.version}, updated {new Date(asset.updatedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}
          </dd>
        </div>
      </dl>
      <section className="asset-preview" aria-label="File preview" aria-busy={loading}>
        {loading ? <p className="asset-preview__none">Opening the file…</p> : null}
        {result?.ok ? <FilePreview title={asset.title} mimeType={mimeType} bytes={result.bytes} url={opened?.url ?? null} /> : null}
        {result && !result.ok ? (
          <div className="inline-message" role="alert">
            <p>{result.message}</p>
            {online ? (
              <button type="button" className="button button--small" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
      <p role="status" className="asset-dialog__status">
        {result?.ok && result.repaired ? 'The copy on this device was damaged, so a fresh copy was fetched and checked.' : null}
        {result?.ok && !result.repaired ? (result.from === 'cache' ? 'Opened the verified copy kept on this device.' : 'Downloaded and verified against the catalog checksum.') : null}
      </p>
      <div className="button-row asset-dialog__actions">
        {asset.file ? (
          <button type="button" className="button button--primary" onClick={onDownload}>
            Download
          </button>
        ) : null}
        {asset.file?.sha256 ? (
          <button type="button" className="button" aria-pressed={pinned} onClick={onTogglePin}>
            Pin for offline
          </button>
        ) : null}
        {canCustomize ? (
          <button type="button" className="button" onClick={onCustomize}>
            Customize
          </button>
        ) : null}
      </div>
      {pinned ? (
        <p className="asset-dialog__pin-note">
          {pinFailure ? `Pinned, but not on this device yet: ${pinFailure}` : 'Pinned: this file is kept on this device and opens offline.'}
        </p>
      ) : null}
    </Dialog>
  );
}
