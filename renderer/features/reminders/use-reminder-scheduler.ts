/**
 * Fires reminders as they fall due (also those that fell due while the app was closed), each once:
 * claims them in the local database, sends each as a system notification (unless the partner
 * chose in-app only for reminders, or it is their quiet hours) and announces them in-app; where
 * none was sent, the reminders button is marked until opened.
 * Keeps one timer, for the next due time or snooze end.
 */
import { useCallback, useEffect, useState } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import type { LiveResult } from '../../data/live-query';
import { usePlatform, type Platform } from '../../platform';
import { useNotificationPreferences, type NotificationPreferences } from '../../data/notification-preferences';
import { dueReminders, nextDueAt, timerDelay, type Reminder, type ReminderState } from '../../../sync/domain/reminders';
import { deliveryNow } from '../../../sync/domain/notifications';
import { claimDueReminders } from './reminder-writes';
import type { ReminderSources } from './use-reminders-data';

export interface ReminderSchedule {
  /** The time the due list is computed for; moves when a reminder falls due. */
  now: Date;
  /** The latest announcement of reminders falling due, for a polite live region. */
  announcement: string;
  /** Some reminder fell due that no system notification showed, and the list has not been opened since. */
  unseen: boolean;
  markSeen(): void;
}

export function useReminderScheduler(partnerId: string, sources: ReminderSources, state: LiveResult<ReminderState>): ReminderSchedule {
  const db = useDatabase();
  const platform = usePlatform();
  const preferences = useNotificationPreferences(partnerId);
  const [now, setNow] = useState(() => new Date());
  const [announcement, setAnnouncement] = useState('');
  const [unseen, setUnseen] = useState(false);
  const { reminders, loading } = sources;
  const stored = state.data;
  const ready = !loading && !state.loading;

  useEffect(() => {
    if (!ready || !db) return;
    const current = new Date();
    // Checked against the state as read first, so a render with nothing due writes nothing.
    if (dueReminders(reminders, stored.fired, current, stored).length > 0) {
      claimDueReminders(db, partnerId, reminders, current).then(
        async (claimed) => {
          if (claimed.length === 0) return;
          setNow(new Date());
          setAnnouncement(announcementFor(claimed));
          if (await anyNotShown(platform, preferences, claimed)) setUnseen(true);
        },
        () => {
          // Not recorded, so not sent: the reminders are still listed in-app, and the next change or timer tries again.
        },
      );
    }
    const delay = timerDelay(nextDueAt(reminders, stored.fired, current, stored), current);
    if (delay === null) return;
    const timer = window.setTimeout(() => setNow(new Date()), delay);
    return () => window.clearTimeout(timer);
  }, [ready, db, partnerId, platform, preferences, reminders, stored, now]);

  const markSeen = useCallback(() => setUnseen(false), []);
  return { now, announcement, unseen, markSeen };
}

function announcementFor(reminders: readonly Reminder[]): string {
  const [first] = reminders;
  if (reminders.length === 1 && first) return `Reminder due: ${first.company}. ${first.action}`;
  return `${reminders.length} reminders due: ${reminders.map((reminder) => reminder.company).join(', ')}.`;
}

/** Sends each as a system notification where the partner wants it; true when at least one was not shown that way. */
async function anyNotShown(platform: Platform, { prefs, quiet, timeZone }: NotificationPreferences, reminders: readonly Reminder[]): Promise<boolean> {
  if (deliveryNow('reminder', prefs, quiet, new Date(), timeZone) !== 'desktop') return reminders.length > 0;
  let missed = false;
  for (const reminder of reminders) {
    let sent = false;
    try {
      sent = await platform.notify({ title: `Reminder: ${reminder.company}`, body: reminder.action, route: `/leads/${encodeURIComponent(reminder.leadId)}` });
    } catch {
      sent = false;
    }
    if (!sent) missed = true;
  }
  return missed;
}
