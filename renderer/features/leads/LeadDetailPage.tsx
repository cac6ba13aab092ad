/**
 * /leads/:leadId: one lead's details, edit, stage change (logged on the timeline), activities,
 * days in the current stage, and delete with Undo.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PlainDoc } from '../../data/collection-queries';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import { formatMoney, plural } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import {
  daysInCurrentStage,
  LEAD_STAGES,
  leadToFormInput,
  LOGGABLE_ACTIVITY_KINDS,
  sourceLabel,
  stageLabel,
  validateActivityForm,
  type ActivityFormErrors,
  type LeadStage,
} from '../../../sync/domain/leads';
import { referralUrlForLink } from '../../../sync/domain/referral-links';
import { ACTIVITY_LABELS, formatDateTime, formatRelativeTime } from './labels';
import { changeLeadStage, deleteLead, logLeadActivity, restoreLead, updateLead } from './lead-writes';
import { LeadFormDialog } from './LeadFormDialog';
import { NextActionCard } from './reminders/NextActionCard';
import { DealRegistrationSection } from './DealRegistrationSection';
import { LeadToast } from './LeadToast';
import { useLeadToastStore } from './lead-toast-store';
import { useLead, useLeadProposalViews, useLeadTimeline, useLeadWorkspace, useReferralLink } from './use-leads-data';
import { LeadProposals } from './LeadProposals';
import './leads.css';

export function LeadDetailPage() {
  const { leadId = '' } = useParams();
  const lead = useLead(leadId);

  if (lead.loading) {
    return (
      <>
        <title>Lead · SISO Partner Workstation</title>
        <p role="status">Loading the lead…</p>
      </>
    );
  }
  if (!lead.data) {
    return (
      <>
        <title>Lead not found · SISO Partner Workstation</title>
        <PageHeader title="Lead not found" description="This lead is not on this device. It may have been deleted, here or on another device." />
        <p>
          <Link to="/leads">Back to leads</Link>
        </p>
        <LeadToast />
      </>
    );
  }
  return <LeadDetail lead={lead.data} />;
}

type Lead = PlainDoc<'leads'>;

function LeadDetail({ lead }: { lead: Lead }) {
  const { db, partnerId, defaultCurrency } = useLeadWorkspace();
  const navigate = useNavigate();
  const showToast = useLeadToastStore((state) => state.show);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const days = daysInCurrentStage(lead, new Date());

  async function remove() {
    if (!db) return;
    setProblem(null);
    try {
      const saved = await deleteLead(db, lead.id);
      showToast({
        message: `Deleted “${saved.company}”.`,
        action: { label: 'Undo', run: () => restoreLead(db, saved) },
      });
      void navigate('/leads');
    } catch (error) {
      setProblem(`The lead was not deleted: ${errorMessage(error)}`);
    }
  }

  return (
    <>
      <title>{`${lead.company} · Leads · SISO Partner Workstation`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/leads">Leads</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{lead.company}</span>
      </nav>
      <div className="page-header-row">
        <PageHeader
          title={lead.company}
          description={
            <>
              <span className="stage-badge" data-stage={lead.stage}>
                {stageLabel(lead.stage)}
              </span>{' '}
              <span data-testid="days-in-stage">{plural(days, 'day', 'days')} in current stage</span>
            </>
          }
        />
        <div className="button-row">
          <button type="button" className="button" onClick={() => setEditing(true)} disabled={!db}>
            Edit lead
          </button>
          <button type="button" className="button button--danger" onClick={() => void remove()} disabled={!db}>
            Delete lead
          </button>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}

      <div className="detail-grid">
        <section className="card" aria-labelledby="lead-details-heading">
          <h2 id="lead-details-heading">Details</h2>
          <dl className="facts">
            <dt>Contact</dt>
            <dd>{lead.contact_name ?? '—'}</dd>
            <dt>Email</dt>
            <dd className="break-anywhere">{lead.email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{lead.phone ?? '—'}</dd>
            <dt>Website</dt>
            <dd className="break-anywhere">{lead.website ?? '—'}</dd>
            <dt>Source</dt>
            <dd>{sourceLabel(lead.source)}</dd>
            {lead.referral_link_id && partnerId ? <ReferralLinkFacts linkId={lead.referral_link_id} partnerId={partnerId} /> : null}
            <dt>Estimated value</dt>
            <dd>{typeof lead.estimated_value === 'number' ? formatMoney(lead.estimated_value, lead.currency ?? null) : '—'}</dd>
            {lead.stage === 'lost' && lead.lost_reason ? (
              <>
                <dt>Lost because</dt>
                <dd>{lead.lost_reason}</dd>
              </>
            ) : null}
            <dt>Added</dt>
            <dd>{formatDateTime(lead.created_at)}</dd>
          </dl>
          {lead.notes ? (
            <>
              <h3 className="subheading">Notes</h3>
              <p className="preserve-lines">{lead.notes}</p>
            </>
          ) : null}
        </section>

        <div className="detail-grid__side">
          <NextActionCard lead={lead} />
          <DealRegistrationSection lead={lead} />
          <LeadProposals leadId={lead.id} company={lead.company} />
          <StageChanger lead={lead} />
          <ActivityComposer leadId={lead.id} />
        </div>
      </div>

      <Timeline leadId={lead.id} />

      {editing && db ? (
        <LeadFormDialog
          title={`Edit ${lead.company}`}
          submitLabel="Save changes"
          initial={leadToFormInput(lead, defaultCurrency)}
          onClose={() => setEditing(false)}
          onSubmit={async (values) => {
            await updateLead(db, lead.id, values);
            setEditing(false);
            showToast({ message: 'Changes saved.' });
          }}
        />
      ) : null}
      {partnerId ? null : (
        <p role="alert" className="inline-message">
          No partner is signed in, so changes cannot be saved.
        </p>
      )}
      <LeadToast />
    </>
  );
}

/** The referral link the lead came from (attribution), read from the local referral links. */
function ReferralLinkFacts({ linkId, partnerId }: { linkId: string; partnerId: string }) {
  const link = useReferralLink(linkId);
  if (link.loading) return null;
  const url = link.data ? (referralUrlForLink(link.data, partnerId) ?? link.data.destination) : null;
  return (
    <>
      <dt>Referral link</dt>
      <dd data-testid="lead-referral-link">
        {link.data && url ? (
          <>
            {link.data.name}
            <br />
            <span className="break-anywhere">{url}</span>
          </>
        ) : (
          'A referral link that is not on this device (it may have been deleted).'
        )}
      </dd>
    </>
  );
}

