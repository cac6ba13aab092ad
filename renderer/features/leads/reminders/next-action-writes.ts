/**
 * The write the lead page's next action makes: setting or clearing it (validated as a whole lead).
 * "Done" from a reminder belongs to the reminders feature (features/reminders/reminder-writes.ts).
 */
import type { WorkstationDatabase } from '../../../../sync/schema/database';
import { leadSchema, type LeadDoc } from '../../../../sync/schema/leads.schema';

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
