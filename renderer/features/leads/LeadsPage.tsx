/** /leads: quick stats, the filtered lead list (most recently updated first) and "New lead". */
import { useDeferredValue, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLeads } from '../../data/workstation-hooks';
import { PageHeader } from '../../ui/PageHeader';
import { emptyLeadForm, filterAndSortLeads, lastChangedAt, LEAD_STAGES, type LeadStage } from '../../../sync/domain/leads';
import { formatDateTime, formatMoney, formatRelativeTime, STAGE_LABELS } from './labels';
import { createLead } from './lead-writes';
import { LeadFormDialog } from './LeadFormDialog';
import { LeadStats } from './LeadStats';
import { LeadToast } from './LeadToast';
import { useLeadToastStore } from './lead-toast-store';
import { useLeadWorkspace } from './use-lead-workspace';
import './leads.css';

export function LeadsPage() {
  const leads = useLeads();
  const { db, partnerId, defaultCurrency } = useLeadWorkspace();
  const [text, setText] = useState('');
  const [stage, setStage] = useState<LeadStage | ''>('');
  const [creating, setCreating] = useState(false);
  const deferredText = useDeferredValue(text);
  const showToast = useLeadToastStore((state) => state.show);
  const searchId = useId();
  const stageId = useId();

  const visible = filterAndSortLeads(leads.data, { text: deferredText, stage: stage || null });
  const filtered = text.trim() !== '' || stage !== '';
  const now = new Date();

  return (
    <>
      <title>Leads · SISO Partner Workstation</title>
      <div className="page-header-row">
        <PageHeader title="Leads" description="Everyone you have referred to SISO, stored on this device and synced when online." />
        <button
          type="button"
          className="button button--primary"
          onClick={() => setCreating(true)}
          disabled={!db || !partnerId}
        >
          New lead
        </button>
      </div>

      {leads.error ? (
        <p role="alert" className="inline-message">
          The leads could not be read from this device: {leads.error.message}
        </p>
      ) : null}

      <LeadStats leads={leads.data} />

      <section aria-labelledby="lead-list-heading" className="card lead-list">
        <div className="lead-list__header">
          <h2 id="lead-list-heading">All leads</h2>
          <div className="filters" role="search" aria-label="Filter leads">
            <div className="form-field">
              <label htmlFor={searchId}>Search</label>
              <input
                id={searchId}
                type="search"
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder="Company, contact or email"
              />
            </div>
            <div className="form-field">
              <label htmlFor={stageId}>Stage</label>
              <select id={stageId} value={stage} onChange={(event) => setStage(event.target.value as LeadStage | '')}>
                <option value="">All stages</option>
                {LEAD_STAGES.map((value) => (
                  <option key={value} value={value}>
                    {STAGE_LABELS[value]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>

        <p className="lead-list__count" role="status">
          {leads.loading
            ? 'Loading leads…'
            : filtered
              ? `Showing ${visible.length} of ${leads.data.length} leads`
              : `${leads.data.length} ${leads.data.length === 1 ? 'lead' : 'leads'}`}
        </p>

        {!leads.loading && visible.length === 0 ? (
          <div className="empty-state">
            {filtered ? (
              <>
                <p>No leads match these filters.</p>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setText('');
                    setStage('');
                  }}
                >
                  Clear filters
                </button>
              </>
            ) : (
              <p>No leads yet. Add the first one with “New lead”.</p>
            )}
          </div>
        ) : null}

        {visible.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Leads, most recently updated first</caption>
              <thead>
                <tr>
                  <th scope="col">Company</th>
                  <th scope="col">Contact</th>
                  <th scope="col">Stage</th>
                  <th scope="col" className="numeric">
                    Estimated value
                  </th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((lead) => (
                  <tr key={lead.id}>
                    <th scope="row">
                      <Link to={`/leads/${encodeURIComponent(lead.id)}`}>{lead.company}</Link>
                    </th>
                    <td>
                      {lead.contact_name ?? ''}
                      {lead.email ? <span className="data-table__sub">{lead.email}</span> : null}
                    </td>
                    <td>
                      <span className="stage-badge" data-stage={lead.stage}>
                        {STAGE_LABELS[lead.stage]}
                      </span>
                    </td>
                    <td className="numeric">
                      {typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : '—'}
                    </td>
                    <td>
                      <time dateTime={lastChangedAt(lead)} title={formatDateTime(lastChangedAt(lead))}>
                        {formatRelativeTime(lastChangedAt(lead), now)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {creating && db && partnerId ? (
        <LeadFormDialog
          title="New lead"
          submitLabel="Add lead"
          initial={emptyLeadForm(defaultCurrency)}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const lead = await createLead(db, partnerId, values);
            setCreating(false);
            showToast({ message: `Added “${lead.company}”.` });
          }}
        />
      ) : null}

      <LeadToast />
    </>
  );
}
