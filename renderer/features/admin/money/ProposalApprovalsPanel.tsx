/**
 * The admin "Discount approvals" tab: proposal versions whose discount is over the partner's tier
 * limit, read from the server, with Approve and Decline (a note is required, the partner sees it).
 * The partner's app gets each decision by replication and a notification.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { FormAlert, FormField, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, formatMoney, systemTimeZone } from '../../../ui/format';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import { decideDiscount, listDiscountApprovals, type DiscountApprovalRow, type DiscountDecisionStatus } from './proposal-approvals-admin';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const STATUS_LABELS: Record<DiscountDecisionStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  declined: 'Declined',
};

type StatusFilter = 'pending' | 'decided';

function percent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

function describe(row: DiscountApprovalRow): string {
  return `${row.leadCompany}${row.version ? ` v${row.version}` : ''} for ${row.partnerName}`;
}

export function ProposalApprovalsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const client = access.client;
  const offline = access.blocked !== null;
  const load = useCallback(() => listDiscountApprovals(client), [client]);
  const report = useServerReport(offline ? null : load);
  const [filter, setFilter] = useState<StatusFilter>('pending');
  const [declining, setDeclining] = useState<DiscountApprovalRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const timeZone = systemTimeZone();

  const rows = useMemo(
    () => (report.data ?? []).filter((row) => (filter === 'pending' ? row.status === 'pending' : row.status !== 'pending')),
    [report.data, filter],
  );

  async function approve(row: DiscountApprovalRow) {
    setBusyId(row.activityId);
    setRowError(null);
    try {
      await decideDiscount(client, row.activityId, true, null);
      announce(`Approved the ${percent(row.discountPercent)} discount on ${describe(row)}.`);
      report.reload();
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card" aria-labelledby="admin-discounts-heading">
      <ReportHead headingId="admin-discounts-heading" heading="Discount approvals" subject="discount approvals" report={report} blocked={access.blocked} />
      <p className="card__text">A proposal version with a discount over the partner’s tier limit cannot be signed until SISO approves it. An approval also covers later versions of that proposal up to the same discount.</p>
      <div className="admin-filters">
        <FormField label="Show">
          <select value={filter} onChange={(event) => setFilter(event.target.value as StatusFilter)}>
            <option value="pending">Waiting for a decision</option>
            <option value="decided">Decided</option>
          </select>
        </FormField>
      </div>
      <FormAlert message={rowError} />
      {report.data ? (
        rows.length === 0 ? (
          <p className="card__text">{filter === 'pending' ? 'No discount is waiting for a decision.' : 'No discount has been decided yet.'}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table" aria-labelledby="admin-discounts-heading">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Version</th>
                  <th scope="col">Discount</th>
                  <th scope="col">Total</th>
                  <th scope="col">Requested</th>
                  <th scope="col">Status</th>
                  <th scope="col">Decide</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const busy = busyId === row.activityId;
                  const what = <span className="visually-hidden"> {describe(row)}</span>;
                  return (
                    <tr key={row.activityId}>
                      <th scope="row">{row.partnerName}</th>
                      <td>{row.leadCompany}</td>
                      <td>{row.version ? `v${row.version}` : '—'}</td>
                      <td>
                        {percent(row.discountPercent)}
                        <span className="data-table__sub">
                          Limit {percent(row.tierLimit)}
                          {row.tier ? ` (${row.tier.charAt(0).toUpperCase()}${row.tier.slice(1)})` : ''}
                        </span>
                      </td>
                      <td>{row.total ? formatMoney(row.total.amount, row.total.currency) : '—'}</td>
                      <td>{formatDate(row.requestedAt, timeZone)}</td>
                      <td>
                        {STATUS_LABELS[row.status]}
                        {row.status !== 'pending' && row.decidedAt ? <span className="data-table__sub">{formatDate(row.decidedAt, timeZone)}</span> : null}
                        {row.decisionNote ? <span className="data-table__sub">{row.decisionNote}</span> : null}
                      </td>
                      <td>
                        {row.status === 'pending' ? (
                          <div className="admin-actions">
                            <button type="button" className="button button--small button--primary" onClick={() => void approve(row)} disabled={busy || offline} title={access.blocked ?? undefined}>
                              {busy ? 'Approving…' : 'Approve'}
                              {what}
                            </button>
                            <button type="button" className="button button--small" onClick={() => setDeclining(row)} disabled={busy || offline} title={access.blocked ?? undefined}>
                              Decline{what}
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
      {declining ? (
        <DeclineDialog
          access={access}
          row={declining}
          onClose={() => setDeclining(null)}
          onDone={(message) => {
            setDeclining(null);
            announce(message);
            report.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function DeclineDialog({ access, row, onClose, onDone }: { access: Admin; row: DiscountApprovalRow; onClose(): void; onDone(message: string): void }) {
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const value = note.trim();
    if (!value) {
      setFieldError('Give a reason; the partner sees it with the declined discount.');
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await decideDiscount(access.client, row.activityId, false, value);
      onDone(`Declined the ${percent(row.discountPercent)} discount on ${describe(row)}.`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Decline discount" onClose={onClose} busy={busy}>
      <p className="card__text">
        {percent(row.discountPercent)} on {describe(row)}; their tier allows {percent(row.tierLimit)}.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label="Reason" hint="The partner sees this with the declined discount." error={fieldError}>
          <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label="Decline discount" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
