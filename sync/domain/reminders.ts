/**
 * Reminders: a lead's next action (`next_action` due at `next_action_at`) and the automation
 * rules' "sat too long in a stage" nudges. Which reminders are due at `now`, when the next one
 * falls due, the log of reminders already fired (so each fires once, also when the app was
 * closed at the due time), snoozing and dismissing (keyed by reminder and due time, so a moved
 * due time or a new next action brings a reminder back), the next-action form (a wall-clock time
 * in the partner's time zone, which must lie in the future) and the writes "Done" makes. Pure:
 * callers pass `now`.
 */
import { z } from 'zod';
import { activitySchema, type ActivityDoc } from '../schema/activities.schema';
import { isoTimestamp } from '../schema/fields';
import type { LeadDoc } from '../schema/leads.schema';
import type { NewRowContext } from './leads';
import { DAY_MS, zonedParts } from './zoned-time';

export type ReminderKind = 'next_action' | 'automation';

export interface Reminder {
  /** Stable per reminder source: `next:<lead id>` or `rule:<rule id>:<lead id>`. */
  key: string;
  kind: ReminderKind;
  leadId: string;
  company: string;
  /** What to do, shown as the notification body. */
  action: string;
  /** ISO instant the reminder falls due. */
  dueAt: string;
}

/** The lead columns reminders read. */
export interface ReminderLead {
  readonly id: string;
  readonly company: string;
  readonly next_action?: string | null;
  readonly next_action_at?: string | null;
}

export const nextActionKey = (leadId: string) => `next:${leadId}`;

/** One reminder per lead with both a next action and a readable due time. */
export function nextActionReminders(leads: readonly ReminderLead[]): Reminder[] {
  const reminders: Reminder[] = [];
  for (const lead of leads) {
    const action = lead.next_action?.trim();
    if (!action || !lead.next_action_at) continue;
    const due = Date.parse(lead.next_action_at);
    if (Number.isNaN(due)) continue;
    reminders.push({
      key: nextActionKey(lead.id),
      kind: 'next_action',
      leadId: lead.id,
      company: lead.company,
      action,
      dueAt: new Date(due).toISOString(),
    });
  }
  return reminders;
}

// The fired log ----------------------------------------------------------------------------------

/**
 * A reminder counts as fired for one due time: moving the due time (or re-entering a stage)
 * arms it again.
 */
export const firedReminderSchema = z.object({ key: z.string().min(1).max(300), dueAt: isoTimestamp });
export type FiredReminder = z.infer<typeof firedReminderSchema>;
export const firedLogSchema = z.array(firedReminderSchema).max(5000);
export type FiredLog = readonly FiredReminder[];

