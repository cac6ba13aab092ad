/**
 * Retired assets, read from the server (the local store drops tombstones), with Restore: the row
 * comes back to every partner's app on their next sync, and its stored file was never deleted.
 */
import { useCallback, useEffect, useState } from 'react';
import { ReportHead } from '../shared/ReportHead';
import { TIER_LABELS } from '../shared/labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/FormField';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

export function RetiredAssets({ access, announce, changed }: { access: Admin; announce(message: string): void; changed: number }) {
  const api = access.api;
  const load = useCallback(async () => (await api.listAllAssets()).filter((row) => row._deleted), [api]);
  const report = useServerReport(access.blocked !== null ? null : load);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { reload } = report;

  // An asset retired above shows up here without a manual refresh.
  useEffect(() => {
    if (changed > 0) reload();
  }, [changed, reload]);

  async function restore(id: string, title: string) {
    setBusyId(id);
    setFailure(null);
    try {
      await api.updateEntry(id, { _deleted: false }, `restore “${title}”`);
      announce(`Restored “${title}”. Partners’ apps show it again after their next sync.`);
      reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  const rows = report.data ?? [];
  return (
    <section className="card" aria-labelledby="admin-retired-heading">
      <ReportHead headingId="admin-retired-heading" heading="Retired assets" subject="retired assets" report={report} blocked={access.blocked} />
      <FormAlert message={failure} />
      {report.data && rows.length === 0 ? <p className="card__text">No retired assets.</p> : null}
      {rows.length > 0 ? (
        <ul className="admin-retired" aria-label="Retired assets">
          {rows.map((row) => (
            <li key={row.id} className="admin-retired__item">
              <span>
                {row.title} <span className="data-table__sub">{TIER_LABELS[row.tier_required]}</span>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => void restore(row.id, row.title)}
                disabled={busyId === row.id || access.blocked !== null}
              >
                {busyId === row.id ? 'Restoring…' : 'Restore'}
                <span className="visually-hidden"> {row.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
