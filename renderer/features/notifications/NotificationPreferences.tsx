/**
 * The partner's notification preferences: per type desktop and in-app, in-app only or off, and
 * quiet hours (desktop notifications wait them out in-app). Saved on the profile, so they follow
 * the partner to every device; saving works offline and syncs later.
 */
import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { usePlatform, type DesktopNotificationPermission } from '../../platform';
import { FormAlert, FormField, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import {
  DELIVERIES,
  DELIVERY_LABELS,
  NOTIFICATION_TYPES,
  NOTIFICATION_TYPE_LABELS,
  clockTime,
  deliveryFor,
  type Delivery,
  type NotificationPrefs,
} from '../../../sync/domain/notifications';
import type { NotificationCenterData } from './use-notifications-data';
import { saveNotificationPreferences } from './notification-writes';

export function NotificationPreferences({ center }: { center: NotificationCenterData }) {
  const db = useDatabase();
  const platform = usePlatform();
  const [prefs, setPrefs] = useState<NotificationPrefs>(center.prefs);
  const [quietOn, setQuietOn] = useState(center.quiet !== null);
  const [start, setStart] = useState(center.quiet?.start ?? '22:00');
  const [end, setEnd] = useState(center.quiet?.end ?? '07:00');
  const [errors, setErrors] = useState<{ start?: string; end?: string }>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [permission, setPermission] = useState<DesktopNotificationPermission>(() => platform.desktopNotificationPermission());

  const wantsDesktop = NOTIFICATION_TYPES.some((type) => deliveryFor(type, prefs) === 'desktop');
  const blocked = !db || !center.partnerId ? 'Open a workspace to save preferences.' : !center.hasProfile ? 'Your profile has not reached this device yet; connect and let sync finish.' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setFailure(null);
    const found = quietOn
      ? {
          ...(clockTime.safeParse(start).success ? {} : { start: 'Enter the start of your quiet hours as a time, such as 22:00.' }),
          ...(clockTime.safeParse(end).success ? {} : { end: 'Enter the end of your quiet hours as a time, such as 07:00.' }),
          ...(start === end && clockTime.safeParse(start).success ? { end: 'Quiet hours need a different start and end.' } : {}),
        }
      : {};
    setErrors(found);
    if (Object.keys(found).length > 0 || !db || !center.partnerId) return;
    setBusy(true);
    try {
      await saveNotificationPreferences(db, center.partnerId, prefs, quietOn ? { start, end } : null);
      setStatus('Preferences saved. They sync to your other devices.');
    } catch (error) {
      setFailure(`Your preferences were not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card notification-preferences" aria-labelledby="notification-preferences-heading">
      <h2 id="notification-preferences-heading">Notification preferences</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <table className="notification-preferences__table">
          <caption className="visually-hidden">How each type of notification reaches you</caption>
          <thead>
            <tr>
              <th scope="col">Notification</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{NOTIFICATION_TYPE_LABELS[type]}</th>
                <td>
                  <select
                    aria-label={`Delivery of ${NOTIFICATION_TYPE_LABELS[type].toLowerCase()}`}
                    value={deliveryFor(type, prefs)}
                    onChange={(event) => setPrefs((current) => ({ ...current, [type]: event.target.value as Delivery }))}
                  >
                    {DELIVERIES.map((delivery) => (
                      <option key={delivery} value={delivery}>
                        {DELIVERY_LABELS[delivery]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="notification-preferences__quiet">
          <legend>Quiet hours</legend>
          <label className="notification-preferences__check">
            <input type="checkbox" checked={quietOn} onChange={(event) => setQuietOn(event.target.checked)} />
            Hold desktop notifications during quiet hours (they still appear in the app)
          </label>
          {quietOn ? (
            <div className="notification-preferences__times">
              <FormField label="From" error={errors.start} hint={`In your time zone, ${center.timeZone}.`}>
                <input type="time" value={start} onChange={(event) => setStart(event.target.value)} />
              </FormField>
              <FormField label="Until" error={errors.end}>
                <input type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
              </FormField>
            </div>
          ) : null}
        </fieldset>
        {wantsDesktop && permission !== 'granted' ? (
          <DesktopPermission permission={permission} onRequest={() => void platform.requestDesktopNotifications().then(setPermission)} />
        ) : null}
        <FormAlert message={failure} />
        <SubmitRow label="Save preferences" busyLabel="Saving…" busy={busy} blocked={blocked} />
        <p role="status" className="notification-preferences__status">
          {status}
        </p>
      </form>
    </section>
  );
}

function DesktopPermission({ permission, onRequest }: { permission: DesktopNotificationPermission; onRequest: () => void }) {
  if (permission === 'unsupported') {
    return <p className="inline-message">This browser cannot show desktop notifications; they appear in the app instead.</p>;
  }
  if (permission === 'denied') {
    return <p className="inline-message">Desktop notifications are blocked for this site in your browser settings; they appear in the app instead.</p>;
  }
  return (
    <p className="inline-message">
      Your browser asks before showing desktop notifications.{' '}
      <button type="button" className="button button--small" onClick={onRequest}>
        Allow desktop notifications
      </button>
    </p>
  );
}
