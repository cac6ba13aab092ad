/**
 * The Elite custom dashboard's saved layout (profiles.dashboard_layout, JSON text): which widgets
 * show in which order and width, and the partner's own KPIs with targets — its schema, defaults,
 * tolerant parsing and the pure edits the dashboard makes.
 */
import { z } from 'zod';

export const WIDGET_KINDS = ['metrics', 'trend', 'funnel', 'sources', 'forecast', 'cohorts', 'kpi'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const WIDGET_LABELS: Readonly<Record<WidgetKind, string>> = {
  metrics: 'Key metrics',
  trend: 'Monthly trend',
  funnel: 'Funnel by stage',
  sources: 'Sources',
  forecast: 'Forecast',
  cohorts: 'Cohorts',
  kpi: 'Custom KPIs',
};

export const WIDGET_SIZES = ['half', 'full'] as const;
export type WidgetSize = (typeof WIDGET_SIZES)[number];

export const KPI_METRICS = ['leads', 'conversions', 'conversion_rate', 'earnings', 'open_pipeline', 'avg_days_to_close'] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

export const KPI_METRIC_LABELS: Readonly<Record<KpiMetric, string>> = {
  leads: 'Leads this period',
  conversions: 'Won deals this period',
  conversion_rate: 'Conversion rate (%)',
  earnings: 'Earnings this period',
  open_pipeline: 'Open leads',
  avg_days_to_close: 'Average days to close',
};

export const MAX_WIDGETS = 20;
export const MAX_KPIS = 12;
export const KPI_LABEL_MAX = 60;

const idSchema = z.string().trim().min(1).max(64);

export const dashboardWidgetSchema = z.object({
  id: idSchema,
  kind: z.enum(WIDGET_KINDS),
  size: z.enum(WIDGET_SIZES).default('half'),
});
export type DashboardWidget = z.output<typeof dashboardWidgetSchema>;

export const dashboardKpiSchema = z.object({
  id: idSchema,
  label: z.string().trim().min(1).max(KPI_LABEL_MAX),
  metric: z.enum(KPI_METRICS),
  target: z.number().finite().nonnegative().nullable().default(null),
});
export type DashboardKpi = z.output<typeof dashboardKpiSchema>;

export const dashboardLayoutSchema = z
  .object({
    widgets: z.array(dashboardWidgetSchema).max(MAX_WIDGETS),
    kpis: z.array(dashboardKpiSchema).max(MAX_KPIS).default([]),
  })
  .refine((layout) => new Set(layout.widgets.map((widget) => widget.id)).size === layout.widgets.length, 'Widget ids must be unique.')
  .refine((layout) => new Set(layout.kpis.map((kpi) => kpi.id)).size === layout.kpis.length, 'KPI ids must be unique.');
export type DashboardLayout = z.output<typeof dashboardLayoutSchema>;

export function defaultDashboardLayout(): DashboardLayout {
  return {
    widgets: [
      { id: 'metrics', kind: 'metrics', size: 'full' },
      { id: 'trend', kind: 'trend', size: 'half' },
      { id: 'funnel', kind: 'funnel', size: 'half' },
      { id: 'sources', kind: 'sources', size: 'half' },
      { id: 'forecast', kind: 'forecast', size: 'half' },
      { id: 'kpi', kind: 'kpi', size: 'full' },
    ],
    kpis: [],
  };
}

/** The saved layout, or the defaults when nothing is saved or what is saved does not parse (a newer app's layout, a damaged value). */
export function parseDashboardLayout(text: string | null | undefined): DashboardLayout {
  if (!text) return defaultDashboardLayout();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return defaultDashboardLayout();
  }
  const parsed = dashboardLayoutSchema.safeParse(raw);
  return parsed.success ? parsed.data : defaultDashboardLayout();
}

export function serializeDashboardLayout(layout: DashboardLayout): string {
  return JSON.stringify(dashboardLayoutSchema.parse(layout));
}

/** Moves the widget at `from` to `to` (both clamped to the list); the same layout when nothing moves. */
export function moveWidget(layout: DashboardLayout, from: number, to: number): DashboardLayout {
  const last = layout.widgets.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || from === target) return layout;
  const widgets = [...layout.widgets];
  const [moved] = widgets.splice(from, 1);
  if (!moved) return layout;
  widgets.splice(target, 0, moved);
  return { ...layout, widgets };
}

/** Moves the widget with id `id` to where the widget `overId` is (drag and drop). */
export function moveWidgetOnto(layout: DashboardLayout, id: string, overId: string): DashboardLayout {
  const from = layout.widgets.findIndex((widget) => widget.id === id);
  const to = layout.widgets.findIndex((widget) => widget.id === overId);
  if (from < 0 || to < 0) return layout;
  return moveWidget(layout, from, to);
}

/** Appends a widget of `kind` with a fresh id; unchanged when the dashboard is full. */
export function addWidget(layout: DashboardLayout, kind: WidgetKind, size: WidgetSize = 'half'): DashboardLayout {
  if (layout.widgets.length >= MAX_WIDGETS) return layout;
  const ids = new Set(layout.widgets.map((widget) => widget.id));
  let id: string = kind;
  for (let n = 2; ids.has(id); n += 1) id = `${kind}-${n}`;
  return { ...layout, widgets: [...layout.widgets, { id, kind, size }] };
}

export function removeWidget(layout: DashboardLayout, id: string): DashboardLayout {
  return { ...layout, widgets: layout.widgets.filter((widget) => widget.id !== id) };
}

export function resizeWidget(layout: DashboardLayout, id: string, size: WidgetSize): DashboardLayout {
  return { ...layout, widgets: layout.widgets.map((widget) => (widget.id === id ? { ...widget, size } : widget)) };
}

/** Adds a KPI with a fresh id; unchanged when the list is full. Label and target are validated by the schema. */
export function addKpi(layout: DashboardLayout, kpi: Omit<DashboardKpi, 'id'>): DashboardLayout {
  if (layout.kpis.length >= MAX_KPIS) return layout;
  const ids = new Set(layout.kpis.map((entry) => entry.id));
  let n = layout.kpis.length + 1;
  while (ids.has(`kpi-${n}`)) n += 1;
  const entry = dashboardKpiSchema.parse({ ...kpi, id: `kpi-${n}` });
  return { ...layout, kpis: [...layout.kpis, entry] };
}

export function removeKpi(layout: DashboardLayout, id: string): DashboardLayout {
  return { ...layout, kpis: layout.kpis.filter((kpi) => kpi.id !== id) };
}

/** Progress towards a target as a fraction in [0, 1]; null without a target. A target of 0 is met at once. */
export function kpiProgress(value: number, target: number | null): number | null {
  if (target === null) return null;
  if (target <= 0) return 1;
  return Math.max(0, Math.min(1, value / target));
}
