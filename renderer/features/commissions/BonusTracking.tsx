/** Bonus tracking: this month's bonus lines, earlier bonuses, and promotions SISO has published. */
import type { CommissionLineRow } from '../../../sync/domain/commission-lines';
import { STATUS_LABELS } from '../../../sync/domain/commission-lines';
import { tierLabel } from '../../../sync/domain/tiers';
import { TIERS, type Tier } from '../../../sync/schema/fields';
import { formatDate, formatMoney, formatMonthKey } from '../../ui/format';
import type { Promotion } from './use-commissions-data';

function BonusList({ rows, empty }: { rows: readonly CommissionLineRow[]; empty: string }) {
  if (rows.length === 0) return <p className="card__text">{empty}</p>;
  return (
    <ul className="commission-bonus-list">
      {rows.map((row) => (
        <li key={row.id}>
          <span>
            {row.client}
            <span className="data-table__sub">
              {formatMonthKey(row.month).long} · {STATUS_LABELS[row.status]}
            </span>
          </span>
          <span className="numeric">{formatMoney(row.amount, row.currency)}</span>
        </li>
      ))}
    </ul>
  );
}

function tierName(value: string | null): string | null {
  return value && (TIERS as readonly string[]).includes(value) ? tierLabel(value as Tier) : null;
}

export function BonusTracking({ rows, month, promotions, timeZone }: { rows: readonly CommissionLineRow[]; month: string; promotions: readonly Promotion[]; timeZone: string }) {
  const bonuses = rows.filter((row) => row.type === 'bonus');
  const current = bonuses.filter((row) => row.month === month);
  const earlier = bonuses.filter((row) => row.month < month).slice(0, 12);
  return (
    <section aria-labelledby="bonus-heading" className="commission-bonuses">
      <h2 id="bonus-heading" className="commission-section-title">
        Bonuses and promotions
      </h2>
      <div className="commission-payments__grid">
        <section className="card" aria-labelledby="bonus-month-heading">
          <h3 id="bonus-month-heading">This month</h3>
          <BonusList rows={current} empty="No bonus lines this month yet." />
        </section>
        <section className="card" aria-labelledby="bonus-history-heading">
          <h3 id="bonus-history-heading">Earlier bonuses</h3>
          <BonusList rows={earlier} empty="No earlier bonuses." />
        </section>
        <section className="card" aria-labelledby="promotions-heading">
          <h3 id="promotions-heading">Promotions</h3>
          {promotions.length === 0 ? (
            <p className="card__text">No promotions are running. When SISO publishes one, it appears here with what it pays and until when.</p>
          ) : (
            <ul className="commission-promotions">
              {promotions.map((promotion) => (
                <li key={promotion.id}>
                  <strong>{promotion.headline}</strong>
                  <span>{promotion.reward}</span>
                  {promotion.description ? <span className="card__text">{promotion.description}</span> : null}
                  <span className="data-table__sub">
                    {formatDate(promotion.starts_at, timeZone)} to {formatDate(promotion.ends_at, timeZone)}
                    {tierName(promotion.tierRequired) ? ` · ${tierName(promotion.tierRequired)} tier and above` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
