/**
 * Every write the Live sessions screen makes: registrations and bookings as training_progress rows
 * in the local store (replication pushes them, so they queue offline; the server's refusal lands in
 * Sync problems, and can be discarded here), cancellation as a soft delete, and the .ics file for
 * a registered webinar.
 */
import { cancelSessionRegistration, registerForSession, saveSessionCalendarFile } from '../../data/session-registrations';
import type { Platform, SaveFileResult } from '../../platform';
import type { Webinar } from './use-live-sessions-data';

/** Records a webinar registration (kind registration) or a coaching booking (kind booking). */
export const joinSession = registerForSession;

/** Cancels a registration or booking: a soft delete the replication pushes as `_deleted`. */
export const leaveSession = cancelSessionRegistration;

/** Drops a registration or booking the server refused from this device, so the session shows as open (or gone) again. */
export async function discardRefusedSession(discard: (problemId: string) => Promise<void>, problemId: string): Promise<void> {
  await discard(problemId);
}

/** Saves an .ics file for the webinar, with the join link in it. */
export function saveWebinarCalendarFile(platform: Pick<Platform, 'saveFile'>, webinar: Webinar, now = new Date()): Promise<SaveFileResult> {
  const { starts_at, duration_minutes, host, join_url, description } = webinar.body;
  return saveSessionCalendarFile(platform, { id: webinar.id, title: webinar.title, startsAt: starts_at, durationMinutes: duration_minutes, host, joinUrl: join_url, notes: description }, now);
}
