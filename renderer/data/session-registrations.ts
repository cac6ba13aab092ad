/**
 * Registrations for scheduled sessions (webinars, coaching slots, group support calls) as
 * training_progress rows in the local store: replication pushes them, so they queue offline and the
 * server's refusal (tier, capacity, a slot taken first) lands in Sync problems.
 */
import type { WorkstationDatabase } from '../../sync/schema/database';
import { trainingProgressSchema, type TrainingProgressDoc } from '../../sync/schema/training-progress.schema';

function openStore(db: WorkstationDatabase | null): WorkstationDatabase {
  if (!db) throw new Error('This workspace is still opening on this device. Wait a moment and try again.');
  return db;
}

/** Records a registration (webinars, group calls) or a booking (coaching); course_id = ref_id = the catalog row's id. */
export async function registerForSession(
  db: WorkstationDatabase | null,
  partnerId: string,
  kind: 'registration' | 'booking',
  sessionId: string,
  now = new Date(),
): Promise<TrainingProgressDoc> {
  // A fresh id each time: the server keeps a cancelled row cancelled, so registering again is a new row.
  const row = trainingProgressSchema.parse({
    id: crypto.randomUUID(),
    partner_id: partnerId,
    created_at: now.toISOString(),
    kind,
    course_id: sessionId,
    ref_id: sessionId,
    module_index: 0,
  });
  await openStore(db).training_progress.insert(row);
  return row;
}

/** Cancels a registration or booking: a soft delete the replication pushes as `_deleted`. */
export async function cancelSessionRegistration(db: WorkstationDatabase | null, rowId: string): Promise<void> {
  const doc = await openStore(db).training_progress.findOne(rowId).exec();
  await doc?.remove();
}
