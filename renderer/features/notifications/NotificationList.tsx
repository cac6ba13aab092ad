/** Notifications grouped by day in the partner's time zone, each openable and markable read. */
import { Link } from 'react-router-dom';
import type { PlainDoc } from '../../data/collection-queries';
import { availableRoute } from '../../ui/known-routes';
import { groupByDay } from '../../../sync/domain/notifications';

type Notification = PlainDoc<'notifications'>;

export interface NotificationListProps {
  items: readonly Notification[];
  timeZone: string;
  now: Date;
  /** Heading level of the day labels under the list's own heading. */
  dayHeadingLevel: 3 | 4;
  onMarkRead?: (ids: readonly string[]) => void;
  /** Called when an item's link is followed (the top-bar panel closes). */
  onOpen?: () => void;
}

export function NotificationList({ items, timeZone, now, dayHeadingLevel, onMarkRead, onOpen }: NotificationListProps) {
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone });
  const DayHeading = dayHeadingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="notification-days">
      {groupByDay(items, now, timeZone).map((group) => (
        <section key={group.day} className="notification-day" aria-label={group.label}>
          <DayHeading className="notification-day__label">{group.label}</DayHeading>
          <ul className="notification-list">
            {group.items.map((item) => {
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
                      <time dateTime={item.created_at}>{time.format(new Date(item.created_at))}</time>
                      {route ? (
                        <>
                          {' · '}
                          <Link to={route} aria-label={`Open: ${item.title}`} onClick={() => { onMarkRead?.([item.id]); onOpen?.(); }}>
                            Open
                          </Link>
                        </>
                      ) : null}
                    </p>
                  </div>
                  {!item.read_at && onMarkRead ? (
                    <button type="button" className="button button--small notification__mark" onClick={() => onMarkRead([item.id])} aria-label={`Mark read: ${item.title}`}>
                      Mark read
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
