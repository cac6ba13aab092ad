/**
 * One support ticket as SISO staff see it: the whole conversation including internal notes
 * (marked, since RLS keeps them from the partner), a public "Reply", an "Internal note", and the
 * ticket's Status, Priority and "Assign to", all sent straight to the server. What the server
 * returns is shown at once; the synced copy replaces it when replication brings it.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { describeSla, slaState } from '../../../../sync/domain/support-inbox';
import { parseInstant } from '../../../../sync/domain/zoned-time';
import type { TicketMessageDoc } from '../../../../sync/schema/ticket-messages.schema';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketDoc, type TicketPriority, type TicketStatus } from '../../../../sync/schema/tickets.schema';
import type { PlainDoc } from '../../../data/collection-queries';
import { useQuery } from '../../../data/use-query';
import { usePlatform } from '../../../platform';
import { useOpenWorkspace } from '../../../session';
import { FormField, FormAlert, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { systemTimeZone } from '../../../ui/format';
import { useNow } from '../../../ui/use-now';
import { formatFileSize } from '../../../../sync/domain/admin/asset-files';
import { TIER_LABELS, partnerName } from '../shared/labels';
import { PRIORITY_LABELS, TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from './support-labels';
import { createSupportAdminWrites, type TicketChange } from '../shared/support-admin-writes';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;
type Ticket = PlainDoc<'tickets'> | TicketDoc;
type Message = PlainDoc<'ticket_messages'> | TicketMessageDoc;

function newer<T extends { updated_at?: string | null | undefined; created_at: string }>(stored: T, sent: T): boolean {
  const time = (row: T) => parseInstant(row.updated_at ?? row.created_at)?.getTime() ?? 0;
  return time(sent) > time(stored);
}

function formatWhen(iso: string, timeZone: string): string {
  const date = parseInstant(iso);
  return date ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date) : 'at an unknown time';
}

/**
 * Who this admin is, for "Assign to me": their profile's display name (read from the server), else
 * the name the server gave them on a ticket already assigned to them, else their email.
 */
function useSelf(access: Admin): { id: string; name: string } | null {
  const workspace = useOpenWorkspace();
  const session = workspace?.target.kind === 'account' ? workspace.target.session : null;
  const userId = session?.userId ?? null;
  const load = useCallback(() => (userId ? createSupportAdminWrites(access.client).displayNames([userId]) : Promise.resolve(new Map<string, string>())), [access.client, userId]);
  const names = useServerReport(access.blocked !== null ? null : load);
  const mine = useQuery('tickets', { selector: { assigned_to: userId ?? '' }, limit: 1 });
  if (!session) return null;
  return { id: session.userId, name: names.data?.get(session.userId) ?? mine.data[0]?.assigned_name ?? session.email };
}

export function SupportTicketView({
  access,
  ticket: stored,
  loading,
  announce,
  onBack,
}: {
  access: Admin;
  ticket: PlainDoc<'tickets'> | null;
  loading: boolean;
  announce(message: string): void;
  onBack(): void;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [saved, setSaved] = useState<TicketDoc | null>(null);
  // Opening a ticket replaces the inbox, so focus moves to its title rather than being lost.
  useEffect(() => headingRef.current?.focus(), []);
  const ticket: Ticket | null = stored && saved && saved.id === stored.id && newer(stored, saved) ? saved : stored;

  const back = (
    <button type="button" className="button button--small" onClick={onBack}>
      Back to inbox
    </button>
  );
  if (!ticket) {
    return (
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId}>{loading ? 'Loading the ticket…' : 'Ticket not found'}</h2>
        {loading ? null : <p className="card__text">This ticket is no longer on this device; it may have been deleted. Go back to the inbox to pick another.</p>}
        {back}
      </section>
    );
  }
  return (
    <section className="card admin-support-ticket" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="admin-support-ticket__title">
          {ticket.subject}
        </h2>
        {back}
      </div>
      <TicketFacts ticket={ticket} />
      <TicketControls access={access} ticket={ticket} announce={announce} onSaved={setSaved} />
      <Conversation access={access} ticket={ticket} announce={announce} />
    </section>
  );
}

