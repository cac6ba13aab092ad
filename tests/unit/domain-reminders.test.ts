import { describe, expect, it } from 'vitest';
import {
  buildNextActionDone,
  dismissReminder,
  dueReminders,
  EMPTY_REMINDER_STATE,
  instantToZonedLocal,
  MAX_TIMER_MS,
  nextActionReminders,
  nextDueAt,
  parseFiredLog,
  parseReminderState,
  pruneReminderPrefs,
  recordFired,
  reminderFiresAt,
  remindersDueNow,
  snoozeReminder,
  snoozeUntil,
  timerDelay,
  tomorrowMorning,
  validateNextActionForm,
  zonedLocalToInstant,
} from '../../sync/domain/reminders';

const lead = (id: string, action: string | null, at: string | null) => ({ id, company: `Company ${id}`, next_action: action, next_action_at: at });

describe('next-action reminders', () => {
  const leads = [
    lead('a', 'Call Anna', '2026-03-01T10:00:00.000Z'),
    lead('b', 'Send proposal', '2026-03-01T12:00:00+02:00'),
    lead('c', null, '2026-03-01T09:00:00.000Z'),
    lead('d', 'No date', null),
    lead('e', '   ', '2026-03-01T09:00:00.000Z'),
  ];

  it('makes one reminder per lead with an action and a due time, normalised to UTC', () => {
    const reminders = nextActionReminders(leads);
    expect(reminders.map((r) => [r.key, r.dueAt])).toEqual([
      ['next:a', '2026-03-01T10:00:00.000Z'],
      ['next:b', '2026-03-01T10:00:00.000Z'],
    ]);
    expect(reminders[0]).toMatchObject({ company: 'Company a', action: 'Call Anna', kind: 'next_action', leadId: 'a' });
  });

  it('finds due reminders (past-due on start-up included) and the next due time', () => {
    const reminders = nextActionReminders([...leads, lead('f', 'Later', '2026-03-05T08:00:00Z'), lead('g', 'Old', '2025-12-01T08:00:00Z')]);
    const now = new Date('2026-03-01T10:00:00Z');
    expect(dueReminders(reminders, [], now).map((r) => r.key)).toEqual(['next:g', 'next:a', 'next:b']);
    expect(nextDueAt(reminders, [], now)?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(dueReminders(reminders, [], new Date('2026-03-01T09:59:59.999Z')).map((r) => r.key)).toEqual(['next:g']);
  });

  it('fires each reminder once per due time, and again when the due time moves', () => {
    const reminders = nextActionReminders([lead('a', 'Call', '2026-03-01T10:00:00Z')]);
    const now = new Date('2026-03-02T00:00:00Z');
    const log = recordFired([], dueReminders(reminders, [], now), reminders);
    expect(dueReminders(reminders, log, now)).toEqual([]);
    expect(nextDueAt(reminders, log, new Date('2026-02-01T00:00:00Z'))).toBeNull();
    const moved = nextActionReminders([lead('a', 'Call', '2026-03-01T11:00:00Z')]);
    expect(dueReminders(moved, log, now).map((r) => r.key)).toEqual(['next:a']);
    // An offset spelling of the same instant counts as fired.
    const sameInstant = nextActionReminders([lead('a', 'Call', '2026-03-01T12:00:00+02:00')]);
    expect(dueReminders(sameInstant, log, now)).toEqual([]);
  });

  it('keeps the log to live keys and reads a corrupt log as empty', () => {
    const reminders = nextActionReminders([lead('a', 'Call', '2026-03-01T10:00:00Z')]);
    const log = recordFired([{ key: 'next:gone', dueAt: '2026-01-01T00:00:00Z' }], reminders, reminders);
    expect(log).toEqual([{ key: 'next:a', dueAt: '2026-03-01T10:00:00.000Z' }]);
    expect(parseFiredLog(JSON.stringify(log))).toEqual(log);
    expect(parseFiredLog('not json')).toEqual([]);
    expect(parseFiredLog(JSON.stringify([{ key: 'x', dueAt: 'yesterday' }]))).toEqual([]);
    expect(parseFiredLog(null)).toEqual([]);
  });

  it('caps timer delays', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(timerDelay(null, now)).toBeNull();
    expect(timerDelay(new Date('2026-03-01T00:05:00Z'), now)).toBe(300_000);
    expect(timerDelay(new Date('2026-02-01T00:00:00Z'), now)).toBe(0);
    expect(timerDelay(new Date('2027-03-01T00:00:00Z'), now)).toBe(MAX_TIMER_MS);
  });
});

