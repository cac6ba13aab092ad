/**
 * Marks notifications read in the local store. Only `read_at` changes — the one column RLS lets a
 * partner write on notifications — and replication pushes it when the device is online.
 */
import { useCallback } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';

export function useMarkNotificationsRead(): ((ids: readonly string[]) => Promise<void>) | null {
  const database = useDatabase();
  const markRead = useCallback(
    async (ids: readonly string[]) => {
      if (!database || ids.length === 0) return;
      const readAt = new Date().toISOString();
      const docs = await database.notifications.findByIds([...ids]).exec();
      await Promise.all(
        [...docs.values()].filter((doc) => !doc.read_at).map((doc) => doc.incrementalPatch({ read_at: readAt })),
      );
    },
    [database],
  );
  return database ? markRead : null;
}
