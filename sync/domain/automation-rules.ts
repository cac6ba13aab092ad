/**
 * Automation rules (Performer tier and up): "Remind me when a lead sits in <stage> for more than
 * <N> days". Evaluated locally into reminders (see reminders.ts) that fall due the moment a lead
 * has sat in the stage for more than N whole days; won and lost leads are never reminded of.
 * Pure: callers pass `now`.
 */
import { z } from 'zod';
import type { LeadStage } from '../schema/leads.schema';
import type { Reminder } from './reminders';

export const AUTOMATION_STAGES = ['new', 'contacted', 'qualified', 'proposal'] as const satisfies readonly LeadStage[];
export type AutomationStage = (typeof AUTOMATION_STAGES)[number];
export const RULE_DAYS_MIN = 1;
export const RULE_DAYS_MAX = 90;
export const RULES_MAX = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

export const automationRuleSchema = z.object({
  id: z.string().min(1).max(100),
  stage: z.enum(AUTOMATION_STAGES),
  days: z.int().min(RULE_DAYS_MIN).max(RULE_DAYS_MAX),
});
export type AutomationRule = z.infer<typeof automationRuleSchema>;
export const automationRulesSchema = z.array(automationRuleSchema).max(RULES_MAX);

/** The stored rules, or none when missing or unreadable. */
export function parseAutomationRules(raw: string | null | undefined): AutomationRule[] {
  if (!raw) return [];
  try {
    const parsed = automationRulesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

// The rule form ----------------------------------------------------------------------------------

export interface AutomationRuleInput {
  stage: string;
  days: string;
}
export type AutomationRuleErrors = Partial<Record<keyof AutomationRuleInput, string>>;

export function validateAutomationRule(
  input: AutomationRuleInput,
  existing: readonly AutomationRule[],
): { ok: true; values: Omit<AutomationRule, 'id'> } | { ok: false; errors: AutomationRuleErrors } {
  const errors: AutomationRuleErrors = {};
  const stage = z.enum(AUTOMATION_STAGES).safeParse(input.stage);
  if (!stage.success) errors.stage = 'Choose New, Contacted, Qualified or Proposal.';
  const text = input.days.trim();
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < RULE_DAYS_MIN || days > RULE_DAYS_MAX) {
    errors.days = `Enter a whole number of days from ${RULE_DAYS_MIN} to ${RULE_DAYS_MAX}.`;
  }
  if (stage.success && !errors.days && existing.some((rule) => rule.stage === stage.data && rule.days === days)) {
    errors.days = 'You already have this rule.';
  }
  if (existing.length >= RULES_MAX && Object.keys(errors).length === 0) {
    errors.stage = `You can keep up to ${RULES_MAX} rules. Remove one to add another.`;
  }
  if (!stage.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { stage: stage.data, days } };
}

// Evaluation -------------------------------------------------------------------------------------

/** The lead columns the rules read. */
export interface AutomationLead {
  readonly id: string;
  readonly company: string;
  readonly stage: LeadStage;
  readonly created_at: string;
  readonly stage_changed_at?: string | null;
}

export const ruleKey = (ruleId: string, leadId: string) => `rule:${ruleId}:${leadId}`;

/** "In Contacted for more than 7 days" — the reminder's body. */
export function describeStall(stageName: string, days: number): string {
  return `In ${stageName} for more than ${days === 1 ? '1 day' : `${days} days`}. Time to follow up?`;
}

/**
 * One reminder per rule and lead in the rule's stage, due 1 ms after the lead has sat there exactly
 * N days ("more than N days"); pending ones included so a scheduler can wait for them. Moving the
 * lead on removes its reminder; re-entering the stage gives a new due time, so it fires again.
 */
export function evaluateAutomationRules(
  rules: readonly AutomationRule[],
  leads: readonly AutomationLead[],
  stageName: (stage: LeadStage) => string = (stage) => stage,
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const rule of rules) {
    for (const lead of leads) {
      if (lead.stage !== rule.stage) continue;
      const since = Date.parse(lead.stage_changed_at ?? lead.created_at);
      if (Number.isNaN(since)) continue;
      reminders.push({
        key: ruleKey(rule.id, lead.id),
        kind: 'automation',
        leadId: lead.id,
        company: lead.company,
        action: describeStall(stageName(lead.stage), rule.days),
        dueAt: new Date(since + rule.days * DAY_MS + 1).toISOString(),
      });
    }
  }
  return reminders;
}
