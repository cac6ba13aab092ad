/**
 * Shows new notifications on the desktop (Electron's Notification through main, or the browser's
 * Notification API) as they arrive — also those that synced in while the app was closed — for the
 * types the partner wants on the desktop and outside their quiet hours. What was already considered
 * is remembered per device, so nothing shows twice; the very first run shows nothing old.
 */
import { useEffect, useRef } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { usePlatform } from '../../platform';
import { availableRoute } from '../../ui/known-routes';
import { deliveryNow } from '../../../sync/domain/notifications';
import type { NotificationCenterData } from './use-notifications-data';
import { readDeliveredUntil, writeDeliveredUntil } from './notification-writes';

/** More than this many at once become one summary rather than a burst. */
const BURST = 3;

export function useDesktopDelivery(center: NotificationCenterData): void {
  const db = useDatabase();
  const platform = usePlatform();
  const latest = useRef(center);
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    latest.current = center;
    if (!db || !center.partnerId || center.loading || !center.hasProfile) return;
    const partnerId = center.partnerId;
    // One pass at a time, each with the newest data, so a burst of arrivals is considered once.
    chain.current = chain.current
      .then(async () => {
        const { all, prefs, quiet, timeZone } = latest.current;
        const until = await readDeliveredUntil(db, partnerId);
        const newest = all.reduce((max, item) => Math.max(max, Date.parse(item.created_at)), until ? Date.parse(until) : 0);
        if (until === null) {
          await writeDeliveredUntil(db, partnerId, new Date(Math.max(newest, Date.now())).toISOString());
          return;
        }
        const now = new Date();
        const since = Date.parse(until);
        const desktop = all
          .filter((item) => !item.read_at && Date.parse(item.created_at) > since)
          .filter((item) => deliveryNow(item.kind, prefs, quiet, now, timeZone) === 'desktop')
          .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
        if (newest > since) await writeDeliveredUntil(db, partnerId, new Date(newest).toISOString());
        if (desktop.length > BURST) {
          await platform.notify({ title: `${desktop.length} new notifications`, body: desktop.map((item) => item.title).slice(0, 3).join(' · '), route: '/notifications' });
          return;
        }
        for (const item of desktop) {
          const route = availableRoute(item.link);
          await platform.notify(route ? { title: item.title, body: item.body ?? '', route } : { title: item.title, body: item.body ?? '' });
        }
      })
      .catch(() => {
        // A notification the OS refused stays in the in-app list; nothing to retry.
      });
  }, [db, platform, center]);
}
