/** How much this device keeps for offline use, which assets are pinned, and a way to clear it all. */
import { useId, useState } from 'react';
import { formatBytes, type MarketingAsset } from '../../../sync/domain/assets';
import type { OfflineCache } from './use-marketing-data';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/error-message';
import { FormAlert } from '../../ui/FormField';

export interface OfflineFilesPanelProps {
  cache: OfflineCache;
  pinnedAssets: readonly MarketingAsset[];
  online: boolean;
  onClear(): Promise<void>;
}

export function OfflineFilesPanel({ cache, pinnedAssets, online, onClear }: OfflineFilesPanelProps) {
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const { totals } = cache;
  const cachedIds = new Set(cache.entries.map((entry) => entry.assetId));

  return (
    <section className="card offline-files" aria-labelledby={headingId}>
      <h2 id={headingId}>Offline files</h2>
      <p className="card__text">
        {totals.files === 0
          ? 'No files are kept on this device yet.'
          : `${totals.files} ${totals.files === 1 ? 'file' : 'files'} (${formatBytes(totals.bytes)}) kept on this device.`}
      </p>
      {pinnedAssets.length > 0 ? (
        <ul className="offline-files__list" aria-label="Pinned for offline">
          {pinnedAssets.map((asset) => (
            <li key={asset.id}>
              <span className="offline-files__name">{asset.title}</span>{' '}
              <span className="offline-files__state">
                {cache.fetching.has(asset.id)
                  ? 'Downloading…'
                  : cachedIds.has(asset.id)
                    ? 'Ready offline'
                    : cache.failures.get(asset.id) ?? (online ? 'Waiting to download' : 'Downloads when you are back online')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card__text offline-files__hint">Pin an asset from its preview to keep it available offline.</p>
      )}
      <FormAlert message={cache.error} />
      <button type="button" className="button button--small" onClick={() => setConfirming(true)} disabled={totals.files === 0 && pinnedAssets.length === 0}>
        Clear offline files
      </button>
      <p role="status" className="offline-files__status">
        {status}
      </p>
      {confirming ? (
        <ConfirmClearDialog
          files={totals.files}
          bytes={totals.bytes}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await onClear();
              setStatus('Offline files cleared. Pinned assets were unpinned.');
            } catch (error) {
              setStatus(`The offline files could not be cleared: ${errorMessage(error)}`);
            }
            setConfirming(false);
          }}
        />
      ) : null}
    </section>
  );
}

function ConfirmClearDialog({ files, bytes, onCancel, onConfirm }: { files: number; bytes: number; onCancel(): void; onConfirm(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Clear offline files?" onClose={onCancel} busy={busy}>
      <p className="card__text">
        This removes {files} {files === 1 ? 'file' : 'files'} ({formatBytes(bytes)}) from this device and unpins every asset. You can open and
        pin them again while online.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm();
          }}
        >
          Clear files
        </button>
      </div>
    </Dialog>
  );
}
