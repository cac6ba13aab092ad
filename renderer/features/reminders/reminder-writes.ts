/**
 * Every write reminders make: claiming reminders as they fire (so each fires once, also across
 * windows), snoozing, dismissing, and "Done" (clears the lead's next action and logs
 * "Done: <action>" on its timeline, as built by sync/domain/reminders.ts).
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import {
  buildNextActionDone,
  dismissReminder as dismissInState,
  dueReminders,
  pruneReminderPrefs,
  recordFired,
  snoozeReminder as snoozeInState,
  type Reminder,
} from '../../../sync/domain/reminders';
import { updateReminderState } from './reminder-state';

/**
 * Records as fired the reminders due at `now` that no one has fired yet, and returns them: the
 * caller sends exactly these. `current` must be the complete list (not one still loading), as
 * state for reminders missing from it is dropped.
 */
export async function claimDueReminders(
  db: WorkstationDatabase,
  partnerId: string,
  current: readonly Reminder[],
  now: Date,
): Promise<Reminder[]> {
  let claimed: Reminder[] = [];
  await updateReminderState(db, partnerId, (state) => {
    claimed = dueReminders(current, state.fired, now, state);
    return { ...pruneReminderPrefs(state, current), fired: recordFired(state.fired, claimed, current, state) };
  });
  return claimed;
}

/** Hides the reminder until `until` (an ISO instant); it fires again then. */
export async function snoozeReminder(db: WorkstationDatabase, partnerId: string, reminder: Reminder, until: string): Promise<void> {
  await updateReminderState(db, partnerId, (state) => snoozeInState(state, reminder, until));
}

/** Hides the reminder, without completing it, until its due time changes. */
export async function dismissReminder(db: WorkstationDatabase, partnerId: string, reminder: Reminder): Promise<void> {
  await updateReminderState(db, partnerId, (state) => dismissInState(state, reminder));
}

/** Marks the reminded next action done. False when the lead or that action is gone (nothing written). */
export async function completeNextAction(
  db: WorkstationDatabase,
  partnerId: string,
  reminder: Pick<Reminder, 'leadId' | 'action' | 'dueAt'>,
): Promise<boolean> {
  const doc = await db.leads.findOne(reminder.leadId).exec();
  if (!doc) return false;
  const done = buildNextActionDone(doc.toMutableJSON(), reminder, { id: crypto.randomUUID(), partnerId, now: new Date() });
  if (!done) return false;
  await doc.incrementalPatch(done.patch);
  await db.activities.insert(done.activity);
  return true;
}
