/**
 * Where a partner's reminder state (fired log, snoozes, dismissals) lives: one RxDB local document
 * per partner in the workspace's database, so it is written with the data, survives a reload and
 * moves with the workspace. Read back through zod (parseReminderState); changed atomically.
 */
import { map, type Observable } from 'rxjs';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { parseReminderState, type ReminderState } from '../../../sync/domain/reminders';
import { readLegacyFiredLog, removeLegacyFiredLog } from './reminder-storage';

export const reminderStateId = (partnerId: string) => `reminders.${partnerId}`;

export function observeReminderState(db: WorkstationDatabase, partnerId: string): Observable<ReminderState> {
  return db.getLocal$<unknown>(reminderStateId(partnerId)).pipe(map((doc) => parseReminderState(doc?.toJSON().data)));
}

/**
 * Applies `change` to the stored state and returns what it wrote. Changes to one document queue
 * behind each other, so `change` always sees the latest state (also another window's).
 */
export async function updateReminderState(
  db: WorkstationDatabase,
  partnerId: string,
  change: (state: ReminderState) => ReminderState,
): Promise<ReminderState> {
  const id = reminderStateId(partnerId);
  let written: ReminderState | null = null;
  const apply = (data: unknown): ReminderState => {
    written = change(parseReminderState(data));
    return written;
  };
  const existing = await db.getLocal<unknown>(id);
  if (existing) {
    await existing.incrementalModify(apply);
    return written ?? parseReminderState(null);
  }
  try {
    // First use on this device: carry over the log an earlier version kept in localStorage.
    await db.insertLocal(id, apply({ fired: readLegacyFiredLog(partnerId), snoozed: [], dismissed: [] }));
    removeLegacyFiredLog(partnerId);
  } catch {
    // Another window created it meanwhile: change that one instead.
    const created = await db.getLocal<unknown>(id);
    if (!created) throw new Error('Reminder settings could not be saved on this device. Try again.');
    await created.incrementalModify(apply);
  }
  return written ?? parseReminderState(null);
}
