/** The dashboard's notifications card: the latest few, newest first, with the unread count. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { plural } from '../../ui/format';
import { NotificationList } from './NotificationList';
import { useNotificationCenter } from './use-notifications-data';
import { useMarkRead } from './use-mark-read';
import './notifications.css';

const INITIAL_COUNT = 5;

export function NotificationsCard() {
  const center = useNotificationCenter();
  const { markRead, error: writeError } = useMarkRead();
  const [showAll, setShowAll] = useState(false);
  const { shown: data, unread, loading, error } = center;
  const unreadIds = unread.map((item) => item.id);
  const visible = showAll ? data : data.slice(0, INITIAL_COUNT);
  return (
    <section className="card dashboard__notifications" aria-labelledby="dashboard-notifications-heading">
      <div className="dashboard__card-head">
        <h2 id="dashboard-notifications-heading">
          Notifications{' '}
          <span className="count-pill" data-testid="unread-count">
            {plural(unreadIds.length, 'unread', 'unread')}
          </span>
        </h2>
        {unreadIds.length > 0 && markRead ? (
          <button type="button" className="button" onClick={() => markRead(unreadIds)}>
            Mark all as read
          </button>
        ) : null}
      </div>
      {error ? <p role="alert">Notifications could not be read from this device: {error.message}</p> : null}
      {writeError ? <p role="alert">{writeError}</p> : null}
      {loading ? <p className="card__text">Loading notifications…</p> : null}
      {!loading && data.length === 0 ? <p className="card__text">No notifications yet.</p> : null}
      <NotificationList items={visible} timeZone={center.timeZone} now={new Date()} dayHeadingLevel={3} {...(markRead ? { onMarkRead: markRead } : {})} />
      <div className="button-row">
        {data.length > INITIAL_COUNT ? (
          <button type="button" className="button" aria-expanded={showAll} onClick={() => setShowAll((value) => !value)}>
            {showAll ? 'Show fewer' : `Show all ${data.length}`}
          </button>
        ) : null}
        <Link className="button" to="/notifications">
          Notification center
        </Link>
      </div>
    </section>
  );
}
