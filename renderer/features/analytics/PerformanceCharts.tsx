/** Active's charts: weekly and monthly trends, the stage funnel, time in stage, and sources and channels. */
import type { AnalyticsResult, TrendBucket } from '../../../sync/domain/analytics';
import { FUNNEL_STAGES } from '../../../sync/domain/analytics';
import type { LeadSource, LeadStage } from '../../../sync/schema/leads.schema';
import { BreakdownChart } from '../../ui/charts/BreakdownChart';
import { FunnelChart } from '../../ui/charts/FunnelChart';
import { LineChart } from '../../ui/charts/LineChart';
import { formatMoney, formatMonthKey } from '../../ui/format';

const STAGE_LABELS: Record<LeadStage, string> = { new: 'New', contacted: 'Contacted', qualified: 'Qualified', proposal: 'Proposal', won: 'Won', lost: 'Lost' };
const SOURCE_LABELS: Record<LeadSource, string> = {
  referral_link: 'Referral link',
  website: 'Website',
  event: 'Event',
  cold_outreach: 'Cold outreach',
  partner_network: 'Partner network',
  other: 'Other',
};

const days = (value: number) => `${value.toFixed(1)} days`;

function weekLabel(key: string) {
  const date = new Date(`${key}T12:00:00Z`);
  return {
    label: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date),
    longLabel: `Week of ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)}`,
  };
}

function monthLabel(key: string) {
  const month = formatMonthKey(key);
  return { label: month.short, longLabel: month.long };
}

/** The currency with the most earnings in the trend, so the earnings line never mixes currencies. */
function mainCurrency(buckets: readonly TrendBucket[]): string | null {
  const totals = new Map<string, number>();
  for (const bucket of buckets) for (const [currency, amount] of Object.entries(bucket.earnings)) totals.set(currency, (totals.get(currency) ?? 0) + Math.abs(amount));
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function PerformanceCharts({ result }: { result: AnalyticsResult }) {
  const weekly = result.weekly.map((bucket) => ({ ...weekLabel(bucket.key), bucket }));
  const monthly = result.monthly.map((bucket) => ({ ...monthLabel(bucket.key), bucket }));
  const currency = mainCurrency(result.monthly);
  const stageTimes = result.timeInStage.filter((row) => row.medianDays !== null);
  return (
    <>
      <section className="card analytics-section" aria-labelledby="analytics-trends-heading">
        <h2 id="analytics-trends-heading">Trends</h2>
        <div className="analytics-grid">
          <LineChart
            title="Leads and conversions per week"
            valueHeading="Count"
            series={[
              { name: 'Leads', points: weekly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.leads })) },
              { name: 'Conversions', points: weekly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.conversions })) },
            ]}
          />
          <LineChart
            title="Leads and conversions per month"
            valueHeading="Count"
            series={[
              { name: 'Leads', points: monthly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.leads })) },
              { name: 'Conversions', points: monthly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.conversions })) },
            ]}
          />
          {currency ? (
            <LineChart
              title={`Earnings per month (${currency})`}
              valueHeading={`Earnings (${currency})`}
              formatValue={(value) => formatMoney(value, currency)}
              points={monthly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.earnings[currency] ?? 0 }))}
            />
          ) : null}
          <LineChart title="Referral-link clicks per week" valueHeading="Clicks" points={weekly.map(({ label, longLabel, bucket }) => ({ label, longLabel, value: bucket.clicks }))} />
        </div>
      </section>

      <section className="card analytics-section" aria-labelledby="analytics-funnel-heading">
        <h2 id="analytics-funnel-heading">Funnel and time in stage</h2>
        <div className="analytics-grid">
          <FunnelChart title="Leads created in the period, by furthest stage reached" steps={result.funnel.map((step) => ({ label: STAGE_LABELS[step.stage], value: step.leads }))} />
          {stageTimes.length ? (
            <BreakdownChart
              title="Median days in each stage"
              labelHeading="Stage"
              valueHeading="Median days"
              formatValue={days}
              data={stageTimes.map((row) => ({ label: STAGE_LABELS[row.stage], longLabel: `${STAGE_LABELS[row.stage]} (${row.stays} finished stays)`, value: row.medianDays ?? 0 }))}
            />
          ) : (
            <p className="card__text">Time in stage appears once a lead has moved from one stage to the next.</p>
          )}
        </div>
        <p className="card__text analytics-note">
          The funnel counts a lead at every stage up to the furthest it reached, so a lost lead still counts where it got to. Time in stage uses finished
          stays from your stage changes ({FUNNEL_STAGES.length - 1} open stages).
        </p>
      </section>

      <section className="card analytics-section" aria-labelledby="analytics-sources-heading">
        <h2 id="analytics-sources-heading">Sources and channels</h2>
        <div className="analytics-grid">
          <BreakdownChart
            title="Leads by source in the period"
            labelHeading="Source"
            valueHeading="Leads"
            formatValue={(value) => value.toLocaleString()}
            data={result.sources.sources.map((row) => ({ label: SOURCE_LABELS[row.source], value: row.leads }))}
          />
          <table className="analytics-table">
            <caption>Referral-link channels in the period (by UTM source and medium)</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Clicks</th>
                <th scope="col">Leads</th>
                <th scope="col">Conversions</th>
              </tr>
            </thead>
            <tbody>
              {result.sources.channels.length === 0 ? (
                <tr>
                  <td colSpan={4}>No referral links yet.</td>
                </tr>
              ) : (
                result.sources.channels.map((row) => (
                  <tr key={row.channel}>
                    <th scope="row">{row.channel}</th>
                    <td>{row.clicks.toLocaleString()}</td>
                    <td>{row.leads.toLocaleString()}</td>
                    <td>{row.conversions.toLocaleString()}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