/** The stored log, or an empty one when it is missing or unreadable. */
export function parseFiredLog(raw: string | null | undefined): FiredReminder[] {
  if (!raw) return [];
  try {
    const parsed = firedLogSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

export function hasFired(log: FiredLog, reminder: Pick<Reminder, 'key' | 'dueAt'>): boolean {
  return log.some((entry) => entry.key === reminder.key && sameInstant(entry.dueAt, reminder.dueAt));
}

// Snooze and dismiss -----------------------------------------------------------------------------

/** A reminder hidden until `until`; it applies only while the reminder keeps the due time `dueAt`. */
export const reminderSnoozeSchema = z.object({ key: z.string().min(1).max(300), dueAt: isoTimestamp, until: isoTimestamp });
export type ReminderSnooze = z.infer<typeof reminderSnoozeSchema>;
/** A reminder hidden, without being done, until its due time changes. */
export const reminderDismissalSchema = z.object({ key: z.string().min(1).max(300), dueAt: isoTimestamp });
export type ReminderDismissal = z.infer<typeof reminderDismissalSchema>;

const STATE_ENTRIES_MAX = 5000;
const snoozesSchema = z.array(reminderSnoozeSchema).max(STATE_ENTRIES_MAX);
const dismissalsSchema = z.array(reminderDismissalSchema).max(STATE_ENTRIES_MAX);

/** What a partner's reminders remember on this device: what fired, what is snoozed, what is dismissed. */
export interface ReminderState {
  fired: FiredReminder[];
  snoozed: ReminderSnooze[];
  dismissed: ReminderDismissal[];
}
export type ReminderPrefs = Pick<ReminderState, 'snoozed' | 'dismissed'>;

export const EMPTY_REMINDER_STATE: ReminderState = { fired: [], snoozed: [], dismissed: [] };

/**
 * The stored state, each part validated on its own: an unreadable part reads as empty without
 * taking the others with it (an empty fired log only means past reminders are announced again).
 */
export function parseReminderState(raw: unknown): ReminderState {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const part = <T>(schema: z.ZodType<T>, value: unknown, empty: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : empty;
  };
  return {
    fired: part(firedLogSchema, record.fired, []),
    snoozed: part(snoozesSchema, record.snoozed, []),
    dismissed: part(dismissalsSchema, record.dismissed, []),
  };
}

const NO_PREFS: ReminderPrefs = { snoozed: [], dismissed: [] };

function matches(entry: Pick<Reminder, 'key' | 'dueAt'>, reminder: Pick<Reminder, 'key' | 'dueAt'>): boolean {
  return entry.key === reminder.key && sameInstant(entry.dueAt, reminder.dueAt);
}

/** When the reminder (next) fires: the end of its snooze, else its due time. */
export function reminderFiresAt(reminder: Pick<Reminder, 'key' | 'dueAt'>, prefs: ReminderPrefs): string {
  const snooze = prefs.snoozed.find((entry) => matches(entry, reminder));
  return snooze ? new Date(Date.parse(snooze.until)).toISOString() : reminder.dueAt;
}

export function isDismissed(reminder: Pick<Reminder, 'key' | 'dueAt'>, prefs: ReminderPrefs): boolean {
  return prefs.dismissed.some((entry) => matches(entry, reminder));
}

/**
 * What is due now, for the in-app list: due (or out of snooze) at or before `now` and not
 * dismissed, earliest due first. Unlike dueReminders it ignores the fired log: a reminder stays
 * listed until it is done, snoozed or dismissed.
 */
export function remindersDueNow(reminders: readonly Reminder[], prefs: ReminderPrefs, now: Date): Reminder[] {
  const at = now.getTime();
  return reminders
    .filter((reminder) => Date.parse(reminderFiresAt(reminder, prefs)) <= at && !isDismissed(reminder, prefs))
    .sort(byDueThenKey);
}

function byDueThenKey(a: Reminder, b: Reminder): number {
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.key.localeCompare(b.key);
}

/** The state after snoozing `reminder` until `until`: any earlier snooze or dismissal of it is replaced. */
export function snoozeReminder(state: ReminderState, reminder: Pick<Reminder, 'key' | 'dueAt'>, until: string): ReminderState {
  return {
    ...state,
    snoozed: [...state.snoozed.filter((entry) => entry.key !== reminder.key), { key: reminder.key, dueAt: reminder.dueAt, until }],
    dismissed: state.dismissed.filter((entry) => entry.key !== reminder.key),
  };
}

/** The state after dismissing `reminder` for its current due time; a snooze of it is dropped. */
export function dismissReminder(state: ReminderState, reminder: Pick<Reminder, 'key' | 'dueAt'>): ReminderState {
  return {
    ...state,
    snoozed: state.snoozed.filter((entry) => entry.key !== reminder.key),
    dismissed: [...state.dismissed.filter((entry) => entry.key !== reminder.key), { key: reminder.key, dueAt: reminder.dueAt }],
  };
}

/**
 * Snoozes and dismissals of reminders that still exist with the same due time; the rest no longer
 * apply (the action was done or moved) and are dropped, so the state stays as small as the set of
 * reminders. Only call it with the complete current list, never while it is still loading.
 */
export function pruneReminderPrefs(state: ReminderState, current: readonly Reminder[]): ReminderState {
  const live = (entry: Pick<Reminder, 'key' | 'dueAt'>) => current.some((reminder) => matches(entry, reminder));
  return { ...state, snoozed: state.snoozed.filter(live), dismissed: state.dismissed.filter(live) };
}

// When reminders fire ----------------------------------------------------------------------------

/**
 * Not yet fired, not dismissed, and firing (due, or out of snooze) at or before `now` — past-due
 * ones included: they fire on start-up. Earliest due first.
 */
export function dueReminders(reminders: readonly Reminder[], log: FiredLog, now: Date, prefs: ReminderPrefs = NO_PREFS): Reminder[] {
  const at = now.getTime();
  return reminders
    .filter((reminder) => {
      const firesAt = reminderFiresAt(reminder, prefs);
      return Date.parse(firesAt) <= at && !isDismissed(reminder, prefs) && !hasFired(log, { key: reminder.key, dueAt: firesAt });
    })
    .sort(byDueThenKey);
}

/** When the next unfired, undismissed reminder fires after `now`; null when none is pending. */
export function nextDueAt(reminders: readonly Reminder[], log: FiredLog, now: Date, prefs: ReminderPrefs = NO_PREFS): Date | null {
  const at = now.getTime();
  let next: number | null = null;
  for (const reminder of reminders) {
    const firesAt = reminderFiresAt(reminder, prefs);
    const due = Date.parse(firesAt);
    if (due <= at || isDismissed(reminder, prefs) || hasFired(log, { key: reminder.key, dueAt: firesAt })) continue;
    if (next === null || due < next) next = due;
  }
  return next === null ? null : new Date(next);
}

/**
 * The log after firing `fired`: one entry per key (the instant it last fired: its due time, or the
 * end of its snooze), and only keys that still have a reminder, so the log stays as small as the
 * set of reminders.
 */
export function recordFired(
  log: FiredLog,
  fired: readonly Reminder[],
  current: readonly Reminder[],
  prefs: ReminderPrefs = NO_PREFS,
): FiredReminder[] {
  const byKey = new Map<string, FiredReminder>();
  for (const entry of log) byKey.set(entry.key, entry);
  for (const reminder of fired) byKey.set(reminder.key, { key: reminder.key, dueAt: reminderFiresAt(reminder, prefs) });
  const live = new Set(current.map((reminder) => reminder.key));
  for (const reminder of fired) live.add(reminder.key);
  return [...byKey.values()].filter((entry) => live.has(entry.key));
}

// Snooze choices ---------------------------------------------------------------------------------

export const SNOOZE_HOUR_MS = 60 * 60 * 1000;
/** "Tomorrow" means this wall-clock hour in the partner's time zone. */
export const SNOOZE_TOMORROW_HOUR = 9;

export type SnoozeChoice = { kind: 'hour' } | { kind: 'tomorrow' } | { kind: 'at'; local: string };
export type SnoozeResult = { ok: true; until: string } | { ok: false; error: string };

/** 09:00 tomorrow in `timeZone`, as seen from `now`. */
export function tomorrowMorning(now: Date, timeZone: string): Date {
  const today = zonedParts(now, timeZone);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day) + DAY_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const local = `${String(tomorrow.getUTCFullYear()).padStart(4, '0')}-${two(tomorrow.getUTCMonth() + 1)}-${two(tomorrow.getUTCDate())}T${two(SNOOZE_TOMORROW_HOUR)}:00`;
  // A valid zone and a well-formed wall time always resolve.
  return zonedLocalToInstant(local, timeZone) ?? new Date(now.getTime() + DAY_MS);
}

/** When a snooze ends: an hour from now, 09:00 tomorrow in the partner's zone, or a picked time that must lie ahead. */
export function snoozeUntil(choice: SnoozeChoice, now: Date, timeZone: string): SnoozeResult {
  if (choice.kind === 'hour') return { ok: true, until: new Date(now.getTime() + SNOOZE_HOUR_MS).toISOString() };
  if (choice.kind === 'tomorrow') return { ok: true, until: tomorrowMorning(now, timeZone).toISOString() };
  const instant = zonedLocalToInstant(choice.local, timeZone);
  if (!instant) return { ok: false, error: 'Enter the date and time in full, e.g. 25/11/2026 14:30.' };
  if (instant.getTime() <= now.getTime()) return { ok: false, error: 'That time has already passed. Choose a time later than now.' };
  return { ok: true, until: instant.toISOString() };
}

// The next-action form ---------------------------------------------------------------------------

export const NEXT_ACTION_MAX = 200;

/** What the form holds: the action as typed and an `<input type="datetime-local">` value. */
export interface NextActionFormInput {
  next_action: string;
  /** "YYYY-MM-DDTHH:mm" (seconds optional) in the partner's time zone, or "". */
  due: string;
}
export type NextActionFormErrors = Partial<Record<keyof NextActionFormInput, string>>;
export type NextActionFormResult =
  | { ok: true; values: Pick<LeadDoc, 'next_action' | 'next_action_at'> }
  | { ok: false; errors: NextActionFormErrors };

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time in `timeZone` names; null when unreadable. A time skipped by a
 * daylight-saving jump resolves to the same wall time shifted by the jump, as browsers do.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Guess with the offset at the wall time read as UTC, then correct once with the offset there.
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess);
}

