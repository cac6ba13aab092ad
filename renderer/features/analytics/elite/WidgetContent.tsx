/** What each Elite dashboard widget shows, from the report's figures (KPIs live in KpiWidget). */
import { BarChart } from '../../../ui/charts/BarChart';
import { FunnelChart } from '../../../ui/charts/FunnelChart';
import { LineChart } from '../../../ui/charts/LineChart';
import { formatMoney } from '../../../ui/format';
import type { WidgetKind } from '../../../../sync/domain/analytics-layout';
import { formatCloses, type Forecast } from '../../../../sync/domain/analytics';
import type { ExecutiveFigures, TrendPoint } from '../../../../sync/domain/analytics-report';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthIndex = (point: TrendPoint) => Number(point.month.slice(5, 7)) - 1;
const shortLabel = (point: TrendPoint) => MONTHS[monthIndex(point)] ?? point.month;
const longLabel = (point: TrendPoint) => `${LONG_MONTHS[monthIndex(point)] ?? point.month} ${point.month.slice(0, 4)}`;
const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

export function earningsText(figures: ExecutiveFigures): string {
  return figures.earnings.length > 0 ? figures.earnings.map((total) => formatMoney(total.amount, total.currency)).join(' + ') : 'None yet';
}

export function WidgetContent({ kind, figures }: { kind: Exclude<WidgetKind, 'kpi'>; figures: ExecutiveFigures }) {
  switch (kind) {
    case 'metrics':
      return (
        <dl className="elite-metrics">
          <div>
            <dt>Leads</dt>
            <dd>{figures.leads}</dd>
          </div>
          <div>
            <dt>Won deals</dt>
            <dd>{figures.conversions}</dd>
          </div>
          <div>
            <dt>Conversion rate</dt>
            <dd>{percent(figures.conversionRate)}</dd>
          </div>
          <div>
            <dt>Earnings</dt>
            <dd>{earningsText(figures)}</dd>
          </div>
          <div>
            <dt>Open pipeline</dt>
            <dd>{figures.openPipeline}</dd>
          </div>
        </dl>
      );
    case 'trend':
      return (
        <LineChart
          title="Leads and won deals per month"
          valueHeading="Count"
          series={[
            { name: 'Leads', points: figures.trend.map((point) => ({ label: shortLabel(point), longLabel: longLabel(point), value: point.leads })) },
            { name: 'Won deals', points: figures.trend.map((point) => ({ label: shortLabel(point), longLabel: longLabel(point), value: point.conversions })) },
          ]}
        />
      );
    case 'funnel':
      return <FunnelChart title="Leads by stage" steps={figures.funnel.map((entry) => ({ label: entry.label, value: entry.count }))} />;
    case 'sources':
      return figures.sources.length === 0 ? (
        <p className="card__text">No leads were created in this period.</p>
      ) : (
        <BarChart title="Leads by source" valueHeading="Leads" data={figures.sources.map((entry) => ({ label: entry.label, value: entry.count }))} formatValue={(value) => value.toLocaleString()} />
      );
    case 'forecast':
      return <ForecastWidget forecast={figures.forecast} />;
    case 'cohorts':
      return (
        <table className="data-table">
          <caption className="visually-hidden">Leads by month created and how many are won now</caption>
          <thead>
            <tr>
              <th scope="col">Month created</th>
              <th scope="col" className="numeric">
                Leads
              </th>
              <th scope="col" className="numeric">
                Won now
              </th>
              <th scope="col" className="numeric">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.trend.map((point) => (
              <tr key={point.month}>
                <th scope="row">{longLabel(point)}</th>
                <td className="numeric">{point.leads}</td>
                <td className="numeric">{point.cohortWon}</td>
                <td className="numeric">{point.leads > 0 ? percent(point.cohortWon / point.leads) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** The Analytics page's forecast, as the report prints it: expected won deals per horizon with the 90% range. */
function ForecastWidget({ forecast }: { forecast: Forecast | null }) {
  if (forecast === null) return <p className="card__text">The forecast appears once your commission rate has synced to this device.</p>;
  if (forecast.kind === 'not-enough-history') {
    return (
      <p className="card__text">
        Not enough history to forecast yet: {forecast.closedLeads} closed leads so far, and the forecast learns from at least {forecast.needed}.
      </p>
    );
  }
  return (
    <>
      <ul className="elite-forecast">
        {forecast.horizons.map(({ days, closes }) => (
          <li key={days}>
            <span>Next {days} days</span>
            <strong>
              {formatCloses(closes.expected)} won deals (range {formatCloses(closes.low)} to {formatCloses(closes.high)})
            </strong>
          </li>
        ))}
      </ul>
      <p className="card__text">The Forecast section’s figures, which the executive report prints too; each range covers 90% of outcomes.</p>
    </>
  );
}
