/**
 * The admin "Deal registrations" tab: every partner's registration requests read from the server,
 * with the conflicts the request check found spelled out (admins may see which partner holds the
 * domain; partners never do), Approve and Reject (a reason is required, the partner sees it), and
 * the protection period an approval grants. The partner's app gets each decision by replication.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { parseProtectionDays } from '../../../../sync/domain/deal-registration';
import { Dialog } from '../../../ui/Dialog';
import { FormAlert, FormField, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, systemTimeZone } from '../../../ui/format';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import { decideRegistration, listRegistrationRequests, readProtectionDays, saveProtectionDays, type AdminRegistrationRow } from './deal-registrations-admin';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const STATUS_LABELS: Record<NonNullable<AdminRegistrationRow['status']>, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  conflict: 'Conflict',
  expired: 'Expired',
};

type StatusFilter = 'open' | 'all';

export function DealRegistrationsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const client = access.client;
  const offline = access.blocked !== null;
  const load = useCallback(async () => {
    const [rows, protectionDays] = await Promise.all([listRegistrationRequests(client), readProtectionDays(client)]);
    return { rows, protectionDays };
  }, [client]);
  const report = useServerReport(offline ? null : load);
  const [filter, setFilter] = useState<StatusFilter>('open');
  const [rejecting, setRejecting] = useState<AdminRegistrationRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const timeZone = systemTimeZone();

  const rows = useMemo(
    () => (report.data?.rows ?? []).filter((row) => filter === 'all' || row.status === 'pending' || row.status === 'conflict'),
    [report.data, filter],
  );

  async function approve(row: AdminRegistrationRow) {
    setBusyId(row.leadId);
    setRowError(null);
    try {
      const saved = await decideRegistration(client, row.leadId, true, null);
      announce(`Approved ${row.partnerName}’s registration for ${row.company}${saved.expiresAt ? `, protected until ${formatDate(saved.expiresAt, timeZone)}` : ''}.`);
      report.reload();
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="admin-registrations-heading">
        <ReportHead headingId="admin-registrations-heading" heading="Registration requests" subject="registration requests" report={report} blocked={access.blocked} />
        <div className="admin-filters">
          <FormField label="Show">
            <select value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
              <option value="open">Waiting for a decision</option>
              <option value="all">All registrations</option>
            </select>
          </FormField>
        </div>
        <FormAlert message={rowError} />
        {report.data ? (
          rows.length === 0 ? (
            <p className="card__text">{filter === 'open' ? 'No registration is waiting for a decision.' : 'No partner has registered a deal yet.'}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table admin-table" aria-labelledby="admin-registrations-heading">
                <thead>
                  <tr>
                    <th scope="col">Partner</th>
                    <th scope="col">Company</th>
                    <th scope="col">Domain</th>
                    <th scope="col">Requested</th>
                    <th scope="col">Status</th>
                    <th scope="col">Conflicts flagged</th>
                    <th scope="col">Decide</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const busy = busyId === row.leadId;
                    const open = row.status === 'pending' || row.status === 'conflict';
                    const what = <span className="visually-hidden"> {row.company} for {row.partnerName}</span>;
                    return (
                      <tr key={row.leadId}>
                        <th scope="row">{row.partnerName}</th>
                        <td>{row.company}</td>
                        <td>{row.domains.length > 0 ? row.domains.join(', ') : '—'}</td>
                        <td>{formatDate(row.requestedAt, timeZone)}</td>
                        <td>
                          {row.status ? STATUS_LABELS[row.status] : 'Not checked yet'}
                          {row.status === 'approved' && row.expiresAt ? <span className="data-table__sub">Until {formatDate(row.expiresAt, timeZone)}</span> : null}
                          {row.status === 'rejected' && row.reason ? <span className="data-table__sub">{row.reason}</span> : null}
                        </td>
                        <td>
                          {row.conflicts.length === 0 ? (
                            'None'
                          ) : (
                            row.conflicts.map((conflict) => (
                              <span key={`${conflict.partnerName}-${conflict.company}-${conflict.domain}`} className="data-table__sub">
                                {conflict.domain}: {conflict.partnerName} ({conflict.company}, {conflict.status === 'approved' ? 'approved' : 'pending'})
                              </span>
                            ))
                          )}
                        </td>
                        <td>
                          {open ? (
                            <div className="admin-actions">
                              <button type="button" className="button button--small button--primary" onClick={() => void approve(row)} disabled={busy || offline} title={access.blocked ?? undefined}>
                                {busy ? 'Approving…' : 'Approve'}
                                {what}
                              </button>
                              <button type="button" className="button button--small" onClick={() => setRejecting(row)} disabled={busy || offline} title={access.blocked ?? undefined}>
                                Reject{what}
                              </button>
                            </div>
                          ) : (
                            <span className="data-table__sub">Decided</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        ) : null}
        {rejecting ? (
          <RejectDialog
            access={access}
            row={rejecting}
            onClose={() => setRejecting(null)}
            onDone={(message) => {
              setRejecting(null);
              announce(message);
              report.reload();
            }}
          />
        ) : null}
      </section>
      {report.data ? <ProtectionPeriodForm access={access} days={report.data.protectionDays} onSaved={(message) => { announce(message); report.reload(); }} /> : null}
    </>
  );
}

function RejectDialog({ access, row, onClose, onDone }: { access: Admin; row: AdminRegistrationRow; onClose(): void; onDone(message: string): void }) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const value = reason.trim();
    if (!value) {
      setFieldError('Give a reason; the partner sees it with the rejected registration.');
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await decideRegistration(access.client, row.leadId, false, value);
      onDone(`Rejected ${row.partnerName}’s registration for ${row.company}.`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Reject registration" onClose={onClose} busy={busy}>
      <p className="card__text">
        {row.company}, registered by {row.partnerName}.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label="Reason" hint="The partner sees this with the rejected registration; it must not name another partner." error={fieldError}>
          <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label="Reject registration" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function ProtectionPeriodForm({ access, days, onSaved }: { access: Admin; days: number; onSaved(message: string): void }) {
  const [input, setInput] = useState(String(days));
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const parsed = parseProtectionDays(input);
    if (!parsed.ok) {
      setFieldError(parsed.message);
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await saveProtectionDays(access.client, parsed.days);
      onSaved(`Approved registrations are now protected for ${parsed.days} days; registrations approved before keep their end date.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="admin-protection-heading">
      <h2 id="admin-protection-heading">Protection period</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label="Protection period (days)" hint="How long an approved registration protects the partner’s commission. Partners are reminded 14 and 3 days before it ends." error={fieldError}>
          <input type="text" inputMode="numeric" value={input} onChange={(event) => setInput(event.target.value)} />
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label="Save protection period" busyLabel="Saving…" busy={busy} blocked={access.blocked} />
      </form>
    </section>
  );
}