/** "YYYY-MM-DDTHH:mm" of an instant in `timeZone`, for pre-filling a datetime-local input. */
export function instantToZonedLocal(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const p = zonedParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

function offsetAt(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Validates the next action: an action alone is kept without a reminder; a due time needs an
 * action and must lie after `now`. Both empty clears the next action.
 */
export function validateNextActionForm(input: NextActionFormInput, timeZone: string, now: Date): NextActionFormResult {
  const errors: NextActionFormErrors = {};
  const action = input.next_action.trim();
  const due = input.due.trim();
  if (action.length > NEXT_ACTION_MAX) errors.next_action = `Keep the next action under ${NEXT_ACTION_MAX} characters.`;
  let dueAt: string | null = null;
  if (due !== '') {
    const instant = zonedLocalToInstant(due, timeZone);
    if (!instant) {
      errors.due = 'Enter the due date and time in full, e.g. 25/11/2026 14:30.';
    } else if (instant.getTime() <= now.getTime()) {
      errors.due = 'That time has already passed. Choose a due date and time later than now.';
    } else {
      dueAt = instant.toISOString();
    }
    if (action === '' && !errors.next_action) errors.next_action = 'Say what the next action is, or clear the due date.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { next_action: action === '' ? null : action, next_action_at: dueAt } };
}

// Done -------------------------------------------------------------------------------------------

export interface NextActionDone {
  patch: Pick<LeadDoc, 'next_action' | 'next_action_at' | 'updated_at'>;
  activity: ActivityDoc;
}

/**
 * What "Done" writes: the next action cleared and a note "Done: <action>" on the timeline. null
 * when the lead's next action is no longer the one reminded of (changed meanwhile), so a newer
 * action is never cleared by an old reminder.
 */
export function buildNextActionDone(
  lead: Pick<LeadDoc, 'id' | 'next_action' | 'next_action_at'>,
  reminder: Pick<Reminder, 'action' | 'dueAt'>,
  context: NewRowContext,
): NextActionDone | null {
  const current = lead.next_action?.trim();
  if (!current || current !== reminder.action) return null;
  if (!lead.next_action_at || !sameInstant(lead.next_action_at, reminder.dueAt)) return null;
  const now = context.now.toISOString();
  const activity = activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: lead.id,
    kind: 'note',
    body: `Done: ${current}`,
    occurred_at: now,
    meta: null,
  });
  return { patch: { next_action: null, next_action_at: null, updated_at: now }, activity };
}

/** The longest a single timer waits; longer waits re-check, so a sleeping machine cannot overflow it. */
export const MAX_TIMER_MS = 60 * 60 * 1000;

/** Milliseconds until `next`, at least 0 and at most MAX_TIMER_MS; null when nothing is pending. */
export function timerDelay(next: Date | null, now: Date): number | null {
  if (!next) return null;
  return Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now.getTime()));
}
