/**
 * The partner's notification preferences, quiet hours and time zone, live from their profile:
 * read by the notification center and by every feature that sends a desktop notification.
 */
import { useMemo } from 'react';
import { useQuery } from './use-query';
import { resolveTimeZone } from '../../sync/domain/zoned-time';
import { parseNotificationPrefs, quietHoursFrom, type NotificationPrefs, type QuietHours } from '../../sync/domain/notifications';

export interface NotificationPreferences {
  prefs: NotificationPrefs;
  quiet: QuietHours | null;
  timeZone: string;
  /** False until the profile has reached this device. */
  hasProfile: boolean;
}

export function useNotificationPreferences(partnerId: string | null): NotificationPreferences {
  const profile = useQuery('profiles', { selector: { id: partnerId ?? '' }, limit: 1 }).data[0] ?? null;
  const rawPrefs = profile?.notification_prefs;
  const start = profile?.quiet_hours_start;
  const end = profile?.quiet_hours_end;
  const zone = profile?.timezone;
  return useMemo(
    () => ({
      prefs: parseNotificationPrefs(rawPrefs),
      quiet: quietHoursFrom(start, end),
      timeZone: resolveTimeZone(zone, Intl.DateTimeFormat().resolvedOptions().timeZone),
      hasProfile: profile !== null,
    }),
    [rawPrefs, start, end, zone, profile],
  );
}
