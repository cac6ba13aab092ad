/**
 * Reminder UI state: the in-app reminders shown when a system notification is unavailable, and
 * the partner's automation rules (loaded from and saved to localStorage per partner).
 */
import { create } from 'zustand';
import type { AutomationRule } from '../../../sync/domain/automation-rules';
import type { Reminder } from '../../../sync/domain/reminders';
import { readAutomationRules, writeAutomationRules } from './reminder-storage';

interface ReminderState {
  /** In-app reminders, oldest first. */
  shown: Reminder[];
  show(reminders: readonly Reminder[]): void;
  dismiss(key: string): void;

  rulesPartnerId: string | null;
  rules: AutomationRule[];
  loadRules(partnerId: string): void;
  setRules(partnerId: string, rules: AutomationRule[]): void;
}

export const useReminderStore = create<ReminderState>((set, get) => ({
  shown: [],
  show(reminders) {
    if (reminders.length === 0) return;
    set((state) => {
      const keys = new Set(reminders.map((reminder) => reminder.key));
      return { shown: [...state.shown.filter((item) => !keys.has(item.key)), ...reminders] };
    });
  },
  dismiss(key) {
    set((state) => ({ shown: state.shown.filter((item) => item.key !== key) }));
  },

  rulesPartnerId: null,
  rules: [],
  loadRules(partnerId) {
    if (get().rulesPartnerId === partnerId) return;
    set({ rulesPartnerId: partnerId, rules: readAutomationRules(partnerId) });
  },
  setRules(partnerId, rules) {
    writeAutomationRules(partnerId, rules);
    set({ rulesPartnerId: partnerId, rules });
  },
}));
