import { describe, expect, it } from 'vitest';
import {
  addKpi,
  addWidget,
  defaultDashboardLayout,
  kpiProgress,
  MAX_WIDGETS,
  moveWidget,
  moveWidgetOnto,
  parseDashboardLayout,
  removeKpi,
  removeWidget,
  resizeWidget,
  serializeDashboardLayout,
} from '../../sync/domain/analytics-layout';

const ids = (layout: { widgets: { id: string }[] }) => layout.widgets.map((widget) => widget.id);

describe('parseDashboardLayout', () => {
  it('reads back what serializeDashboardLayout wrote', () => {
    const layout = addKpi(resizeWidget(moveWidget(defaultDashboardLayout(), 0, 2), 'trend', 'full'), { label: 'Deals won', metric: 'conversions', target: 10 });
    expect(parseDashboardLayout(serializeDashboardLayout(layout))).toEqual(layout);
  });

  it('falls back to the defaults for nothing saved, broken JSON, unknown kinds and duplicate ids', () => {
    const defaults = defaultDashboardLayout();
    expect(parseDashboardLayout(null)).toEqual(defaults);
    expect(parseDashboardLayout('{not json')).toEqual(defaults);
    expect(parseDashboardLayout(JSON.stringify({ widgets: [{ id: 'a', kind: 'weather' }], kpis: [] }))).toEqual(defaults);
    expect(parseDashboardLayout(JSON.stringify({ widgets: [{ id: 'a', kind: 'trend' }, { id: 'a', kind: 'funnel' }] }))).toEqual(defaults);
    expect(parseDashboardLayout(JSON.stringify({ widgets: [], kpis: [{ id: 'k', label: 'x', metric: 'leads', target: -1 }] }))).toEqual(defaults);
  });

  it('fills optional fields: size half, no KPIs, no target', () => {
    expect(parseDashboardLayout(JSON.stringify({ widgets: [{ id: 'f', kind: 'funnel' }] }))).toEqual({ widgets: [{ id: 'f', kind: 'funnel', size: 'half' }], kpis: [] });
    expect(parseDashboardLayout(JSON.stringify({ widgets: [], kpis: [{ id: 'k', label: 'Leads', metric: 'leads' }] })).kpis).toEqual([{ id: 'k', label: 'Leads', metric: 'leads', target: null }]);
  });
});

describe('layout edits', () => {
  it('moves widgets by index (clamped) and by drop target', () => {
    const layout = defaultDashboardLayout();
    expect(ids(moveWidget(layout, 0, 1))).toEqual(['trend', 'metrics', 'funnel', 'sources', 'forecast', 'kpi']);
    expect(ids(moveWidget(layout, 5, -3))).toEqual(['kpi', 'metrics', 'trend', 'funnel', 'sources', 'forecast']);
    expect(moveWidget(layout, 0, 0)).toBe(layout);
    expect(ids(moveWidgetOnto(layout, 'metrics', 'sources'))).toEqual(['trend', 'funnel', 'sources', 'metrics', 'forecast', 'kpi']);
    expect(moveWidgetOnto(layout, 'nope', 'sources')).toBe(layout);
  });

  it('adds widgets with unique ids up to the limit and removes them', () => {
    let layout = addWidget(defaultDashboardLayout(), 'trend');
    expect(ids(layout).slice(-1)).toEqual(['trend-2']);
    layout = addWidget(layout, 'cohorts', 'full');
    expect(layout.widgets.at(-1)).toEqual({ id: 'cohorts', kind: 'cohorts', size: 'full' });
    expect(ids(removeWidget(layout, 'trend'))).not.toContain('trend');
    for (let i = 0; i < 30; i += 1) layout = addWidget(layout, 'kpi');
    expect(layout.widgets).toHaveLength(MAX_WIDGETS);
  });

  it('adds KPIs with fresh ids, validates labels and removes them', () => {
    let layout = addKpi(defaultDashboardLayout(), { label: '  Won deals  ', metric: 'conversions', target: 12 });
    layout = addKpi(layout, { label: 'Leads', metric: 'leads', target: null });
    expect(layout.kpis.map((kpi) => [kpi.id, kpi.label])).toEqual([
      ['kpi-1', 'Won deals'],
      ['kpi-2', 'Leads'],
    ]);
    expect(() => addKpi(layout, { label: '   ', metric: 'leads', target: null })).toThrow();
    layout = removeKpi(layout, 'kpi-1');
    expect(addKpi(layout, { label: 'Again', metric: 'leads', target: 1 }).kpis.map((kpi) => kpi.id)).toEqual(['kpi-2', 'kpi-3']);
  });

  it('reports KPI progress as a clamped fraction', () => {
    expect(kpiProgress(5, 10)).toBe(0.5);
    expect(kpiProgress(15, 10)).toBe(1);
    expect(kpiProgress(3, null)).toBeNull();
    expect(kpiProgress(0, 0)).toBe(1);
  });
});
