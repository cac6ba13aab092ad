/**
 * Every write the Live sessions screen makes: registrations and bookings as training_progress rows
 * in the local store (replication pushes them, so they queue offline; the server's refusal lands in
 * Sync problems, and can be discarded here), cancellation as a soft delete, and the .ics file for
 * a registered webinar.
 */
import { cancelSessionRegistration, registerForSession } from '../../data/session-registrations';
import { buildIcsEvent, icsFileName } from '../../../sync/domain/ics';
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
