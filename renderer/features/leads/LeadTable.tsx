/**
 * The leads list as a table that stays smooth with tens of thousands of leads: only the rows in
 * view (plus a few either side) are in the DOM, spacer rows keep the scroll height true, and
 * aria-rowcount / aria-rowindex tell assistive technology how many rows there are and where each
 * one sits. The keyboard reaches every lead: Up and Down move between rows (the same control in
 * each), Ctrl+Home and Ctrl+End jump to the first and last, scrolling the row into view. The row
 * holding focus stays rendered when scrolled away, so focus is never dropped.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { lastChangedAt, stageLabel, type LeadLike } from '../../../sync/domain/leads';
import { formatMoney } from '../../ui/format';
import { formatDateTime, formatRelativeTime } from './labels';

/** A row with a contact and an email line; rows are measured once rendered, so this is only the first guess. */
export const ROW_ESTIMATE_PX = 58;
/** The scroll area's height before it is measured (server render, first paint); CSS gives the real one. */
const VIEWPORT_ESTIMATE_PX = 640;
const HEADER_ESTIMATE_PX = 40;
const COLUMN_COUNT = 6;

type RowPart = 'select' | 'open';

export interface LeadTableProps<T extends LeadLike> {
  leads: readonly T[];
  now: Date;
  selected: ReadonlySet<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

export function LeadTable<T extends LeadLike>({ leads, now, selected, onToggle, onToggleAll }: LeadTableProps<T>) {
  const captionId = useId();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  const [headerHeight, setHeaderHeight] = useState(HEADER_ESTIMATE_PX);
  // Focus waits here until the virtualiser has rendered the row it scrolled to.
  const pendingFocus = useRef<{ index: number; part: RowPart } | null>(null);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex === null || focusedIndex >= range.count || indexes.includes(focusedIndex)) return indexes;
      return [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );

  useLayoutEffect(() => {
    const height = headRef.current?.offsetHeight;
    if (height) setHeaderHeight(height);
  }, []);

  // The compiler skips this component (useVirtualizer's functions can't be memoised); that is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: leads.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    // Rows start below the sticky header, which also covers the top of the scroll area.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialRect: { width: 960, height: VIEWPORT_ESTIMATE_PX },
    getItemKey: (index) => leads[index]?.id ?? index,
    rangeExtractor,
  });

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${pending.index}"] [data-part="${pending.part}"]`);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  // Spacer rows stand in for the rows not rendered: before, between (a kept focused row) and after.
  const body: ReactNode[] = [];
  let offset = 0;
  function spacer(key: string, height: number) {
    if (height <= 0) return;
    body.push(
      <tr key={key} aria-hidden="true" className="lead-table__spacer">
        <td colSpan={COLUMN_COUNT} style={{ height }} />
      </tr>,
    );
  }
  for (const item of virtualizer.getVirtualItems()) {
    const lead = leads[item.index];
    if (!lead) continue;
    spacer(`gap-${item.index}`, item.start - headerHeight - offset);
    offset = item.end - headerHeight;
    const changed = lastChangedAt(lead);
    body.push(
      <tr key={lead.id} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={item.index + 2}>
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
        </td>
        <td className="numeric">{typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : '—'}</td>
        <td>
          <time dateTime={changed} title={formatDateTime(changed)}>
            {formatRelativeTime(changed, now)}
          </time>
        </td>
      </tr>,
    );
  }
  spacer('end', virtualizer.getTotalSize() - offset);
  const selectedCount = leads.reduce((count, lead) => (selected.has(lead.id) ? count + 1 : count), 0);
  const allSelected = leads.length > 0 && selectedCount === leads.length;

  function trackFocus(event: FocusEvent<HTMLTableSectionElement>) {
    const row = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    setFocusedIndex(row ? Number(row.dataset['index']) : null);
  }

  function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-part]');
    const row = from?.closest<HTMLTableRowElement>('tr[data-index]');
    if (!from || !row) return;
    const index = Number(row.dataset['index']);
    const part = from.dataset['part'] as RowPart;
    let target: number | null = null;
    if (event.key === 'ArrowDown') target = Math.min(leads.length - 1, index + 1);
    else if (event.key === 'ArrowUp') target = Math.max(0, index - 1);
    else if (event.key === 'End' && event.ctrlKey) target = leads.length - 1;
    else if (event.key === 'Home' && event.ctrlKey) target = 0;
    if (target === null) return;
    // Arrows would otherwise scroll the area or, on a checkbox, do nothing useful.
    event.preventDefault();
    pendingFocus.current = { index: target, part };
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // Already rendered rows take focus at once; others when the effect above sees them.
    const rendered = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"] [data-part="${part}"]`);
    if (rendered) {
      pendingFocus.current = null;
      rendered.focus();
    }
  }

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
        <tbody onKeyDown={moveFocus} onFocus={trackFocus} onBlur={() => setFocusedIndex(null)}>
          {body}
        </tbody>
      </table>
    </div>
  );
}
