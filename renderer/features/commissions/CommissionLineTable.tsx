/**
 * The "Commission lines" table, virtualised with the leads table's primitive (renderer/ui/virtual-
 * table): only rows in view are in the DOM and aria-rowcount / aria-rowindex give the true size.
 * Column headings sort (aria-sort); each row's client opens its explanation; Up and Down move
 * between rows.
 */
import { useId } from 'react';
import { COMMISSION_TYPE_LABELS } from '../../../sync/domain/commissions';
import { STATUS_LABELS, type CommissionLineRow, type LineSort, type LineSortKey } from '../../../sync/domain/commission-lines';
import { formatDate, formatMoney } from '../../ui/format';
import { useVirtualRows } from '../../ui/virtual-table';

const COLUMNS: readonly { key: LineSortKey; label: string; numeric?: boolean }[] = [
  { key: 'date', label: 'Date' },
  { key: 'client', label: 'Client / project' },
  { key: 'type', label: 'Type and rate' },
  { key: 'amount', label: 'Amount', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'paid', label: 'Payment date' },
];

export interface CommissionLineTableProps {
  rows: readonly CommissionLineRow[];
  sort: LineSort;
  onSort(key: LineSortKey): void;
  onOpen(id: string): void;
  timeZone: string;
}

export function CommissionLineTable({ rows, sort, onSort, onOpen, timeZone }: CommissionLineTableProps) {
  const captionId = useId();
  const { scrollRef, headRef, renderRows, bodyProps } = useVirtualRows({
    rows,
    rowKey: (row) => row.id,
    estimateRowPx: 44,
    columnCount: COLUMNS.length,
    spacerClassName: 'commission-table__spacer',
    viewportEstimatePx: 480,
    overscan: 10,
  });
  const body = renderRows((row, _index, rowProps) => (
    <tr key={row.id} {...rowProps}>
      <td>{formatDate(row.createdAt, timeZone)}</td>
      <th scope="row">
        <button type="button" data-part="open" className="commission-link-button" onClick={() => onOpen(row.id)}>
          {row.client}
          <span className="visually-hidden">, explain this line</span>
        </button>
      </th>
      <td>
        {COMMISSION_TYPE_LABELS[row.type]}
        {row.rate !== null ? <span className="data-table__sub">{row.rate}%</span> : null}
      </td>
      <td className={`numeric${row.amount < 0 ? ' commission-figures__negative' : ''}`}>{formatMoney(row.amount, row.currency)}</td>
      <td>
        <span className="commission-status" data-status={row.status}>
          {STATUS_LABELS[row.status]}
        </span>
      </td>
      <td>{row.paidAt ? formatDate(row.paidAt, timeZone) : '—'}</td>
    </tr>
  ));

  return (
    <div ref={scrollRef} className="table-scroll commission-table" role="region" aria-labelledby={captionId} tabIndex={rows.length === 0 ? 0 : undefined}>
      <table className="data-table commission-table__table" aria-rowcount={rows.length + 1} aria-labelledby={captionId}>
        <caption id={captionId} className="visually-hidden">
          Commission lines
        </caption>
        <colgroup>
          <col className="commission-table__col-date" />
          <col />
          <col className="commission-table__col-type" />
          <col className="commission-table__col-amount" />
          <col className="commission-table__col-status" />
          <col className="commission-table__col-paid" />
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={sort.key === column.key ? sort.direction : undefined}>
                <button type="button" className="commission-sort-button" onClick={() => onSort(column.key)}>
                  {column.label}
                  <span aria-hidden="true" className="commission-sort-button__mark">
                    {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody {...bodyProps}>{body}</tbody>
      </table>
    </div>
  );
}
