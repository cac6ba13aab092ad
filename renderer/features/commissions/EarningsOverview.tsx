/** The earnings overview: per currency, this month vs last, pending, paid, available to withdraw and bonus. */
import type { CurrencyBalance } from '../../../sync/domain/payouts';
import type { MonthComparison } from '../../../sync/domain/commission-lines';
import { formatMoney } from '../../ui/format';

function changeText(comparison: MonthComparison): string {
  if (comparison.change === null) return comparison.thisMonth === 0 ? 'Nothing last month or this month' : 'Nothing last month to compare with';
  const sign = comparison.change > 0 ? '+' : '';
  return `${sign}${comparison.change}% on last month (${formatMoney(comparison.lastMonth, comparison.currency)})`;
}

export function EarningsOverview({ balances, months }: { balances: readonly CurrencyBalance[]; months: readonly MonthComparison[] }) {
  const currencies = [...new Set([...balances.map((balance) => balance.currency), ...months.map((month) => month.currency)])].sort();
  if (currencies.length === 0) {
    return (
      <section className="card" aria-labelledby="earnings-overview-heading">
        <h2 id="earnings-overview-heading">Earnings overview</h2>
        <p className="card__text">No commissions yet. When a lead you referred is won, its commission appears here with how it was worked out.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="earnings-overview-heading" className="commission-overview">
      <h2 id="earnings-overview-heading" className="commission-section-title">
        Earnings overview
      </h2>
      <div className="card-grid">
        {currencies.map((currency) => {
          const balance = balances.find((entry) => entry.currency === currency);
          const month = months.find((entry) => entry.currency === currency);
          const negative = (balance?.available ?? 0) < 0;
          return (
            <section key={currency} className="card commission-overview__card" aria-label={`Earnings in ${currency}`}>
              <h3 className="commission-overview__currency">{currency}</h3>
              <dl className="commission-figures">
                <div>
                  <dt>This month</dt>
                  <dd className="commission-figures__main">{formatMoney(month?.thisMonth ?? 0, currency)}</dd>
                  <dd className="commission-figures__sub" data-trend={month?.change === null || month === undefined ? 'none' : month.change >= 0 ? 'up' : 'down'}>
                    {month ? changeText(month) : 'Nothing this month'}
                  </dd>
                </div>
                <div>
                  <dt>Pending</dt>
                  <dd>{formatMoney(balance?.pending ?? 0, currency)}</dd>
                </div>
                <div>
                  <dt>Paid</dt>
                  <dd>{formatMoney(balance?.paid ?? 0, currency)}</dd>
                </div>
                <div>
                  <dt>Available to withdraw</dt>
                  <dd className={negative ? 'commission-figures__negative' : undefined}>{formatMoney(balance?.available ?? 0, currency)}</dd>
                </div>
                <div>
                  <dt>Bonus this month</dt>
                  <dd>{formatMoney(month?.bonusThisMonth ?? 0, currency)}</dd>
                </div>
              </dl>
              {negative && balance?.withdrawalBlocked ? <p className="inline-message commission-overview__blocked">{balance.withdrawalBlocked}</p> : null}
            </section>
          );
        })}
      </div>
    </section>
  );
}
