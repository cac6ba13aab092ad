/**
 * A single-series line chart in SVG (points marked, first/last axis labels and every other in
 * between when space allows). role="img" with a summary label, plus a hidden data table.
 */
import { useId } from 'react';
import './line-funnel.css';
import { ChartDataTable } from './ChartDataTable';

export interface LinePoint {
  /** Axis label, e.g. "12 May". */
  label: string;
  /** Full label for the table, e.g. "Week of 12 May 2026". Defaults to label. */
  longLabel?: string;
  value: number;
}

export interface LineChartProps {
  title: string;
  points: readonly LinePoint[];
  valueHeading: string;
  formatValue?: (value: number) => string;
  height?: number;
}

const WIDTH = 420;
const PAD_X = 28;
const PAD_TOP = 20;
const AXIS_HEIGHT = 22;

export function LineChart({ title, points, valueHeading, formatValue = (value) => value.toLocaleString(), height = 180 }: LineChartProps) {
  const tableId = useId();
  const max = Math.max(0, ...points.map((point) => point.value));
  const plotHeight = height - PAD_TOP - AXIS_HEIGHT;
  const step = points.length > 1 ? (WIDTH - 2 * PAD_X) / (points.length - 1) : 0;
  const coords = points.map((point, index) => ({
    ...point,
    x: PAD_X + index * step,
    y: PAD_TOP + plotHeight - (max > 0 ? (point.value / max) * plotHeight : 0),
  }));
  const path = coords.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)} ${point.y.toFixed(1)}`).join(' ');
  const summary = points.map((point) => `${point.longLabel ?? point.label}: ${formatValue(point.value)}`).join('; ');
  const labelEvery = points.length > 8 ? 2 : 1;

  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}. ${summary}.`} aria-describedby={tableId}>
        <line className="line-chart__axis" x1={0} x2={WIDTH} y1={height - AXIS_HEIGHT} y2={height - AXIS_HEIGHT} />
        <path className="line-chart__line" d={path} />
        {coords.map((point, index) => (
          <g key={`${point.label}-${index}`}>
            <circle className="line-chart__point" cx={point.x} cy={point.y} r={3} />
            {index === coords.length - 1 || point.value === max ? (
              <text className="chart__value" x={point.x} y={point.y - 7} textAnchor="middle">
                {formatValue(point.value)}
              </text>
            ) : null}
            {(coords.length - 1 - index) % labelEvery === 0 ? (
              <text className="chart__label" x={point.x} y={height - 6} textAnchor="middle">
                {point.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ChartDataTable id={tableId} title={title} labelHeading="Period" valueHeading={valueHeading} data={points} formatValue={formatValue} />
    </figure>
  );
}
