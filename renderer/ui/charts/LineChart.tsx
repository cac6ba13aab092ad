/**
 * A line chart over periods (recharts, loaded lazily): one series, or several sharing the same
 * periods, with an optional reference line such as a goal. Points are marked; the latest value
 * (and, for one series, the highest) is printed. Accessible as a role="img" named by the title and
 * every figure, described by a visually hidden table rendered straight away (the reference is a
 * row in its footer).
 * Props: title (name and caption); points ({ label, longLabel?, value }[]) for one series, or
 * series ({ name, points }[]; every series lists the same periods, labels come from the first);
 * valueHeading (table value column, one series); formatValue (table and summary, default locale
 * number); formatPointLabel (short form above points, defaults to formatValue); height (px,
 * default 180); reference ({ label, value }, e.g. { label: 'Annual goal', value: 12000 }).
 */
import { useId } from 'react';
import { ChartDataTable } from './ChartDataTable';
import { ChartFigure } from './ChartFigure';
import { chartLabel, describeSeries, formatCount, referenceText, seriesTableRows, type ChartDatum, type ChartReference, type ChartSeries, type FormatValue } from './chart-text';
import { LazyLinePlot } from './lazy-plots';

export type LinePoint = ChartDatum;
export type LineSeries = ChartSeries;

interface LineChartCommon {
  title: string;
  valueHeading: string;
  formatValue?: FormatValue;
  /** Short form printed above points (e.g. compact currency); defaults to formatValue. */
  formatPointLabel?: FormatValue;
  height?: number;
  reference?: ChartReference;
}

export type LineChartProps = LineChartCommon & ({ points: readonly LinePoint[]; series?: never } | { series: readonly LineSeries[]; points?: never });

/** Text above each point: the last point of every series, and the peak when there is one series. */
function pointTexts(series: readonly LineSeries[], formatValue: FormatValue, index: number): (string | undefined)[] {
  return series.map((one) => {
    const point = one.points[index];
    if (point === undefined) return undefined;
    const isLast = index === one.points.length - 1;
    const isPeak = series.length === 1 && point.value === Math.max(...one.points.map((p) => p.value));
    return isLast || isPeak ? formatValue(point.value) : undefined;
  });
}

export function LineChart({ title, points, series, valueHeading, formatValue = formatCount, formatPointLabel = formatValue, height = 180, reference }: LineChartProps) {
  const tableId = useId();
  const allSeries: readonly LineSeries[] = series ?? [{ name: valueHeading, points: points ?? [] }];
  const periods = allSeries[0]?.points ?? [];
  const rows = periods.map((period, index) => ({
    label: period.label,
    values: allSeries.map((one) => one.points[index]?.value),
    texts: pointTexts(allSeries, formatPointLabel, index),
  }));
  const referenceLine = reference ? { value: reference.value, text: referenceText(reference, formatPointLabel) } : undefined;
  const notes = reference ? [reference] : [];

  return (
    <ChartFigure
        className="line-chart"
        label={chartLabel(title, describeSeries(allSeries, formatValue, reference))}
        tableId={tableId}
        height={height}
        plot={<LazyLinePlot rows={rows} seriesNames={allSeries.map((one) => one.name)} height={height} reference={referenceLine} />}
        table={
          allSeries.length === 1 ? (
            <ChartDataTable id={tableId} title={title} labelHeading="Period" valueHeading={valueHeading} data={periods} formatValue={formatValue} notes={notes} />
          ) : (
            <SeriesTable id={tableId} title={title} series={allSeries} formatValue={formatValue} notes={notes} />
          )
        }
        legend={allSeries.length > 1 ? <SeriesLegend names={allSeries.map((one) => one.name)} /> : undefined}
      />
  );
}

function SeriesTable({ id, title, series, formatValue, notes }: { id: string; title: string; series: readonly LineSeries[]; formatValue: FormatValue; notes: readonly ChartReference[] }) {
  return (
    <table className="visually-hidden" id={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          {series.map((one) => (
            <th scope="col" key={one.name}>
              {one.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {seriesTableRows(series, formatValue).map((row, index) => (
          <tr key={`${row.period}-${index}`}>
            <th scope="row">{row.period}</th>
            {row.values.map((value, column) => (
              <td key={column}>{value}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {notes.length > 0 ? (
        <tfoot>
          {notes.map((note) => (
            <tr key={note.label}>
              <th scope="row">{note.label}</th>
              <td colSpan={series.length}>{formatValue(note.value)}</td>
            </tr>
          ))}
        </tfoot>
      ) : null}
    </table>
  );
}

/** Which line is which, for sighted readers (the chart's accessible name already says it). */
function SeriesLegend({ names }: { names: readonly string[] }) {
  return (
    <ul className="chart__legend" aria-hidden="true">
      {names.map((name, index) => (
        <li key={name} data-series={index % 3}>
          {name}
        </li>
      ))}
    </ul>
  );
}
