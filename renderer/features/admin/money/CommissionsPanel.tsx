/**
 * Every partner's commission lines, read from the server, filtered by partner and status; an admin
 * adjusts a line (admin_adjust_commission) or records a new one (admin_record_commission), always
 * with a reason the partner sees in the line's history.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { COMMISSION_TYPE_LABELS } from '../../../../sync/domain/commissions';
import { COMMISSION_TYPES, EARNING_STATUSES, type CommissionType, type EarningDoc, type EarningStatus } from '../../../../sync/schema/earnings.schema';
import { Dialog } from '../../../ui/Dialog';
import { FormField, SubmitRow, FormAlert } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, formatMoney, systemTimeZone } from '../../../ui/format';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport, type PartnerListRow } from '../shared/use-admin-data';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const EARNING_STATUS_LABELS: Record<EarningStatus, string> = {
  pending: 'Pending',
  processing: 'Processing',
  approved: 'Approved',
  paid: 'Paid',
  reversed: 'Reversed',
};

/** Statuses an admin may set by adjusting; a line becomes paid only through a paid payout. */
const ADJUSTABLE_STATUSES = ['pending', 'processing', 'approved', 'reversed'] as const satisfies readonly EarningStatus[];

const ALL = '';

function partnerName(partners: ReadonlyMap<string, PartnerListRow>, partnerId: string): string {
  return partners.get(partnerId)?.displayName ?? `Partner ${partnerId.slice(0, 8)}`;
}

