/** Attribution analytics: lead sources, the referral funnel, won value per channel and weekly trends. */
import { useMemo } from 'react';
import {
  computeReferralFunnel,
  computeSourceBreakdown,
  computeValuePerChannel,
  computeWeeklyTrend,
} from '../../../sync/domain/attribution';
import { featureLabel } from '../../../sync/domain/entitlements';
import type { LeadSource } from '../../../sync/schema/leads.schema';
import { BarChart } from '../../ui/charts/BarChart';
import { FunnelChart } from '../../ui/charts/FunnelChart';
import { LineChart } from '../../ui/charts/LineChart';
import { formatMoney, formatMoneyCompact, plural } from '../../ui/format';
import type { ReferralData } from './use-referral-data';

/** Axis labels short enough to sit under a bar; the data table keeps the full names. */
const SHORT_SOURCE_LABELS: Record<LeadSource, string> = {
  referral_link: 'Referral',
  website: 'Website',
  event: 'Event',
  cold_outreach: 'Outreach',
  partner_network: 'Network',
  other: 'Other',
};

function weekLabels(weekStart: string): { label: string; longLabel: string } {
  const date = new Date(`${weekStart}T12:00:00Z`);
  return {
    label: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date),
    longLabel: `Week of ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)}`,
  };
}

export function AttributionAnalytics({ data }: { data: ReferralData }) {
  const sources = useMemo(() => computeSourceBreakdown(data.leads), [data.leads]);
  const funnel = useMemo(() => computeReferralFunnel(data.links, data.leads, data.clicks), [data.links, data.leads, data.clicks]);
  const value = useMemo(() => computeValuePerChannel(data.leads), [data.leads]);
  const trend = useMemo(
    () => computeWeeklyTrend(data.leads, data.clicks, data.now, data.timeZone),
    [data.leads, data.clicks, data.now, data.timeZone],
  );
  const currencies = [...new Set(value.rows.map((row) => row.currency))];
  const count = (n: number) => n.toLocaleString();

  return (
    <div className="referrals__charts" data-testid="attribution-analytics">
      <section className="card" aria-labelledby="attr-sources-heading">
        <h3 id="attr-sources-heading">Traffic source breakdown</h3>
        <BarChart
          title="Leads by source"
          valueHeading="Leads"
          data={sources.map((row) => ({ label: SHORT_SOURCE_LABELS[row.source], longLabel: featureLabel(row.source), value: row.leads }))}
          formatValue={count}
        />
      </section>
      <section className="card" aria-labelledby="attr-funnel-heading">
        <h3 id="attr-funnel-heading">Conversion funnel</h3>
        <p className="card__text">From clicks on your referral links to won deals from those links.</p>
        <FunnelChart
          title="Referral link conversion funnel"
          steps={[
            { label: 'Clicks', value: funnel.clicks },
            { label: 'Leads', value: funnel.leads },
            { label: 'Qualified+', value: funnel.qualified },
            { label: 'Won', value: funnel.won },
          ]}
          formatValue={count}
        />
      </section>
      <section className="card" aria-labelledby="attr-value-heading">
        <h3 id="attr-value-heading">Won value per channel</h3>
        {currencies.length === 0 ? (
          <p className="card__text">No won leads with an estimated value yet.</p>
        ) : (
          currencies.map((currency) => (
            <div key={currency}>
              <h4 className="referrals__chart-title">In {currency}</h4>
              <BarChart
                title={`Won value by source in ${currency}`}
                valueHeading={`Won value (${currency})`}
                data={value.rows
                  .filter((row) => row.currency === currency)
                  .map((row) => ({
                    label: SHORT_SOURCE_LABELS[row.source],
                    longLabel: `${featureLabel(row.source)} (${plural(row.wonLeads, 'won lead', 'won leads')})`,
                    value: row.value,
                  }))}
                formatValue={(amount) => formatMoney(amount, currency)}
                formatBarLabel={(amount) => formatMoneyCompact(amount, currency)}
              />
            </div>
          ))
        )}
        {value.wonWithoutValue > 0 ? (
          <p className="card__text">
            {value.wonWithoutValue === 1
              ? '1 won lead has no estimated value, so it is not included.'
              : `${value.wonWithoutValue} won leads have no estimated value, so they are not included.`}
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="attr-trend-heading">
        <h3 id="attr-trend-heading">Trend over the last 12 weeks</h3>
        <h4 className="referrals__chart-title">Clicks on your referral links per week</h4>
        <LineChart
          title="Referral link clicks per week"
          valueHeading="Clicks"
          points={trend.map((week) => ({ ...weekLabels(week.weekStart), value: week.clicks }))}
          formatValue={count}
        />
        <h4 className="referrals__chart-title">New leads per week</h4>
        <LineChart
          title="New leads per week"
          valueHeading="Leads"
          points={trend.map((week) => ({ ...weekLabels(week.weekStart), value: week.leads }))}
          formatValue={count}
        />
      </section>
    </div>
  );
}
