/**
 * The reminders' place in the top bar: a "3 reminders due" button that opens a panel listing what
 * is due, each with Open lead, Done, Snooze and Dismiss. Closed, it covers nothing; open, Escape
 * or a click elsewhere closes it and focus returns to the button. A polite live region announces
 * reminders as they fall due. Mounted once by the shell.
 */
import { useCallback, useMemo, useState } from 'react';
import { useOpenWorkspace } from '../../session';
import { Icon } from '../../ui/Icon';
import { TopBarPopover } from '../../ui/TopBarPopover';
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
  const [status, setStatus] = useState('');
  const { markSeen } = schedule;
  const onOpen = useCallback(() => {
    setStatus('');
    markSeen();
  }, [markSeen]);

  const label = due.length === 0 ? 'No reminders due' : plural(due.length, 'reminder due', 'reminders due');

  return (
    <TopBarPopover
      buttonClassName="reminders-entry__button"
      buttonData={{ 'data-due': due.length > 0 ? 'true' : undefined }}
      button={
        <>
          <Icon name="bell" />
          <span>{label}</span>
          {schedule.unseen ? <span className="reminders-entry__mark" aria-hidden="true" /> : null}
        </>
      }
      title="Reminders due"
      panelClassName="reminders-panel"
      onOpen={onOpen}
      after={
        // A log (polite by default) rather than a status, so the top bar keeps one status: sync.
        <div role="log" aria-label="Reminder announcements" className="visually-hidden">
          {schedule.announcement}
        </div>
      }
    >
      {({ close, focusHeading, headingId }) => (
        <>
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
                  onSettled={(message) => {
                    // After an item leaves the list, keep focus in the panel and say what happened.
                    setStatus(message);
                    focusHeading();
                  }}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </TopBarPopover>
  );
}
