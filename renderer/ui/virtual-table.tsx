/**
 * The virtualised table body the long lists share (leads, commission lines): only the rows in view
 * (plus a few either side) are in the DOM, spacer rows keep the scroll height true, and each row
 * carries aria-rowindex (the table sets aria-rowcount) so assistive technology knows the real size.
 * The keyboard reaches every row: Up and Down move between rows (to the same control, marked with
 * data-part, in the next row), Ctrl+Home and Ctrl+End jump to the first and last, scrolling the row
 * into view. The row holding focus stays rendered when scrolled away, so focus is never dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

/** The header row's height before it is measured. */
const HEADER_ESTIMATE_PX = 40;

export interface VirtualRowsOptions<T> {
  rows: readonly T[];
  rowKey(row: T): string;
  /** A first guess per row; rows are measured once rendered. */
  estimateRowPx: number;
  columnCount: number;
  spacerClassName: string;
  /** The scroll area's height before it is measured (server render, first paint); CSS gives the real one. */
  viewportEstimatePx: number;
  overscan?: number;
}

/** What a row element must carry: its measuring ref and its position. Spread onto the <tr>. */
export interface VirtualRowProps {
  ref: (node: Element | null) => void;
  'data-index': number;
  'aria-rowindex': number;
}

export interface VirtualRows<T> {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** On the <thead>: rows start below it, and it covers the top of the scroll area (sticky). */
  headRef: RefObject<HTMLTableSectionElement | null>;
  /** The <tbody>'s children: rendered rows with spacer rows between. */
  renderRows(renderRow: (row: T, index: number, rowProps: VirtualRowProps) => ReactNode): ReactNode[];
  /** Spread onto the <tbody>: keyboard movement and keeping the focused row rendered. */
  bodyProps: {
    onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>): void;
    onFocus(event: FocusEvent<HTMLTableSectionElement>): void;
    onBlur(): void;
  };
}

function focusTarget(scroll: HTMLElement | null, index: number, part: string): HTMLElement | null {
  return scroll?.querySelector<HTMLElement>(`tr[data-index="${index}"] [data-part="${part}"]`) ?? null;
}

export function useVirtualRows<T>({ rows, rowKey, estimateRowPx, columnCount, spacerClassName, viewportEstimatePx, overscan = 8 }: VirtualRowsOptions<T>): VirtualRows<T> {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  const [headerHeight, setHeaderHeight] = useState(HEADER_ESTIMATE_PX);
  // Focus waits here until the virtualiser has rendered the row it scrolled to.
  const pendingFocus = useRef<{ index: number; part: string } | null>(null);
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

  // The compiler skips this hook (useVirtualizer's functions can't be memoised); that is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowPx,
    overscan,
    // Rows start below the sticky header, which also covers the top of the scroll area.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    initialRect: { width: 960, height: viewportEstimatePx },
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
    rangeExtractor,
  });

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const target = focusTarget(scrollRef.current, pending.index, pending.part);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  function renderRows(renderRow: (row: T, index: number, rowProps: VirtualRowProps) => ReactNode): ReactNode[] {
    // Spacer rows stand in for the rows not rendered: before, between (a kept focused row) and after.
    const body: ReactNode[] = [];
    let offset = 0;
    const spacer = (key: string, height: number) => {
      if (height <= 0) return;
      body.push(
        <tr key={key} aria-hidden="true" className={spacerClassName}>
          <td colSpan={columnCount} style={{ height }} />
        </tr>,
      );
    };
    for (const item of virtualizer.getVirtualItems()) {
      const row = rows[item.index];
      if (row === undefined) continue;
      spacer(`gap-${item.index}`, item.start - headerHeight - offset);
      offset = item.end - headerHeight;
      body.push(renderRow(row, item.index, { ref: virtualizer.measureElement, 'data-index': item.index, 'aria-rowindex': item.index + 2 }));
    }
    spacer('end', virtualizer.getTotalSize() - offset);
    return body;
  }

  function onFocus(event: FocusEvent<HTMLTableSectionElement>) {
    const row = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    setFocusedIndex(row ? Number(row.dataset['index']) : null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-part]');
    const row = from?.closest<HTMLTableRowElement>('tr[data-index]');
    const part = from?.dataset['part'];
    if (!from || !row || !part) return;
    const index = Number(row.dataset['index']);
    let target: number | null = null;
    if (event.key === 'ArrowDown') target = Math.min(rows.length - 1, index + 1);
    else if (event.key === 'ArrowUp') target = Math.max(0, index - 1);
    else if (event.key === 'End' && event.ctrlKey) target = rows.length - 1;
    else if (event.key === 'Home' && event.ctrlKey) target = 0;
    if (target === null) return;
    // Arrows would otherwise scroll the area or, on a checkbox, do nothing useful.
    event.preventDefault();
    pendingFocus.current = { index: target, part };
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // Already rendered rows take focus at once; others when the effect above sees them.
    const rendered = focusTarget(scrollRef.current, target, part);
    if (rendered) {
      pendingFocus.current = null;
      rendered.focus();
    }
  }

  return { scrollRef, headRef, renderRows, bodyProps: { onKeyDown, onFocus, onBlur: () => setFocusedIndex(null) } };
}
