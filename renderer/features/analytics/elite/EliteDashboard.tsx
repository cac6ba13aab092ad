/**
 * The Elite custom dashboard on /analytics: widgets the partner arranges (drag and drop by pointer
 * or keyboard, move buttons, half or full width), custom KPIs with targets, the layout saved on the
 * profile, and the executive report PDF. Other tiers see what unlocks it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { DndContext, KeyboardCode, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, rectSortingStrategy, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { usePlatform } from '../../../platform';
import { useEntitlement } from '../../../session/use-entitlement';
import { errorMessage } from '../../../ui/error-message';
import { FormField } from '../../../ui/FormField';
import { LockedFeature } from '../../../ui/LockedFeature';
import {
  addKpi,
  addWidget,
  MAX_WIDGETS,
  moveWidget,
  moveWidgetOnto,
  removeKpi,
  removeWidget,
  resizeWidget,
  serializeDashboardLayout,
  WIDGET_KINDS,
  WIDGET_LABELS,
  type DashboardLayout,
  type DashboardWidget,
  type WidgetKind,
} from '../../../../sync/domain/analytics-layout';
import { ANALYTICS_LEVEL_FEATURES } from '../../../../sync/domain/analytics';
import type { ExecutiveFigures } from '../../../../sync/domain/analytics-report';
import { downloadExecutiveReport, prepareExecutiveReport, saveDashboardLayout } from './elite-writes';
import { KpiWidget } from './KpiWidget';
import { useEliteData } from './use-elite-data';
import { WidgetContent } from './WidgetContent';
import './elite.css';


const isWidgetKind = (value: string): value is WidgetKind => (WIDGET_KINDS as readonly string[]).includes(value);

export function EliteDashboard() {
  const access = useEntitlement(ANALYTICS_LEVEL_FEATURES.custom);
  if (access === null) return null;
  if (!access.allowed) {
    return (
      <LockedFeature
        title="Custom dashboard and executive report"
        description="Arrange your own dashboard of charts and KPIs with targets, saved across your devices, and download an executive report PDF under your own brand."
        message={access.message}
      />
    );
  }
  return <EliteDashboardBody />;
}

function EliteDashboardBody() {
  const data = useEliteData();
  const { savedLayout } = data;
  const [layout, setLayout] = useState<DashboardLayout>(savedLayout);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [newKind, setNewKind] = useState<WidgetKind>('cohorts');
  const dirty = useMemo(() => serializeDashboardLayout(layout) !== serializeDashboardLayout(savedLayout), [layout, savedLayout]);
  const previousSaved = useRef(savedLayout);

  // A layout saved on another device arrives through sync; take it unless this one has unsaved edits.
  useEffect(() => {
    const before = serializeDashboardLayout(previousSaved.current);
    previousSaved.current = savedLayout;
    setLayout((current) => (serializeDashboardLayout(current) === before ? savedLayout : current));
  }, [savedLayout]);

  function edit(next: DashboardLayout, announce: string) {
    setLayout(next);
    setStatus(announce);
    setProblem(null);
  }

  async function save() {
    if (!data.db || !data.partnerId) return;
    setSaving(true);
    setProblem(null);
    try {
      const saved = await saveDashboardLayout(data.db, data.partnerId, layout);
      if (saved) setStatus('Dashboard saved. It will appear on your other devices when they sync.');
      else setProblem('Your profile has not synced to this device yet, so the dashboard cannot be saved. Sync once, then save again.');
    } catch (failure) {
      setProblem(`The dashboard could not be saved: ${errorMessage(failure)}. Try again.`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="elite-dashboard" aria-labelledby="elite-dashboard-heading">
      <div className="elite-dashboard__header">
        <h2 id="elite-dashboard-heading">Your custom dashboard</h2>
        <div className="elite-dashboard__toolbar">
          <FormField label="Widget" className="elite-dashboard__add">
            <select value={newKind} onChange={(event) => isWidgetKind(event.target.value) && setNewKind(event.target.value)}>
              {WIDGET_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {WIDGET_LABELS[kind]}
                </option>
              ))}
            </select>
          </FormField>
          <button type="button" className="button" disabled={layout.widgets.length >= MAX_WIDGETS} onClick={() => edit(addWidget(layout, newKind), `Added ${WIDGET_LABELS[newKind]} at the end.`)}>
            Add widget
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={saving || !dirty || !data.profile}>
            {saving ? 'Saving…' : 'Save dashboard'}
          </button>
        </div>
      </div>
      {data.error ? (
        <p role="alert" className="inline-message">
          {data.error}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
      <p role="status" className="card__text elite-dashboard__status">
        {dirty && !status ? 'You have unsaved changes.' : status}
      </p>
      {layout.widgets.length === 0 ? <p className="card__text">Your dashboard is empty. Choose a widget above and add it.</p> : null}
      <WidgetGrid layout={layout} figures={data.figures} onEdit={edit} />
      <ExecutiveReportCard figures={data.figures} layout={layout} partnerName={data.partnerName} brandColour={data.profile?.brand_primary ?? null} hasProfile={data.profile !== null} now={data.now} />
    </section>
  );
}

interface WidgetGridProps {
  layout: DashboardLayout;
  figures: ExecutiveFigures;
  onEdit(next: DashboardLayout, announce: string): void;
}

function WidgetGrid({ layout, figures, onEdit }: WidgetGridProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: [KeyboardCode.Space, KeyboardCode.Enter], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );
  const labelOf = (id: string | number) => {
    const widget = layout.widgets.find((entry) => entry.id === String(id));
    return widget ? WIDGET_LABELS[widget.kind] : 'The widget';
  };
  const positionOf = (id: string | number) => layout.widgets.findIndex((entry) => entry.id === String(id)) + 1;
  const count = layout.widgets.length;
  // The place last announced, so the pick-up message is not replaced by "over its own position".
  const announcedOver = useRef<string | number | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      announcedOver.current = active.id;
      return `Picked up ${labelOf(active.id)}, at position ${positionOf(active.id)} of ${count}. Use the arrow keys to move it.`;
    },
    onDragOver: ({ active, over }) => {
      const overId = over?.id ?? null;
      if (overId === announcedOver.current) return undefined;
      announcedOver.current = overId;
      return overId !== null ? `${labelOf(active.id)} is over position ${positionOf(overId)} of ${count}.` : `${labelOf(active.id)} is not over a position.`;
    },
    onDragEnd: ({ active, over }) => (over ? `${labelOf(active.id)} dropped at position ${positionOf(over.id)} of ${count}.` : `${labelOf(active.id)} stays where it was.`),
    onDragCancel: ({ active }) => `Move cancelled. ${labelOf(active.id)} stays at position ${positionOf(active.id)}.`,
  };

  function handleEnd(event: DragEndEvent) {
    if (!event.over || event.over.id === event.active.id) return;
    onEdit(moveWidgetOnto(layout, String(event.active.id), String(event.over.id)), `Moved ${labelOf(event.active.id)} to position ${positionOf(event.over.id)} of ${count}.`);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'To move this widget, press Space to pick it up, use the arrow keys to choose its place, then press Space to drop it there, or Escape to cancel.',
        },
      }}
      onDragEnd={handleEnd}
    >
      <SortableContext items={layout.widgets.map((widget) => widget.id)} strategy={rectSortingStrategy}>
        <ol className="elite-grid" aria-label="Dashboard widgets">
          {layout.widgets.map((widget, index) => (
            <SortableWidget key={widget.id} widget={widget} index={index} layout={layout} figures={figures} onEdit={onEdit} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

interface SortableWidgetProps extends WidgetGridProps {
  widget: DashboardWidget;
  index: number;
}

function SortableWidget({ widget, index, layout, figures, onEdit }: SortableWidgetProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: widget.id });
  const label = WIDGET_LABELS[widget.kind];
  const count = layout.widgets.length;
  const headingId = `elite-widget-${widget.id}`;
  return (
    <li
      ref={setNodeRef}
      className={`card elite-widget elite-widget--${widget.size}`}
      data-dragging={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-labelledby={headingId}
    >
      <div className="elite-widget__header">
        <button type="button" ref={setActivatorNodeRef} className="icon-button elite-widget__handle" {...attributes} {...listeners} aria-label={`Drag ${label}`}>
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
        </button>
        <h3 id={headingId}>{label}</h3>
        <div className="elite-widget__actions">
          <button type="button" className="button" disabled={index === 0} onClick={() => onEdit(moveWidget(layout, index, index - 1), `Moved ${label} up to position ${index} of ${count}.`)} aria-label={`Move ${label} up`}>
            Up
          </button>
          <button
            type="button"
            className="button"
            disabled={index === count - 1}
            onClick={() => onEdit(moveWidget(layout, index, index + 1), `Moved ${label} down to position ${index + 2} of ${count}.`)}
            aria-label={`Move ${label} down`}
          >
            Down
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={widget.size === 'full'}
            onClick={() => onEdit(resizeWidget(layout, widget.id, widget.size === 'full' ? 'half' : 'full'), `${label} is now ${widget.size === 'full' ? 'half' : 'full'} width.`)}
            aria-label={`Full width: ${label}`}
          >
            Full width
          </button>
          <button type="button" className="button" onClick={() => onEdit(removeWidget(layout, widget.id), `Removed ${label}.`)} aria-label={`Remove ${label}`}>
            Remove
          </button>
        </div>
      </div>
      {widget.kind === 'kpi' ? (
        <KpiWidget
          kpis={layout.kpis}
          figures={figures}
          onAdd={(kpi) => onEdit(addKpi(layout, kpi), `Added the KPI ${kpi.label}. Save the dashboard to keep it.`)}
          onRemove={(id) => onEdit(removeKpi(layout, id), 'Removed the KPI.')}
        />
      ) : (
        <WidgetContent kind={widget.kind} figures={figures} />
      )}
    </li>
  );
}

interface ExecutiveReportCardProps {
  figures: ExecutiveFigures;
  layout: DashboardLayout;
  partnerName: string;
  brandColour: string | null;
  hasProfile: boolean;
  now: Date;
}

function ExecutiveReportCard({ figures, layout, partnerName, brandColour, hasProfile, now }: ExecutiveReportCardProps) {
  const platform = usePlatform();
  const [whiteLabel, setWhiteLabel] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => prepareExecutiveReport(), []);

  async function download() {
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      const result = await downloadExecutiveReport(platform, { partner: { name: partnerName, brandColour }, whiteLabel, figures, kpis: layout.kpis, now: new Date(now.getTime()) });
      setMessage(result.saved ? `The executive report was saved${result.path ? ` to ${result.path}` : ''}.` : 'The report was not saved.');
    } catch (failure) {
      setProblem(`The executive report could not be made: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card elite-report" aria-labelledby="elite-report-heading">
      <h3 id="elite-report-heading">Executive report</h3>
      <p className="card__text">
        A six-page PDF of your last six months — summary and KPIs, trend, funnel, sources and forecast — under {partnerName ? <strong>{partnerName}</strong> : 'your name'}. Made on this device, so it works offline.
      </p>
      <label className="elite-report__option">
        <input type="checkbox" checked={whiteLabel} onChange={(event) => setWhiteLabel(event.target.checked)} /> White-label: your brand colour only, SISO not named
      </label>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void download()} disabled={busy || !hasProfile}>
          {busy ? 'Making the report…' : 'Download executive report'}
        </button>
      </div>
      {!hasProfile ? <p className="inline-message">Your profile has not synced to this device yet; sync once to make reports.</p> : null}
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
      <p role="status" className="card__text">
        {message}
      </p>
    </section>
  );
}
