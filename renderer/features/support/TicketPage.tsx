/**
 * One support ticket (/support/tickets/:ticketId): its status against the response target, the
 * conversation (live: a SISO reply pulled by sync appears without reloading), a reply with an
 * optional attachment, and Mark resolved / Reopen — all written locally and queued offline.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../ui/PageHeader';
import { FormField, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import {
  TICKET_ATTACHMENT_MAX_BYTES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
  describeStanding,
  replySchema,
  responseStanding,
  ticketCategoryLabel,
  type ThreadMessageView,
} from '../../../sync/domain/support-tickets';
import { formatFileSize } from '../../../sync/domain/brand-kit';
import { AttachmentPicker, type PickedAttachment } from './AttachmentPicker';
import { Conversation } from './Conversation';
import { replyToTicket, saveAttachment, setTicketStatus } from './support-writes';
import { useAttachmentUploads, useTicketData, type TicketData } from './use-support-data';
import './support.css';

export function TicketPage() {
  const { ticketId } = useParams();
  const data = useTicketData(ticketId);
  if (data.error) {
    return (
      <>
        <PageHeader title="Ticket" />
        <p className="card card__text" role="alert">
          This ticket could not be read from this device: {errorMessage(data.error)} Restart the workstation; if it happens again, email SISO support.
        </p>
      </>
    );
  }
  if (data.loading) {
    return (
      <>
        <PageHeader title="Ticket" />
        <p className="card card__text" role="status">Loading the ticket…</p>
      </>
    );
  }
  if (!data.ticket || data.ticket.kind !== 'support') {
    return (
      <>
        <PageHeader title="Ticket not found" />
        <p className="card card__text">
          This ticket is not on this device. It may belong to another account, or it has not synced yet. <Link to="/support">Back to Support</Link>
        </p>
      </>
    );
  }
  return <TicketBody data={data} ticket={data.ticket} />;
}

function TicketBody({ data, ticket }: { data: TicketData; ticket: NonNullable<TicketData['ticket']> }) {
  const platform = usePlatform();
  const online = useOnlineStatus();
  const uploads = useAttachmentUploads();
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | undefined>(undefined);
  const [attachment, setAttachment] = useState<PickedAttachment>({ state: 'none' });
  const [pickerKey, setPickerKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const waitingUploads = useMemo(() => new Set(uploads.pending.keys()), [uploads.pending]);
  const standing = responseStanding(ticket, data.responseHours, data.now);
  const closed = ticket.status === 'resolved' || ticket.status === 'closed';
  const offlineNote = online ? '' : ' You are offline: it is saved on this device and sent when you are back online.';

  async function send(event: FormEvent) {
    event.preventDefault();
    const parsed = replySchema.safeParse(reply);
    if (!parsed.success) {
      setReplyError(parsed.error.issues[0]?.message ?? 'Write your reply before sending it.');
      return;
    }
    if (attachment.state === 'refused' || attachment.state === 'reading') {
      setProblem(attachment.state === 'refused' ? `The reply was not sent: ${attachment.message}` : 'The attachment is still being read; wait a moment and send again.');
      return;
    }
    if (!data.partnerId) return;
    setBusy(true);
    setProblem(null);
    try {
      await replyToTicket(data.db, data.partnerId, ticket.id, parsed.data, attachment.state === 'ready' ? attachment.attachment : null);
      setReply('');
      setAttachment({ state: 'none' });
      setPickerKey((key) => key + 1);
      setNotice(`Your reply is added.${offlineNote}`);
    } catch (error) {
      setProblem(`Your reply was not saved: ${errorMessage(error)} Try again.`);
    } finally {
      setBusy(false);
    }
  }

  async function changeStatus(status: 'resolved' | 'open') {
    setBusy(true);
    setProblem(null);
    try {
      await setTicketStatus(data.db, ticket.id, status);
      setNotice(`${status === 'resolved' ? 'The ticket is marked resolved.' : 'The ticket is open again.'}${offlineNote}`);
    } catch (error) {
      setProblem(`The ticket's status did not change: ${errorMessage(error)} Try again.`);
    } finally {
      setBusy(false);
    }
  }

  function download(message: ThreadMessageView) {
    if (!message.attachment) return;
    setProblem(null);
    saveAttachment(platform, data.client, { messageId: message.id, path: message.attachment.path, name: message.attachment.name, mime: message.attachment.mime }).then(
      (result) => setNotice(result.saved ? `“${message.attachment?.name ?? 'The file'}” is saved.` : 'Saving was cancelled; nothing was saved.'),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }

  return (
    <>
      <title>{`${ticket.subject} · Support · SISO Partner Workstation`}</title>
      <PageHeader title={ticket.subject} />
      <p className="support__back">
        <Link to="/support">Back to Support</Link>
      </p>
      <div className="support support--ticket">
        <div aria-live="polite" className="support__notice">{notice}</div>
        {problem ? <p className="support__problem" role="alert">{problem}</p> : null}
        {ticket.status === 'waiting' ? (
          <p className="support__waiting-on-you" role="status">
            <strong>Waiting on you.</strong> SISO replied and needs your answer to go on.
          </p>
        ) : null}
        <dl className="support__facts">
          <div>
            <dt>Status</dt>
            <dd>{TICKET_STATUS_LABELS[ticket.status]}</dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>{TICKET_PRIORITY_LABELS[ticket.priority]}</dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>{ticketCategoryLabel(ticket.category)}</dd>
          </div>
          <div>
            <dt>Response target</dt>
            <dd>{data.responseHours} h · {describeStanding(standing)}</dd>
          </div>
          {ticket.assigned_name ? (
            <div>
              <dt>Handled by</dt>
              <dd>{ticket.assigned_name}</dd>
            </div>
          ) : null}
        </dl>
        <div className="button-row">
          {closed ? (
            <button type="button" className="button" disabled={busy} onClick={() => void changeStatus('open')}>
              Reopen
            </button>
          ) : (
            <button type="button" className="button" disabled={busy} onClick={() => void changeStatus('resolved')}>
              Mark resolved
            </button>
          )}
        </div>
        {uploads.problem ? <p className="support__problem" role="alert">{uploads.problem}</p> : null}
        <section className="card" aria-labelledby="ticket-conversation-title">
          <h2 id="ticket-conversation-title">Conversation</h2>
          <Conversation
            messages={data.conversation}
            timeZone={data.timeZone}
            waitingUploads={waitingUploads}
            uploadsSync={uploads.syncs}
            onDownload={download}
          />
          <form className="support__reply" noValidate onSubmit={(event) => void send(event)}>
            <FormField label="Reply" error={replyError} hint={closed ? 'Replying opens the ticket again.' : undefined}>
              <textarea
                rows={4}
                value={reply}
                onChange={(event) => {
                  setReply(event.target.value);
                  setReplyError(undefined);
                }}
              />
            </FormField>
            <AttachmentPicker
              key={pickerKey}
              value={attachment}
              onChange={setAttachment}
              hint={`Optional. PNG, JPEG, PDF, text, CSV or ZIP, up to ${formatFileSize(TICKET_ATTACHMENT_MAX_BYTES)}.`}
            />
            <SubmitRow label="Send reply" busyLabel="Saving…" busy={busy} blocked={null} />
          </form>
        </section>
      </div>
    </>
  );
}
