/** /proposals: the proposals saved on this device (proposal_created activities), newest first. */
import { Link } from 'react-router-dom';
import { marketingCategory } from '../../../sync/domain/entitlements';
import { readProposalMeta } from '../../../sync/domain/proposals';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { useEntitlement } from '../../session/use-entitlement';
import { useProposalTemplates, useSavedProposals } from './use-proposals-data';
import './proposals.css';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ProposalsPage() {
  const access = useEntitlement(marketingCategory('proposals'));
  const { activities, leadNames } = useSavedProposals();
  const templates = useProposalTemplates();

  return (
    <>
      <title>Proposals · SISO Partner Workstation</title>
      <PageHeader title="Proposals" description="Co-branded PDF proposals you have saved for your leads." />
      {access === null ? <p className="card__text">Checking what your tier includes…</p> : null}
      {access && !access.allowed ? (
        <LockedFeature title="Proposals" description="Create co-branded PDF proposals for your leads, priced from their estimated value." message={access.message} />
      ) : null}
      {access?.allowed ? (
        <div className="button-row proposals__actions">
          <Link className="button button--primary" to="/proposals/new">
            New proposal
          </Link>
        </div>
      ) : null}
      {access?.allowed && templates.unusable.length > 0 ? (
        <section className="card proposals__unusable" aria-labelledby="unusable-templates-heading">
          <h2 id="unusable-templates-heading">Templates that cannot be used</h2>
          <ul>
            {templates.unusable.map((row) => (
              <li key={row.rowId}>{row.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="saved-proposals-heading">
        <h2 id="saved-proposals-heading">Saved proposals</h2>
        {activities.error ? (
          <p role="alert" className="card__text">
            Your proposals could not be read from this device ({activities.error.message}). Restart the app; if it keeps happening, contact SISO support.
          </p>
        ) : null}
        {!activities.loading && !activities.error && activities.data.length === 0 ? <p className="card__text">No proposals saved yet.</p> : null}
        {activities.data.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Saved proposals, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Template</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Saved</th>
                </tr>
              </thead>
              <tbody>
                {activities.data.map((activity) => {
                  const meta = readProposalMeta(activity.meta);
                  const company = activity.lead_id ? leadNames.get(activity.lead_id) : undefined;
                  return (
                    <tr key={activity.id}>
                      <th scope="row">{meta?.fileName ?? activity.body ?? 'Proposal'}</th>
                      <td>{meta ? (templates.titles.get(meta.template) ?? meta.template) : '—'}</td>
                      <td>{activity.lead_id && company ? <Link to={`/leads/${activity.lead_id}`}>{company}</Link> : 'Deleted lead'}</td>
                      <td>
                        <time dateTime={activity.occurred_at}>{dateTime.format(new Date(activity.occurred_at))}</time>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
