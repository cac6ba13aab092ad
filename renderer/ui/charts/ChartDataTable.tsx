/** The hidden table behind a one-series chart: what a screen reader reads instead of the picture. */
export interface ChartDatum {
  label: string;
  /** Full label for the table; defaults to label. */
  longLabel?: string;
  value: number;
}

export interface ChartDataTableProps {
  id: string;
  title: string;
  labelHeading: string;
  valueHeading: string;
  data: readonly ChartDatum[];
  formatValue: (value: number) => string;
}

export function ChartDataTable({ id, title, labelHeading, valueHeading, data, formatValue }: ChartDataTableProps) {
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
    </table>
  );
}
