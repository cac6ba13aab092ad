/**
 * The admin Clients tab: every partner's won leads (clients) with the projects SISO delivers for
 * them, read from the server; an admin edits a client's projects in a dialog and saves them
 * through admin_set_client_projects, which partners' devices then pull.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import {
  CLIENT_PROJECT_STATUS_LABELS,
  CLIENT_PROJECT_STATUSES,
  validateClientProjects,
  type ClientProjectStatus,
} from '../../../../sync/domain/clients';
import { Dialog } from '../../../ui/Dialog';
import { FormAlert, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate, formatMoney, systemTimeZone } from '../../../ui/format';
import { listAdminClients, setClientProjects, type AdminClientRow } from './client-projects-admin';
import { ReportHead } from '../shared/ReportHead';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import './client-projects.css';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

/** A project as the form holds it: numbers and dates as typed. */
interface ProjectDraft {
  id: string;
  name: string;
  status: ClientProjectStatus;
  value: string;
  currency: string;
  started: string;
  delivered: string;
}

function draftsOf(row: AdminClientRow): ProjectDraft[] {
  return row.projects.map((project) => ({
    id: project.id,
    name: project.name,
    status: project.status,
    value: project.value === null ? '' : String(project.value),
    currency: project.currency ?? '',
    started: project.started_at?.slice(0, 10) ?? '',
    delivered: project.delivered_at?.slice(0, 10) ?? '',
  }));
}

function newDraft(): ProjectDraft {
  return { id: crypto.randomUUID(), name: '', status: 'planned', value: '', currency: 'EUR', started: '', delivered: '' };
}

function projectSummary(row: AdminClientRow): string {
  if (row.projectsProblem) return 'Stored list unreadable';
  if (row.projects.length === 0) return 'None yet';
  return row.projects.map((project) => `${project.name} (${CLIENT_PROJECT_STATUS_LABELS[project.status].toLowerCase()})`).join(', ');
}

function ProjectsEditor({ access, row, onClose, onSaved }: { access: Admin; row: AdminClientRow; onClose(): void; onSaved(message: string): void }) {
  const [drafts, setDrafts] = useState<ProjectDraft[]>(() => draftsOf(row));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  function update(index: number, patch: Partial<ProjectDraft>) {
    setDrafts((previous) => previous.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
    const badValue = drafts.find((draft) => draft.value.trim() !== '' && !Number.isFinite(value(draft.value)));
    if (badValue) {
      setProblem(`The value of "${badValue.name || 'a project'}" is not a number. Enter it like 12000 or 12000.50.`);
      return;
    }
    const checked = validateClientProjects(
      drafts.map((draft) => ({
        id: draft.id,
        name: draft.name.trim(),
        status: draft.status,
        value: value(draft.value),
        currency: draft.currency.trim() === '' ? null : draft.currency.trim().toUpperCase(),
        started_at: draft.started || null,
        delivered_at: draft.delivered || null,
      })),
    );
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await setClientProjects(access.client, row.leadId, checked.projects);
      onSaved(`Saved ${checked.projects.length} ${checked.projects.length === 1 ? 'project' : 'projects'} for ${row.company}. ${row.partnerName.split(' · ')[0] ?? 'The partner'} sees them after their next sync.`);
    } catch (failure) {
      setProblem(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Projects for ${row.company}`} onClose={onClose} busy={busy} className="client-projects-dialog">
      <form noValidate onSubmit={(event) => void submit(event)} className="form">
        {row.projectsProblem ? <p className="inline-message">{row.projectsProblem} Saving replaces the stored list.</p> : null}
        {drafts.length === 0 ? <p className="card__text">No projects yet. Add the first one.</p> : null}
        {drafts.map((draft, index) => {
          const id = `${baseId}-${index}`;
          const label = draft.name.trim() || `project ${index + 1}`;
          return (
            <fieldset key={draft.id} className="admin-client-project">
              <legend>Project {index + 1}</legend>
              <div className="form-field">
                <label htmlFor={`${id}-name`}>Name</label>
                <input id={`${id}-name`} value={draft.name} maxLength={200} onChange={(event) => update(index, { name: event.target.value })} />
              </div>
              <div className="form-field">
                <label htmlFor={`${id}-status`}>Status</label>
                <select id={`${id}-status`} value={draft.status} onChange={(event) => update(index, { status: event.target.value as ClientProjectStatus })}>
                  {CLIENT_PROJECT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {CLIENT_PROJECT_STATUS_LABELS[status]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-field">
                <label htmlFor={`${id}-value`}>Value</label>
                <input id={`${id}-value`} inputMode="decimal" value={draft.value} onChange={(event) => update(index, { value: event.target.value })} />
              </div>
              <div className="form-field">
                <label htmlFor={`${id}-currency`}>Currency</label>
                <input id={`${id}-currency`} value={draft.currency} maxLength={3} size={4} onChange={(event) => update(index, { currency: event.target.value })} />
              </div>
              <div className="form-field">
                <label htmlFor={`${id}-started`}>Started</label>
                <input id={`${id}-started`} type="date" value={draft.started} onChange={(event) => update(index, { started: event.target.value })} />
              </div>
              <div className="form-field">
                <label htmlFor={`${id}-delivered`}>Delivered</label>
                <input id={`${id}-delivered`} type="date" value={draft.delivered} onChange={(event) => update(index, { delivered: event.target.value })} />
              </div>
              <button type="button" className="button button--small" onClick={() => setDrafts((previous) => previous.filter((_, at) => at !== index))}>
                Remove <span className="visually-hidden">{label}</span>
              </button>
            </fieldset>
          );
        })}
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDrafts((previous) => [...previous, newDraft()])}>
            Add project
          </button>
        </div>
        <FormAlert message={problem} />
        <SubmitRow label="Save projects" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function ClientProjectsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const client = access.client;
  const offline = access.blocked !== null;
  const load = useCallback(() => listAdminClients(client), [client]);
  const report = useServerReport(offline ? null : load);
  const [editing, setEditing] = useState<AdminClientRow | null>(null);

  return (
    <section className="card" aria-labelledby="admin-clients-heading">
      <ReportHead headingId="admin-clients-heading" heading="Clients and their projects" subject="clients" report={report} blocked={access.blocked} />
      {report.data ? (
        report.data.length === 0 ? (
          <p className="card__text">No partner has won a lead yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table admin-table">
              <caption className="visually-hidden">Won leads across partners, with the projects SISO delivers for them</caption>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Won</th>
                  <th scope="col">Projects</th>
                  <th scope="col">Edit</th>
                </tr>
              </thead>
              <tbody>
                {report.data.map((row) => (
                  <tr key={row.leadId}>
                    <th scope="row">
                      {row.company}
                      {row.contactName ? <span className="data-table__sub">{row.contactName}</span> : null}
                    </th>
                    <td>{row.partnerName}</td>
                    <td>{row.wonAt ? formatDate(row.wonAt, systemTimeZone()) : '—'}</td>
                    <td>
                      {projectSummary(row)}
                      {row.projects.some((project) => project.value !== null) ? (
                        <span className="data-table__sub">
                          {row.projects
                            .filter((project) => project.value !== null)
                            .map((project) => formatMoney(project.value ?? 0, project.currency))
                            .join(' · ')}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <button type="button" className="button button--small" onClick={() => setEditing(row)} disabled={offline}>
                        Edit projects<span className="visually-hidden"> for {row.company}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {editing ? (
        <ProjectsEditor
          access={access}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            announce(message);
            report.reload();
          }}
        />
      ) : null}
    </section>
  );
}
