/**
 * What reminders keep in localStorage, per partner and validated on read: the partner's
 * automation rules (the profile has no settings column for them), and the fired-reminder log of
 * earlier versions, read once to seed the local database (reminder-state.ts) and then removed.
 */
import { parseAutomationRules, type AutomationRule } from '../../../sync/domain/automation-rules';
import { parseFiredLog, type FiredReminder } from '../../../sync/domain/reminders';

const LEGACY_FIRED_PREFIX = 'siso.reminders-fired.v1.';
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

export function readLegacyFiredLog(partnerId: string): FiredReminder[] {
  return parseFiredLog(read(LEGACY_FIRED_PREFIX + partnerId));
}

export function removeLegacyFiredLog(partnerId: string): void {
  try {
    storage()?.removeItem(LEGACY_FIRED_PREFIX + partnerId);
  } catch {
    // Left behind, it is only read again if the local database loses the log.
  }
}

export function readAutomationRules(partnerId: string): AutomationRule[] {
  return parseAutomationRules(read(RULES_PREFIX + partnerId));
}

export function writeAutomationRules(partnerId: string, rules: readonly AutomationRule[]): void {
  write(RULES_PREFIX + partnerId, rules);
}
