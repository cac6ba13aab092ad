/**
 * Live reads for reminders: the partner's reminders (next actions and, where the tier unlocks
 * them, automation rules), their state on this device (fired, snoozed, dismissed) and the
 * partner's time zone, in which snooze times are chosen and shown.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { createLiveQueryStore, type LiveResult } from '../../data/live-query';
import { useQuery } from '../../data/use-query';
import { useEntitlement } from '../../session/use-entitlement';
import { evaluateAutomationRules } from '../../../sync/domain/automation-rules';
import { leadFeature, LEAD_FEATURES } from '../../../sync/domain/entitlements';
import { stageLabel } from '../../../sync/domain/leads';
import { EMPTY_REMINDER_STATE, nextActionReminders, type Reminder, type ReminderState } from '../../../sync/domain/reminders';
import { resolveTimeZone } from '../../../sync/domain/zoned-time';
import { observeReminderState } from './reminder-state';
import { useReminderStore } from './reminder-store';

const AUTOMATION = leadFeature(LEAD_FEATURES.automation);

export interface ReminderSources {
  reminders: Reminder[];
  /** True until leads and the tier gate are read: the list is incomplete until then. */
  loading: boolean;
}

export function useReminderSources(partnerId: string): ReminderSources {
  // Only the signed-in partner's own leads: an admin's store also holds every partner's rows.
  const leads = useQuery('leads', { selector: { partner_id: partnerId } });
  const automation = useEntitlement(AUTOMATION);
  const rules = useReminderStore((state) => state.rules);
  const loadRules = useReminderStore((state) => state.loadRules);
  useEffect(() => loadRules(partnerId), [loadRules, partnerId]);

  const allowed = automation?.allowed ?? false;
  const reminders = useMemo(() => {
    const own = nextActionReminders(leads.data);
    return allowed && rules.length > 0 ? [...own, ...evaluateAutomationRules(rules, leads.data, stageLabel)] : own;
  }, [leads.data, allowed, rules]);
  return { reminders, loading: leads.loading || automation === null };
}

/** The partner's reminder state, live (also changes made in another window). */
export function useReminderState(partnerId: string): LiveResult<ReminderState> {
  const db = useDatabase();
  const store = useMemo(
    () => createLiveQueryStore(db ? observeReminderState(db, partnerId) : null, EMPTY_REMINDER_STATE),
    [db, partnerId],
  );
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function usePartnerTimeZone(partnerId: string): string {
  const profile = useQuery('profiles', { selector: { id: partnerId }, limit: 1 });
  return resolveTimeZone(profile.data[0]?.timezone, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