/** A typed amount ("1,250.50", "-40") as a number rounded to cents, or null. */
function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function CommissionsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const api = access.api;
  const offline = access.blocked !== null;
  const load = useCallback(async () => {
    const [lines, partners] = await Promise.all([api.listCommissionLines(), api.listPartners()]);
    return { lines, partners };
  }, [api]);
  const report = useServerReport(offline ? null : load);
  const [partnerFilter, setPartnerFilter] = useState(ALL);
  const [statusFilter, setStatusFilter] = useState(ALL);
  const [adjusting, setAdjusting] = useState<EarningDoc | null>(null);
  const [recording, setRecording] = useState(false);
  const timeZone = systemTimeZone();

  const partners = useMemo(() => new Map((report.data?.partners ?? []).map((partner) => [partner.partnerId, partner])), [report.data]);
  const lines = useMemo(
    () =>
      (report.data?.lines ?? []).filter(
        (line) => (partnerFilter === ALL || line.partner_id === partnerFilter) && (statusFilter === ALL || line.status === statusFilter),
      ),
    [report.data, partnerFilter, statusFilter],
  );

  function done(message: string) {
    setAdjusting(null);
    setRecording(false);
    announce(message);
    report.reload();
  }

  return (
    <section className="card" aria-labelledby="admin-commissions-heading">
      <ReportHead headingId="admin-commissions-heading" heading="Commission lines" subject="commissions" report={report} blocked={access.blocked} />
      <div className="admin-filters">
        <FormField label="Partner">
          <select value={partnerFilter} onChange={(event) => setPartnerFilter(event.target.value)}>
            <option value={ALL}>All partners</option>
            {[...partners.values()].map((partner) => (
              <option key={partner.partnerId} value={partner.partnerId}>
                {partner.displayName}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Status">
          <select value={statusFilter} onChange={(event) => setStatusFilter(event.target.value)}>
            <option value={ALL}>All statuses</option>
            {EARNING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {EARNING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </FormField>
        <button type="button" className="button" onClick={() => setRecording(true)} disabled={!report.data}>
          Record commission
        </button>
      </div>
      {report.data ? (
        lines.length === 0 ? (
          <p className="card__text">No commission lines match these filters.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table">
              <caption className="visually-hidden">Commission lines across partners</caption>
              <thead>
                <tr>
                  <th scope="col">Deal</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Type</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const name = partnerName(partners, line.partner_id);
                  const deal = line.deal_name ?? 'Commission';
                  return (
                    <tr key={line.id}>
                      <th scope="row">
                        {deal}
                        {line.reason ? <span className="data-table__sub">{line.reason}</span> : null}
                      </th>
                      <td>{name}</td>
                      <td>{line.commission_type ? COMMISSION_TYPE_LABELS[line.commission_type] : '—'}</td>
                      <td className="numeric">{formatMoney(line.amount, line.currency)}</td>
                      <td>{EARNING_STATUS_LABELS[line.status]}</td>
                      <td>{formatDate(line.created_at, timeZone)}</td>
                      <td>
                        {line.status === 'paid' ? (
                          <span className="data-table__sub">Paid out; record a bonus or clawback to correct it</span>
                        ) : (
                          <button type="button" className="button button--small" onClick={() => setAdjusting(line)}>
                            Adjust<span className="visually-hidden"> {deal} for {name}</span>
                          </button>
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
      {adjusting ? (
        <AdjustDialog
          access={access}
          line={adjusting}
          partner={partnerName(partners, adjusting.partner_id)}
          onClose={() => setAdjusting(null)}
          onDone={done}
        />
      ) : null}
      {recording && report.data ? (
        <RecordDialog access={access} partners={report.data.partners} initialPartner={partnerFilter} onClose={() => setRecording(false)} onDone={done} />
      ) : null}
    </section>
  );
}

function AdjustDialog({ access, line, partner, onClose, onDone }: { access: Admin; line: EarningDoc; partner: string; onClose(): void; onDone(message: string): void }) {
  const [amount, setAmount] = useState(line.amount.toFixed(2));
  const [status, setStatus] = useState<EarningStatus>(line.status);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const newAmount = parseAmount(amount);
    const found: typeof errors = {};
    if (newAmount === null) found.amount = 'Enter the amount as a number with at most two decimals, e.g. 120.50.';
    else if (line.commission_type === 'clawback' && newAmount > 0) found.amount = 'A clawback takes money back, so its amount must be zero or negative.';
    if (!reason.trim()) found.reason = 'Give a reason; the partner sees it in the commission’s history.';
    if (newAmount !== null && newAmount === line.amount && status === line.status) found.form = 'Change the amount or the status, or cancel.';
    setErrors(found);
    if (Object.keys(found).length > 0 || newAmount === null) return;
    setBusy(true);
    try {
      const saved = await access.api.adjustCommission({ earningId: line.id, reason: reason.trim(), newAmount, newStatus: status });
      onDone(`Adjusted “${saved.deal_name ?? 'Commission'}” for ${partner}: ${formatMoney(saved.amount, saved.currency)}, ${EARNING_STATUS_LABELS[saved.status].toLowerCase()}.`);
    } catch (error) {
      setErrors({ form: errorMessage(error) });
      setBusy(false);
    }
  }

  return (
    <Dialog title="Adjust commission" onClose={onClose} busy={busy}>
      <p className="card__text">
        {line.deal_name ?? 'Commission'} for {partner}: {formatMoney(line.amount, line.currency)}, {EARNING_STATUS_LABELS[line.status].toLowerCase()}.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label={`New amount (${line.currency})`} error={errors.amount}>
          <input type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </FormField>
        <FormField label="New status">
          <select value={status} onChange={(event) => setStatus(event.target.value as EarningStatus)}>
            {[...new Set<EarningStatus>([line.status, ...ADJUSTABLE_STATUSES])].map((value) => (
              <option key={value} value={value}>
                {EARNING_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Reason" hint="Kept in the line’s history; the partner sees it." error={errors.reason}>
          <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
        <FormAlert message={errors.form} />
        <SubmitRow label="Save adjustment" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function RecordDialog({
  access,
  partners,
  initialPartner,
  onClose,
  onDone,
}: {
  access: Admin;
  partners: readonly PartnerListRow[];
  initialPartner: string;
  onClose(): void;
  onDone(message: string): void;
}) {
  const [partnerId, setPartnerId] = useState(initialPartner);
  const [type, setType] = useState<CommissionType>('bonus');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('GBP');
  const [dealName, setDealName] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ partner?: string; amount?: string; currency?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    const value = parseAmount(amount);
    const code = currency.trim().toUpperCase();
    const found: typeof errors = {};
    if (!partnerId) found.partner = 'Choose the partner the commission is for.';
    if (value === null || value === 0) found.amount = 'Enter an amount other than zero, with at most two decimals.';
    else if (type === 'clawback' && value > 0) found.amount = 'A clawback takes money back: enter a negative amount.';
    else if (type !== 'clawback' && value < 0) found.amount = 'Only a clawback is negative; choose Clawback or enter a positive amount.';
    if (!/^[A-Z]{3}$/.test(code)) found.currency = 'Use a three-letter currency code such as GBP or EUR.';
    if (!reason.trim()) found.reason = 'Give a reason; the partner sees it in the commission’s history.';
    setErrors(found);
    if (Object.keys(found).length > 0 || value === null) return;
    setBusy(true);
    try {
      const saved = await access.api.recordCommission({ partnerId, type, amount: value, currency: code, reason: reason.trim(), dealName: dealName.trim() || null });
      const name = partners.find((partner) => partner.partnerId === partnerId)?.displayName ?? 'the partner';
      onDone(`Recorded ${COMMISSION_TYPE_LABELS[type].toLowerCase()} of ${formatMoney(saved.amount, saved.currency)} for ${name}.`);
    } catch (error) {
      setErrors({ form: errorMessage(error) });
      setBusy(false);
    }
  }

  return (
    <Dialog title="Record commission" onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label="Partner" error={errors.partner}>
          <select value={partnerId} onChange={(event) => setPartnerId(event.target.value)}>
            <option value="">Choose a partner</option>
            {partners.map((partner) => (
              <option key={partner.partnerId} value={partner.partnerId}>
                {partner.displayName}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Type">
          <select value={type} onChange={(event) => setType(event.target.value as CommissionType)}>
            {COMMISSION_TYPES.map((value) => (
              <option key={value} value={value}>
                {COMMISSION_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        <div className="form-grid">
          <FormField label="Amount" hint="Negative for a clawback." error={errors.amount}>
            <input type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          </FormField>
          <FormField label="Currency" error={errors.currency}>
            <input type="text" maxLength={3} autoCapitalize="characters" value={currency} onChange={(event) => setCurrency(event.target.value)} />
          </FormField>
        </div>
        <FormField label="Description" hint="Shown as the line’s deal, e.g. “Q4 performance bonus”. Optional.">
          <input type="text" value={dealName} onChange={(event) => setDealName(event.target.value)} />
        </FormField>
        <FormField label="Reason" hint="Kept in the line’s history; the partner sees it." error={errors.reason}>
          <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
        <FormAlert message={errors.form} />
        <SubmitRow label="Save commission" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
