/**
 * The Commission center (/commissions): earnings per currency, charts and the projection, every
 * commission line with its explanation, statements, payment management and bonuses — all from the
 * local store, so it works offline; only saving payout and tax details needs the server.
 */
import { useState } from 'react';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { tierLabel } from '../../../sync/domain/tiers';
import { PageHeader } from '../../ui/PageHeader';
import { LeaderboardRank } from '../../ui/LeaderboardRank';
import { FormField } from '../../ui/FormField';
import { systemTimeZone } from '../../ui/format';
import { BonusTracking } from './BonusTracking';
import { CommissionLinesSection } from './CommissionLinesSection';
import { EarningsCharts } from './EarningsCharts';
import { EarningsOverview } from './EarningsOverview';
import { PaymentManagement } from './PaymentManagement';
import { ProjectionCalculator } from './ProjectionCalculator';
import { StatementsPanel } from './StatementsPanel';
import { useCommissionsData, type CommissionsData } from './use-commissions-data';
import './commissions.css';

export function CommissionCenterPage() {
  const data = useCommissionsData();
  return (
    <>
      <title>Commission center · SISO Partner Workstation</title>
      <PageHeader title="Commission center" description="What you have earned, how each amount was worked out, and getting paid." />
      <CommissionCenterBody data={data} />
    </>
  );
}

function CommissionCenterBody({ data }: { data: CommissionsData }) {
  const currencies = [...new Set([data.homeCurrency, ...data.rows.map((row) => row.currency)])].sort();
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to see your commissions.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your commissions could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading your commissions…</p>;

  const timeZone = resolveTimeZone(data.profile?.timezone, systemTimeZone());
  const busiest = currencies.find((code) => data.rows.some((row) => row.currency === code && row.month === data.month)) ?? data.homeCurrency;
  const currency = chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : data.rows.some((row) => row.currency === data.homeCurrency) ? data.homeCurrency : busiest;

  return (
    <div className="commission-center">
      <EarningsOverview balances={data.balances} months={data.months} />
      <section className="card stat-card commission-rank" aria-labelledby="commission-rank-heading" data-testid="commission-rank">
        <h2 id="commission-rank-heading">Leaderboard rank</h2>
        <LeaderboardRank standing={data.leaderboard} />
      </section>
      {currencies.length > 1 ? (
        <div className="commission-center__currency">
          <FormField label="Chart currency">
            <select value={currency} onChange={(event) => setChosenCurrency(event.target.value)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </FormField>
        </div>
      ) : null}
      <EarningsCharts rows={data.rows} currency={currency} month={data.month} goals={data.goals} db={data.db} partnerId={data.partnerId} />
      <ProjectionCalculator projection={data.projection} />
      <CommissionLinesSection rows={data.rows} lines={data.earnings} sources={{ leads: data.leads, payouts: data.payouts }} timeZone={timeZone} />
      <StatementsPanel data={data} />
      <PaymentManagement
        db={data.db}
        partnerId={data.partnerId}
        client={data.client}
        isDemo={data.isDemo}
        balances={data.balances}
        payouts={data.payouts}
        payoutMethod={data.payoutMethod}
        payoutMethodKind={data.profile?.payout_method ?? null}
        taxDetails={data.taxDetails}
        schedule={data.schedule}
        tierLabel={data.tier ? tierLabel(data.tier) : null}
        payoutAutomatic={data.profile?.payout_automatic ?? false}
        homeCurrency={data.homeCurrency}
        timeZone={timeZone}
      />
      <BonusTracking rows={data.rows} month={data.month} promotions={data.promotions} timeZone={timeZone} />
    </div>
  );
}
