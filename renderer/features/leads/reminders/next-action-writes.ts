/**
 * The writes next actions make: setting or clearing one from the lead page, and "Done" from a
 * reminder (clears it and logs "Done: <action>" on the timeline). Built by sync/domain/reminders.ts.
 */
import type { WorkstationDatabase } from '../../../../sync/schema/database';
import { leadSchema, type LeadDoc } from '../../../../sync/schema/leads.schema';
import { buildNextActionDone, type Reminder } from '../../../../sync/domain/reminders';

export async function saveNextAction(
  db: WorkstationDatabase,
  leadId: string,
  values: Pick<LeadDoc, 'next_action' | 'next_action_at'>,
): Promise<void> {
  const doc = await db.leads.findOne(leadId).exec();
  if (!doc) throw new Error('This lead no longer exists on this device; it may have been deleted.');
  const patch = { ...values, updated_at: new Date().toISOString() };
  leadSchema.parse({ ...doc.toMutableJSON(), ...patch });
  await doc.incrementalPatch(patch);
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
