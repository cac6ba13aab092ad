/**
 * Support (/support): the partner's support level from the tier matrix and what higher tiers add,
 * the quick actions their tier allows, their tickets against the tier's response target, and the
 * group calls they can book — all read from the local store, all writes queued offline.
 */
import { useRef, useState, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { useRowAction } from '../../ui/use-row-action';
import { formatDate } from '../../ui/format';
import { availableRoute } from '../../ui/known-routes';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { newBenefits } from '../../../sync/domain/entitlements';
import { ruleFor, tierLabel } from '../../../sync/domain/tiers';
import { SUPPORT_CHANNELS, TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS, describeStanding, responseStanding, supportChannelLabel, ticketCategoryLabel } from '../../../sync/domain/support-tickets';
import type { TicketPriority } from '../../../sync/schema/tickets.schema';
import { NewTicketDialog } from './NewTicketDialog';
import { bookGroupCall, cancelGroupCall, openSlackCommunity, saveGroupCallCalendarFile } from './support-writes';
import { tierReaches, useAttachmentUploads, useSupportData, type SupportData } from './use-support-data';
import './support.css';

export function SupportPage() {
  const data = useSupportData();
  return (
    <>
      <title>Support · SISO Partner Workstation</title>
      <PageHeader title="Support" description="Your support channels, your tickets to SISO and the group calls you can join." />
      {data.error ? (
        <p className="card card__text" role="alert">
          Support could not be read from this device: {errorMessage(data.error)} Restart the workstation; if it happens again, email SISO support.
        </p>
      ) : data.loading ? (
        <p className="card card__text" role="status">Loading support…</p>
      ) : (
        <SupportBody data={data} />
      )}
    </>
  );
}

function SupportBody({ data }: { data: SupportData }) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const groupCallsHeading = useRef<HTMLHeadingElement>(null);
  const online = useOnlineStatus();
  const uploads = useAttachmentUploads();
  const navigate = useNavigate();

  const report = (message: string) => {
    setProblem(null);
    setNotice(online ? message : `${message} You are offline: it is saved on this device and sent when you are back online.`);
  };
  const fail = (message: string) => {
    setNotice(null);
    setProblem(message);
  };

  return (
    <div className="support">
      <div aria-live="polite" className="support__notice">{notice}</div>
      {problem ? <p className="support__problem" role="alert">{problem}</p> : null}
      <div className="support__top">
        <SupportLevel data={data} />
        <QuickActions
          data={data}
          onNewTicket={() => setDialogOpen(true)}
          onGroupCalls={() => {
            groupCallsHeading.current?.scrollIntoView({ block: 'start' });
            groupCallsHeading.current?.focus();
          }}
          onProblem={fail}
        />
      </div>
      <TicketsTable data={data} pendingUploads={uploads.pending.size} uploadProblem={uploads.problem} />
      {data.access?.check({ category: 'support_channels', id: SUPPORT_CHANNELS.groupCalls }).allowed ? (
        <GroupCallsSection data={data} headingRef={groupCallsHeading} onDone={report} onProblem={fail} />
      ) : null}
      {dialogOpen && data.partnerId ? (
        <NewTicketDialog
          db={data.db}
          partnerId={data.partnerId}
          responseHours={data.responseHours}
          onClose={() => setDialogOpen(false)}
          onFiled={(subject, ticketId) => {
            setDialogOpen(false);
            report(`Your ticket “${subject}” is filed.`);
            void navigate(`/support/tickets/${ticketId}`);
          }}
        />
      ) : null}
    </div>
  );
}

