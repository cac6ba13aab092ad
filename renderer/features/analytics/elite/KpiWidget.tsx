/** The custom KPIs widget: each KPI's value against its target, and the form that adds one. */
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../ui/FormField';
import { ProgressBar } from '../../../ui/ProgressBar';
import { parseMoneyInput } from '../../../../sync/domain/leads';
import { KPI_LABEL_MAX, KPI_METRIC_LABELS, KPI_METRICS, kpiProgress, MAX_KPIS, type DashboardKpi, type KpiMetric } from '../../../../sync/domain/analytics-layout';
import { kpiValue, type ExecutiveFigures } from '../../../../sync/domain/analytics-report';

interface KpiWidgetProps {
  kpis: readonly DashboardKpi[];
  figures: ExecutiveFigures;
  onAdd(kpi: Omit<DashboardKpi, 'id'>): void;
  onRemove(id: string): void;
}

const isMetric = (value: string): value is KpiMetric => (KPI_METRICS as readonly string[]).includes(value);

export function KpiWidget({ kpis, figures, onAdd, onRemove }: KpiWidgetProps) {
  const [label, setLabel] = useState('');
  const [metric, setMetric] = useState<KpiMetric>('conversions');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<{ label?: string; target?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = label.trim();
    const parsedTarget = target.trim() === '' ? null : parseMoneyInput(target);
    const next: typeof errors = {};
    if (!trimmed) next.label = 'Give the KPI a name, e.g. “Deals won this quarter”.';
    else if (trimmed.length > KPI_LABEL_MAX) next.label = `Keep the name to ${KPI_LABEL_MAX} characters.`;
    if (parsedTarget !== null && (!Number.isFinite(parsedTarget) || parsedTarget < 0)) next.target = 'Enter the target as a number of 0 or more, e.g. 12, or leave it empty.';
    setErrors(next);
    if (next.label || next.target) return;
    onAdd({ label: trimmed, metric, target: parsedTarget });
    setLabel('');
    setTarget('');
  }

  return (
    <>
      {kpis.length === 0 ? <p className="card__text">No custom KPIs yet. Add one below to track it against a target.</p> : null}
      <ul className="elite-kpis">
        {kpis.map((kpi) => {
          const value = kpiValue(figures, kpi.metric);
          const progress = kpiProgress(value, kpi.target);
          const valueText = kpi.target === null ? `${value}` : `${value} of ${kpi.target}`;
          return (
            <li key={kpi.id} className="elite-kpi">
              <div className="elite-kpi__row">
                <strong>{kpi.label}</strong>
                <span>{valueText}</span>
                <button type="button" className="button" onClick={() => onRemove(kpi.id)} aria-label={`Remove KPI ${kpi.label}`}>
                  Remove
                </button>
              </div>
              <span className="elite-kpi__metric">{KPI_METRIC_LABELS[kpi.metric]}</span>
              {progress !== null ? <ProgressBar fraction={progress} label={`${kpi.label} progress`} valueText={valueText} /> : null}
            </li>
          );
        })}
      </ul>
      {kpis.length < MAX_KPIS ? (
        <form className="elite-kpi-form" onSubmit={submit} aria-label="Add a KPI" noValidate>
          <FormField label="KPI name" error={errors.label}>
            <input value={label} onChange={(event) => setLabel(event.target.value)} maxLength={KPI_LABEL_MAX + 20} />
          </FormField>
          <FormField label="Measures">
            <select value={metric} onChange={(event) => isMetric(event.target.value) && setMetric(event.target.value)}>
              {KPI_METRICS.map((entry) => (
                <option key={entry} value={entry}>
                  {KPI_METRIC_LABELS[entry]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Target (optional)" error={errors.target}>
            <input value={target} onChange={(event) => setTarget(event.target.value)} inputMode="decimal" />
          </FormField>
          <button type="submit" className="button">
            Add KPI
          </button>
        </form>
      ) : (
        <p className="card__text">You have the most KPIs a dashboard holds ({MAX_KPIS}). Remove one to add another.</p>
      )}
    </>
  );
}
