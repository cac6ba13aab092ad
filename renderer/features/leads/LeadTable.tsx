/**
 * The leads list as a table that stays smooth with tens of thousands of leads: only the rows in
 * view (plus a few either side) are in the DOM, spacer rows keep the scroll height true, and
 * aria-rowcount / aria-rowindex tell assistive technology how many rows there are and where each
 * one sits. The keyboard reaches every lead: Up and Down move between rows (the same control in
 * each), Ctrl+Home and Ctrl+End jump to the first and last, scrolling the row into view. The row
 * holding focus stays rendered when scrolled away, so focus is never dropped.
 */
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { lastChangedAt, stageLabel, type LeadLike } from '../../../sync/domain/leads';
import { formatMoney } from '../../ui/format';
import type { RegistrationFields } from '../../../sync/domain/deal-registration';
import { RegistrationBadge } from './RegistrationBadge';
import { useVirtualRows } from '../../ui/virtual-table';
import { formatDateTime, formatRelativeTime } from './labels';

/** A row with a contact and an email line; rows are measured once rendered, so this is only the first guess. */
export const ROW_ESTIMATE_PX = 58;
/** The scroll area's height before it is measured (server render, first paint); CSS gives the real one. */
const VIEWPORT_ESTIMATE_PX = 640;
const COLUMN_COUNT = 6;

export interface LeadTableProps<T extends LeadLike & RegistrationFields> {
  leads: readonly T[];
  now: Date;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

export function LeadTable<T extends LeadLike & RegistrationFields>({ leads, now, selected, onToggle, onToggleAll }: LeadTableProps<T>) {
  const captionId = useId();
  const { scrollRef, headRef, renderRows, bodyProps } = useVirtualRows({
    rows: leads,
    rowKey: (lead) => lead.id,
    estimateRowPx: ROW_ESTIMATE_PX,
    columnCount: COLUMN_COUNT,
    spacerClassName: 'lead-table__spacer',
    viewportEstimatePx: VIEWPORT_ESTIMATE_PX,
  });

  const body = renderRows((lead, _index, rowProps) => {
    const changed = lastChangedAt(lead);
    return (
      <tr key={lead.id} {...rowProps}>
        <td className="data-table__select">
          <input
            type="checkbox"
            data-part="select"
            aria-label={`Select ${lead.company}`}
            checked={selected.has(lead.id)}
            onChange={(event) => onToggle(lead.id, event.target.checked)}
          />
        </td>
        <th scope="row">
          <Link data-part="open" to={`/leads/${encodeURIComponent(lead.id)}`}>
            {lead.company}
          </Link>
        </th>
        <td>
          {lead.contact_name ?? ''}
          {lead.email ? <span className="data-table__sub">{lead.email}</span> : null}
        </td>
        <td>
          <span className="stage-badge" data-stage={lead.stage}>
            {stageLabel(lead.stage)}
          </span>
          <RegistrationBadge lead={lead} now={now} />
        </td>
        <td className="numeric">{typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : '—'}</td>
        <td>
          <time dateTime={changed} title={formatDateTime(changed)}>
            {formatRelativeTime(changed, now)}
          </time>
        </td>
      </tr>
    );
  });
  const selectedCount = leads.reduce((count, lead) => (selected.has(lead.id) ? count + 1 : count), 0);
  const allSelected = leads.length > 0 && selectedCount === leads.length;

  return (
    <div ref={scrollRef} className="table-scroll lead-table" role="region" aria-labelledby={captionId}>
      <table className="data-table lead-table__table" aria-rowcount={leads.length + 1}>
        <caption id={captionId} className="visually-hidden">
          Leads, most recently updated first. Use the up and down arrow keys to move between leads.
        </caption>
        <colgroup>
          <col className="lead-table__col-select" />
          <col className="lead-table__col-company" />
          <col className="lead-table__col-contact" />
          <col className="lead-table__col-stage" />
          <col className="lead-table__col-value" />
          <col className="lead-table__col-updated" />
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <th scope="col" className="data-table__select">
              <input
                type="checkbox"
                aria-label="Select all shown leads"
                checked={allSelected}
                ref={(node) => {
                  if (node) node.indeterminate = selectedCount > 0 && !allSelected;
                }}
                onChange={(event) => onToggleAll(event.target.checked)}
              />
            </th>
            <th scope="col">Company</th>
            <th scope="col">Contact</th>
            <th scope="col">Stage</th>
            <th scope="col" className="numeric">
              Estimated value
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody {...bodyProps}>
          {body}
        </tbody>
      </table>
    </div>
  );
}
