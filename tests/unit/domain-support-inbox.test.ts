import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INBOX_FILTER,
  describeSla,
  formatSpan,
  inboxView,
  matchesInboxFilter,
  slaState,
  sortInbox,
  ticketAgeMs,
  type InboxTicketInput,
} from '../../sync/domain/support-inbox';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;

function at(hoursFromNow: number): string {
  return new Date(NOW.getTime() + hoursFromNow * HOUR).toISOString();
}

function ticket(id: string, overrides: Partial<InboxTicketInput> = {}): InboxTicketInput {
  return { id, created_at: at(-10), status: 'open', priority: 'normal', author_tier: 'active', first_response_at: null, response_due_at: at(38), ...overrides };
}

describe('slaState', () => {
  it('is breached by how long the target has passed when nobody from SISO has replied', () => {
    expect(slaState(ticket('a', { response_due_at: at(-3) }), NOW)).toEqual({ kind: 'breached', overdueMs: 3 * HOUR });
  });

  it('is due with the time left while the target is ahead', () => {
    expect(slaState(ticket('a', { response_due_at: at(5) }), NOW)).toEqual({ kind: 'due', remainingMs: 5 * HOUR });
  });

  it('is answered with the response time, and whether it met the target, once staff replied', () => {
    const early = ticket('a', { created_at: at(-10), first_response_at: at(-8), response_due_at: at(-6) });
    expect(slaState(early, NOW)).toEqual({ kind: 'answered', responseMs: 2 * HOUR, met: true });
    const late = ticket('b', { created_at: at(-10), first_response_at: at(-1), response_due_at: at(-6) });
    expect(slaState(late, NOW)).toEqual({ kind: 'answered', responseMs: 9 * HOUR, met: false });
    // Answered tickets stop the clock even when their target has long passed.
    expect(slaState(ticket('c', { first_response_at: at(-1), response_due_at: null }), NOW)).toEqual({ kind: 'answered', responseMs: 9 * HOUR, met: null });
  });

  it('stops the clock for tickets resolved or closed before any reply', () => {
    expect(slaState(ticket('a', { status: 'resolved', response_due_at: at(-100) }), NOW)).toEqual({ kind: 'settled' });
    expect(slaState(ticket('b', { status: 'closed' }), NOW)).toEqual({ kind: 'settled' });
    // A ticket waiting on the partner without a staff reply is still running (the partner set it).
    expect(slaState(ticket('c', { status: 'waiting', response_due_at: at(-1) }), NOW).kind).toBe('breached');
  });

  it('is unanswered without a target rather than inventing one', () => {
    expect(slaState(ticket('a', { response_due_at: null }), NOW)).toEqual({ kind: 'unanswered' });
    expect(slaState(ticket('b', { response_due_at: 'not a date' }), NOW)).toEqual({ kind: 'unanswered' });
  });
});

