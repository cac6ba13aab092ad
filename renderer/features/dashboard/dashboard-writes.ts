/**
 * Every write the dashboard makes: marking notifications read in the local store. Only `read_at`
 * changes — the one column RLS lets a partner write on notifications — and replication pushes it
 * when the device is online.
 */
import type { WorkstationDatabase } from '../../../sync/schema/database';

export async function markNotificationsRead(db: WorkstationDatabase, ids: readonly string[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  const readAt = now.toISOString();
  const docs = await db.notifications.findByIds([...ids]).exec();
  await Promise.all([...docs.values()].filter((doc) => !doc.read_at).map((doc) => doc.incrementalPatch({ read_at: readAt })));
}
