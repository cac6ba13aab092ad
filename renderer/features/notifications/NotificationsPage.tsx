/**
 * The notification center (/notifications): every notification by day in the partner's time zone,
 * filtered by type or unread, each opening what it is about; mark one or all read; and the
 * partner's delivery preferences and quiet hours.
 */
import { useMemo, useState } from 'react';
import { FormField } from '../../ui/FormField';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { NOTIFICATION_TYPES, NOTIFICATION_TYPE_LABELS, notificationType, type NotificationType } from '../../../sync/domain/notifications';
import { NotificationList } from './NotificationList';
import { NotificationPreferences } from './NotificationPreferences';
import { useNotificationCenter } from './use-notifications-data';
import { useMarkRead } from './use-mark-read';
import './notifications.css';

export function NotificationsPage() {
  const center = useNotificationCenter();
  const { markRead, error: writeError } = useMarkRead();
  const [type, setType] = useState<NotificationType | 'all'>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const listed = useMemo(
    () => center.shown.filter((item) => (type === 'all' || notificationType(item.kind) === type) && (!unreadOnly || !item.read_at)),
    [center.shown, type, unreadOnly],
  );
  const unreadIds = center.unread.map((item) => item.id);

  return (
    <>
      <title>Notifications · SISO Partner Workstation</title>
      <PageHeader title="Notifications" description="Tier changes, commissions and payouts, replies from SISO, new assets and reminders, by day. Choose below how each reaches you." />
      <div className="notifications-page">
        <section className="card" aria-labelledby="notifications-list-heading">
          <div className="notifications-page__head">
            <h2 id="notifications-list-heading">
              All notifications <span className="count-pill">{plural(unreadIds.length, 'unread', 'unread')}</span>
            </h2>
            {unreadIds.length > 0 && markRead ? (
              <button type="button" className="button" onClick={() => markRead(unreadIds)}>
                Mark all as read
              </button>
            ) : null}
          </div>
          <div className="notifications-page__filters">
            <FormField label="Show">
              <select value={type} onChange={(event) => setType(event.target.value as NotificationType | 'all')}>
                <option value="all">All types</option>
                {NOTIFICATION_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {NOTIFICATION_TYPE_LABELS[option]}
                  </option>
                ))}
              </select>
            </FormField>
            <label className="notification-preferences__check">
              <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
              Unread only
            </label>
          </div>
          {center.error ? <p role="alert">Notifications could not be read from this device: {center.error.message}</p> : null}
          {writeError ? <p role="alert">{writeError}</p> : null}
          {center.loading ? <p className="card__text">Loading notifications…</p> : null}
          {!center.loading && listed.length === 0 ? (
            <p className="card__text">{center.shown.length === 0 ? 'No notifications yet.' : 'No notifications match these filters.'}</p>
          ) : null}
          <NotificationList items={listed} timeZone={center.timeZone} now={new Date()} dayHeadingLevel={3} {...(markRead ? { onMarkRead: markRead } : {})} />
        </section>
        {center.loading ? null : <NotificationPreferences key={`${center.partnerId}:${center.hasProfile}`} center={center} />}
      </div>
    </>
  );
}
