/**
 * The notification bell in the top bar: the unread count on the button, a panel with the latest
 * notifications by day (mark one or all read, open what each is about, see all), and desktop
 * delivery of new ones. Mounted once by the shell, for a partner's workspace.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useOpenWorkspace } from '../../session';
import { Icon } from '../../ui/Icon';
import { plural } from '../../ui/format';
import { TopBarPopover } from '../../ui/TopBarPopover';
import { NotificationList } from './NotificationList';
import { useNotificationCenter } from './use-notifications-data';
import { useDesktopDelivery } from './use-desktop-delivery';
import { useMarkRead } from './use-mark-read';
import './notifications.css';

const PANEL_COUNT = 8;

export function NotificationsEntry() {
  const partnerId = useOpenWorkspace()?.partnerId ?? null;
  if (!partnerId) return null;
  return <PartnerNotifications key={partnerId} />;
}

function PartnerNotifications() {
  const center = useNotificationCenter();
  useDesktopDelivery(center);
  const { markRead, error } = useMarkRead();
  const unreadIds = useMemo(() => center.unread.map((item) => item.id), [center.unread]);
  const count = unreadIds.length;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${plural(count, 'unread', 'unread')}`;

  return (
    <TopBarPopover
      buttonClassName="notifications-entry__button"
      buttonData={{ 'data-unread': count > 0 ? 'true' : undefined }}
      button={
        <>
          <Icon name="bell" />
          <span className="visually-hidden">{label}</span>
          {count > 0 ? (
            <span className="notifications-entry__count" aria-hidden="true">
              {count > 99 ? '99+' : count}
            </span>
          ) : null}
        </>
      }
      title="Notifications"
      panelClassName="notifications-panel"
      headerAction={() =>
        count > 0 && markRead ? (
          <button type="button" className="button button--small" onClick={() => markRead(unreadIds)}>
            Mark all read
          </button>
        ) : null
      }
    >
      {({ close }) => (
        <>
          {error ? <p role="alert">{error}</p> : null}
          {center.shown.length === 0 ? (
            <p className="notifications-panel__empty">No notifications yet. Tier changes, payouts, replies from SISO and new assets appear here.</p>
          ) : (
            <NotificationList
              items={center.shown.slice(0, PANEL_COUNT)}
              timeZone={center.timeZone}
              now={new Date()}
              dayHeadingLevel={3}
              {...(markRead ? { onMarkRead: markRead } : {})}
              onOpen={() => close(false)}
            />
          )}
          <p className="notifications-panel__footer">
            <Link to="/notifications" onClick={() => close(false)}>
              All notifications and preferences
            </Link>
          </p>
        </>
      )}
    </TopBarPopover>
  );
}
