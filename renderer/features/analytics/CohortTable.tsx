/** Performer's cohorts as a table heat-map: leads by month created × share won by each later month (the shade repeats the printed figure). */
import type { CohortRow } from '../../../sync/domain/analytics';
import { formatMonthKey, formatPercent } from '../../ui/format';

export function CohortTable({ rows }: { rows: readonly CohortRow[] }) {
  const shown = rows.filter((row) => row.leads > 0);
  const width = rows[0]?.wonShare.length ?? 0;
  return (
    <section className="card analytics-section" aria-labelledby="analytics-cohorts-heading">
      <h2 id="analytics-cohorts-heading">Cohorts</h2>
      <p className="card__text">Each row is the leads created in one month; each column shows the share of them won by the end of that many months later.</p>
      {shown.length === 0 ? (
        <p className="card__text">No leads in the last 12 months yet.</p>
      ) : (
        <div className="analytics-scroll" tabIndex={0} role="region" aria-label="Cohort table, scrolls sideways">
          <table className="analytics-table analytics-cohorts">
            <caption>Share of each month’s leads won, by months since created</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Leads</th>
                {Array.from({ length: width }, (_, offset) => (
                  <th scope="col" key={offset}>
                    {offset === 0 ? 'Same month' : `+${offset}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{formatMonthKey(row.month).long}</th>
                  <td>{row.leads}</td>
                  {row.wonShare.map((share, offset) =>
                    share === null ? (
                      <td key={offset} className="analytics-cohorts__empty">
                        <span className="visually-hidden">Not reached yet</span>
                      </td>
                    ) : (
                      <td key={offset} style={{ ['--share' as string]: share }} className="analytics-cohorts__cell">
                        {formatPercent(share)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
