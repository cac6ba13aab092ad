/**
 * What the notification center reads, live from the local store: the partner's notifications
 * (types turned off left out), the unread ones, and their delivery preferences, quiet hours and
 * time zone.
 */
import { useMemo } from 'react';
import { useNotifications } from '../../data/workstation-hooks';
import { useNotificationPreferences } from '../../data/notification-preferences';
import { useOpenWorkspace } from '../../session';
import { isShown } from '../../../sync/domain/notifications';

export function useNotificationCenter() {
  const partnerId = useOpenWorkspace()?.partnerId ?? null;
  const notifications = useNotifications();
  const preferences = useNotificationPreferences(partnerId);
  const { prefs } = preferences;
  const shown = useMemo(() => notifications.data.filter((item) => isShown(item.kind, prefs)), [notifications.data, prefs]);
  const unread = useMemo(() => shown.filter((item) => !item.read_at), [shown]);
  return { ...preferences, partnerId, all: notifications.data, shown, unread, loading: notifications.loading, error: notifications.error };
}

export type NotificationCenterData = ReturnType<typeof useNotificationCenter>;
