/** The dashboard's notification centre: the latest notifications, newest first, each openable and markable read. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useNotifications } from '../../data/workstation-hooks';
import { formatDate, plural } from '../../ui/format';
import { availableRoute } from '../../ui/known-routes';
import { useDatabase } from '../../data/DatabaseProvider';
import { markNotificationsRead } from './dashboard-writes';
import { errorMessage } from '../../ui/error-message';

const INITIAL_COUNT = 5;

export function NotificationCentre({ timeZone }: { timeZone: string }) {
  const { data, unreadCount, loading, error } = useNotifications();
  const db = useDatabase();
  const markRead = db ? (ids: readonly string[]) => markNotificationsRead(db, ids) : null;
  const [showAll, setShowAll] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const shown = showAll ? data : data.slice(0, INITIAL_COUNT);

  function mark(ids: readonly string[]) {
    if (!markRead) return;
    setWriteError(null);
    markRead(ids).catch((reason: unknown) => {
      setWriteError(`The notification could not be marked as read (${errorMessage(reason)}). Try again.`);
    });
  }

  const unreadIds = data.filter((item) => !item.read_at).map((item) => item.id);
  return (
    <section className="card dashboard__notifications" aria-labelledby="dashboard-notifications-heading">
      <div className="dashboard__card-head">
        <h2 id="dashboard-notifications-heading">
          Notifications{' '}
          <span className="count-pill" data-testid="unread-count">
            {plural(unreadCount, 'unread', 'unread')}
          </span>
        </h2>
        {unreadIds.length > 0 && markRead ? (
          <button type="button" className="button" onClick={() => mark(unreadIds)}>
            Mark all as read
          </button>
        ) : null}
      </div>
      {error ? <p role="alert">Notifications could not be read from this device: {error.message}</p> : null}
      {writeError ? <p role="alert">{writeError}</p> : null}
      {loading ? <p className="card__text">Loading notifications…</p> : null}
      {!loading && data.length === 0 ? <p className="card__text">No notifications yet.</p> : null}
      <ul className="notification-list">
        {shown.map((item) => {
          const route = availableRoute(item.link);
          return (
            <li key={item.id} className="notification" data-unread={!item.read_at} data-testid="notification">
              <div className="notification__text">
                <p className="notification__title">
                  {!item.read_at ? <span className="visually-hidden">Unread: </span> : null}
                  {item.title}
                </p>
                {item.body ? <p className="notification__body">{item.body}</p> : null}
                <p className="notification__meta">
                  {formatDate(item.created_at, timeZone)}
                  {route ? (
                    <>
                      {' · '}
                      <Link to={route} aria-label={`Open: ${item.title}`}>
                        Open
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              {!item.read_at && markRead ? (
                <button type="button" className="button notification__mark" onClick={() => mark([item.id])} aria-label={`Mark read: ${item.title}`}>
                  Mark read
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {data.length > INITIAL_COUNT ? (
        <button type="button" className="button" aria-expanded={showAll} onClick={() => setShowAll((value) => !value)}>
          {showAll ? 'Show fewer' : `Show all ${data.length}`}
        </button>
      ) : null}
    </section>
  );
}
