/**
 * A funnel as horizontal SVG bars, widest first, each with its count and the share it keeps from
 * the step before. role="img" with a summary label, plus the same figures as a hidden table.
 */
import { useId } from 'react';
import './line-funnel.css';

export interface FunnelStep {
  label: string;
  value: number;
}

export interface FunnelChartProps {
  title: string;
  steps: readonly FunnelStep[];
  formatValue?: (value: number) => string;
}

const ROW_HEIGHT = 34;
const LABEL_WIDTH = 84;
const VALUE_WIDTH = 110;
const WIDTH = 400;

function share(value: number, previous: number | undefined): string | null {
  if (previous === undefined) return null;
  if (previous === 0) return null;
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(value / previous);
}

export function FunnelChart({ title, steps, formatValue = (value) => value.toLocaleString() }: FunnelChartProps) {
  const tableId = useId();
  const max = Math.max(0, ...steps.map((step) => step.value));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = steps.length * ROW_HEIGHT + 4;
  const rows = steps.map((step, index) => {
    const kept = share(step.value, steps[index - 1]?.value);
    return { ...step, kept, text: kept ? `${formatValue(step.value)} (${kept} of previous step)` : formatValue(step.value) };
  });
  const summary = rows.map((row) => `${row.label}: ${row.text}`).join('; ');

  return (
    <figure className="funnel-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}. ${summary}.`} aria-describedby={tableId}>
        {rows.map((row, index) => {
          const barWidth = max > 0 ? Math.max(row.value > 0 ? 2 : 0, (row.value / max) * plotWidth) : 0;
          const y = index * ROW_HEIGHT + 4;
          return (
            <g key={row.label}>
              <text className="chart__label" x={LABEL_WIDTH - 8} y={y + 17} textAnchor="end">
                {row.label}
              </text>
              <rect className="funnel-chart__bar" x={LABEL_WIDTH} y={y} width={barWidth} height={ROW_HEIGHT - 10} rx={3} />
              <text className="chart__value" x={LABEL_WIDTH + barWidth + 6} y={y + 17}>
                {row.kept ? `${formatValue(row.value)} · ${row.kept}` : formatValue(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden" id={tableId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Count</th>
            <th scope="col">Share of previous step</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{formatValue(row.value)}</td>
              <td>{row.kept ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
