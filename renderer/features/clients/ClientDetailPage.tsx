/**
 * /clients/:clientId (the won lead's id): contact details, projects, commissions, and by tier the
 * deal's pipeline history and notes (Active), a scheduled follow-up that the reminders fire
 * (Performer) and the white-label status report PDF (Elite). Reads and writes local data only.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PlainDoc } from '../../data/collection-queries';
import { errorMessage } from '../../ui/error-message';
import { FormField, SubmitRow } from '../../ui/FormField';
import { formatDate, formatMoney } from '../../ui/format';
import { LockedFeature } from '../../ui/LockedFeature';
import { PageHeader } from '../../ui/PageHeader';
import { usePlatform } from '../../platform';
import { useTierAccess } from '../../session/use-entitlement';
import { useBrandLogo } from '../brand-kit';
import { CLIENT_FEATURES, CLIENT_PROJECT_STATUS_LABELS, type Client } from '../../../sync/domain/clients';
import { stageLabel, validateActivityForm, type LeadStage } from '../../../sync/domain/leads';
import { instantToZonedLocal, NEXT_ACTION_MAX, validateNextActionForm, type NextActionFormErrors, type NextActionFormInput } from '../../../sync/domain/reminders';
import type { Entitlement } from '../../../sync/domain/entitlements';
import { addClientNote, downloadClientReport, scheduleFollowUp } from './clients-writes';
import { AmountList } from './ClientsPage';
import { useClient, useClientWorkspace } from './use-clients-data';
import './clients.css';

type Activity = PlainDoc<'activities'>;

export function ClientDetailPage() {
  const { clientId = '' } = useParams();
  const data = useClient(clientId);
  if (data.loading) {
    return (
      <>
        <title>Client · SISO Partner Workstation</title>
        <p role="status">Loading the client…</p>
      </>
    );
  }
  if (!data.client || !data.lead) {
    return (
      <>
        <title>Client not found · SISO Partner Workstation</title>
        <PageHeader title="Client not found" description={data.error ?? 'This client is not on this device. The lead may have been deleted or moved out of Won.'} />
        <p>
          <Link to="/clients">Back to clients</Link>
        </p>
      </>
    );
  }
  return <ClientDetail client={data.client} lead={data.lead} timeline={data.timeline} timelineLoading={data.timelineLoading} />;
}

function ClientDetail({ client, lead, timeline, timelineLoading }: { client: Client; lead: PlainDoc<'leads'>; timeline: Activity[]; timelineLoading: boolean }) {
  const { timeZone } = useClientWorkspace();
  const access = useTierAccess();
  const gate = (feature: keyof typeof CLIENT_FEATURES): Entitlement | null => (access ? access.check(CLIENT_FEATURES[feature]) : null);
  const pipeline = gate('pipeline');
  const followUps = gate('followUps');
  const report = gate('statusReport');
  return (
    <>
      <title>{`${client.company} · Clients · SISO Partner Workstation`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/clients">Clients</Link> / {client.company}
      </nav>
      <PageHeader
        title={client.company}
        description={
          <>
            <span className="client-badge" data-status={client.referralStatus.kind === 'registration' ? client.referralStatus.status : 'won'}>
              {client.referralStatus.label}
            </span>{' '}
            {client.wonAt ? `Client since ${formatDate(client.wonAt, timeZone)}.` : null}
          </>
        }
      />
      <div className="client-page">
      <div className="client-detail">
        <section className="card" aria-labelledby="client-contact-heading">
          <h2 id="client-contact-heading">Contact</h2>
          <dl className="facts">
            <dt>Contact</dt>
            <dd>{client.contactName ?? '—'}</dd>
            <dt>Email</dt>
            <dd className="break-anywhere">{client.email ? <a href={`mailto:${client.email}`}>{client.email}</a> : '—'}</dd>
            <dt>Phone</dt>
            <dd>{client.phone ?? '—'}</dd>
            {client.website ? (
              <>
                <dt>Website</dt>
                <dd className="break-anywhere">{client.website}</dd>
              </>
            ) : null}
            <dt>Deal value</dt>
            <dd>{client.dealValue ? formatMoney(client.dealValue.amount, client.dealValue.currency) : '—'}</dd>
          </dl>
          <p className="card__text">
            <Link to={`/leads/${client.id}`}>Open the lead</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="client-commission-heading">
          <h2 id="client-commission-heading">Commission earned</h2>
          <p className="card__headline">
            <AmountList amounts={client.commissions} empty="None yet" />
          </p>
          <p className="card__text">
            Paid so far: <AmountList amounts={client.commissionsPaid} empty="nothing yet" />.{' '}
            <Link to="/commissions">See every commission line</Link>
          </p>
        </section>
      </div>
      <ProjectsSection client={client} />
      {pipeline === null ? null : pipeline.allowed ? (
        <PipelineSection client={client} lead={lead} timeline={timeline} loading={timelineLoading} timeZone={timeZone} />
      ) : (
        <LockedFeature title="Deal history and notes" description="The deal's stages, how long it took to win, and notes you keep about the client." message={pipeline.message} />
      )}
      {followUps === null ? null : followUps.allowed ? (
        <FollowUpSection lead={lead} timeZone={timeZone} />
      ) : (
        <LockedFeature title="Follow-ups" description="Schedule the next follow-up with this client and get a reminder when it is due." message={followUps.message} />
      )}
      {report === null ? null : report.allowed ? (
        <ReportSection client={client} />
      ) : (
        <LockedFeature title="Client status report" description="A PDF of the client's projects and status, under your own name and brand." message={report.message} />
      )}
      </div>
    </>
  );
}

function ProjectsSection({ client }: { client: Client }) {
  return (
    <section className="card client-projects" aria-labelledby="client-projects-heading">
      <h2 id="client-projects-heading">Projects SISO delivers</h2>
      {client.projectsProblem ? (
        <p role="alert" className="inline-message">
          {client.projectsProblem}
        </p>
      ) : null}
      {!client.projectsProblem && client.projects.length === 0 ? <p className="card__text">SISO has not recorded a project for this client yet. Projects appear here once the SISO team adds them.</p> : null}
      {client.projects.length > 0 ? (
        <ul className="client-projects__list" aria-label="Projects">
          {client.projects.map((project) => (
            <li key={project.id} className="client-projects__item">
              <span className="client-projects__name">{project.name}</span>
              <span className="client-badge" data-status={project.status}>
                {CLIENT_PROJECT_STATUS_LABELS[project.status]}
              </span>
              <span>{project.value !== null ? formatMoney(project.value, project.currency) : 'Value not set'}</span>
              <span className="clients__sub">
                {[project.started_at ? `Started ${formatDate(project.started_at, 'UTC')}` : null, project.delivered_at ? `delivered ${formatDate(project.delivered_at, 'UTC')}` : null]
                  .filter(Boolean)
                  .join(', ') || 'Not started'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PipelineSection({ client, lead, timeline, loading, timeZone }: { client: Client; lead: PlainDoc<'leads'>; timeline: Activity[]; loading: boolean; timeZone: string }) {
  const { db, partnerId } = useClientWorkspace();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stages = timeline.filter((activity) => activity.kind === 'stage_change').reverse();
  const notes = timeline.filter((activity) => activity.kind === 'note');
  const days = client.wonAt ? Math.max(0, Math.round((Date.parse(client.wonAt) - Date.parse(lead.created_at)) / 86_400_000)) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!db || !partnerId || busy) return;
    const result = validateActivityForm({ kind: 'note', body });
    if (!result.ok) {
      setError(result.errors.body);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await addClientNote(db, partnerId, client.id, result.values);
      setBody('');
      setError(undefined);
    } catch (failure) {
      setProblem(`The note was not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="client-detail">
      <section className="card" aria-labelledby="client-pipeline-heading">
        <h2 id="client-pipeline-heading">Deal history</h2>
        <p className="card__text">
          Stage now: <span className="stage-badge" data-stage={lead.stage}>{stageLabel(lead.stage as LeadStage)}</span>
          {days !== null ? ` · won ${days} ${days === 1 ? 'day' : 'days'} after it was added` : null}
        </p>
        {loading ? <p role="status">Loading the deal's history…</p> : null}
        {!loading && stages.length === 0 ? <p className="card__text">No stage changes were logged for this deal.</p> : null}
        <ol className="client-stages" aria-label="Deal stages, oldest first">
          {stages.map((activity) => (
            <li key={activity.id}>
              <span>{activity.body ?? 'Stage changed'}</span> <time dateTime={activity.occurred_at}>{formatDate(activity.occurred_at, timeZone)}</time>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="client-notes-heading">
        <h2 id="client-notes-heading">Notes</h2>
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <FormField label="New note" error={error}>
            <textarea rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
          </FormField>
          {problem ? (
            <p role="alert" className="inline-message">
              {problem}
            </p>
          ) : null}
          <SubmitRow label="Add note" busyLabel="Adding…" busy={busy} blocked={db && partnerId ? null : 'Open a workspace to add notes.'} />
        </form>
        {notes.length === 0 ? <p className="card__text">No notes yet.</p> : null}
        <ol className="client-notes" aria-label="Notes, newest first">
          {notes.map((note) => (
            <li key={note.id}>
              <time dateTime={note.occurred_at} className="clients__sub">
                {formatDate(note.occurred_at, timeZone)}
              </time>
              <p className="preserve-lines">{note.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function followUpForm(lead: PlainDoc<'leads'>, timeZone: string): NextActionFormInput {
  return { next_action: lead.next_action ?? '', due: lead.next_action_at ? instantToZonedLocal(lead.next_action_at, timeZone) : '' };
}

function FollowUpSection({ lead, timeZone }: { lead: PlainDoc<'leads'>; timeZone: string }) {
  const { db } = useClientWorkspace();
  const stored = `${lead.next_action ?? ''}\u0000${lead.next_action_at ?? ''}`;
  const [lastStored, setLastStored] = useState(stored);
  const [input, setInput] = useState(() => followUpForm(lead, timeZone));
  const [errors, setErrors] = useState<NextActionFormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  // A change saved elsewhere (the lead page, a reminder's Done, sync) refills the form.
  if (stored !== lastStored) {
    setLastStored(stored);
    setInput(followUpForm(lead, timeZone));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!db || busy) return;
    const result = validateNextActionForm(input, timeZone, new Date());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (!result.values.next_action_at) {
      setErrors({ due: 'Choose when to follow up, so the reminder knows when to fire.' });
      return;
    }
    setErrors({});
    setBusy(true);
    setProblem(null);
    try {
      await scheduleFollowUp(db, lead.id, result.values);
      setMessage(`Follow-up scheduled for ${formatDate(result.values.next_action_at, timeZone)}. You will get a reminder then.`);
    } catch (failure) {
      setProblem(`The follow-up was not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>Follow-ups</h2>
      <p className="card__text">
        {lead.next_action && lead.next_action_at
          ? `Next: ${lead.next_action} — due ${formatDate(lead.next_action_at, timeZone)}.`
          : 'No follow-up is scheduled. Schedule one and the app reminds you when it is due.'}
      </p>
      <form className="form client-follow-up" noValidate onSubmit={(event) => void submit(event)}>
        <FormField label="Follow-up" error={errors.next_action}>
          <input type="text" maxLength={NEXT_ACTION_MAX} value={input.next_action} placeholder="e.g. Check in on the portal launch" onChange={(event) => setInput({ ...input, next_action: event.target.value })} />
        </FormField>
        <FormField label="When" hint={`Your time zone: ${timeZone}`} error={errors.due}>
          <input type="datetime-local" value={input.due} onChange={(event) => setInput({ ...input, due: event.target.value })} />
        </FormField>
        {problem ? (
          <p role="alert" className="inline-message">
            {problem}
          </p>
        ) : null}
        <SubmitRow label="Schedule follow-up" busyLabel="Scheduling…" busy={busy} blocked={db ? null : 'Open a workspace to schedule follow-ups.'} />
        <p role="status" className="card__text">
          {message}
        </p>
      </form>
    </section>
  );
}

function ReportSection({ client }: { client: Client }) {
  const platform = usePlatform();
  const { profile } = useClientWorkspace();
  const brandLogo = useBrandLogo();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const partnerName = profile?.company?.trim() || profile?.display_name.trim() || '';

  async function download() {
    setBusy(true);
    setProblem(null);
    setMessage(null);
    try {
      const logo = brandLogo.logo ? { type: brandLogo.logo.type, bytes: brandLogo.logo.bytes } : null;
      const result = await downloadClientReport(
        platform,
        client,
        { name: partnerName, email: profile?.email ?? null, website: profile?.website ?? null, brandColour: profile?.brand_primary ?? null, logo },
        new Date(),
      );
      setMessage(result.saved ? `The status report for ${client.company} was saved${result.path ? ` to ${result.path}` : ''}.` : 'The report was not saved.');
    } catch (failure) {
      setProblem(`The status report could not be made: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="client-report-heading">
      <h2 id="client-report-heading">Client status report</h2>
      <p className="card__text">A one-page PDF of this client's projects and status, under {partnerName ? <strong>{partnerName}</strong> : 'your name'} and your brand colour — SISO is not named. Made on this device, so it works offline.</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void download()} disabled={busy || !profile}>
          {busy ? 'Making the report…' : 'Download client status report'}
        </button>
      </div>
      {!profile ? <p className="inline-message">Your profile has not synced to this device yet; sync once to make reports.</p> : null}
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
      <p role="status" className="card__text">
        {message}
      </p>
    </section>
  );
}
