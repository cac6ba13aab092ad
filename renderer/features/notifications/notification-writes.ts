/**
 * Every write the notification center makes: marking notifications read (only `read_at`, the one
 * column RLS lets a partner write on notifications), the partner's delivery preferences and quiet
 * hours on their profile, and the local note of what was already shown on the desktop. Replication
 * pushes the synced ones when the device is online.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { notificationPrefsSchema, type NotificationPrefs, type QuietHours } from '../../../sync/domain/notifications';

export async function markNotificationsRead(db: WorkstationDatabase, ids: readonly string[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  const readAt = now.toISOString();
  const docs = await db.notifications.findByIds([...ids]).exec();
  await Promise.all([...docs.values()].filter((doc) => !doc.read_at).map((doc) => doc.incrementalPatch({ read_at: readAt })));
}

export async function saveNotificationPreferences(
  db: WorkstationDatabase,
  partnerId: string,
  prefs: NotificationPrefs,
  quiet: QuietHours | null,
  now = new Date(),
): Promise<void> {
  const profile = await db.profiles.findOne(partnerId).exec();
  if (!profile) throw new Error('Your profile has not reached this device yet. Connect and let sync finish, then save again.');
  await profile.incrementalPatch({
    notification_prefs: JSON.stringify(notificationPrefsSchema.parse(prefs)),
    quiet_hours_start: quiet?.start ?? null,
    quiet_hours_end: quiet?.end ?? null,
    updated_at: now.toISOString(),
  });
}

const deliveredId = (partnerId: string) => `notifications-delivered.${partnerId}`;

/** The newest created_at already considered for the desktop on this device; null the first time. */
export async function readDeliveredUntil(db: WorkstationDatabase, partnerId: string): Promise<string | null> {
  const doc = await db.getLocal<{ until?: unknown }>(deliveredId(partnerId));
  const until = doc?.toJSON().data.until;
  return typeof until === 'string' && !Number.isNaN(Date.parse(until)) ? until : null;
}

export async function writeDeliveredUntil(db: WorkstationDatabase, partnerId: string, until: string): Promise<void> {
  await db.upsertLocal(deliveredId(partnerId), { until });
}
