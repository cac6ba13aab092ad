/**
 * The pipeline board: five columns (New → Contacted → Qualified → Proposal → Closed), each a
 * virtualised list so thousands of leads stay smooth. Leads move by pointer (drag the card) or
 * keyboard (Space on a card's "Move …" handle, Left/Right to choose a column, Space to drop,
 * Escape to cancel), announced in plain words. The board only reports drops; the page writes.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
} from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  adjacentColumn,
  columnOfStage,
  dropOutcome,
  groupLeadsByColumn,
  isPipelineColumn,
  PIPELINE_COLUMN_LABELS,
  PIPELINE_COLUMNS,
  type DropOutcome,
  type PipelineColumn,
} from '../../../sync/domain/pipeline';
import { LeadCard, LeadCardBody, type BoardLead } from './LeadCard';

/** Card height plus the gap below it; cards have a fixed height so the estimate is exact. */
export const CARD_SLOT_PX = 148;
const COLUMN_VIEWPORT_PX = 560;

export interface FocusRequest {
  leadId: string;
  column: PipelineColumn;
}

export interface PipelineBoardProps<T extends BoardLead> {
  leads: readonly T[];
  now: Date;
  /** A lead was dropped on a column other than its own. */
  onDrop(lead: T, outcome: Exclude<DropOutcome, { kind: 'unchanged' }>): void;
  /** Focus this lead's card once it renders in this column (after a move), then call onFocusTaken. */
  focusRequest?: FocusRequest | null;
  onFocusTaken?(): void;
}

function columnOf(active: Active | null, over: Over | null): PipelineColumn | null {
  if (over && isPipelineColumn(over.id)) return over.id;
  const data: unknown = active?.data.current;
  if (data && typeof data === 'object' && 'column' in data && isPipelineColumn(data.column)) return data.column;
  return null;
}

/** Left/Right jump the card to the neighbouring column's centre; Up/Down do nothing. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const direction = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
  if (direction === 0) return undefined;
  event.preventDefault();
  const current = columnOf(context.active, context.over);
  const next = current ? adjacentColumn(current, direction) : null;
  const target = next ? context.droppableRects.get(next) : undefined;
  const dragged = context.collisionRect;
  if (!target || !dragged) return undefined;
  const dx = target.left + target.width / 2 - (dragged.left + dragged.width / 2);
  return { x: currentCoordinates.x + dx, y: currentCoordinates.y };
};

/** The pointer's column when there is a pointer; otherwise (keyboard) the column the card overlaps most. */
const pointerThenOverlap: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

