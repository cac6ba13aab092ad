/**
 * Withdrawal requests from every partner, read from the server: an admin approves, rejects (with a
 * reason the partner sees) or marks paid (with the transfer reference) through
 * admin_set_payout_status; the partner's open Commission center gets the change by replication.
 * "Create scheduled payouts" runs admin_create_scheduled_payouts for partners paid automatically.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { describePayoutMethod, readMaskedPayoutMethod } from '../../../../sync/domain/payouts';
import { PAYOUT_STATUSES, type PayoutDoc, type PayoutStatus } from '../../../../sync/schema/payouts.schema';
import { Dialog } from '../../../ui/Dialog';
import { FormField, SubmitRow, FormAlert } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, formatMoney, plural, systemTimeZone } from '../../../ui/format';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  paid: 'Paid',
  rejected: 'Rejected',
};

const METHOD_LABELS: Record<PayoutDoc['method'], string> = { bank: 'Bank account', paypal: 'PayPal' };

type Asking = { payout: PayoutDoc; partner: string; kind: 'rejected' | 'paid' } | null;

export function PayoutsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const api = access.api;
  const offline = access.blocked !== null;
  const load = useCallback(async () => {
    const [payouts, partners] = await Promise.all([api.listPayouts(), api.listPartners()]);
    return { ...payouts, names: new Map(partners.map((partner) => [partner.partnerId, partner.displayName])) };
  }, [api]);
  const report = useServerReport(offline ? null : load);
  const [statusFilter, setStatusFilter] = useState<PayoutStatus | ''>('');
  const [asking, setAsking] = useState<Asking>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const timeZone = systemTimeZone();

  const rows = useMemo(() => (report.data?.payouts ?? []).filter((payout) => statusFilter === '' || payout.status === statusFilter), [report.data, statusFilter]);

  function nameOf(partnerId: string): string {
    return report.data?.names.get(partnerId) ?? `Partner ${partnerId.slice(0, 8)}`;
  }

  function methodOf(payout: PayoutDoc): string {
    const masked = readMaskedPayoutMethod(report.data?.payoutDetails.get(payout.partner_id));
    // The request names the method it is paid into; the masked details are the partner's current ones of that kind.
    return masked && masked.kind === payout.method ? describePayoutMethod(masked) : `${METHOD_LABELS[payout.method]} (no details on file)`;
  }

  function settled(message: string) {
    setAsking(null);
    announce(message);
    report.reload();
  }

  async function approve(payout: PayoutDoc) {
    setBusyId(payout.id);
    setRowError(null);
    try {
      const saved = await api.setPayoutStatus({ payoutId: payout.id, status: 'approved' });
      settled(`Approved ${formatMoney(saved.amount, saved.currency)} for ${nameOf(saved.partner_id)}.`);
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  async function createScheduled() {
    setScheduling(true);
    setRowError(null);
    try {
      const created = await api.createScheduledPayouts();
      announce(
        created === 0
          ? 'No scheduled payouts were due: no partner paid automatically has reached the minimum since their last payout.'
          : `Created ${plural(created, 'scheduled payout')} for partners paid automatically; they are listed as Requested.`,
      );
      report.reload();
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setScheduling(false);
    }
  }

  return (
    <section className="card" aria-labelledby="admin-payouts-heading">
      <ReportHead headingId="admin-payouts-heading" heading="Payout requests" subject="payout requests" report={report} blocked={access.blocked} />
      <div className="admin-filters">
        <FormField label="Status">
          <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value as PayoutStatus | '')}>
            <option value="">All statuses</option>
            {PAYOUT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {PAYOUT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </FormField>
        <button type="button" className="button" onClick={() => void createScheduled()} disabled={scheduling || offline} title={access.blocked ?? undefined}>
          {scheduling ? 'Creating scheduled payouts…' : 'Create scheduled payouts'}
        </button>
      </div>
      <FormAlert message={rowError} />
      {report.data ? (
        rows.length === 0 ? (
          <p className="card__text">No withdrawal requests match this filter.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table" aria-labelledby="admin-payouts-heading">
              <thead>
                <tr>
                  <th scope="col">Partner</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col">Paid into</th>
                  <th scope="col">Requested</th>
                  <th scope="col">Status</th>
                  <th scope="col">Decide</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((payout) => {
                  const name = nameOf(payout.partner_id);
                  const amount = formatMoney(payout.amount, payout.currency);
                  const busy = busyId === payout.id;
                  const disabled = busy || offline;
                  const what = (
                    <span className="visually-hidden">
                      {' '}
                      {amount} for {name}
                    </span>
                  );
                  return (
                    <tr key={payout.id}>
                      <th scope="row">{name}</th>
                      <td className="numeric">{amount}</td>
                      <td>{methodOf(payout)}</td>
                      <td>{formatDate(payout.created_at, timeZone)}</td>
                      <td>
                        {PAYOUT_STATUS_LABELS[payout.status]}
                        {payout.status === 'rejected' && payout.reason ? <span className="data-table__sub">{payout.reason}</span> : null}
                        {payout.status === 'paid' && payout.reference ? <span className="data-table__sub">Reference {payout.reference}</span> : null}
                      </td>
                      <td>
                        {payout.status === 'requested' || payout.status === 'approved' ? (
                          <div className="admin-actions">
                            {payout.status === 'requested' ? (
                              <button type="button" className="button button--small button--primary" onClick={() => void approve(payout)} disabled={disabled} title={access.blocked ?? undefined}>
                                {busy ? 'Approving…' : 'Approve'}
                                {what}
                              </button>
                            ) : (
                              <button type="button" className="button button--small button--primary" onClick={() => setAsking({ payout, partner: name, kind: 'paid' })} disabled={disabled} title={access.blocked ?? undefined}>
                                Mark paid{what}
                              </button>
                            )}
                            <button type="button" className="button button--small" onClick={() => setAsking({ payout, partner: name, kind: 'rejected' })} disabled={disabled} title={access.blocked ?? undefined}>
                              Reject{what}
                            </button>
                          </div>
                        ) : (
                          <span className="data-table__sub">Settled</span>
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
      {asking ? <DecisionDialog access={access} asking={asking} onClose={() => setAsking(null)} onDone={settled} /> : null}
    </section>
  );
}

/** Reject asks for a reason, Mark paid for the transfer reference; both are required by the server too. */
function DecisionDialog({ access, asking, onClose, onDone }: { access: Admin; asking: NonNullable<Asking>; onClose(): void; onDone(message: string): void }) {
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { payout, partner, kind } = asking;
  const amount = formatMoney(payout.amount, payout.currency);
  const rejecting = kind === 'rejected';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const value = text.trim();
    if (!value) {
      setFieldError(rejecting ? 'Give a reason; the partner sees it with the rejected request.' : 'Enter the bank or PayPal transfer reference.');
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      const saved = await access.api.setPayoutStatus(rejecting ? { payoutId: payout.id, status: 'rejected', reason: value } : { payoutId: payout.id, status: 'paid', reference: value });
      onDone(rejecting ? `Rejected ${amount} for ${partner}.` : `Marked ${formatMoney(saved.amount, saved.currency)} for ${partner} paid (reference ${saved.reference ?? value}).`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={rejecting ? 'Reject withdrawal' : 'Mark withdrawal paid'} onClose={onClose} busy={busy}>
      <p className="card__text">
        {amount} for {partner}, requested {formatDate(payout.created_at, systemTimeZone())}.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField
          label={rejecting ? 'Reason' : 'Transfer reference'}
          hint={rejecting ? 'The partner sees this with the rejected request.' : 'As it appears on the bank or PayPal transfer.'}
          error={fieldError}
        >
          {rejecting ? <textarea rows={3} value={text} onChange={(event) => setText(event.target.value)} /> : <input type="text" value={text} onChange={(event) => setText(event.target.value)} />}
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label={rejecting ? 'Reject withdrawal' : 'Mark paid'} busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
