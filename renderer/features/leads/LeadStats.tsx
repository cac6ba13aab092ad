/** The quick stats row, computed from the local leads by sync/domain/leads.ts. */
import { computeLeadStats, type LeadLike } from '../../../sync/domain/leads';
import { formatMoney } from '../../ui/format';

export function LeadStats({ leads }: { leads: readonly LeadLike[] }) {
  const stats = computeLeadStats(leads);
  return (
    <section aria-labelledby="lead-stats-heading" className="lead-stats">
      <h2 id="lead-stats-heading" className="visually-hidden">
        Quick stats
      </h2>
      <dl className="stat-row">
        <div className="stat">
          <dt>Active leads</dt>
          <dd data-testid="stat-active">{stats.active}</dd>
        </div>
        <div className="stat stat--wide">
          <dt>Potential value</dt>
          <dd data-testid="stat-potential">
            {stats.potential.length === 0 ? (
              '—'
            ) : (
              <ul className="stat__list">
                {stats.potential.map((total) => (
                  <li key={total.currency ?? 'none'}>{formatMoney(total.amount, total.currency)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>In progress</dt>
          <dd data-testid="stat-in-progress">{stats.inProgress}</dd>
        </div>
        <div className="stat">
          <dt>Converted</dt>
          <dd data-testid="stat-converted">{stats.converted}</dd>
        </div>
      </dl>
      <p className="stat-row__note">
        Active: not yet won or lost. In progress: contacted, qualified or proposal. Potential: active leads’ estimated
        values, per currency.
      </p>
    </section>
  );
}
