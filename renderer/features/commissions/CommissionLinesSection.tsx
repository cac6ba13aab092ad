/**
 * The breakdown: filters (From, To, Type, Status, amount range, client search), the virtualised
 * "Commission lines" table, CSV export of what is shown, and each line's explanation in a dialog.
 */
import { useMemo, useState } from 'react';
import { COMMISSION_TYPES, EARNING_STATUSES, type CommissionType, type EarningStatus } from '../../../sync/schema/earnings.schema';
import { COMMISSION_TYPE_LABELS, explainCommission, type ExplanationSources } from '../../../sync/domain/commissions';
import {
  DEFAULT_LINE_SORT,
  NO_LINE_FILTER,
  STATUS_LABELS,
  filterCommissionLines,
  nextLineSort,
  sortCommissionLines,
  type CommissionLineFilter,
  type CommissionLineRow,
  type LineSort,
} from '../../../sync/domain/commission-lines';
import type { CommissionLineInput } from '../../../sync/domain/commissions';
import { usePlatform } from '../../platform';
import { Dialog } from '../../ui/Dialog';
import { FormField } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatMoney, plural } from '../../ui/format';
import { CommissionLineTable } from './CommissionLineTable';
import { saveCommissionLinesCsv } from './commission-writes';

interface FilterText {
  from: string;
  to: string;
  type: string;
  status: string;
  min: string;
  max: string;
  search: string;
}

const EMPTY_TEXT: FilterText = { from: '', to: '', type: 'all', status: 'all', min: '', max: '', search: '' };

function amountOf(text: string): { value: number | null; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isFinite(value) ? { value } : { value: null, error: 'Enter an amount as a number, e.g. 250 or -100.' };
}

function readFilter(text: FilterText): { filter: CommissionLineFilter; errors: Partial<Record<keyof FilterText, string>> } {
  const min = amountOf(text.min);
  const max = amountOf(text.max);
  const errors: Partial<Record<keyof FilterText, string>> = {};
  if (min.error) errors.min = min.error;
  if (max.error) errors.max = max.error;
  if (text.from && text.to && text.from > text.to) errors.to = 'The end date is before the start date; change one of them.';
  return {
    errors,
    filter: {
      ...NO_LINE_FILTER,
      from: text.from,
      to: errors.to ? '' : text.to,
      type: (COMMISSION_TYPES as readonly string[]).includes(text.type) ? (text.type as CommissionType) : 'all',
      status: (EARNING_STATUSES as readonly string[]).includes(text.status) ? (text.status as EarningStatus) : 'all',
      minAmount: min.value,
      maxAmount: max.value,
      search: text.search,
    },
  };
}

export interface CommissionLinesSectionProps {
  rows: readonly CommissionLineRow[];
  lines: readonly CommissionLineInput[];
  sources: Omit<ExplanationSources, 'lines'>;
  timeZone: string;
}

export function CommissionLinesSection({ rows, lines, sources, timeZone }: CommissionLinesSectionProps) {
  const platform = usePlatform();
  const [text, setText] = useState<FilterText>(EMPTY_TEXT);
  const [sort, setSort] = useState<LineSort>(DEFAULT_LINE_SORT);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { filter, errors } = useMemo(() => readFilter(text), [text]);
  const shown = useMemo(() => sortCommissionLines(filterCommissionLines(rows, filter), sort), [rows, filter, sort]);
  const set = (field: keyof FilterText, value: string) => setText((current) => ({ ...current, [field]: value }));

  const openLine = openId ? lines.find((line) => line.id === openId) : undefined;
  const steps = openLine ? explainCommission(openLine, { ...sources, lines }) : [];

  async function exportCsv() {
    setNotice(null);
    try {
      const result = await saveCommissionLinesCsv(platform, shown);
      setNotice(result.saved ? `Exported ${plural(shown.length, 'commission line')} as CSV.` : 'The export was cancelled; nothing was saved.');
    } catch (caught) {
      setNotice(`The CSV could not be saved: ${errorMessage(caught)}`);
    }
  }

  return (
    <section className="card commission-lines" aria-labelledby="commission-lines-heading">
      <div className="commission-lines__head">
        <h2 id="commission-lines-heading">Commission lines</h2>
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={shown.length === 0}>
          Export CSV
        </button>
      </div>
      <div className="commission-filters" role="search" aria-label="Filter commission lines">
        <FormField label="Search clients" className="commission-filters__search">
          <input type="search" value={text.search} onChange={(event) => set('search', event.target.value)} placeholder="Client or project" />
        </FormField>
        <FormField label="From">
          <input type="date" value={text.from} onChange={(event) => set('from', event.target.value)} />
        </FormField>
        <FormField label="To" error={errors.to}>
          <input type="date" value={text.to} onChange={(event) => set('to', event.target.value)} />
        </FormField>
        <FormField label="Type">
          <select value={text.type} onChange={(event) => set('type', event.target.value)}>
            <option value="all">All types</option>
            {COMMISSION_TYPES.map((type) => (
              <option key={type} value={type}>
                {COMMISSION_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Status">
          <select value={text.status} onChange={(event) => set('status', event.target.value)}>
            <option value="all">All statuses</option>
            {EARNING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Minimum amount" error={errors.min}>
          <input type="text" inputMode="decimal" size={8} value={text.min} onChange={(event) => set('min', event.target.value)} />
        </FormField>
        <FormField label="Maximum amount" error={errors.max}>
          <input type="text" inputMode="decimal" size={8} value={text.max} onChange={(event) => set('max', event.target.value)} />
        </FormField>
      </div>
      <p className="commission-lines__count" role="status">
        {shown.length === rows.length ? plural(rows.length, 'line') : `${shown.length} of ${plural(rows.length, 'line')} match the filters`}
        {notice ? ` · ${notice}` : ''}
      </p>
      {rows.length === 0 ? (
        <p className="card__text">No commission lines yet.</p>
      ) : (
        <CommissionLineTable rows={shown} sort={sort} onSort={(key) => setSort((current) => nextLineSort(current, key))} onOpen={setOpenId} timeZone={timeZone} />
      )}
      {openLine ? (
        <Dialog
          title={`Commission: ${rows.find((row) => row.id === openLine.id)?.client ?? 'line'}`}
          onClose={() => setOpenId(null)}
          headerAction={
            <button type="button" className="button" onClick={() => setOpenId(null)}>
              Close
            </button>
          }
        >
          <p className="card__text">
            {formatMoney(openLine.amount, openLine.currency)} · {STATUS_LABELS[openLine.status]}
          </p>
          <ol className="commission-explanation" aria-label="How this line was worked out">
            {steps.map((step, index) => (
              <li key={`${step.kind}-${index}`} data-kind={step.kind}>
                {step.text}
              </li>
            ))}
          </ol>
        </Dialog>
      ) : null}
    </section>
  );
}