describe('zoned wall-clock times', () => {
  it('reads a wall time in the partner zone, across daylight saving', () => {
    expect(zonedLocalToInstant('2026-01-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(zonedLocalToInstant('2026-07-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-15T08:30:00.000Z');
    expect(zonedLocalToInstant('2026-07-15T09:30', 'America/New_York')?.toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(zonedLocalToInstant('2026-03-01T00:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-02-28T18:30:00.000Z');
    expect(zonedLocalToInstant('2026-03-29T01:30', 'UTC')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses unreadable or impossible times', () => {
    expect(zonedLocalToInstant('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('tomorrow', 'UTC')).toBeNull();
    expect(zonedLocalToInstant('2026-02-10T25:00', 'UTC')).toBeNull();
  });

  it('round-trips for pre-filling the form', () => {
    expect(instantToZonedLocal('2026-07-15T08:30:00Z', 'Europe/London')).toBe('2026-07-15T09:30');
    expect(instantToZonedLocal('2026-07-15T08:30:00Z', 'Pacific/Auckland')).toBe('2026-07-15T20:30');
    expect(instantToZonedLocal('nope', 'UTC')).toBe('');
  });
});

describe('the next-action form', () => {
  const now = new Date('2026-07-15T08:00:00Z');

  it('accepts a future due time in the partner zone', () => {
    expect(validateNextActionForm({ next_action: ' Call Anna ', due: '2026-07-15T09:30' }, 'Europe/London', now)).toEqual({
      ok: true,
      values: { next_action: 'Call Anna', next_action_at: '2026-07-15T08:30:00.000Z' },
    });
  });

  it('refuses a due time that has passed, with a message, also when it is only past in the partner zone', () => {
    // 08:30 in London is 07:30 UTC (past); 08:30 in New York is 12:30 UTC (ahead).
    const london = validateNextActionForm({ next_action: 'Call', due: '2026-07-15T08:30' }, 'Europe/London', now);
    expect(london).toEqual({ ok: false, errors: { due: expect.stringContaining('already passed') } });
    expect(validateNextActionForm({ next_action: 'Call', due: '2026-07-15T08:30' }, 'America/New_York', now).ok).toBe(true);
    expect(validateNextActionForm({ next_action: 'Call', due: '2026-07-15T09:00' }, 'Europe/London', now).ok).toBe(false);
  });

  it('needs an action for a due time, allows an action alone, and clears with both empty', () => {
    expect(validateNextActionForm({ next_action: '', due: '2026-08-01T10:00' }, 'UTC', now)).toEqual({
      ok: false,
      errors: { next_action: 'Say what the next action is, or clear the due date.' },
    });
    expect(validateNextActionForm({ next_action: 'Think', due: '' }, 'UTC', now)).toEqual({ ok: true, values: { next_action: 'Think', next_action_at: null } });
    expect(validateNextActionForm({ next_action: ' ', due: '' }, 'UTC', now)).toEqual({ ok: true, values: { next_action: null, next_action_at: null } });
    expect(validateNextActionForm({ next_action: 'x'.repeat(201), due: 'garbage' }, 'UTC', now)).toEqual({
      ok: false,
      errors: { next_action: expect.stringContaining('200'), due: expect.stringContaining('in full') },
    });
  });
});

describe('Done', () => {
  const context = { id: 'act-1', partnerId: '00000000-0000-4000-8000-00000000de40', now: new Date('2026-03-02T00:00:00Z') };
  const reminder = { action: 'Call Anna', dueAt: '2026-03-01T10:00:00.000Z' };

  it('clears the next action and logs a note', () => {
    const done = buildNextActionDone({ id: 'a', next_action: 'Call Anna', next_action_at: '2026-03-01T10:00:00Z' }, reminder, context);
    expect(done?.patch).toEqual({ next_action: null, next_action_at: null, updated_at: '2026-03-02T00:00:00.000Z' });
    expect(done?.activity).toMatchObject({ id: 'act-1', lead_id: 'a', kind: 'note', body: 'Done: Call Anna', partner_id: '00000000-0000-4000-8000-00000000de40' });
  });

  it('leaves a next action changed since the reminder alone', () => {
    expect(buildNextActionDone({ id: 'a', next_action: 'Send contract', next_action_at: '2026-03-01T10:00:00Z' }, reminder, context)).toBeNull();
    expect(buildNextActionDone({ id: 'a', next_action: 'Call Anna', next_action_at: '2026-03-09T10:00:00Z' }, reminder, context)).toBeNull();
    expect(buildNextActionDone({ id: 'a', next_action: null, next_action_at: null }, reminder, context)).toBeNull();
  });
});

describe('snooze and dismiss', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  const reminders = nextActionReminders([
    lead('a', 'Call Anna', '2026-03-01T10:00:00Z'),
    lead('b', 'Send proposal', '2026-03-02T09:00:00Z'),
    lead('c', 'Later', '2026-03-09T09:00:00Z'),
  ]);
  const [a, b] = reminders as [(typeof reminders)[number], (typeof reminders)[number]];

  it('lists what is due now, earliest first, whether or not it has fired', () => {
    expect(remindersDueNow(reminders, EMPTY_REMINDER_STATE, now).map((r) => r.key)).toEqual(['next:a', 'next:b']);
  });

  it('hides a snoozed reminder until the snooze ends, then fires it again, once', () => {
    const fired = recordFired([], dueReminders(reminders, [], now), reminders);
    const state = { ...snoozeReminder(EMPTY_REMINDER_STATE, a, '2026-03-02T13:00:00.000Z'), fired };
    expect(remindersDueNow(reminders, state, now).map((r) => r.key)).toEqual(['next:b']);
    expect(reminderFiresAt(a, state)).toBe('2026-03-02T13:00:00.000Z');
    // The snooze's end is the next wake-up, before reminder c.
    expect(nextDueAt(reminders, fired, now, state)?.toISOString()).toBe('2026-03-02T13:00:00.000Z');
    expect(dueReminders(reminders, fired, now, state)).toEqual([]);

    const later = new Date('2026-03-02T13:00:00Z');
    expect(remindersDueNow(reminders, state, later).map((r) => r.key)).toEqual(['next:a', 'next:b']);
    const again = dueReminders(reminders, fired, later, state);
    expect(again.map((r) => r.key)).toEqual(['next:a']);
    // Firing keeps the reminder's own due time (Done compares it with the lead's).
    expect(again[0]?.dueAt).toBe('2026-03-01T10:00:00.000Z');
    const log = recordFired(fired, again, reminders, state);
    expect(dueReminders(reminders, log, new Date('2026-03-02T18:00:00Z'), state)).toEqual([]);
  });

  it('ends a snooze when the due time moves: the moved reminder is due on its own time', () => {
    const state = snoozeReminder(EMPTY_REMINDER_STATE, a, '2026-03-05T09:00:00.000Z');
    const moved = nextActionReminders([lead('a', 'Call Anna', '2026-03-02T11:00:00Z')]);
    expect(remindersDueNow(moved, state, now).map((r) => r.key)).toEqual(['next:a']);
    expect(pruneReminderPrefs(state, moved).snoozed).toEqual([]);
    expect(pruneReminderPrefs(state, reminders).snoozed).toEqual(state.snoozed);
  });

  it('hides a dismissed reminder without firing it, until its due time changes', () => {
    const state = dismissReminder(EMPTY_REMINDER_STATE, b);
    expect(remindersDueNow(reminders, state, now).map((r) => r.key)).toEqual(['next:a']);
    expect(dueReminders(reminders, [], now, state).map((r) => r.key)).toEqual(['next:a']);
    expect(nextDueAt(reminders, [], now, state)?.toISOString()).toBe('2026-03-09T09:00:00.000Z');
    const moved = nextActionReminders([lead('b', 'Send proposal', '2026-03-02T10:00:00+01:00')]);
    // The same instant spelt with an offset stays dismissed; another instant does not.
    expect(remindersDueNow(moved, state, now)).toEqual([]);
    const rescheduled = nextActionReminders([lead('b', 'Send proposal', '2026-03-02T11:30:00Z')]);
    expect(remindersDueNow(rescheduled, state, now).map((r) => r.key)).toEqual(['next:b']);
  });

  it('lets a snooze replace a dismissal and the other way round', () => {
    const snoozed = snoozeReminder(dismissReminder(EMPTY_REMINDER_STATE, a), a, '2026-03-02T13:00:00.000Z');
    expect(snoozed.dismissed).toEqual([]);
    expect(snoozed.snoozed).toHaveLength(1);
    const resnoozed = snoozeReminder(snoozed, a, '2026-03-03T09:00:00.000Z');
    expect(resnoozed.snoozed).toEqual([{ key: 'next:a', dueAt: '2026-03-01T10:00:00.000Z', until: '2026-03-03T09:00:00.000Z' }]);
    const dismissed = dismissReminder(resnoozed, a);
    expect(dismissed.snoozed).toEqual([]);
    expect(dismissed.dismissed).toEqual([{ key: 'next:a', dueAt: '2026-03-01T10:00:00.000Z' }]);
  });

  it('reads stored state part by part, an unreadable part as empty', () => {
    const state = { fired: [{ key: 'next:a', dueAt: '2026-03-01T10:00:00.000Z' }], snoozed: [{ key: 'next:a', dueAt: 'soon' }], dismissed: [] };
    expect(parseReminderState(state)).toEqual({ fired: state.fired, snoozed: [], dismissed: [] });
    expect(parseReminderState(null)).toEqual(EMPTY_REMINDER_STATE);
    expect(parseReminderState('text')).toEqual(EMPTY_REMINDER_STATE);
    const valid = snoozeReminder(EMPTY_REMINDER_STATE, a, '2026-03-02T13:00:00.000Z');
    expect(parseReminderState(JSON.parse(JSON.stringify(valid)))).toEqual(valid);
  });
});

describe('snooze choices', () => {
  it('snoozes for an hour', () => {
    expect(snoozeUntil({ kind: 'hour' }, new Date('2026-03-02T23:30:00Z'), 'UTC')).toEqual({ ok: true, until: '2026-03-03T00:30:00.000Z' });
  });

  it('snoozes until 09:00 tomorrow in the partner zone, across daylight saving and midnight', () => {
    // 23:30 UTC on 28 March is already 29 March in Auckland (+13): tomorrow there is 30 March, 09:00 +13.
    expect(tomorrowMorning(new Date('2026-03-28T23:30:00Z'), 'Pacific/Auckland').toISOString()).toBe('2026-03-29T20:00:00.000Z');
    // London moves to summer time on 29 March 2026: 09:00 the next day is 08:00 UTC.
    expect(tomorrowMorning(new Date('2026-03-28T22:00:00Z'), 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(snoozeUntil({ kind: 'tomorrow' }, new Date('2026-07-15T20:00:00Z'), 'America/New_York')).toEqual({
      ok: true,
      until: '2026-07-16T13:00:00.000Z',
    });
  });

  it('takes a picked time in the partner zone that lies ahead, and explains one that does not', () => {
    const now = new Date('2026-07-15T08:00:00Z');
    expect(snoozeUntil({ kind: 'at', local: '2026-07-15T09:30' }, now, 'Europe/London')).toEqual({ ok: true, until: '2026-07-15T08:30:00.000Z' });
    expect(snoozeUntil({ kind: 'at', local: '2026-07-15T09:00' }, now, 'Europe/London')).toEqual({
      ok: false,
      error: 'That time has already passed. Choose a time later than now.',
    });
    expect(snoozeUntil({ kind: 'at', local: '' }, now, 'UTC')).toEqual({ ok: false, error: expect.stringContaining('in full') });
  });
});