function StageChanger({ lead }: { lead: Lead }) {
  const { db, partnerId } = useLeadWorkspace();
  const [stage, setStage] = useState<LeadStage>(lead.stage);
  const [lastSeen, setLastSeen] = useState<LeadStage>(lead.stage);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A change made elsewhere (another window, sync) moves the select along with it.
  if (lead.stage !== lastSeen) {
    setLastSeen(lead.stage);
    setStage(lead.stage);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!db || !partnerId || stage === lead.stage) return;
    setBusy(true);
    setProblem(null);
    try {
      await changeLeadStage(db, partnerId, lead.id, stage);
    } catch (error) {
      setProblem(`The stage was not changed: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="lead-stage-heading">
      <h2 id="lead-stage-heading">Stage</h2>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <FormField label="Move to stage">
          <select value={stage} onChange={(event) => setStage(event.target.value as LeadStage)}>
            {LEAD_STAGES.map((value) => (
              <option key={value} value={value}>
                {stageLabel(value)}
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" className="button" disabled={busy || stage === lead.stage || !partnerId}>
          Change stage
        </button>
      </form>
      {problem ? (
        <p role="alert" className="inline-message">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function ActivityComposer({ leadId }: { leadId: string }) {
  const { db, partnerId } = useLeadWorkspace();
  const [kind, setKind] = useState<string>('note');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!db || !partnerId || busy) return;
    const result = validateActivityForm({ kind, body });
    if (!result.ok) {
      setErrors(result.errors);
      document.getElementById(`${baseId}-${result.errors.kind ? 'kind' : 'body'}`)?.focus();
      return;
    }
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      await logLeadActivity(db, partnerId, leadId, result.values);
      setBody('');
    } catch (error) {
      setProblem(`The activity was not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="lead-activity-heading">
      <h2 id="lead-activity-heading">Log activity</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormField id={`${baseId}-kind`} label="Kind" error={errors.kind}>
          <select value={kind} onChange={(event) => setKind(event.target.value)}>
            {LOGGABLE_ACTIVITY_KINDS.map((value) => (
              <option key={value} value={value}>
                {ACTIVITY_LABELS[value]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${baseId}-body`} label="What happened" error={errors.body}>
          <textarea
            rows={3}
            value={body}
            onChange={(event) => {
              setBody(event.target.value);
              if (errors.body) setErrors({});
            }}
          />
        </FormField>
        <div role="alert" className="form__alert">
          {problem ? <p className="inline-message">{problem}</p> : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !partnerId}>
            Add to timeline
          </button>
        </div>
      </form>
    </section>
  );
}

// View days are calendar days counted by the server; shown in UTC so no zone moves them.
const viewDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function Timeline({ leadId }: { leadId: string }) {
  const activities = useLeadTimeline(leadId);
  const views = useLeadProposalViews(activities.data);
  const now = new Date();
  // Views of a day sit at its midday (UTC) among the activities.
  const entries = [
    ...activities.data.map((activity) => ({ at: activity.occurred_at, activity, views: null })),
    ...views.map((view) => ({ at: `${view.day}T12:00:00.000Z`, activity: null, views: view })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="card timeline-card" aria-labelledby="lead-timeline-heading">
      <h2 id="lead-timeline-heading">Timeline</h2>
      {activities.error ? (
        <p role="alert" className="inline-message">
          The timeline could not be read: {activities.error.message}
        </p>
      ) : null}
      {!activities.loading && activities.data.length === 0 ? <p className="card__text">Nothing logged yet.</p> : null}
      <ol className="timeline" aria-label="Activities, newest first">
        {entries.map(({ activity, views: view }) =>
          activity ? (
            <li key={activity.id} className="timeline__item" data-kind={activity.kind}>
              <span className="timeline__kind">{ACTIVITY_LABELS[activity.kind]}</span>
              <time dateTime={activity.occurred_at} title={formatDateTime(activity.occurred_at)} className="timeline__time">
                {formatRelativeTime(activity.occurred_at, now)}
              </time>
              {activity.body ? <p className="timeline__body preserve-lines">{activity.body}</p> : null}
            </li>
          ) : view ? (
            <li key={view.key} className="timeline__item" data-kind="proposal_viewed">
              <span className="timeline__kind">{`Proposal viewed ${plural(view.clicks, 'time')}`}</span>
              <time dateTime={view.day} className="timeline__time">
                {viewDay.format(new Date(`${view.day}T12:00:00.000Z`))}
              </time>
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}
