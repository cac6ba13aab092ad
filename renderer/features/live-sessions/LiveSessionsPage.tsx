/**
 * Live sessions (/live-sessions): the webinar calendar in the partner's time zone with tier locks,
 * registration that works offline, a calendar file per registered webinar, and Elite one-to-one
 * coaching slots (a slot another partner booked is hidden) — all from the local store; the server
 * checks tiers and double bookings on sync, and what it refuses shows here with its reason.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TIERS, type Tier } from '../../../sync/schema/fields';
import { tierLabel } from '../../../sync/domain/tiers';
import { PageHeader } from '../../ui/PageHeader';
import { LockedFeature } from '../../ui/LockedFeature';
import { errorMessage } from '../../ui/error-message';
import { useRowAction } from '../../ui/use-row-action';
import { plural } from '../../ui/format';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { discardRefusedSession, joinSession, leaveSession, saveWebinarCalendarFile } from './live-session-writes';
import { useLiveSessionsData, type LiveSessionsData, type Webinar } from './use-live-sessions-data';
import './live-sessions.css';

function tierAllows(partnerTier: Tier | null, required: Tier): boolean {
  return TIERS.indexOf(partnerTier ?? 'starter') >= TIERS.indexOf(required);
}

function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function dayHeading(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'full' }).format(new Date(iso));
}

function timeRange(iso: string, minutes: number, timeZone: string): string {
  const start = new Date(iso);
  const end = new Date(start.getTime() + minutes * 60_000);
  const format = new Intl.DateTimeFormat(undefined, { timeZone, timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'short' }).formatToParts(start).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return `${format.format(start)} – ${format.format(end)} (${zone})`;
}

function groupByDay<T extends { body: { starts_at: string } }>(items: readonly T[], timeZone: string): { key: string; heading: string; items: T[] }[] {
  const groups = new Map<string, { key: string; heading: string; items: T[] }>();
  for (const item of items) {
    const key = dayKey(item.body.starts_at, timeZone);
    const group = groups.get(key) ?? { key, heading: dayHeading(item.body.starts_at, timeZone), items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function LiveSessionsPage() {
  const data = useLiveSessionsData();
  return (
    <>
      <title>Live sessions · SISO Partner Workstation</title>
      <PageHeader title="Live sessions" description="Webinars you can join and one-to-one coaching, shown in your time zone." />
      <p className="live-sessions__back">
        <Link to="/training">Back to Training</Link>
      </p>
      {data.error ? (
        <p className="card card__text" role="alert">
          Live sessions could not be read from this device: {errorMessage(data.error)} Restart the workstation; if it happens again, contact SISO support.
        </p>
      ) : data.loading ? (
        <p className="card card__text" role="status">Loading live sessions…</p>
      ) : (
        <LiveSessionsBody data={data} />
      )}
    </>
  );
}

function LiveSessionsBody({ data }: { data: LiveSessionsData }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const online = useOnlineStatus();
  const report = (message: string) => {
    setProblem(null);
    setNotice(online ? message : `${message} You are offline: it is saved on this device and sent when you are back online.`);
  };
  return (
    <div className="live-sessions">
      <div aria-live="polite" className="live-sessions__notice">{notice}</div>
      {problem ? <p className="live-sessions__problem" role="alert">{problem}</p> : null}
      <WebinarCalendar data={data} onDone={report} onProblem={setProblem} />
      <CoachingSection data={data} onDone={report} onProblem={setProblem} />
    </div>
  );
}

interface SectionProps {
  data: LiveSessionsData;
  onDone(message: string): void;
  onProblem(message: string): void;
}

function WebinarCalendar({ data, onDone, onProblem }: SectionProps) {
  const nowMs = data.now.getTime();
  const endMs = (webinar: Webinar) => new Date(webinar.body.starts_at).getTime() + webinar.body.duration_minutes * 60_000;
  const upcoming = data.webinars.filter((webinar) => endMs(webinar) > nowMs);
  const past = data.webinars.filter((webinar) => endMs(webinar) <= nowMs).reverse();
  return (
    <section className="card live-sessions__section" aria-labelledby="webinar-calendar-title">
      <h2 id="webinar-calendar-title">Webinar calendar</h2>
      <p className="card__text">Times are in {data.timeZone}. Registering works offline; it is sent when you are back online.</p>
      {upcoming.length === 0 ? <p className="card__text">No webinars are scheduled yet. SISO publishes new ones here.</p> : null}
      {groupByDay(upcoming, data.timeZone).map((group) => (
        <div key={group.key} className="live-sessions__day">
          <h3>{group.heading}</h3>
          <ul className="live-sessions__list">
            {group.items.map((webinar) => (
              <WebinarItem key={webinar.id} webinar={webinar} data={data} onDone={onDone} onProblem={onProblem} />
            ))}
          </ul>
        </div>
      ))}
      {past.length > 0 ? (
        <details className="live-sessions__past">
          <summary>Past webinars ({plural(past.length, 'webinar')})</summary>
          <ul className="live-sessions__list">
            {past.map((webinar) => (
              <li key={webinar.id} className="live-sessions__item">
                <h4>{webinar.title}</h4>
                <p className="card__text">{dayHeading(webinar.body.starts_at, data.timeZone)}</p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function WebinarItem({ webinar, data, onDone, onProblem }: SectionProps & { webinar: Webinar }) {
  const platform = usePlatform();
  const { busyId, run: runOn } = useRowAction(onDone, onProblem, 'contact SISO support');
  const busy = busyId !== null;
  const run = (action: () => Promise<string>) => runOn(webinar.id, action);
  const registrationId = data.mine.get(webinar.id);
  const allowed = tierAllows(data.tier, webinar.tierRequired);
  const exclusive = webinar.tierRequired === 'performer' || webinar.tierRequired === 'elite';

  return (
    <li className="live-sessions__item">
      <article aria-label={webinar.title}>
        <h4>
          {webinar.title}
          {exclusive ? <span className="live-sessions__badge">{tierLabel(webinar.tierRequired)}+ exclusive</span> : null}
        </h4>
        <p className="card__text">
          {timeRange(webinar.body.starts_at, webinar.body.duration_minutes, data.timeZone)} · Hosted by {webinar.body.host}
        </p>
        {webinar.body.description ? <p className="card__text">{webinar.body.description}</p> : null}
        {!allowed ? (
          <p className="live-sessions__lock">
            <span aria-hidden="true">🔒 </span>
            Unlocks at the {tierLabel(webinar.tierRequired)} tier.
          </p>
        ) : registrationId && data.refusedSessions.has(registrationId) ? (
          <RefusedSession data={data} rowId={registrationId} what={`registration for “${webinar.title}”`} onDone={onDone} onProblem={onProblem} />
        ) : registrationId ? (
          <div className="live-sessions__actions">
            <span className="live-sessions__state">You are registered.</span>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(async () => {
                const result = await saveWebinarCalendarFile(platform, webinar);
                return result.saved ? `Calendar file for “${webinar.title}” saved.` : 'Saving was cancelled; nothing was saved.';
              })}
            >
              Download calendar file
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(async () => {
                await leaveSession(data.db, registrationId);
                return `You are no longer registered for “${webinar.title}”.`;
              })}
            >
              Unregister
            </button>
          </div>
        ) : (
          <div className="live-sessions__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy || !data.partnerId}
              onClick={() => void run(async () => {
                if (!data.partnerId) throw new Error('No workspace is open.');
                await joinSession(data.db, data.partnerId, 'registration', webinar.id);
                return `You are registered for “${webinar.title}”.`;
              })}
            >
              Register
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

function CoachingSection({ data, onDone, onProblem }: SectionProps) {
  const { busyId, run } = useRowAction(onDone, onProblem, 'contact SISO support');
  const title = '1-on-1 coaching';
  if (!tierAllows(data.tier, 'elite')) {
    return (
      <LockedFeature
        title={title}
        description="Book a one-to-one session with a SISO coach from the slots SISO publishes."
        message={`Unlocks at the ${tierLabel('elite')} tier.`}
      />
    );
  }
  const nowMs = data.now.getTime();
  const upcoming = data.slots.filter((slot) => new Date(slot.body.starts_at).getTime() > nowMs);
  // A slot someone else booked is gone for this partner; their own booking stays so they can cancel it.
  const slots = upcoming.filter((slot) => !slot.body.booked || data.mine.has(slot.id));
  const takenByOthers = upcoming.length - slots.length;

  return (
    <section className="card live-sessions__section" aria-labelledby="coaching-title">
      <h2 id="coaching-title">{title}</h2>
      <p className="card__text">
        Each slot is for one partner: once someone books it, it leaves everyone else’s list at their next sync. If another
        partner books the same slot while you are offline, theirs stands; your booking then shows why, and you can discard it.
      </p>
      {slots.length === 0 ? <p className="card__text">No coaching slots are open right now. SISO publishes new ones here.</p> : null}
      {takenByOthers > 0 ? <p className="card__text">{plural(takenByOthers, 'slot')} already booked by other partners {takenByOthers === 1 ? 'is' : 'are'} not shown.</p> : null}
      <ul className="live-sessions__list">
        {slots.map((slot) => {
          const bookingId = data.mine.get(slot.id);
          const label = `${slot.body.coach}, ${dayHeading(slot.body.starts_at, data.timeZone)} ${timeRange(slot.body.starts_at, slot.body.duration_minutes, data.timeZone)}`;
          return (
            <li key={slot.id} className="live-sessions__item">
              <article aria-label={label}>
                <h3>{slot.title}</h3>
                <p className="card__text">{dayHeading(slot.body.starts_at, data.timeZone)} · {timeRange(slot.body.starts_at, slot.body.duration_minutes, data.timeZone)}</p>
                {bookingId && data.refusedSessions.has(bookingId) ? (
                  <RefusedSession data={data} rowId={bookingId} what={`booking with ${slot.body.coach}`} onDone={onDone} onProblem={onProblem} />
                ) : bookingId ? (
                  <div className="live-sessions__actions">
                    <span className="live-sessions__state">Booked by you.</span>
                    <button
                      type="button"
                      className="button"
                      disabled={busyId === slot.id}
                      onClick={() => void run(slot.id, async () => {
                        await leaveSession(data.db, bookingId);
                        return `Your coaching with ${slot.body.coach} is cancelled.`;
                      })}
                    >
                      Cancel booking
                    </button>
                  </div>
                ) : (
                  <div className="live-sessions__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={busyId === slot.id || !data.partnerId}
                      onClick={() => void run(slot.id, async () => {
                        if (!data.partnerId) throw new Error('No workspace is open.');
                        await joinSession(data.db, data.partnerId, 'booking', slot.id);
                        return `Coaching with ${slot.body.coach} is booked.`;
                      })}
                    >
                      Book
                    </button>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A registration or booking SISO refused: the server's reason and a way to drop it from this device. */
function RefusedSession({ data, rowId, what, onDone, onProblem }: SectionProps & { rowId: string; what: string }) {
  const [busy, setBusy] = useState(false);
  const problem = data.refusedSessions.get(rowId);
  if (!problem) return null;
  const problemId = problem.id;

  async function discard() {
    setBusy(true);
    try {
      await discardRefusedSession(data.discardRefused, problemId);
      onDone(`Your ${what} was discarded.`);
    } catch (error) {
      onProblem(`The ${what} could not be discarded: ${errorMessage(error)} Try again from Sync problems in the top bar.`);
      setBusy(false);
    }
  }

  return (
    <div className="live-sessions__refused">
      <p className="live-sessions__problem" role="alert">
        SISO did not accept your {what}: {problem.reason}
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void discard()} aria-label={`Discard your ${what}`}>
        Discard
      </button>
    </div>
  );
}
