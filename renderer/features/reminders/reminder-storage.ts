/**
 * What reminders keep in localStorage, per partner and validated on read: the log of reminders
 * already fired (so each fires once, across restarts) and the partner's automation rules (the
 * profile has no settings column for them). A corrupt entry reads as empty.
 */
import { parseAutomationRules, type AutomationRule } from '../../../sync/domain/automation-rules';
import { parseFiredLog, type FiredReminder } from '../../../sync/domain/reminders';

const FIRED_PREFIX = 'siso.reminders-fired.v1.';
const RULES_PREFIX = 'siso.automation-rules.v1.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the value lasts for this run only.
  }
}

export function readFiredLog(partnerId: string): FiredReminder[] {
  return parseFiredLog(read(FIRED_PREFIX + partnerId));
}

export function writeFiredLog(partnerId: string, log: readonly FiredReminder[]): void {
  write(FIRED_PREFIX + partnerId, log);
}

export function readAutomationRules(partnerId: string): AutomationRule[] {
  return parseAutomationRules(read(RULES_PREFIX + partnerId));
}

export function writeAutomationRules(partnerId: string, rules: readonly AutomationRule[]): void {
  write(RULES_PREFIX + partnerId, rules);
}
