/**
 * The admin's Support tab: every partner's support tickets, read live from the admin's synced
 * store (admin RLS pulls them all), filtered by status, tier, priority and age and ordered
 * oldest-breaching-SLA first (sync/domain/support-inbox.ts); opening one shows SupportTicketView.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_INBOX_FILTER,
  INBOX_AGE_FILTERS,
  INBOX_STATUS_FILTERS,
  describeSla,
  formatSpan,
  inboxView,
  slaState,
  ticketAgeMs,
  type InboxAgeFilter,
  type InboxFilter,
  type InboxStatusFilter,
} from '../../../../sync/domain/support-inbox';
import { type Tier } from '../../../../sync/schema/fields';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../../sync/schema/tickets.schema';
import { useQuery } from '../../../data/use-query';
import { FormField, FormAlert } from '../../../ui/FormField';
import { plural } from '../../../ui/format';
import { useNow } from '../../../ui/use-now';
import { TIER_LABELS, partnerName } from '../shared/labels';
import { SupportTicketView } from './SupportTicketView';
import { PRIORITY_LABELS, TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from './support-labels';
import type { AdminAccess } from '../shared/use-admin-access';
import './support-admin.css';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const STATUS_FILTER_LABELS: Record<InboxStatusFilter, string> = {
  active: 'Open or waiting',
  open: TICKET_STATUS_LABELS.open,
  waiting: TICKET_STATUS_LABELS.waiting,
  resolved: TICKET_STATUS_LABELS.resolved,
  closed: TICKET_STATUS_LABELS.closed,
  all: 'All statuses',
};

const AGE_FILTER_LABELS: Record<InboxAgeFilter, string> = {
  any: 'Any age',
  over_24h: 'Over 24 hours',
  over_3d: 'Over 3 days',
  over_7d: 'Over 7 days',
};

export function SupportInboxPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const tickets = useQuery('tickets', { selector: { kind: 'support' }, sort: [{ created_at: 'asc' }] });
  const now = useNow(60_000);
  const [filter, setFilter] = useState<InboxFilter>(DEFAULT_INBOX_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  const headingId = useId();
  // Back from a ticket, focus returns to the subject that opened it (the button was unmounted meanwhile).
  const returnTo = useRef<string | null>(null);
  const openButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (openId !== null || returnTo.current === null) return;
    openButtons.current.get(returnTo.current)?.focus();
    returnTo.current = null;
  }, [openId]);
  const rows = useMemo(() => inboxView(tickets.data, filter, now), [tickets.data, filter, now]);
  const breached = useMemo(() => rows.filter((row) => slaState(row, now).kind === 'breached').length, [rows, now]);
  const open = openId ? tickets.data.find((ticket) => ticket.id === openId) ?? null : null;

  if (openId) {
    return (
      <SupportTicketView
        access={access}
        ticket={open}
        loading={tickets.loading}
        announce={announce}
        onBack={() => {
          returnTo.current = openId;
          setOpenId(null);
        }}
      />
    );
  }

  const set = (patch: Partial<InboxFilter>) => setFilter((previous) => ({ ...previous, ...patch }));

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId}>Support inbox</h2>
      </div>
      <p className="card__text">
        Every partner’s tickets, most overdue first: the first-response target comes from the partner’s tier when they filed it. Tickets arrive as they sync.
      </p>
      <div className="admin-filters">
        <FormField label="Status">
          <select value={filter.status} onChange={(event) => set({ status: event.target.value as InboxStatusFilter })}>
            {INBOX_STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {STATUS_FILTER_LABELS[status]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Tier">
          <select value={filter.tier ?? ''} onChange={(event) => set({ tier: event.target.value === '' ? null : (event.target.value as Tier) })}>
            <option value="">All tiers</option>
            <TierOptions />
          </select>
        </FormField>
        <FormField label="Priority">
          <select value={filter.priority ?? ''} onChange={(event) => set({ priority: event.target.value === '' ? null : (event.target.value as TicketPriority) })}>
            <option value="">All priorities</option>
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Age">
          <select value={filter.age} onChange={(event) => set({ age: event.target.value as InboxAgeFilter })}>
            {INBOX_AGE_FILTERS.map((age) => (
              <option key={age} value={age}>
                {AGE_FILTER_LABELS[age]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormAlert message={tickets.error ? `The tickets could not be read from this device’s store (${tickets.error}). Restart the app; if it persists, sign out and in again.` : null} />
      {tickets.loading ? <p className="card__text">Loading tickets…</p> : null}
      {!tickets.loading && rows.length === 0 ? (
        <p className="card__text">{tickets.data.length === 0 ? 'No partner has filed a ticket yet.' : 'No tickets match these filters.'}</p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p className="card__text admin-support-inbox__count">
            {plural(rows.length, 'ticket')} shown{breached > 0 ? `, ${breached} past the response target` : ''}.
          </p>
          <div className="table-scroll">
            <table className="data-table admin-table admin-support-inbox" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Category</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Status</th>
                  <th scope="col">Age</th>
                  <th scope="col">First response</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((ticket) => {
                  const sla = slaState(ticket, now);
                  return (
                    <tr key={ticket.id} data-sla={sla.kind}>
                      <th scope="row">
                        <button
                          type="button"
                          className="admin-support-inbox__open"
                          ref={(element) => {
                            if (element) openButtons.current.set(ticket.id, element);
                            else openButtons.current.delete(ticket.id);
                          }}
                          onClick={() => setOpenId(ticket.id)}
                        >
                          {ticket.subject}
                        </button>
                        {ticket.assigned_name ? <span className="data-table__sub">Assigned to {ticket.assigned_name}</span> : null}
                      </th>
                      <td>
                        {partnerName(ticket)}
                        {ticket.author_company ? <span className="data-table__sub">{ticket.author_company}</span> : null}
                      </td>
                      <td>{ticket.author_tier ? TIER_LABELS[ticket.author_tier] : 'Unknown'}</td>
                      <td>{TICKET_CATEGORY_LABELS[ticket.category ?? ''] ?? ticket.category ?? 'Other'}</td>
                      <td>{PRIORITY_LABELS[ticket.priority]}</td>
                      <td>{TICKET_STATUS_LABELS[ticket.status]}</td>
                      <td className="admin-support-inbox__age">{formatSpan(ticketAgeMs(ticket, now))}</td>
                      <td className={`admin-support-sla admin-support-sla--${sla.kind}`}>{describeSla(sla)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
