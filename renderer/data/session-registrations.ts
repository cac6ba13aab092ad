/**
 * Registrations for scheduled sessions (webinars, coaching slots, group support calls) as
 * training_progress rows in the local store: replication pushes them, so they queue offline and the
 * server's refusal (tier, capacity, a slot taken first) lands in Sync problems; and the .ics file
 * for a session the partner is registered for.
 */
import type { WorkstationDatabase } from '../../sync/schema/database';
import { buildIcsEvent, icsFileName } from '../../sync/domain/ics';
import type { Platform, SaveFileResult } from '../platform';
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

/** What a calendar file needs of a webinar or group call. */
export interface CalendarSession {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  host: string;
  joinUrl: string;
  /** The description or agenda. */
  notes?: string | null | undefined;
}

/** Saves an .ics file for the session, with the join link in it. */
export function saveSessionCalendarFile(platform: Pick<Platform, 'saveFile'>, session: CalendarSession, now = new Date()): Promise<SaveFileResult> {
  const text = buildIcsEvent(
    {
      uid: `${session.id}@siso.partners`,
      title: session.title,
      startsAt: new Date(session.startsAt),
      durationMinutes: session.durationMinutes,
      description: [session.notes, `Host: ${session.host}`, `Join: ${session.joinUrl}`].filter(Boolean).join('\n'),
      location: session.joinUrl,
      url: session.joinUrl,
    },
    now,
  );
  return platform.saveFile({ suggestedName: icsFileName(session.title), mimeType: 'text/calendar', data: new TextEncoder().encode(text) });
}