describe('sortInbox', () => {
  it('puts breached tickets first by how long overdue, then due soonest, then answered, then settled', () => {
    const tickets = [
      ticket('answered-old', { created_at: at(-200), first_response_at: at(-190) }),
      ticket('due-later', { response_due_at: at(30) }),
      ticket('settled', { status: 'closed', created_at: at(-500) }),
      ticket('breached-little', { response_due_at: at(-1) }),
      ticket('no-target', { response_due_at: null }),
      ticket('due-soon', { response_due_at: at(2) }),
      ticket('breached-most', { response_due_at: at(-48) }),
      ticket('answered-new', { created_at: at(-5), first_response_at: at(-4) }),
    ];
    expect(sortInbox(tickets, NOW).map((row) => row.id)).toEqual([
      'breached-most',
      'breached-little',
      'due-soon',
      'due-later',
      'no-target',
      'answered-old',
      'answered-new',
      'settled',
    ]);
  });

  it('orders by the time the SLA comes due, not by when the ticket was filed', () => {
    // An Elite ticket filed an hour ago (4 h target) is due before a Starter ticket filed two days ago (72 h target).
    const elite = ticket('elite', { author_tier: 'elite', created_at: at(-1), response_due_at: at(3) });
    const starter = ticket('starter', { author_tier: 'starter', created_at: at(-48), response_due_at: at(24) });
    expect(sortInbox([starter, elite], NOW).map((row) => row.id)).toEqual(['elite', 'starter']);
  });

  it('keeps equal tickets in id order and leaves the input untouched', () => {
    const input = [ticket('b'), ticket('a'), ticket('c')];
    expect(sortInbox(input, NOW).map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(input.map((row) => row.id)).toEqual(['b', 'a', 'c']);
  });

  it('moves a ticket from due to breached as time passes', () => {
    const tickets = [ticket('x', { response_due_at: at(1) }), ticket('y', { response_due_at: at(-0.5) })];
    expect(sortInbox(tickets, NOW).map((row) => row.id)).toEqual(['y', 'x']);
    const later = new Date(NOW.getTime() + 3 * HOUR);
    // x is now 2 h overdue, y 3.5 h: y still leads, both breached.
    expect(sortInbox(tickets, later).map((row) => [row.id, slaState(row, later).kind])).toEqual([
      ['y', 'breached'],
      ['x', 'breached'],
    ]);
  });
});

describe('inbox filters', () => {
  it('shows open and waiting tickets by default, hiding resolved and closed ones', () => {
    expect(matchesInboxFilter(ticket('a', { status: 'open' }), DEFAULT_INBOX_FILTER, NOW)).toBe(true);
    expect(matchesInboxFilter(ticket('b', { status: 'waiting' }), DEFAULT_INBOX_FILTER, NOW)).toBe(true);
    expect(matchesInboxFilter(ticket('c', { status: 'resolved' }), DEFAULT_INBOX_FILTER, NOW)).toBe(false);
    expect(matchesInboxFilter(ticket('d', { status: 'closed' }), { ...DEFAULT_INBOX_FILTER, status: 'all' }, NOW)).toBe(true);
    expect(matchesInboxFilter(ticket('e', { status: 'open' }), { ...DEFAULT_INBOX_FILTER, status: 'waiting' }, NOW)).toBe(false);
  });

  it('filters by the tier the partner had and by priority', () => {
    const filter = { ...DEFAULT_INBOX_FILTER, tier: 'elite' as const, priority: 'urgent' as const };
    expect(matchesInboxFilter(ticket('a', { author_tier: 'elite', priority: 'urgent' }), filter, NOW)).toBe(true);
    expect(matchesInboxFilter(ticket('b', { author_tier: 'active', priority: 'urgent' }), filter, NOW)).toBe(false);
    expect(matchesInboxFilter(ticket('c', { author_tier: 'elite', priority: 'high' }), filter, NOW)).toBe(false);
    expect(matchesInboxFilter(ticket('d', { author_tier: null, priority: 'urgent' }), filter, NOW)).toBe(false);
  });

  it('filters by age: strictly older than 24 hours, 3 days or 7 days', () => {
    const over24 = { ...DEFAULT_INBOX_FILTER, age: 'over_24h' as const };
    expect(matchesInboxFilter(ticket('a', { created_at: at(-24) }), over24, NOW)).toBe(false);
    expect(matchesInboxFilter(ticket('b', { created_at: at(-25) }), over24, NOW)).toBe(true);
    const over3d = { ...DEFAULT_INBOX_FILTER, age: 'over_3d' as const };
    expect(matchesInboxFilter(ticket('c', { created_at: at(-71) }), over3d, NOW)).toBe(false);
    expect(matchesInboxFilter(ticket('d', { created_at: at(-73) }), over3d, NOW)).toBe(true);
    expect(matchesInboxFilter(ticket('e', { created_at: at(-169) }), { ...DEFAULT_INBOX_FILTER, age: 'over_7d' }, NOW)).toBe(true);
  });

  it('returns the filtered tickets in SLA order', () => {
    const tickets = [
      ticket('closed-breached', { status: 'closed', response_due_at: at(-9) }),
      ticket('due', { response_due_at: at(1) }),
      ticket('breached', { response_due_at: at(-2) }),
    ];
    expect(inboxView(tickets, DEFAULT_INBOX_FILTER, NOW).map((row) => row.id)).toEqual(['breached', 'due']);
  });
});

describe('wording', () => {
  it('says how overdue, how long left, or how fast it was answered', () => {
    expect(describeSla({ kind: 'breached', overdueMs: 26 * HOUR })).toBe('Overdue by 1 d 2 h');
    expect(describeSla({ kind: 'due', remainingMs: 90 * 60_000 })).toBe('Due in 1 h 30 min');
    expect(describeSla({ kind: 'answered', responseMs: 3 * HOUR, met: true })).toBe('Answered in 3 h, within target');
    expect(describeSla({ kind: 'answered', responseMs: 50 * HOUR, met: false })).toBe('Answered in 2 d 2 h, after the target');
    expect(describeSla({ kind: 'settled' })).toBe('Closed without a reply');
  });

  it('formats spans and ages without negative values', () => {
    expect(formatSpan(-5)).toBe('0 min');
    expect(formatSpan(72 * HOUR)).toBe('3 d');
    expect(ticketAgeMs({ created_at: at(2) }, NOW)).toBe(0);
    expect(ticketAgeMs({ created_at: at(-2) }, NOW)).toBe(2 * HOUR);
  });
});
