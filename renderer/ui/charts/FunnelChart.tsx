/**
 * A funnel as horizontal bars (recharts, loaded lazily), widest first, each with its count and the
 * share it keeps from the step before. Accessible as a role="img" named by the title and every
 * step, described by a visually hidden table (step, count, share) rendered straight away.
 * Props: title; steps ({ label, value }[], in funnel order); formatValue (counts, default locale number).
 */
import { useId } from 'react';
import { ChartFigure } from './ChartFigure';
import { chartLabel, formatCount, funnelRows, type FormatValue } from './chart-text';
import { LazyRowBarPlot } from './lazy-plots';

export interface FunnelStep {
  label: string;
  value: number;
}

export interface FunnelChartProps {
  title: string;
  steps: readonly FunnelStep[];
  formatValue?: FormatValue;
}

const ROW_HEIGHT = 34;

export function FunnelChart({ title, steps, formatValue = formatCount }: FunnelChartProps) {
  const tableId = useId();
  const rows = funnelRows(steps, formatValue);
  const height = rows.length * ROW_HEIGHT + 8;
  const summary = rows.map((row) => `${row.label}: ${row.spoken}`).join('; ');
  return (
    <ChartFigure
      className="funnel-chart"
      label={chartLabel(title, [summary])}
      tableId={tableId}
      height={height}
      plot={<LazyRowBarPlot rows={rows.map((row) => ({ label: row.label, value: row.value, text: row.printed }))} height={height} labelWidth={84} />}
      table={
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
      }
    />
  );
}
