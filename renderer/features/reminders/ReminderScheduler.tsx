/**
 * The app-wide reminder scheduler, mounted once in the shell. It reads the leads (and, for
 * Performer and up, the automation rules) reactively, keeps one timer for the next reminder due,
 * and when reminders fall due — also those that fell due while the app was closed — sends each
 * once as a system notification. Where that is unavailable it shows them in-app instead, with
 * "Open lead" and "Done" (or "Dismiss" for automation reminders).
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { evaluateAutomationRules } from '../../../sync/domain/automation-rules';
import { entitlement, leadFeature, LEAD_FEATURES } from '../../../sync/domain/entitlements';
import { dueReminders, nextActionReminders, nextDueAt, recordFired, timerDelay, type Reminder } from '../../../sync/domain/reminders';
import { parseTierRules } from '../../../sync/domain/tiers';
import { completeNextAction } from '../leads/reminders/next-action-writes';
import { stageLabel } from '../leads/labels';
import { usePlatform } from '../../platform';
import { useOpenWorkspace } from '../../session';
import { readFiredLog, writeFiredLog } from './reminder-storage';
import { useReminderStore } from './reminder-store';
import './reminders.css';

export function ReminderScheduler() {
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  if (!partnerId) return null;
  return <ReminderRunner key={partnerId} partnerId={partnerId} />;
}

function useAutomationAllowed(): boolean {
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  return useMemo(() => {
    if (status.loading || ruleRows.loading) return false;
    return entitlement(parseTierRules(ruleRows.data).rules, status.data?.tier ?? null, leadFeature(LEAD_FEATURES.automation)).allowed;
  }, [status.loading, status.data, ruleRows.loading, ruleRows.data]);
}

function ReminderRunner({ partnerId }: { partnerId: string }) {
  const platform = usePlatform();
  // Only the signed-in partner's own leads: an admin's store also holds every partner's rows.
  const leads = useQuery('leads', { selector: { partner_id: partnerId } });
  const allowed = useAutomationAllowed();
  const rules = useReminderStore((state) => state.rules);
  const loadRules = useReminderStore((state) => state.loadRules);
  const show = useReminderStore((state) => state.show);
  const [tick, setTick] = useState(0);

  useEffect(() => loadRules(partnerId), [loadRules, partnerId]);
  useEffect(() => () => useReminderStore.setState({ shown: [] }), []);

  const reminders = useMemo(() => {
    const live = leads.data;
    const own = nextActionReminders(live);
    return allowed && rules.length > 0 ? [...own, ...evaluateAutomationRules(rules, live, stageLabel)] : own;
  }, [leads.data, allowed, rules]);

  useEffect(() => {
    if (leads.loading) return;
    const now = new Date();
    const log = readFiredLog(partnerId);
    const due = dueReminders(reminders, log, now);
    if (due.length > 0) {
      // Recorded before sending, so a re-render or a second window never sends one twice.
      writeFiredLog(partnerId, recordFired(log, due, reminders));
      void deliver(due);
    }
    const delay = timerDelay(nextDueAt(reminders, readFiredLog(partnerId), now), now);
    if (delay === null) return;
    const timer = window.setTimeout(() => setTick((value) => value + 1), delay);
    return () => window.clearTimeout(timer);

    async function deliver(list: readonly Reminder[]) {
      const inApp: Reminder[] = [];
      for (const reminder of list) {
        let sent = false;
        try {
          sent = await platform.notify({ title: `Reminder: ${reminder.company}`, body: reminder.action });
        } catch {
          sent = false;
        }
        if (!sent) inApp.push(reminder);
      }
      show(inApp);
    }
  }, [reminders, leads.loading, partnerId, platform, show, tick]);

  return <ReminderTray partnerId={partnerId} />;
}

function ReminderTray({ partnerId }: { partnerId: string }) {
  const shown = useReminderStore((state) => state.shown);
  return (
    // The live region is always there, so reminders added to it are announced.
    <div aria-live="polite" className="reminder-region">
      {shown.length > 0 ? (
        <section aria-label="Reminders">
          <p className="visually-hidden">{shown.length === 1 ? '1 reminder due.' : `${shown.length} reminders due.`}</p>
          <ul className="reminder-list">
            {shown.map((reminder) => (
              <ReminderItem key={reminder.key} reminder={reminder} partnerId={partnerId} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ReminderItem({ reminder, partnerId }: { reminder: Reminder; partnerId: string }) {
  const db = useDatabase();
  const dismiss = useReminderStore((state) => state.dismiss);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `reminder-${reminder.key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

  async function done() {
    if (!db) return;
    setBusy(true);
    setProblem(null);
    try {
      await completeNextAction(db, partnerId, reminder);
      dismiss(reminder.key);
    } catch (error) {
      setProblem(`It was not marked done: ${error instanceof Error ? error.message : String(error)}`);
      setBusy(false);
    }
  }

  return (
    <li className="reminder">
      <p id={titleId} className="reminder__title">
        Reminder: {reminder.company}
      </p>
      <p className="reminder__body">{reminder.action}</p>
      {problem ? <p className="reminder__problem">{problem}</p> : null}
      <div className="reminder__actions">
        <Link className="button button--small" to={`/leads/${encodeURIComponent(reminder.leadId)}`} aria-describedby={titleId}>
          Open lead
        </Link>
        {reminder.kind === 'next_action' ? (
          <button type="button" className="button button--small button--primary" onClick={() => void done()} disabled={busy || !db} aria-describedby={titleId}>
            Done
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => dismiss(reminder.key)} aria-describedby={titleId}>
            Dismiss
          </button>
        )}
      </div>
    </li>
  );
}
