/** Performer's predictive insights: expected closes and commission for 30/60/90 days with a range and the method, and the expected date of the next tier. */
import { FORECAST_METHOD, MIN_CLOSED_FOR_FORECAST, formatCloses as closes, type Forecast } from '../../../sync/domain/analytics';
import { ESTIMATE_METHOD, tierLabel, type TierProgress } from '../../../sync/domain/tiers';
import { formatDate, formatMoney, formatPercent } from '../../ui/format';

const STAGE_NAMES: Record<string, string> = { new: 'New', contacted: 'Contacted', qualified: 'Qualified', proposal: 'Proposal' };

export function ForecastSection({ forecast, tierProgress, timeZone }: { forecast: Forecast | null; tierProgress: TierProgress; timeZone: string }) {
  return (
    <section className="card analytics-section" aria-labelledby="analytics-forecast-heading">
      <h2 id="analytics-forecast-heading">Forecast</h2>
      {forecast === null ? (
        <p className="card__text">The forecast appears once your commission rate has synced to this device.</p>
      ) : forecast.kind === 'not-enough-history' ? (
        <p className="card__text">
          Not enough history to forecast yet: {forecast.closedLeads} closed leads so far, and the forecast learns from at least {MIN_CLOSED_FOR_FORECAST}.
        </p>
      ) : (
        <>
          <table className="analytics-table">
            <caption>Expected from your {forecast.openLeads} open leads (90% range)</caption>
            <thead>
              <tr>
                <th scope="col">Next</th>
                <th scope="col">Expected closes</th>
                <th scope="col">Expected commission</th>
              </tr>
            </thead>
            <tbody>
              {forecast.horizons.map((horizon) => (
                <tr key={horizon.days}>
                  <th scope="row">{horizon.days} days</th>
                  <td>
                    {closes(horizon.closes.expected)} (range {closes(horizon.closes.low)} to {closes(horizon.closes.high)})
                  </td>
                  <td>
                    {horizon.commission.length === 0
                      ? 'No estimated values on open leads'
                      : horizon.commission.map((row) => (
                          <span key={row.currency} className="analytics-forecast__money">
                            {formatMoney(row.expected, row.currency)} (range {formatMoney(row.low, row.currency)} to {formatMoney(row.high, row.currency)})
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="card__text">
            Win rates learned from your history:{' '}
            {forecast.rates.map((rate) => `${STAGE_NAMES[rate.stage] ?? rate.stage} ${formatPercent(rate.winRate)} (${rate.won} of ${rate.closed} won)`).join(' · ')}.
          </p>
          <details className="analytics-method">
            <summary>How the forecast is worked out</summary>
            <p>{FORECAST_METHOD}</p>
          </details>
        </>
      )}
      <h3>Next tier</h3>
      <p className="card__text">{nextTierText(tierProgress, timeZone)}</p>
      {tierProgress.state === 'progressing' ? <p className="card__text analytics-note">{ESTIMATE_METHOD}</p> : null}
    </section>
  );
}

function nextTierText(progress: TierProgress, timeZone: string): string {
  if (progress.state === 'unknown') return progress.message;
  if (progress.state === 'top') return `You are at the top tier, ${tierLabel(progress.current.tier)}.`;
  const next = tierLabel(progress.next.tier);
  const estimate = progress.estimate;
  if (estimate.kind === 'all-met') return `You meet every requirement for ${next}; SISO confirms the move.`;
  if (estimate.kind === 'date') return `At your current pace you reach ${next} around ${formatDate(estimate.date, timeZone)} (in ${estimate.daysFromNow} days).`;
  return `No date for ${next} yet: ${estimate.reason}`;
}
