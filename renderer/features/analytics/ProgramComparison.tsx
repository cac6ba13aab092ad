/** Active's comparison with the program: the latest published aggregate of the partner's tier (median, quartiles) beside the partner's own month. */
import { COMPARISON_LABELS, compareWithProgram, monthFigures, type AnalyticsResult, type ComparisonMetric, type ComparisonRow, type ProgramAggregate } from '../../../sync/domain/analytics';
import { formatMoney, formatMonthKey, formatPercent } from '../../ui/format';

function formatFigure(metric: ComparisonMetric, value: number | null): string {
  if (value === null) return '—';
  if (metric === 'conversion_rate') return formatPercent(value);
  if (metric === 'earnings_gbp') return formatMoney(value, 'GBP');
  if (metric === 'avg_days_to_close') return `${value.toFixed(1)} days`;
  return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

const POSITION_TEXT: Record<ComparisonRow['position'], string> = {
  below: 'Below the middle half',
  middle: 'In the middle half',
  above: 'Above the middle half',
  'below-median': 'Below the median',
  'at-median': 'At the median',
  'above-median': 'Above the median',
  unknown: 'No figure of yours this month',
};

export function ProgramComparison({ result, aggregate, tierLabel }: { result: AnalyticsResult; aggregate: ProgramAggregate | null; tierLabel: string }) {
  return (
    <section className="card analytics-section" aria-labelledby="analytics-program-heading">
      <h2 id="analytics-program-heading">Compared with the program</h2>
      {aggregate ? (
        <ComparisonTable result={result} aggregate={aggregate} tierLabel={tierLabel} />
      ) : (
        <p className="card__text">
          Not enough partners in your tier to compare yet. SISO publishes the comparison only when at least 5 partners are in the group, so no one’s own
          figures can be worked out.
        </p>
      )}
    </section>
  );
}

function ComparisonTable({ result, aggregate, tierLabel }: { result: AnalyticsResult; aggregate: ProgramAggregate; tierLabel: string }) {
  const rows = compareWithProgram(aggregate, monthFigures(result.indexes.leads, result.indexes.earnings, aggregate.month));
  const month = formatMonthKey(aggregate.month).long;
  return (
    <>
      <p className="card__text">
        {month}: you against {aggregate.partners} {tierLabel} partners. Only anonymised figures are published — the median and the middle half (25th to
        75th percentile) — never another partner’s own numbers. Months here are UTC, as SISO counts them; conversion rate is the share of the month’s
        new leads won so far.
      </p>
      <table className="analytics-table">
        <caption>
          Your {month} against {tierLabel} partners
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">You</th>
            <th scope="col">Median</th>
            <th scope="col">Middle half</th>
            <th scope="col">Where you are</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metric}>
              <th scope="row">{COMPARISON_LABELS[row.metric]}</th>
              <td>{formatFigure(row.metric, row.you)}</td>
              <td>{formatFigure(row.metric, row.program.median)}</td>
              <td>
                {row.program.p25 === null || row.program.p75 === null
                  ? 'Not published for a group this size'
                  : `${formatFigure(row.metric, row.program.p25)} to ${formatFigure(row.metric, row.program.p75)}`}
              </td>
              <td>{POSITION_TEXT[row.position]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