function TicketFacts({ ticket }: { ticket: Ticket }) {
  const now = useNow(60_000);
  const timeZone = systemTimeZone();
  return (
    <dl className="facts admin-support-ticket__facts">
      <div>
        <dt>Partner</dt>
        <dd>
          {partnerName(ticket)}
          {ticket.author_company ? `, ${ticket.author_company}` : ''}
        </dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>{ticket.author_tier ? TIER_LABELS[ticket.author_tier] : 'Unknown'}</dd>
      </div>
      <div>
        <dt>Category</dt>
        <dd>{TICKET_CATEGORY_LABELS[ticket.category ?? ''] ?? ticket.category ?? 'Other'}</dd>
      </div>
      <div>
        <dt>Filed</dt>
        <dd>{formatWhen(ticket.created_at, timeZone)}</dd>
      </div>
      <div>
        <dt>First response</dt>
        <dd>
          {describeSla(slaState(ticket, now))}
          {ticket.response_due_at && !ticket.first_response_at ? ` (target ${formatWhen(ticket.response_due_at, timeZone)})` : ''}
        </dd>
      </div>
    </dl>
  );
}

const UNASSIGNED = '';

function TicketControls({ access, ticket, announce, onSaved }: { access: Admin; ticket: Ticket; announce(message: string): void; onSaved(ticket: TicketDoc): void }) {
  const writes = useMemo(() => createSupportAdminWrites(access.client), [access.client]);
  const self = useSelf(access);
  const assigned = useQuery('tickets', { selector: { kind: 'support', assigned_to: { $ne: null } } });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const disabled = busy || access.blocked !== null;

  // The server offers no list of admins, so the choices are this admin and every admin already assigned a ticket.
  const choices = useMemo(() => {
    const list = new Map<string, string>();
    if (self) list.set(self.id, `${self.name} (me)`);
    for (const row of [ticket, ...assigned.data]) {
      if (row.assigned_to && !list.has(row.assigned_to)) list.set(row.assigned_to, row.assigned_name ?? 'Another admin');
    }
    return [...list];
  }, [self, ticket, assigned.data]);

  async function change(patch: TicketChange, message: string | ((saved: TicketDoc) => string)) {
    if (disabled) return;
    setBusy(true);
    setFailure(null);
    try {
      const saved = await writes.changeTicket(ticket.id, patch);
      onSaved(saved);
      announce(typeof message === 'string' ? message : message(saved));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function assign(id: string) {
    if (id === UNASSIGNED) {
      void change({ assignee: null }, `“${ticket.subject}” is unassigned.`);
      return;
    }
    const name = id === self?.id ? self.name : (choices.find(([choice]) => choice === id)?.[1] ?? 'another admin');
    void change({ assignee: { id, name } }, (saved) => `“${ticket.subject}” is assigned to ${saved.assigned_name ?? name}.`);
  }

  return (
    <div className="admin-support-ticket__controls">
      <div className="admin-filters">
        <FormField label="Status">
          <select
            value={ticket.status}
            disabled={disabled}
            onChange={(event) => {
              const status = event.target.value as TicketStatus;
              void change({ status }, `“${ticket.subject}” is now ${TICKET_STATUS_LABELS[status]}.`);
            }}
          >
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {TICKET_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Priority">
          <select
            value={ticket.priority}
            disabled={disabled}
            onChange={(event) => {
              const priority = event.target.value as TicketPriority;
              void change({ priority }, `“${ticket.subject}” is now ${PRIORITY_LABELS[priority].toLowerCase()} priority.`);
            }}
          >
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Assign to" hint="You, or an admin who already has tickets.">
          <select value={ticket.assigned_to ?? UNASSIGNED} disabled={disabled} onChange={(event) => assign(event.target.value)}>
            <option value={UNASSIGNED}>Unassigned</option>
            {choices.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </FormField>
        {self && ticket.assigned_to !== self.id ? (
          <button type="button" className="button button--small" disabled={disabled} onClick={() => assign(self.id)}>
            Assign to me
          </button>
        ) : null}
      </div>
      {access.blocked ? <p className="inline-message submit-row__blocked">{access.blocked}</p> : null}
      <FormAlert message={failure} />
    </div>
  );
}

function Conversation({ access, ticket, announce }: { access: Admin; ticket: Ticket; announce(message: string): void }) {
  const stored = useQuery('ticket_messages', { selector: { ticket_id: ticket.id }, sort: [{ created_at: 'asc' }] });
  const [sent, setSent] = useState<TicketMessageDoc[]>([]);
  const listId = useId();
  const messages: Message[] = useMemo(() => {
    const ids = new Set(stored.data.map((message) => message.id));
    return [...stored.data, ...sent.filter((message) => message.ticket_id === ticket.id && !ids.has(message.id))];
  }, [stored.data, sent, ticket.id]);

  return (
    <>
      <h3 id={listId}>Conversation</h3>
      {stored.loading ? <p className="card__text">Loading messages…</p> : null}
      {!stored.loading && messages.length === 0 ? <p className="card__text">No messages on this ticket yet.</p> : null}
      <ol className="admin-support-conversation" aria-labelledby={listId}>
        {messages.map((message) => (
          <MessageItem key={message.id} access={access} message={message} />
        ))}
      </ol>
      <StaffMessageForm access={access} ticket={ticket} visibility="public" announce={announce} onSent={(message) => setSent((previous) => [...previous, message])} />
      <StaffMessageForm access={access} ticket={ticket} visibility="internal" announce={announce} onSent={(message) => setSent((previous) => [...previous, message])} />
    </>
  );
}

function MessageItem({ access, message }: { access: Admin; message: Message }) {
  const platform = usePlatform();
  const timeZone = systemTimeZone();
  const [downloading, setDownloading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const internal = message.visibility === 'internal';
  const staff = message.author_role === 'support';
  const author = staff ? message.author_name?.trim() || 'SISO Support' : partnerName(message);

  async function download(path: string, name: string, mime: string) {
    setDownloading(true);
    setFailure(null);
    try {
      const data = await createSupportAdminWrites(access.client).downloadAttachment(path, name);
      await platform.saveFile({ suggestedName: name, mimeType: mime, data });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <li className={`admin-support-message${internal ? ' admin-support-message--internal' : ''}${staff ? ' admin-support-message--staff' : ''}`}>
      <article aria-label={`${internal ? 'Internal note' : 'Message'} from ${author}`}>
        {internal ? <p className="admin-support-message__flag">Internal note — partners never see this</p> : null}
        <p className="admin-support-message__meta">
          <strong>{author}</strong>
          {staff ? ' (SISO)' : ''} · {formatWhen(message.created_at, timeZone)}
          {message.hidden ? ' · hidden from partners' : ''}
        </p>
        <p className="admin-support-message__body">{message.body}</p>
        {message.attachment_path ? (
          <p className="admin-support-message__attachment">
            <button
              type="button"
              className="button button--small"
              disabled={downloading || access.blocked !== null}
              onClick={() => void download(message.attachment_path ?? '', message.attachment_name ?? 'attachment', message.attachment_mime ?? 'application/octet-stream')}
            >
              {downloading ? 'Downloading…' : `Download ${message.attachment_name ?? 'attachment'}`}
            </button>
            {message.attachment_size != null ? <span className="data-table__sub">{formatFileSize(message.attachment_size)}</span> : null}
          </p>
        ) : null}
        <FormAlert message={failure} />
      </article>
    </li>
  );
}

function StaffMessageForm({
  access,
  ticket,
  visibility,
  announce,
  onSent,
}: {
  access: Admin;
  ticket: Ticket;
  visibility: 'public' | 'internal';
  announce(message: string): void;
  onSent(message: TicketMessageDoc): void;
}) {
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const internal = visibility === 'internal';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    if (!text.trim()) {
      setFieldError(internal ? 'Write the note first; only SISO staff will read it.' : 'Write the reply first; the partner reads it and gets a notification.');
      return;
    }
    setFieldError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      const message = await createSupportAdminWrites(access.client).postStaffMessage(ticket, text, visibility);
      onSent(message);
      setText('');
      announce(internal ? `Internal note added to “${ticket.subject}”.` : `Reply sent to ${partnerName(ticket)}.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`form admin-support-compose${internal ? ' admin-support-compose--internal' : ''}`} noValidate onSubmit={(event) => void submit(event)}>
      <FormField
        label={internal ? 'Internal note' : 'Reply'}
        hint={internal ? 'Only SISO staff see internal notes; the partner’s app never receives them.' : 'The partner sees this reply and gets a notification.'}
        error={fieldError}
      >
        <textarea rows={internal ? 2 : 4} value={text} onChange={(event) => setText(event.target.value)} />
      </FormField>
      <FormAlert message={failure} />
      <SubmitRow label={internal ? 'Add note' : 'Send reply'} busyLabel={internal ? 'Adding…' : 'Sending…'} busy={busy} blocked={access.blocked} />
    </form>
  );
}