export function PipelineBoard<T extends BoardLead>({ leads, now, onDrop, focusRequest = null, onFocusTaken }: PipelineBoardProps<T>) {
  const groups = useMemo(() => groupLeadsByColumn(leads), [leads]);
  const byId = useMemo(() => new Map(leads.map((lead) => [lead.id, lead])), [leads]);
  const [dragging, setDragging] = useState<T | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: [KeyboardCode.Space, KeyboardCode.Enter], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );

  const nameOf = useCallback((id: string | number) => byId.get(String(id))?.company ?? 'The lead', [byId]);
  const fromLabel = useCallback(
    (id: string | number) => {
      const lead = byId.get(String(id));
      return lead ? PIPELINE_COLUMN_LABELS[columnOfStage(lead.stage)] : 'its column';
    },
    [byId],
  );

  // The column last announced, so the pick-up message is not replaced by "over its own column".
  const announcedOver = useRef<string | number | null>(null);
  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => {
        const lead = byId.get(String(active.id));
        announcedOver.current = lead ? columnOfStage(lead.stage) : null;
        return `Picked up ${nameOf(active.id)}, in ${fromLabel(active.id)}. Use the left and right arrow keys to choose a stage.`;
      },
      onDragOver: ({ active, over }) => {
        const overId = over?.id ?? null;
        if (overId === announcedOver.current) return undefined;
        announcedOver.current = overId;
        return overId !== null && isPipelineColumn(overId)
          ? `${nameOf(active.id)} is over ${PIPELINE_COLUMN_LABELS[overId]}.`
          : `${nameOf(active.id)} is not over a stage.`;
      },
      onDragEnd: ({ active, over }) => {
        const lead = byId.get(String(active.id));
        const target = over && isPipelineColumn(over.id) ? over.id : null;
        if (!lead) return undefined;
        const outcome = dropOutcome(lead, target);
        if (outcome.kind === 'move') return `Moved ${lead.company} to ${PIPELINE_COLUMN_LABELS[columnOfStage(outcome.stage)]}.`;
        if (outcome.kind === 'choose-outcome') return `Dropped ${lead.company} on Closed. Choose whether it was won or lost.`;
        return `${lead.company} stays in ${fromLabel(active.id)}.`;
      },
      onDragCancel: ({ active }) => `Move cancelled. ${nameOf(active.id)} stays in ${fromLabel(active.id)}.`,
    }),
    [byId, nameOf, fromLabel],
  );

  function handleStart(event: DragStartEvent) {
    setDragging(byId.get(String(event.active.id)) ?? null);
  }

  function handleEnd(event: DragEndEvent) {
    setDragging(null);
    const lead = byId.get(String(event.active.id));
    if (!lead) return;
    const target = event.over && isPipelineColumn(event.over.id) ? event.over.id : null;
    const outcome = dropOutcome(lead, target);
    if (outcome.kind !== 'unchanged') onDrop(lead, outcome);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerThenOverlap}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move this lead, press Space to pick it up, use the left and right arrow keys to choose a stage, then press Space to drop it there, or Escape to cancel.',
        },
      }}
      onDragStart={handleStart}
      onDragEnd={handleEnd}
      onDragCancel={() => setDragging(null)}
    >
      <div className="pipeline-board" role="group" aria-label="Lead pipeline">
        {PIPELINE_COLUMNS.map((column) => (
          <PipelineColumnView
            key={column}
            column={column}
            leads={groups[column]}
            now={now}
            focusLeadId={focusRequest?.column === column ? focusRequest.leadId : null}
            onFocusTaken={onFocusTaken}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <div className="lead-card lead-card--overlay" aria-hidden="true">
            <LeadCardBody lead={dragging} now={now} link={false} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

interface ColumnProps {
  column: PipelineColumn;
  leads: readonly BoardLead[];
  now: Date;
  focusLeadId: string | null;
  onFocusTaken: (() => void) | undefined;
}

function PipelineColumnView({ column, leads, now, focusLeadId, onFocusTaken }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column });
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The compiler skips this component (useVirtualizer's functions can't be memoised); that is intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: leads.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_SLOT_PX,
    overscan: 4,
    initialRect: { width: 240, height: COLUMN_VIEWPORT_PX },
    getItemKey: (index) => leads[index]?.id ?? index,
  });
  const label = PIPELINE_COLUMN_LABELS[column];
  const headingId = `pipeline-column-${column}`;

  return (
    <section className="pipeline-column" aria-labelledby={headingId} data-column={column} data-over={isOver || undefined}>
      <h3 id={headingId} className="pipeline-column__title">
        {label} <span className="pipeline-column__count">{leads.length}</span>
      </h3>
      <div
        ref={(node) => {
          scrollRef.current = node;
          setNodeRef(node);
        }}
        className="pipeline-column__body"
        style={{ height: COLUMN_VIEWPORT_PX }}
      >
        {leads.length === 0 ? <p className="pipeline-column__empty">No leads in {label}.</p> : null}
        <ul className="pipeline-column__list" aria-label={`${label} leads`} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const lead = leads[item.index];
            if (!lead) return null;
            return (
              <li
                key={lead.id}
                className="pipeline-column__item"
                aria-setsize={leads.length}
                aria-posinset={item.index + 1}
                style={{ transform: `translateY(${item.start}px)`, height: CARD_SLOT_PX }}
              >
                <LeadCard lead={lead} now={now} takeFocus={focusLeadId === lead.id} onFocusTaken={onFocusTaken} />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
