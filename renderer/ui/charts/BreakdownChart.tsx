/**
 * Amounts by category as horizontal bars (recharts, loaded lazily), e.g. commission by type
 * (referral, upsell, base, bonus, clawback). Negative amounts are drawn honestly: left of a zero
 * line, in the danger colour, with their signed amount printed. Accessible as a role="img" named by
 * the title and every amount, described by a visually hidden table rendered straight away.
 * Props: title (name and caption); data ({ label, longLabel?, value }[]); formatValue (table and
 * summary, should show the sign); formatBarLabel (beside the bars, defaults to formatValue);
 * valueHeading and labelHeading (table columns; labelHeading defaults to "Category"); total (adds a
 * "Total" row to the table and summary when given).
 */
import { useId } from 'react';
import { ChartDataTable } from './ChartDataTable';
import { ChartFigure } from './ChartFigure';
import { chartLabel, describeData, referenceText, type ChartDatum, type FormatValue } from './chart-text';
import { LazyRowBarPlot } from './lazy-plots';

export interface BreakdownChartProps {
  title: string;
  data: readonly ChartDatum[];
  formatValue: FormatValue;
  formatBarLabel?: FormatValue;
  valueHeading: string;
  labelHeading?: string;
  /** Net of all categories, e.g. after a clawback; shown in the table and summary only. */
  total?: number;
}

const ROW_HEIGHT = 34;

export function BreakdownChart({ title, data, formatValue, formatBarLabel = formatValue, valueHeading, labelHeading = 'Category', total }: BreakdownChartProps) {
  const tableId = useId();
  const height = Math.max(1, data.length) * ROW_HEIGHT + 8;
  const notes = total === undefined ? [] : [{ label: 'Total', value: total }];
  const sentences = [describeData(data, formatValue), ...notes.map((note) => referenceText(note, formatValue))];
  const rows = data.map((item) => ({ label: item.label, value: item.value, text: formatBarLabel(item.value) }));
  return (
    <ChartFigure
      className="breakdown-chart"
      label={chartLabel(title, sentences)}
      tableId={tableId}
      height={height}
      plot={<LazyRowBarPlot rows={rows} height={height} labelWidth={96} />}
      table={
        <ChartDataTable id={tableId} title={title} labelHeading={labelHeading} valueHeading={valueHeading} data={data} formatValue={formatValue} notes={notes} />
      }
    />
  );
}
