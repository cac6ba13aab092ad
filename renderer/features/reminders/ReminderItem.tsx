/**
 * One due reminder in the reminders panel: what to do and when it fell due, with Open lead, Done
 * (next actions only: completes it), Snooze (an hour, tomorrow 9:00 in the partner's time zone,
 * or a picked time that must lie ahead) and Dismiss (hides it, not done, until its due time
 * changes).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useDatabase } from '../../data/DatabaseProvider';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import {
  instantToZonedLocal,
  SNOOZE_HOUR_MS,
  snoozeUntil,
  type Reminder,
  type SnoozeChoice,
} from '../../../sync/domain/reminders';
import { completeNextAction, dismissReminder, snoozeReminder } from './reminder-writes';

interface ReminderItemProps {
  reminder: Reminder;
  partnerId: string;
  timeZone: string;
  now: Date;
  onOpenLead(): void;
  /** Called once the reminder has left the list, with a sentence saying what happened. */
  onSettled(message: string): void;
}

function formatInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function ReminderItem({ reminder, partnerId, timeZone, now, onOpenLead, onSettled }: ReminderItemProps) {
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [snoozing, setSnoozing] = useState(false);
  const [pickedTime, setPickedTime] = useState('');
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const snoozeId = `${baseId}-snooze`;

  async function run(write: () => Promise<string>, failure: string) {
    if (!db || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onSettled(await write());
    } catch (error) {
      setProblem(`${failure}: ${errorMessage(error)} Try again.`);
      setBusy(false);
    }
  }

  function done() {
    if (!db) return;
    void run(async () => {
      const completed = await completeNextAction(db, partnerId, reminder);
      return completed
        ? `Done: ${reminder.action} (${reminder.company}).`
        : `${reminder.company}: this next action was already changed or done elsewhere, so nothing was changed.`;
    }, 'It was not marked done');
  }

  function snooze(choice: SnoozeChoice) {
    if (!db) return;
    const result = snoozeUntil(choice, new Date(), timeZone);
    if (!result.ok) {
      setPickError(result.error);
      document.getElementById(`${snoozeId}-time`)?.focus();
      return;
    }
    setPickError(undefined);
    void run(async () => {
      await snoozeReminder(db, partnerId, reminder, result.until);
      return `${reminder.company} snoozed until ${formatInZone(result.until, timeZone)}.`;
    }, 'It was not snoozed');
  }

  function dismiss() {
    if (!db) return;
    void run(async () => {
      await dismissReminder(db, partnerId, reminder);
      return `${reminder.company} dismissed. It is still the lead's next action and comes back if its due time changes.`;
    }, 'It was not dismissed');
  }

  function toggleSnooze() {
    if (!snoozing) setPickedTime(instantToZonedLocal(new Date(Date.now() + SNOOZE_HOUR_MS).toISOString(), timeZone));
    setPickError(undefined);
    setSnoozing(!snoozing);
  }

  function onPick(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    snooze({ kind: 'at', local: pickedTime });
  }

  const overdue = Date.parse(reminder.dueAt) < now.getTime() - 60_000;

  return (
    <li className="reminder-item" aria-labelledby={titleId}>
      <p id={titleId} className="reminder-item__title">
        {reminder.company}
      </p>
      <p className="reminder-item__action">{reminder.action}</p>
      <p className="reminder-item__due">
        {overdue ? 'Due since' : 'Due'} {formatInZone(reminder.dueAt, timeZone)}
      </p>
      {problem ? (
        <p role="alert" className="reminder-item__problem">
          {problem}
        </p>
      ) : null}
      <div className="reminder-item__actions">
        <Link className="button button--small" to={`/leads/${encodeURIComponent(reminder.leadId)}`} aria-describedby={titleId} onClick={onOpenLead}>
          Open lead
        </Link>
        {reminder.kind === 'next_action' ? (
          <button type="button" className="button button--small button--primary" onClick={done} disabled={busy || !db} aria-describedby={titleId}>
            Done
          </button>
        ) : null}
        <button
          type="button"
          className="button button--small"
          onClick={toggleSnooze}
          disabled={busy}
          aria-expanded={snoozing}
          aria-controls={snoozing ? snoozeId : undefined}
          aria-describedby={titleId}
        >
          Snooze
        </button>
        <button type="button" className="button button--small" onClick={dismiss} disabled={busy || !db} aria-describedby={titleId}>
          Dismiss
        </button>
      </div>
      {snoozing ? (
        <div id={snoozeId} role="group" aria-label={`Snooze ${reminder.company}`} className="reminder-item__snooze">
          <div className="reminder-item__actions">
            <button type="button" className="button button--small" onClick={() => snooze({ kind: 'hour' })} disabled={busy || !db}>
              For 1 hour
            </button>
            <button type="button" className="button button--small" onClick={() => snooze({ kind: 'tomorrow' })} disabled={busy || !db}>
              Until tomorrow 9:00
            </button>
          </div>
          <form className="reminder-item__pick" onSubmit={onPick} noValidate>
            <FormField label="Or pick a time" error={pickError} id={`${snoozeId}-time`} hint={`Your time zone: ${timeZone}`}>
              <input
                type="datetime-local"
                value={pickedTime}
                onChange={(event) => {
                  setPickedTime(event.target.value);
                  setPickError(undefined);
                }}
              />
            </FormField>
            <button type="submit" className="button button--small" disabled={busy || !db}>
              Snooze until then
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}
