/**
 * A small vertical bar chart in SVG (no chart library): role="img" with a summary label for
 * assistive technology, plus the same figures as a visually hidden table.
 */
import { useId } from 'react';
import './charts.css';
import { ChartDataTable } from './ChartDataTable';

export interface BarDatum {
  /** Axis label under the bar, e.g. "Nov". */
  label: string;
  /** Full label for the data table, e.g. "November 2026". Defaults to label. */
  longLabel?: string;
  value: number;
}

export interface BarChartProps {
  /** Chart name, used in its accessible label and table caption. */
  title: string;
  data: readonly BarDatum[];
  formatValue: (value: number) => string;
  /** Short form for the labels above the bars (e.g. compact currency); defaults to formatValue. */
  formatBarLabel?: (value: number) => string;
  /** Column heading for the values in the data table. */
  valueHeading: string;
  height?: number;
}

const BAR_AREA_TOP = 18;
const AXIS_HEIGHT = 22;
// Room either side so labels above the outer bars are not clipped.
const SIDE_PADDING = 16;

export function BarChart({ title, data, formatValue, formatBarLabel = formatValue, valueHeading, height = 180 }: BarChartProps) {
  const tableId = useId();
  const width = Math.max(240, data.length * 56) + 2 * SIDE_PADDING;
  const max = Math.max(0, ...data.map((item) => item.value));
  const plotHeight = height - BAR_AREA_TOP - AXIS_HEIGHT;
  const slot = (width - 2 * SIDE_PADDING) / Math.max(1, data.length);
  const barWidth = Math.min(36, slot * 0.6);
  const summary = data.map((item) => `${item.longLabel ?? item.label}: ${formatValue(item.value)}`).join('; ');

  return (
    <figure className="bar-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        height={height}
        role="img"
        aria-label={`${title}. ${summary}.`}
        aria-describedby={tableId}
        preserveAspectRatio="xMidYMid meet"
      >
        <line className="bar-chart__axis" x1={0} x2={width} y1={height - AXIS_HEIGHT} y2={height - AXIS_HEIGHT} />
        {data.map((item, index) => {
          const barHeight = max > 0 ? Math.max(item.value > 0 ? 2 : 0, (item.value / max) * plotHeight) : 0;
          const x = SIDE_PADDING + index * slot + (slot - barWidth) / 2;
          const y = height - AXIS_HEIGHT - barHeight;
          return (
            <g key={`${item.label}-${index}`}>
              <rect className="bar-chart__bar" x={x} y={y} width={barWidth} height={barHeight} rx={3} />
              <text className="bar-chart__value" x={x + barWidth / 2} y={y - 4} textAnchor="middle">
                {item.value > 0 ? formatBarLabel(item.value) : ''}
              </text>
              <text className="bar-chart__label" x={SIDE_PADDING + index * slot + slot / 2} y={height - 6} textAnchor="middle">
                {item.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartDataTable id={tableId} title={title} labelHeading="Category" valueHeading={valueHeading} data={data} formatValue={formatValue} />
    </figure>
  );
}
