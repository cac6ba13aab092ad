/**
 * /clients: the partner's won leads as clients — contact, referral status, projects SISO delivers,
 * commissions earned and last activity — searchable, filterable and sortable. Reads local data only.
 */
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate, formatMoney, plural } from '../../ui/format';
import { useEntitlement } from '../../session/use-entitlement';
import {
  CLIENT_FEATURES,
  CLIENT_PROJECT_FILTER_LABELS,
  CLIENT_PROJECT_FILTERS,
  CLIENT_PROJECT_STATUS_LABELS,
  CLIENT_SORT_LABELS,
  CLIENT_SORTS,
  filterClients,
  sortClients,
  type Client,
  type ClientProjectFilter,
  type ClientSort,
  type CurrencyAmount,
} from '../../../sync/domain/clients';
import { useClients, useClientWorkspace } from './use-clients-data';
import './clients.css';

export function ClientsPage() {
  const access = useEntitlement(CLIENT_FEATURES.list);
  return (
    <>
      <title>Clients · SISO Partner Workstation</title>
      <PageHeader title="Clients" description="Companies you referred that became SISO clients: their contacts, the projects SISO delivers for them and what you earned." />
      {access === null ? <p role="status">Checking your tier…</p> : null}
      {access && !access.allowed ? (
        <LockedFeature title="Clients" description="Your won referrals with their projects and commissions." message={access.message} />
      ) : null}
      {access?.allowed ? <ClientList /> : null}
    </>
  );
}

export function AmountList({ amounts, empty = '—' }: { amounts: readonly CurrencyAmount[]; empty?: string }) {
  if (amounts.length === 0) return <>{empty}</>;
  return <>{amounts.map((amount) => formatMoney(amount.amount, amount.currency)).join(' · ')}</>;
}

function projectSummary(client: Client): string {
  if (client.projectsProblem) return 'Could not read projects';
  if (client.projects.length === 0) return 'No project yet';
  const counts = new Map<string, number>();
  for (const project of client.projects) {
    const label = CLIENT_PROJECT_STATUS_LABELS[project.status];
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} ${label.toLowerCase()}`).join(', ');
}

function ClientList() {
  const { clients, loading, error } = useClients();
  const { timeZone } = useClientWorkspace();
  const [search, setSearch] = useState('');
  const [projects, setProjects] = useState<ClientProjectFilter>('all');
  const [sort, setSort] = useState<ClientSort>('recent');
  const baseId = useId();
  const shown = useMemo(() => sortClients(filterClients(clients, { search, projects }), sort), [clients, search, projects, sort]);
  const totals = useMemo(() => {
    const sums = new Map<string, number>();
    for (const client of clients) for (const amount of client.commissions) sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.amount);
    return [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount);
  }, [clients]);

  if (error) {
    return (
      <p role="alert" className="inline-message">
        {error}
      </p>
    );
  }
  if (loading) return <p role="status">Loading your clients…</p>;
  if (clients.length === 0) {
    return (
      <section className="card empty-state">
        <h2>No clients yet</h2>
        <p className="card__text">A lead becomes a client when you move it to Won. Your won leads, their projects and commissions will show here.</p>
        <Link to="/leads" className="button">
          Go to leads
        </Link>
      </section>
    );
  }
  return (
    <section className="clients" aria-labelledby={`${baseId}-heading`}>
      <div className="clients__summary card">
        <h2 id={`${baseId}-heading`} className="clients__count">
          {plural(clients.length, 'client')}
        </h2>
        <p className="card__text">
          Commission earned from them: <strong><AmountList amounts={totals} empty="none yet" /></strong>
        </p>
      </div>
      <div className="clients__controls" role="search" aria-label="Find clients">
        <div className="form-field">
          <label htmlFor={`${baseId}-search`}>Search clients</label>
          <input id={`${baseId}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Company, contact or project" />
        </div>
        <div className="form-field">
          <label htmlFor={`${baseId}-projects`}>Show</label>
          <select id={`${baseId}-projects`} value={projects} onChange={(event) => setProjects(event.target.value as ClientProjectFilter)}>
            {CLIENT_PROJECT_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {CLIENT_PROJECT_FILTER_LABELS[filter]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${baseId}-sort`}>Sort by</label>
          <select id={`${baseId}-sort`} value={sort} onChange={(event) => setSort(event.target.value as ClientSort)}>
            {CLIENT_SORTS.map((option) => (
              <option key={option} value={option}>
                {CLIENT_SORT_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="clients__shown">
        {shown.length === clients.length ? '' : `Showing ${shown.length} of ${plural(clients.length, 'client')}.`}
      </p>
      {shown.length === 0 ? <p className="card__text">No client matches. Clear the search or choose “All clients”.</p> : null}
      {shown.length > 0 ? (
        <div className="clients__table-wrap">
          <table className="clients__table">
            <caption className="visually-hidden">Clients</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Contact</th>
                <th scope="col">Referral</th>
                <th scope="col">Projects</th>
                <th scope="col">Commission earned</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((client) => (
                <tr key={client.id}>
                  <th scope="row">
                    <Link to={`/clients/${client.id}`}>{client.company}</Link>
                    {client.wonAt ? <span className="clients__sub">Won {formatDate(client.wonAt, timeZone)}</span> : null}
                  </th>
                  <td>
                    {client.contactName ?? '—'}
                    {client.email ? <span className="clients__sub break-anywhere">{client.email}</span> : null}
                  </td>
                  <td>
                    <span className="client-badge" data-status={client.referralStatus.kind === 'registration' ? client.referralStatus.status : 'won'}>
                      {client.referralStatus.label}
                    </span>
                  </td>
                  <td>{projectSummary(client)}</td>
                  <td className="clients__money">
                    <AmountList amounts={client.commissions} />
                  </td>
                  <td>{client.lastActivityAt ? formatDate(client.lastActivityAt, timeZone) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
