/** Starter's basic metrics for the chosen period, each beside the previous period's figure. */
import type { AnalyticsResult, PeriodMetrics } from '../../../sync/domain/analytics';
import { relativeChange } from '../../../sync/domain/analytics';
import { formatMoney, formatPercent } from '../../ui/format';

interface Tile {
  label: string;
  /** One line per figure (earnings: one per currency). */
  current: string[];
  previous: string;
  change: number | null;
  /** Overrides the relative change, e.g. percentage points for a rate. */
  changeLabel?: string;
  help: string;
}

function pointsText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'No comparison (nothing closed in one of the periods)';
  const points = Math.round((current - previous) * 100);
  if (points === 0) return 'No change';
  return `${points > 0 ? 'Up' : 'Down'} ${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}

function changeText(change: number | null): string {
  if (change === null) return 'No comparison (nothing in the previous period)';
  if (change === 0) return 'No change';
  return `${change > 0 ? 'Up' : 'Down'} ${formatPercent(Math.abs(change))}`;
}

function money(metrics: PeriodMetrics): string[] {
  return metrics.earnings.length ? metrics.earnings.map((row) => formatMoney(row.amount, row.currency)) : ['None'];
}

export function BasicMetrics({ result }: { result: AnalyticsResult }) {
  const { metrics: now, previousMetrics: before } = result;
  const tiles: Tile[] = [
    { label: 'Referrals sent', current: [String(now.referralsSent)], previous: String(before.referralsSent), change: relativeChange(now.referralsSent, before.referralsSent), help: 'Clicks on your referral links.' },
    { label: 'Leads', current: [String(now.leads)], previous: String(before.leads), change: relativeChange(now.leads, before.leads), help: 'Leads created.' },
    { label: 'Conversions', current: [String(now.conversions)], previous: String(before.conversions), change: relativeChange(now.conversions, before.conversions), help: 'Leads won.' },
    {
      label: 'Conversion rate',
      current: [now.conversionRate === null ? '—' : formatPercent(now.conversionRate)],
      previous: before.conversionRate === null ? '—' : formatPercent(before.conversionRate),
      change: null,
      changeLabel: pointsText(now.conversionRate, before.conversionRate),
      help: `Won of the ${now.closed} leads closed (won or lost).`,
    },
    { label: 'Earnings', current: money(now), previous: money(before).join(', '), change: null, help: 'Commission lines created, clawbacks included, per currency.' },
  ];
  return (
    <section className="card analytics-section" aria-labelledby="analytics-basic-heading">
      <h2 id="analytics-basic-heading">Basic metrics</h2>
      <p className="card__text">
        {result.period.label}, compared with {result.period.previousLabel}.
      </p>
      <dl className="analytics-metrics">
        {tiles.map((tile) => (
          <div key={tile.label} className="analytics-metric">
            <dt>{tile.label}</dt>
            {tile.current.map((line) => (
              <dd key={line} className={tile.current.length > 1 ? 'analytics-metric__value analytics-metric__value--small' : 'analytics-metric__value'}>
                {line}
              </dd>
            ))}
            <dd className="analytics-metric__previous">
              Previous: {tile.previous}
              {tile.label === 'Earnings' ? null : <span className="analytics-metric__change"> · {tile.changeLabel ?? changeText(tile.change)}</span>}
            </dd>
            <dd className="analytics-metric__help">{tile.help}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
