/** The partner's automation rules as UI state: loaded from and saved to localStorage per partner. */
import { create } from 'zustand';
import type { AutomationRule } from '../../../sync/domain/automation-rules';
import { readAutomationRules, writeAutomationRules } from './reminder-storage';

interface ReminderRulesState {
  rulesPartnerId: string | null;
  rules: AutomationRule[];
  loadRules(partnerId: string): void;
  setRules(partnerId: string, rules: AutomationRule[]): void;
}

export const useReminderStore = create<ReminderRulesState>((set, get) => ({
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