function SupportLevel({ data }: { data: SupportData }) {
  const rules = data.access?.rules ?? [];
  const current = ruleFor(rules, data.tier);
  const higher = current ? rules.filter((rule) => rule.rank > current.rank) : [];
  return (
    <section className="card support__level" aria-labelledby="support-level-title">
      <h2 id="support-level-title">Your support level</h2>
      {current ? (
        <>
          <p className="card__text">
            You are at the <strong>{tierLabel(current.tier)}</strong> tier. SISO aims to answer your tickets within <strong>{data.responseHours} h</strong>.
          </p>
          <ul className="support__channels" aria-label="Your support channels">
            {current.benefits.support_channels.map((channel) => (
              <li key={channel}>{supportChannelLabel(channel)}</li>
            ))}
            {current.benefits.support_channels.includes('email') ? null : <li>Tickets for account and billing questions</li>}
          </ul>
          {higher.length > 0 ? (
            <>
              <h3 className="support__subheading">What higher tiers add</h3>
              <ul className="support__upgrades">
                {higher.map((rule) => {
                  const added = newBenefits(rules, rule.tier).filter((feature) => feature.category === 'support_channels');
                  return (
                    <li key={rule.tier}>
                      <strong>{tierLabel(rule.tier)}:</strong>{' '}
                      {added.length > 0 ? added.map((feature) => supportChannelLabel(feature.id)).join(', ') : 'no new support channels'}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p className="card__text">You have every support channel SISO offers.</p>
          )}
        </>
      ) : (
        <p className="card__text">Your tier has not reached this device yet; it appears after the next sync. You can still file a ticket.</p>
      )}
    </section>
  );
}

function QuickActions({
  data,
  onNewTicket,
  onGroupCalls,
  onProblem,
}: {
  data: SupportData;
  onNewTicket(): void;
  onGroupCalls(): void;
  onProblem(message: string): void;
}) {
  const platform = usePlatform();
  const allows = (id: string) => data.access?.check({ category: 'support_channels', id }).allowed === true;
  const knowledgeBase = availableRoute('/support/knowledge-base');
  const liveSessions = availableRoute('/live-sessions');
  const slackUrl = data.settings?.slack_url ?? null;
  return (
    <section className="card support__actions" aria-labelledby="support-actions-title">
      <h2 id="support-actions-title">Quick actions</h2>
      <div className="support__action-list">
        <button type="button" className="button button--primary" onClick={onNewTicket} disabled={!data.partnerId}>
          New ticket
        </button>
        {knowledgeBase ? (
          <Link className="button" to={knowledgeBase}>
            Search the knowledge base
          </Link>
        ) : null}
        {allows(SUPPORT_CHANNELS.groupCalls) ? (
          <button type="button" className="button" onClick={onGroupCalls}>
            Book a group call
          </button>
        ) : null}
        {allows(SUPPORT_CHANNELS.slack) ? (
          <button
            type="button"
            className="button"
            disabled={!slackUrl}
            aria-describedby={slackUrl ? undefined : 'support-slack-missing'}
            onClick={() => {
              if (!slackUrl) return;
              void openSlackCommunity(platform, slackUrl).then(
                (result) => {
                  if (!result.opened) onProblem(`The Slack community could not be opened: ${result.reason}`);
                },
                (error: unknown) => onProblem(`The Slack community could not be opened: ${errorMessage(error)}`),
              );
            }}
          >
            Join the Slack community
          </button>
        ) : null}
        {allows(SUPPORT_CHANNELS.oneOnOne) && liveSessions ? (
          <Link className="button" to={liveSessions}>
            Schedule a 1-on-1
          </Link>
        ) : null}
      </div>
      {allows(SUPPORT_CHANNELS.slack) && !slackUrl ? (
        <p id="support-slack-missing" className="card__text">The Slack invitation link reaches this device with the next sync.</p>
      ) : null}
      {data.tier === 'elite' && (data.settings?.account_manager || data.settings?.direct_line) ? (
        <p className="card__text">
          {data.settings.account_manager ? <>Your account manager: {data.settings.account_manager}. </> : null}
          {data.settings.direct_line ? <>Direct line: {data.settings.direct_line}.</> : null}
        </p>
      ) : null}
    </section>
  );
}

const PRIORITY_ORDER: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

function TicketsTable({ data, pendingUploads, uploadProblem }: { data: SupportData; pendingUploads: number; uploadProblem: string | null }) {
  const tickets = [...data.tickets].sort((a, b) => {
    const open = (status: string) => (status === 'waiting' ? 0 : status === 'open' ? 1 : 2);
    return open(a.status) - open(b.status) || PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || b.created_at.localeCompare(a.created_at);
  });
  const activity = new Intl.DateTimeFormat(undefined, { timeZone: data.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="card support__tickets" aria-labelledby="support-tickets-title">
      <h2 id="support-tickets-title">Your tickets</h2>
      {pendingUploads > 0 ? (
        <p className="card__text" role="status">
          {pendingUploads === 1 ? 'One attachment is' : `${pendingUploads} attachments are`} waiting to upload; {navigator.onLine ? 'uploading now.' : 'they upload when you are back online.'}
        </p>
      ) : null}
      {uploadProblem ? <p className="support__problem" role="alert">{uploadProblem}</p> : null}
      {tickets.length === 0 ? (
        <p className="card__text">You have no tickets. Use New ticket to ask SISO anything; replies appear here.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="support-tickets-title">
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Category</th>
                <th scope="col">Last activity</th>
                <th scope="col">Response target</th>
                <th scope="col">First response</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => {
                const standing = responseStanding(ticket, data.responseHours, data.now);
                const last = ticket.last_message_at ?? ticket.updated_at ?? ticket.created_at;
                return (
                  <tr key={ticket.id}>
                    <th scope="row">
                      <Link to={`/support/tickets/${ticket.id}`}>{ticket.subject}</Link>
                    </th>
                    <td>
                      <span className={`support-status support-status--${ticket.status}`}>{TICKET_STATUS_LABELS[ticket.status]}</span>
                    </td>
                    <td>{TICKET_PRIORITY_LABELS[ticket.priority]}</td>
                    <td>{ticketCategoryLabel(ticket.category)}</td>
                    <td>{activity.format(new Date(last))}</td>
                    <td>{data.responseHours} h</td>
                    <td className={standing.kind === 'overdue' || (standing.kind === 'answered' && !standing.withinTarget) ? 'support__late' : undefined}>
                      {describeStanding(standing)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function timeRange(iso: string, minutes: number, timeZone: string): string {
  const start = new Date(iso);
  const end = new Date(start.getTime() + minutes * 60_000);
  const time = new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: 'short' });
  return `${formatDate(start, timeZone)}, ${time.format(start)} – ${time.format(end)}`;
}

function GroupCallsSection({
  data,
  headingRef,
  onDone,
  onProblem,
}: {
  data: SupportData;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone(message: string): void;
  onProblem(message: string): void;
}) {
  const platform = usePlatform();
  const { busyId, run } = useRowAction(onDone, onProblem, 'file a ticket');
  const nowMs = data.now.getTime();
  const calls = data.groupCalls.filter(
    (call) => tierReaches(data.tier, call.tierRequired) && new Date(call.body.starts_at).getTime() + call.body.duration_minutes * 60_000 > nowMs,
  );

  return (
    <section className="card support__calls" aria-labelledby="support-calls-title">
      <h2 id="support-calls-title" ref={headingRef} tabIndex={-1}>
        Group calls
      </h2>
      <p className="card__text">Live support calls with the SISO team, times in {data.timeZone}. Booking works offline; it is sent when you are back online.</p>
      {calls.length === 0 ? <p className="card__text">No group calls are scheduled for your tier yet. SISO publishes new ones here.</p> : null}
      <ul className="support__call-list">
        {calls.map((call) => {
          const registrationId = data.registered.get(call.id);
          return (
            <li key={call.id} className="support__call">
              <article aria-label={call.title}>
                <h3>{call.title}</h3>
                <p className="card__text">
                  {timeRange(call.body.starts_at, call.body.duration_minutes, data.timeZone)} · Hosted by {call.body.host}
                </p>
                {call.body.agenda ? <p className="card__text">{call.body.agenda}</p> : null}
                <div className="support__call-actions">
                  {registrationId ? (
                    <>
                      <span className="support__booked">You are booked.</span>
                      <button
                        type="button"
                        className="button"
                        disabled={busyId === call.id}
                        onClick={() => void run(call.id, async () => {
                          const result = await saveGroupCallCalendarFile(platform, call);
                          return result.saved ? `Calendar file for “${call.title}” saved.` : 'Saving was cancelled; nothing was saved.';
                        })}
                      >
                        Download calendar file
                      </button>
                      <button
                        type="button"
                        className="button"
                        disabled={busyId === call.id}
                        onClick={() => void run(call.id, async () => {
                          await cancelGroupCall(data.db, registrationId);
                          return `Your place on “${call.title}” is cancelled.`;
                        })}
                      >
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={busyId === call.id || !data.partnerId}
                      onClick={() => void run(call.id, async () => {
                        if (!data.partnerId) throw new Error('No workspace is open.');
                        await bookGroupCall(data.db, data.partnerId, call);
                        return `You are booked on “${call.title}”.`;
                      })}
                    >
                      Book
                    </button>
                  )}
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
