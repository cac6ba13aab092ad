/**
 * The reminders' place in the top bar: a "3 reminders due" button that opens a panel listing what
 * is due, each with Open lead, Done, Snooze and Dismiss. Closed, it covers nothing; open, Escape
 * or a click elsewhere closes it and focus returns to the button. A polite live region announces
 * reminders as they fall due. Mounted once by the shell.
 */
import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useOpenWorkspace } from '../../session';
import { Icon } from '../../ui/Icon';
import { plural } from '../../ui/format';
import { remindersDueNow } from '../../../sync/domain/reminders';
import { ReminderItem } from './ReminderItem';
import { useReminderScheduler } from './use-reminder-scheduler';
import { usePartnerTimeZone, useReminderSources, useReminderState } from './use-reminders-data';
import './reminders.css';

export function RemindersEntry() {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  if (!partnerId) return null;
  return <PartnerReminders key={partnerId} partnerId={partnerId} />;
}

function PartnerReminders({ partnerId }: { partnerId: string }) {
  const sources = useReminderSources(partnerId);
  const state = useReminderState(partnerId);
  const timeZone = usePartnerTimeZone(partnerId);
  const schedule = useReminderScheduler(partnerId, sources, state);
  const due = useMemo(() => remindersDueNow(sources.reminders, state.data, schedule.now), [sources.reminders, state.data, schedule.now]);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  const headingId = useId();
  const { markSeen } = schedule;

  useEffect(() => {
    if (!open) return;
    markSeen();
    headingRef.current?.focus();
  }, [open, markSeen]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    setStatus('');
    if (returnFocus) buttonRef.current?.focus();
  }

  function onPanelKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  }

  // Tabbing out of the panel closes it; clicks inside on nothing focusable (relatedTarget null) do not.
  function onPanelBlur(event: FocusEvent<HTMLElement>) {
    const next = event.relatedTarget;
    if (next instanceof Node && !panelRef.current?.contains(next) && !buttonRef.current?.contains(next)) close(false);
  }

  /** After an item leaves the list, keep focus in the panel and say what happened. */
  function settled(message: string) {
    setStatus(message);
    headingRef.current?.focus();
  }

  const label = due.length === 0 ? 'No reminders due' : plural(due.length, 'reminder due', 'reminders due');

  return (
    <div className="reminders-entry">
      <button
        ref={buttonRef}
        type="button"
        className="button reminders-entry__button"
        data-due={due.length > 0 ? 'true' : undefined}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <Icon name="bell" />
        <span>{label}</span>
        {schedule.unseen ? <span className="reminders-entry__mark" aria-hidden="true" /> : null}
      </button>
      {/* A log (polite by default) rather than a status, so the top bar keeps one status: sync. */}
      <div role="log" aria-label="Reminder announcements" className="visually-hidden">
        {schedule.announcement}
      </div>
      {open ? (
        <section
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-labelledby={headingId}
          className="reminders-panel"
          onKeyDown={onPanelKeyDown}
          onBlur={onPanelBlur}
        >
          <div className="reminders-panel__header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1} className="reminders-panel__title">
              Reminders due
            </h2>
            <button type="button" className="button button--small" onClick={() => close(true)}>
              Close
            </button>
          </div>
          <p role="status" className="reminders-panel__status">
            {status}
          </p>
          {due.length === 0 ? (
            <p className="reminders-panel__empty">Nothing is due. A reminder appears here when a lead&rsquo;s next action falls due.</p>
          ) : (
            <ul className="reminders-panel__list" aria-labelledby={headingId}>
              {due.map((reminder) => (
                <ReminderItem
                  key={`${reminder.key}@${reminder.dueAt}`}
                  reminder={reminder}
                  partnerId={partnerId}
                  timeZone={timeZone}
                  now={schedule.now}
                  onOpenLead={() => close(false)}
                  onSettled={settled}
                />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
