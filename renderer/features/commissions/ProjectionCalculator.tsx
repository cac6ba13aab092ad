/** The projection calculator: open pipeline × stage probability × rate, now and at the next tier. */
import { STAGE_PROBABILITY, type ProjectionResult } from '../../../sync/domain/commission-projection';
import { stageLabel } from '../../../sync/domain/leads';
import { formatMoney, plural } from '../../ui/format';

export function ProjectionCalculator({ projection }: { projection: ProjectionResult | null }) {
  return (
    <section className="card" aria-labelledby="projection-heading">
      <h2 id="projection-heading">Projection</h2>
      {projection === null ? (
        <p className="card__text">Your commission rate arrives with your tier on the first sync; the projection appears then.</p>
      ) : projection.byCurrency.length === 0 ? (
        <p className="card__text">No open leads with an estimated value. Add values to your open leads to project what they may earn.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Projected commission from open leads, by currency</caption>
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="numeric">Open pipeline</th>
                <th scope="col" className="numeric">Weighted by stage</th>
                <th scope="col" className="numeric">At your rate ({projection.rate}%)</th>
                {projection.nextTier ? (
                  <th scope="col" className="numeric">
                    At {projection.nextTier.label} ({projection.nextTier.rate}%)
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {projection.byCurrency.map((entry) => (
                <tr key={entry.currency}>
                  <th scope="row">
                    {entry.currency}
                    <span className="data-table__sub">{plural(entry.openLeads, 'open lead')}</span>
                  </th>
                  <td className="numeric">{formatMoney(entry.pipelineValue, entry.currency)}</td>
                  <td className="numeric">{formatMoney(entry.weightedValue, entry.currency)}</td>
                  <td className="numeric">{formatMoney(entry.projected, entry.currency)}</td>
                  {entry.projectedAtNextTier !== null ? <td className="numeric">{formatMoney(entry.projectedAtNextTier, entry.currency)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="card__text">
        Each open lead counts at its stage’s chance of being won:{' '}
        {Object.entries(STAGE_PROBABILITY)
          .map(([stage, probability]) => `${stageLabel(stage as keyof typeof STAGE_PROBABILITY)} ${Math.round(probability * 100)}%`)
          .join(', ')}
        . {projection?.nextTier ? `Reaching ${projection.nextTier.label} would raise your rate to ${projection.nextTier.rate}%.` : projection ? 'You are at the top tier.' : ''}
        {projection && projection.unvalued > 0 ? ` ${plural(projection.unvalued, 'open lead')} without an estimated value ${projection.unvalued === 1 ? 'is' : 'are'} left out.` : ''}
      </p>
    </section>
  );
}
