/**
 * The SISO support inbox's rules: each ticket's response-time (SLA) state, the inbox order
 * (breached first by how long overdue, then due soonest, then answered, then settled) and the
 * Status, Tier, Priority and Age filters.
 */
import type { Tier } from '../schema/fields';
import type { TicketPriority, TicketStatus } from '../schema/tickets.schema';
import { parseInstant } from './zoned-time';

const HOUR_MS = 3_600_000;

/** The parts of a support ticket the inbox reads. */
export interface InboxTicketInput {
  readonly id: string;
  readonly created_at: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  readonly author_tier?: Tier | null;
  readonly first_response_at?: string | null;
  readonly response_due_at?: string | null;
}

/**
 * Where a ticket stands against its tier's first-response target:
 * - breached: no staff reply yet and the target has passed (overdueMs > 0);
 * - due: no staff reply yet and the target is ahead (remainingMs ≥ 0);
 * - unanswered: no staff reply and no target known (the server did not set one);
 * - answered: staff replied; met says whether it was within the target (null without one);
 * - settled: resolved or closed before any staff reply, so nothing is running.
 */
export type SlaState =
  | { kind: 'breached'; overdueMs: number }
  | { kind: 'due'; remainingMs: number }
  | { kind: 'unanswered' }
  | { kind: 'answered'; responseMs: number; met: boolean | null }
  | { kind: 'settled' };

export function isSettled(status: TicketStatus): boolean {
  return status === 'resolved' || status === 'closed';
}

export function slaState(ticket: InboxTicketInput, now: Date): SlaState {
  const created = parseInstant(ticket.created_at);
  const firstResponse = parseInstant(ticket.first_response_at);
  const due = parseInstant(ticket.response_due_at);
  if (firstResponse) {
    const responseMs = Math.max(0, firstResponse.getTime() - (created?.getTime() ?? firstResponse.getTime()));
    return { kind: 'answered', responseMs, met: due ? firstResponse.getTime() <= due.getTime() : null };
  }
  if (isSettled(ticket.status)) return { kind: 'settled' };
  if (!due) return { kind: 'unanswered' };
  const remaining = due.getTime() - now.getTime();
  return remaining < 0 ? { kind: 'breached', overdueMs: -remaining } : { kind: 'due', remainingMs: remaining };
}

/** How long the ticket has been open, in ms (0 when its creation time cannot be read or is ahead). */
export function ticketAgeMs(ticket: Pick<InboxTicketInput, 'created_at'>, now: Date): number {
  const created = parseInstant(ticket.created_at);
  return created ? Math.max(0, now.getTime() - created.getTime()) : 0;
}

const GROUP_RANK: Record<SlaState['kind'], number> = { breached: 0, due: 1, unanswered: 2, answered: 3, settled: 4 };

/** Within a group, the key that comes first when smaller. */
function groupKey(state: SlaState, ticket: InboxTicketInput): number {
  if (state.kind === 'breached') return -state.overdueMs;
  if (state.kind === 'due') return state.remainingMs;
  return parseInstant(ticket.created_at)?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Oldest-breaching-SLA first: breached tickets by how long overdue (most first), then those due
 * soonest, then unanswered ones without a target, then answered, then settled; the last three
 * oldest first. Ties go by id so the order is stable across renders.
 */
export function sortInbox<T extends InboxTicketInput>(tickets: readonly T[], now: Date): T[] {
  const keyed = tickets.map((ticket) => {
    const state = slaState(ticket, now);
    return { ticket, rank: GROUP_RANK[state.kind], key: groupKey(state, ticket) };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.key - b.key || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0));
  return keyed.map((entry) => entry.ticket);
}

/** "active" = open or waiting on the partner: what still needs someone. */
export const INBOX_STATUS_FILTERS = ['active', 'open', 'waiting', 'resolved', 'closed', 'all'] as const;
export type InboxStatusFilter = (typeof INBOX_STATUS_FILTERS)[number];

export const INBOX_AGE_FILTERS = ['any', 'over_24h', 'over_3d', 'over_7d'] as const;
export type InboxAgeFilter = (typeof INBOX_AGE_FILTERS)[number];

const AGE_THRESHOLD_MS: Record<InboxAgeFilter, number> = { any: 0, over_24h: 24 * HOUR_MS, over_3d: 72 * HOUR_MS, over_7d: 168 * HOUR_MS };

export interface InboxFilter {
  status: InboxStatusFilter;
  /** null: every tier. */
  tier: Tier | null;
  /** null: every priority. */
  priority: TicketPriority | null;
  age: InboxAgeFilter;
}

export const DEFAULT_INBOX_FILTER: InboxFilter = { status: 'active', tier: null, priority: null, age: 'any' };

export function matchesInboxFilter(ticket: InboxTicketInput, filter: InboxFilter, now: Date): boolean {
  if (filter.status === 'active' ? isSettled(ticket.status) : filter.status !== 'all' && ticket.status !== filter.status) return false;
  if (filter.tier !== null && ticket.author_tier !== filter.tier) return false;
  if (filter.priority !== null && ticket.priority !== filter.priority) return false;
  if (filter.age !== 'any' && ticketAgeMs(ticket, now) <= AGE_THRESHOLD_MS[filter.age]) return false;
  return true;
}

/** The inbox as shown: filtered, then in SLA order. */
export function inboxView<T extends InboxTicketInput>(tickets: readonly T[], filter: InboxFilter, now: Date): T[] {
  return sortInbox(
    tickets.filter((ticket) => matchesInboxFilter(ticket, filter, now)),
    now,
  );
}

/** "3 d 4 h", "5 h 20 min", "12 min": a duration short enough for a table cell. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** The SLA state as the words in the inbox's "First response" column. */
export function describeSla(state: SlaState): string {
  switch (state.kind) {
    case 'breached':
      return `Overdue by ${formatSpan(state.overdueMs)}`;
    case 'due':
      return `Due in ${formatSpan(state.remainingMs)}`;
    case 'unanswered':
      return 'Not answered yet (no target set)';
    case 'answered':
      return `Answered in ${formatSpan(state.responseMs)}${state.met === null ? '' : state.met ? ', within target' : ', after the target'}`;
    case 'settled':
      return 'Closed without a reply';
  }
}
