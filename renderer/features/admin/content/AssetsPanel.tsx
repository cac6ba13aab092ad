/**
 * Marketing assets as admins see them (drafts included, with versions), read live from the local
 * store; publish, unpublish, update and retire. Retiring sets `_deleted`, so every partner's app
 * drops the asset and its cached file; the stored file is kept (refused to partners by the storage
 * policy) so a mistaken retirement can be undone under Retired assets.
 */
import { useState } from 'react';
import { fileTypeLabel, formatFileSize } from '../../../../sync/domain/admin/asset-files';
import { assetBodySchema } from '../../../../sync/schema/catalog-bodies';
import { Dialog } from '../../../ui/Dialog';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { AssetForm } from './AssetForm';
import { TIER_LABELS, categoryLabel } from '../shared/labels';
import { RetiredAssets } from './RetiredAssets';
import type { AdminAccess } from '../shared/use-admin-access';
import { errorMessage } from '../../../ui/error-message';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;
type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

export function AssetsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const assets = useCatalog('asset', { includeUnpublished: true });
  const templates = useCatalog('template', { includeUnpublished: true });
  const [editing, setEditing] = useState<Editing>(null);
  const [retiring, setRetiring] = useState<PlainDoc<'catalog'> | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [retiredCount, setRetiredCount] = useState(0);

  const editingRow = editing?.kind === 'edit' ? (assets.data.find((row) => row.id === editing.id) ?? null) : null;

  async function togglePublished(row: PlainDoc<'catalog'>) {
    setBusyId(row.id);
    setRowError(null);
    try {
      const saved = await access.api.updateEntry(row.id, { published: !row.published }, `${row.published ? 'unpublish' : 'publish'} “${row.title}”`);
      announce(saved.published ? `Published “${saved.title}”. Partners’ apps show it now.` : `Unpublished “${saved.title}”. Partners no longer see it.`);
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  async function retire(row: PlainDoc<'catalog'>) {
    setBusyId(row.id);
    setRowError(null);
    try {
      await access.api.updateEntry(row.id, { _deleted: true }, `retire “${row.title}”`);
      setRetiring(null);
      setRetiredCount((count) => count + 1);
      announce(`Retired “${row.title}”. It is removed from partners’ apps and their cached copies.`);
    } catch (error) {
      setRowError(errorMessage(error));
      setRetiring(null);
    } finally {
      setBusyId(null);
    }
  }

  if (assets.error) {
    return (
      <p className="card card__text" role="alert">
        The assets could not be read from this device ({assets.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }

  return (
    <div className="admin-stack">
      {editing?.kind === 'edit' && !editingRow && !assets.loading ? (
        <div className="card" role="alert">
          <p className="card__text">This asset was retired or removed while it was open here, so it can no longer be updated. Publish it again as a new asset if it is still needed.</p>
          <button type="button" className="button" onClick={() => setEditing(null)}>
            Close
          </button>
        </div>
      ) : editing ? (
        <AssetForm
          key={editing.kind === 'edit' ? editing.id : 'new'}
          access={access}
          existing={editingRow}
          templates={templates.data}
          onDone={(message) => {
            setEditing(null);
            announce(message);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })}>
            New asset
          </button>
        </div>
      )}
      <div role="alert" className="form__alert">
        {rowError ? <p className="inline-message">{rowError}</p> : null}
      </div>
      <section className="card" aria-labelledby="admin-assets-heading">
        <h2 id="admin-assets-heading">Assets</h2>
        {assets.loading ? (
          <p className="card__text">Loading assets…</p>
        ) : assets.data.length === 0 ? (
          <p className="card__text">No assets yet. Publish the first one with “New asset”.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table">
              <caption className="visually-hidden">Marketing assets, drafts included, with their tier, version and status</caption>
              <thead>
                <tr>
                  <th scope="col">Asset</th>
                  <th scope="col">Category</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Status</th>
                  <th scope="col">File</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {assets.data.map((row) => {
                  const body = assetBodySchema.safeParse(row.body);
                  const thumbnail = body.success ? body.data.thumbnail : null;
                  const busy = busyId === row.id;
                  return (
                    <tr key={row.id}>
                      <th scope="row" className="admin-table__asset">
                        <span className="admin-asset">
                          {thumbnail ? <img src={thumbnail} alt="" className="admin-thumb" /> : <span className="admin-thumb admin-thumb--empty" aria-hidden="true" />}
                          <span>
                            {row.title}
                            <span className="data-table__sub">{body.success ? body.data.description : ''}</span>
                          </span>
                        </span>
                      </th>
                      <td>{categoryLabel(row.category)}</td>
                      <td>{TIER_LABELS[row.tier_required]}</td>
                      <td>
                        <span className="admin-status" data-published={row.published}>
                          {row.published ? 'Published' : 'Draft'}
                        </span>
                        <span className="data-table__sub">Version {row.version}</span>
                      </td>
                      <td>
                        {row.file_path ? (
                          <>
                            {fileTypeLabel(row.mime_type)}
                            <span className="data-table__sub">{row.file_size ? formatFileSize(row.file_size) : ''}</span>
                          </>
                        ) : (
                          'No file'
                        )}
                      </td>
                      <td>
                        <div className="admin-actions">
                          <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'edit', id: row.id })} disabled={busy}>
                            Edit<span className="visually-hidden"> {row.title}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => void togglePublished(row)}
                            disabled={busy || access.blocked !== null}
                            title={access.blocked ?? undefined}
                          >
                            {row.published ? 'Unpublish' : 'Publish'}
                            <span className="visually-hidden"> {row.title}</span>
                          </button>
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => setRetiring(row)}
                            disabled={busy || access.blocked !== null}
                            title={access.blocked ?? undefined}
                          >
                            Retire<span className="visually-hidden"> {row.title}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {access.blocked ? <p className="inline-message submit-row__blocked">{access.blocked}</p> : null}
      </section>
      <RetiredAssets access={access} announce={announce} changed={retiredCount} />
      {retiring ? (
        <Dialog title={`Retire “${retiring.title}”?`} onClose={() => setRetiring(null)} busy={busyId === retiring.id}>
          <p className="card__text">
            Partners’ apps remove it and its downloaded copy as soon as they sync, and its file can no longer be downloaded. It stays under Retired assets, where it can be restored.
          </p>
          <div className="button-row dialog__actions">
            <button type="button" className="button button--danger" onClick={() => void retire(retiring)} disabled={busyId === retiring.id}>
              {busyId === retiring.id ? 'Retiring…' : 'Retire asset'}
            </button>
            <button type="button" className="button" onClick={() => setRetiring(null)} disabled={busyId === retiring.id}>
              Keep it
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
