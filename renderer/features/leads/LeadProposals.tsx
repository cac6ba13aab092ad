/**
 * The lead page's Proposals card: this lead's proposals with their latest version and where each
 * stands, links to their versions and to present mode, and a new proposal for the lead.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { proposalHistories } from '../../../sync/domain/proposals/version';
import { proposalStatus } from '../../../sync/domain/proposals/status';
import { useEntitlement } from '../../session/use-entitlement';
import { useLeadTimeline } from './use-leads-data';

export function LeadProposals({ leadId, company }: { leadId: string; company: string }) {
  const access = useEntitlement(marketingCategory('proposals'));
  const activities = useLeadTimeline(leadId);
  const histories = useMemo(() => proposalHistories(activities.data), [activities.data]);
  if (!access?.allowed && histories.length === 0) return null;
  return (
    <section className="card" aria-labelledby="lead-proposals-heading">
      <h2 id="lead-proposals-heading">Proposals</h2>
      {histories.length === 0 && !activities.loading ? <p className="card__text">No proposal for {company} yet.</p> : null}
      {histories.length > 0 ? (
        <ul className="lead-proposals" aria-label={`Proposals for ${company}, newest first`}>
          {histories.map((history) => (
            <li key={history.proposalId} className="lead-proposals__item">
              <span className="lead-proposals__version">
                {history.versions.length === 1 ? 'Version 1' : `Version ${history.latest.version} of ${history.versions.length}`}
              </span>{' '}
              · {proposalStatus(history)}
              {history.latest.legacy ? null : (
                <>
                  {' '}
                  · <Link to={`/proposals/${history.proposalId}/present`}>Present<span className="visually-hidden"> version {history.latest.version}</span></Link>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        {histories.length > 0 ? (
          <Link className="button button--small" to={`/proposals?lead=${encodeURIComponent(leadId)}`}>
            Versions and files
          </Link>
        ) : null}
        {access?.allowed ? (
          <Link className="button button--small" to={`/proposals/new?lead=${encodeURIComponent(leadId)}`}>
            New proposal
          </Link>
        ) : null}
      </div>
    </section>
  );
}
