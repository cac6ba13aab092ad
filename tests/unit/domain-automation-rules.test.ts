import { describe, expect, it } from 'vitest';
import {
  evaluateAutomationRules,
  parseAutomationRules,
  RULES_MAX,
  validateAutomationRule,
  type AutomationLead,
  type AutomationRule,
} from '../../sync/domain/automation-rules';
import { dueReminders, nextDueAt } from '../../sync/domain/reminders';
import type { LeadStage } from '../../sync/schema/leads.schema';

const DAY = 86_400_000;
const start = Date.parse('2026-03-01T12:00:00Z');
const lead = (id: string, stage: LeadStage, since: number | null, created = start): AutomationLead => ({
  id,
  company: `Company ${id}`,
  stage,
  created_at: new Date(created).toISOString(),
  stage_changed_at: since === null ? null : new Date(since).toISOString(),
});

describe('evaluating automation rules', () => {
  const rule: AutomationRule = { id: 'r1', stage: 'contacted', days: 7 };

  it('is due only after more than N days in the stage', () => {
    const reminders = evaluateAutomationRules([rule], [lead('a', 'contacted', start)], (stage) => stage.toUpperCase());
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ key: 'rule:r1:a', kind: 'automation', company: 'Company a', leadId: 'a' });
    expect(reminders[0]?.action).toBe('In CONTACTED for more than 7 days. Time to follow up?');
    expect(dueReminders(reminders, [], new Date(start + 7 * DAY))).toEqual([]);
    expect(dueReminders(reminders, [], new Date(start + 7 * DAY + 1))).toHaveLength(1);
    expect(nextDueAt(reminders, [], new Date(start))?.getTime()).toBe(start + 7 * DAY + 1);
  });

  it('uses created_at when the stage never changed, and skips unreadable dates', () => {
    const reminders = evaluateAutomationRules([rule], [lead('a', 'contacted', null, start - 10 * DAY), { ...lead('b', 'contacted', null), created_at: 'x' }]);
    expect(dueReminders(reminders, [], new Date(start)).map((r) => r.key)).toEqual(['rule:r1:a']);
  });

  it('evaluates several rules independently and ignores other stages, won and lost', () => {
    const rules: AutomationRule[] = [rule, { id: 'r2', stage: 'contacted', days: 1 }, { id: 'r3', stage: 'proposal', days: 3 }];
    const leads = [lead('a', 'contacted', start), lead('b', 'proposal', start), lead('c', 'won', start - 100 * DAY), lead('d', 'lost', start - 100 * DAY), lead('e', 'new', start - 100 * DAY)];
    const reminders = evaluateAutomationRules(rules, leads);
    expect(reminders.map((r) => r.key).sort()).toEqual(['rule:r1:a', 'rule:r2:a', 'rule:r3:b']);
    expect(dueReminders(reminders, [], new Date(start + 2 * DAY)).map((r) => r.key)).toEqual(['rule:r2:a']);
    expect(dueReminders(reminders, [], new Date(start + 4 * DAY)).map((r) => r.key)).toEqual(['rule:r2:a', 'rule:r3:b']);
    expect(evaluateAutomationRules([], leads)).toEqual([]);
  });

  it('re-arms when the lead re-enters the stage', () => {
    const first = evaluateAutomationRules([rule], [lead('a', 'contacted', start)]);
    const again = evaluateAutomationRules([rule], [lead('a', 'contacted', start + 20 * DAY)]);
    expect(first[0]?.key).toBe(again[0]?.key);
    expect(first[0]?.dueAt).not.toBe(again[0]?.dueAt);
  });
});

describe('the rule form and storage', () => {
  it('accepts stages new to proposal and 1–90 days', () => {
    expect(validateAutomationRule({ stage: 'new', days: '1' }, [])).toEqual({ ok: true, values: { stage: 'new', days: 1 } });
    expect(validateAutomationRule({ stage: 'proposal', days: ' 90 ' }, [])).toEqual({ ok: true, values: { stage: 'proposal', days: 90 } });
  });

  it('refuses out-of-range days, closed stages, duplicates and too many rules', () => {
    expect(validateAutomationRule({ stage: 'new', days: '0' }, [])).toEqual({ ok: false, errors: { days: 'Enter a whole number of days from 1 to 90.' } });
    expect(validateAutomationRule({ stage: 'new', days: '91' }, []).ok).toBe(false);
    expect(validateAutomationRule({ stage: 'new', days: '2.5' }, []).ok).toBe(false);
    expect(validateAutomationRule({ stage: 'won', days: '5' }, [])).toEqual({ ok: false, errors: { stage: expect.stringContaining('Choose') } });
    expect(validateAutomationRule({ stage: 'new', days: '5' }, [{ id: 'x', stage: 'new', days: 5 }])).toEqual({
      ok: false,
      errors: { days: 'You already have this rule.' },
    });
    const full = Array.from({ length: RULES_MAX }, (_, i) => ({ id: `r${i}`, stage: 'new' as const, days: i + 1 }));
    expect(validateAutomationRule({ stage: 'qualified', days: '5' }, full).ok).toBe(false);
  });

  it('reads stored rules, dropping an invalid store', () => {
    const rules = [{ id: 'r1', stage: 'new', days: 3 }];
    expect(parseAutomationRules(JSON.stringify(rules))).toEqual(rules);
    expect(parseAutomationRules(JSON.stringify([{ id: 'r1', stage: 'won', days: 3 }]))).toEqual([]);
    expect(parseAutomationRules(JSON.stringify([{ id: 'r1', stage: 'new', days: 91 }]))).toEqual([]);
    expect(parseAutomationRules('{')).toEqual([]);
  });
});
