/** The words behind every chart: accessible summaries and data-table rows, kept free of React and recharts. */

export interface ChartDatum {
  /** Short label on the axis, e.g. "Nov". */
  label: string;
  /** Full label for the table and summary, e.g. "November 2026"; defaults to label. */
  longLabel?: string;
  value: number;
}

export interface ChartReference {
  /** What the line stands for, e.g. "Annual goal". */
  label: string;
  value: number;
}

export interface ChartSeries {
  name: string;
  points: readonly ChartDatum[];
}

export type FormatValue = (value: number) => string;

export const formatCount: FormatValue = (value) => value.toLocaleString();

const fullLabel = (datum: ChartDatum) => datum.longLabel ?? datum.label;

/** "November 2026: €1,200; December 2026: €900" */
export function describeData(data: readonly ChartDatum[], formatValue: FormatValue): string {
  return data.map((datum) => `${fullLabel(datum)}: ${formatValue(datum.value)}`).join('; ');
}

/** The accessible name of a chart: its title, then each sentence of figures ("Leads by stage. Lead: 3; Won: 1."). */
export function chartLabel(title: string, sentences: readonly string[]): string {
  const parts = sentences.filter((sentence) => sentence.length > 0);
  return parts.length === 0 ? `${title}. No data.` : `${title}. ${parts.join('. ')}.`;
}

export function referenceText(reference: ChartReference, formatValue: FormatValue): string {
  return `${reference.label}: ${formatValue(reference.value)}`;
}

/** Summary of a line chart with one or more series and an optional reference (goal) line. */
export function describeSeries(series: readonly ChartSeries[], formatValue: FormatValue, reference?: ChartReference): string[] {
  const sentences =
    series.length === 1
      ? [describeData(series[0]?.points ?? [], formatValue)]
      : series.map((one) => `${one.name}: ${describeData(one.points, formatValue)}`);
  return reference ? [...sentences, referenceText(reference, formatValue)] : sentences;
}

export interface FunnelRow {
  label: string;
  value: number;
  /** Share kept from the step before, formatted ("45.5%"); null for the first step or after a zero. */
  kept: string | null;
  /** Count plus share, as read aloud: "12 (40% of previous step)". */
  spoken: string;
  /** Count plus share, as printed beside the bar: "12 · 40%". */
  printed: string;
}

export function funnelRows(steps: readonly { label: string; value: number }[], formatValue: FormatValue): FunnelRow[] {
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  return steps.map((step, index) => {
    const previous = steps[index - 1]?.value;
    const kept = previous === undefined || previous === 0 ? null : percent.format(step.value / previous);
    const count = formatValue(step.value);
    return {
      label: step.label,
      value: step.value,
      kept,
      spoken: kept ? `${count} (${kept} of previous step)` : count,
      printed: kept ? `${count} · ${kept}` : count,
    };
  });
}

/**
 * Rows for a multi-series table: one per period (labels from the first series, which every series
 * shares), one value per series; a missing value reads "—" rather than a misleading zero.
 */
export function seriesTableRows(series: readonly ChartSeries[], formatValue: FormatValue): { period: string; values: string[] }[] {
  const periods = series[0]?.points ?? [];
  return periods.map((period, index) => ({
    period: fullLabel(period),
    values: series.map((one) => {
      const point = one.points[index];
      return point === undefined ? '—' : formatValue(point.value);
    }),
  }));
}
