/**
 * The visually hidden table behind a one-series chart: what a screen reader reads instead of the
 * picture (the chart's role="img" points here with aria-describedby). It renders with the page, before
 * the lazily loaded picture, so the figures are never missing.
 * Props: id (target of aria-describedby), title (caption), labelHeading / valueHeading (column
 * headings), data, formatValue, and optional notes: extra rows after the data, e.g. a goal.
 */
import { type ChartDatum, type FormatValue } from './chart-text';

export type { ChartDatum } from './chart-text';

export interface ChartDataTableProps {
  id: string;
  title: string;
  labelHeading: string;
  valueHeading: string;
  data: readonly ChartDatum[];
  formatValue: FormatValue;
  /** Rows that are not data points, e.g. the goal a line is measured against. */
  notes?: readonly ChartDatum[];
}

export function ChartDataTable({ id, title, labelHeading, valueHeading, data, formatValue, notes = [] }: ChartDataTableProps) {
  return (
    <table className="visually-hidden" id={id}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{valueHeading}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((item, index) => (
          <tr key={`${item.label}-${index}`}>
            <th scope="row">{item.longLabel ?? item.label}</th>
            <td>{formatValue(item.value)}</td>
          </tr>
        ))}
      </tbody>
      {notes.length > 0 ? (
        <tfoot>
          {notes.map((item, index) => (
            <tr key={`${item.label}-${index}`}>
              <th scope="row">{item.longLabel ?? item.label}</th>
              <td>{formatValue(item.value)}</td>
            </tr>
          ))}
        </tfoot>
      ) : null}
    </table>
  );
}
