/**
 * Every write the Live sessions screen makes: registrations and bookings as training_progress rows
 * in the local store (replication pushes them, so they queue offline; the server's refusal lands in
 * Sync problems), cancellation as a soft delete, and the .ics file for a registered webinar.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { trainingProgressSchema, type TrainingProgressDoc } from '../../../sync/schema/training-progress.schema';
import { buildIcsEvent, icsFileName } from '../../../sync/domain/ics';
import type { Platform, SaveFileResult } from '../../platform';
import type { Webinar } from './use-live-sessions-data';

function openStore(db: WorkstationDatabase | null): WorkstationDatabase {
  if (!db) throw new Error('This workspace is still opening on this device. Wait a moment and try again.');
  return db;
}

/** Records a webinar registration (kind registration) or a coaching booking (kind booking). */
export async function joinSession(
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
export async function leaveSession(db: WorkstationDatabase | null, rowId: string): Promise<void> {
  const doc = await openStore(db).training_progress.findOne(rowId).exec();
  await doc?.remove();
}

/** Saves an .ics file for the webinar, with the join link in it. */
export async function saveWebinarCalendarFile(platform: Pick<Platform, 'saveFile'>, webinar: Webinar, now = new Date()): Promise<SaveFileResult> {
  const text = buildIcsEvent(
    {
      uid: `${webinar.id}@siso.partners`,
      title: webinar.title,
      startsAt: new Date(webinar.body.starts_at),
      durationMinutes: webinar.body.duration_minutes,
      description: [webinar.body.description, `Host: ${webinar.body.host}`, `Join: ${webinar.body.join_url}`].filter(Boolean).join('\n'),
      location: webinar.body.join_url,
      url: webinar.body.join_url,
    },
    now,
  );
  return platform.saveFile({ suggestedName: icsFileName(webinar.title), mimeType: 'text/calendar', data: new TextEncoder().encode(text) });
}
