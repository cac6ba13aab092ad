/** Marking notifications read from any list, with the failure said in a sentence. */
import { useCallback, useState } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { errorMessage } from '../../ui/error-message';
import { markNotificationsRead } from './notification-writes';

export function useMarkRead(): { markRead: ((ids: readonly string[]) => void) | null; error: string | null } {
  const db = useDatabase();
  const [error, setError] = useState<string | null>(null);
  const markRead = useCallback(
    (ids: readonly string[]) => {
      if (!db) return;
      setError(null);
      markNotificationsRead(db, ids).catch((reason: unknown) => {
        setError(`The notification could not be marked as read (${errorMessage(reason)}). Try again.`);
      });
    },
    [db],
  );
  return { markRead: db ? markRead : null, error };
}
