/**
 * A vertical bar chart (recharts, loaded lazily) of one value per category, values printed above
 * the bars. Accessible as a role="img" named by the title and every figure, described by a visually
 * hidden data table that is rendered straight away.
 * Props: title (name and table caption); data ({ label, longLabel?, value }[]: label under the bar,
 * longLabel in the table); formatValue (table and summary); formatBarLabel (short form above the
 * bars, defaults to formatValue); valueHeading (table column); height (px, default 180).
 */
import { useId } from 'react';
import { ChartDataTable } from './ChartDataTable';
import { ChartFigure } from './ChartFigure';
import { chartLabel, describeData, type ChartDatum, type FormatValue } from './chart-text';
import { LazyBarPlot } from './lazy-plots';

export type BarDatum = ChartDatum;

export interface BarChartProps {
  /** Chart name, used in its accessible label and table caption. */
  title: string;
  data: readonly BarDatum[];
  formatValue: FormatValue;
  /** Short form for the labels above the bars (e.g. compact currency); defaults to formatValue. */
  formatBarLabel?: FormatValue;
  /** Column heading for the values in the data table. */
  valueHeading: string;
  height?: number;
}

export function BarChart({ title, data, formatValue, formatBarLabel = formatValue, valueHeading, height = 180 }: BarChartProps) {
  const tableId = useId();
  const rows = data.map((item) => ({ label: item.label, value: item.value, text: item.value > 0 ? formatBarLabel(item.value) : undefined }));
  return (
    <ChartFigure
      className="bar-chart"
      label={chartLabel(title, [describeData(data, formatValue)])}
      tableId={tableId}
      height={height}
      plot={<LazyBarPlot rows={rows} height={height} />}
      table={<ChartDataTable id={tableId} title={title} labelHeading="Category" valueHeading={valueHeading} data={data} formatValue={formatValue} />}
    />
  );
}
