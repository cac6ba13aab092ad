/**
 * The projection calculator: what the open pipeline may earn at the current rate, and what it
 * would earn at the next tier's rate. Also the yearly earnings goal a partner sets for themselves.
 *
 * Definitions:
 * - Open pipeline = leads not won or lost that have an estimated value.
 * - Each open stage has a probability of being won (STAGE_PROBABILITY, below; SISO's planning
 *   figures, not a promise). Weighted value = Σ estimated value × probability, per currency.
 * - Projected commission = weighted value × rate ÷ 100 (rates are percents, e.g. 22).
 * - "At the next tier" uses the next published tier rule's commission_rate (sync/domain/tiers.ts);
 *   there is none when the partner is at the top tier or no rules are published.
 */
import { z } from 'zod';
import type { LeadStage } from '../schema/leads.schema';
import type { Tier } from '../schema/fields';
import { nextRule, ruleFor, tierLabel, type TierRule } from './tiers';

export type OpenStage = Exclude<LeadStage, 'won' | 'lost'>;

export const STAGE_PROBABILITY: Readonly<Record<OpenStage, number>> = {
  new: 0.1,
  contacted: 0.2,
  qualified: 0.4,
  proposal: 0.6,
};

export function isOpenStage(stage: string): stage is OpenStage {
  return Object.hasOwn(STAGE_PROBABILITY, stage);
}

export interface PipelineLeadInput {
  readonly stage: string;
  readonly estimated_value?: number | null;
  readonly currency?: string | null;
  readonly _deleted?: boolean;
}

export interface PipelineProjection {
  currency: string;
  openLeads: number;
  /** Σ estimated value of the open leads. */
  pipelineValue: number;
  /** Σ estimated value × stage probability. */
  weightedValue: number;
  /** weightedValue × current rate. */
  projected: number;
  /** weightedValue × the next tier's rate; null when there is no next tier. */
  projectedAtNextTier: number | null;
}

export interface NextTierRate {
  tier: Tier;
  label: string;
  rate: number;
}

export interface ProjectionResult {
  rate: number;
  nextTier: NextTierRate | null;
  byCurrency: PipelineProjection[];
  /** Open leads left out because they have no estimated value. */
  unvalued: number;
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The next tier above `tier` and its rate, from the published rules. */
export function nextTierRate(rules: readonly TierRule[], tier: Tier | null | undefined): NextTierRate | null {
  const current = ruleFor(rules, tier);
  if (!current) return null;
  const next = nextRule(rules, current);
  return next ? { tier: next.tier, label: tierLabel(next.tier), rate: next.commission_rate } : null;
}

export function projectPipeline(
  leads: readonly PipelineLeadInput[],
  rate: number,
  nextTier: NextTierRate | null,
  fallbackCurrency: string,
): ProjectionResult {
  const byCurrency = new Map<string, { openLeads: number; pipelineValue: number; weightedValue: number }>();
  let unvalued = 0;
  for (const lead of leads) {
    if (lead._deleted || !isOpenStage(lead.stage)) continue;
    if (typeof lead.estimated_value !== 'number' || !Number.isFinite(lead.estimated_value) || lead.estimated_value <= 0) {
      unvalued += 1;
      continue;
    }
    const currency = lead.currency ?? fallbackCurrency;
    const entry = byCurrency.get(currency) ?? { openLeads: 0, pipelineValue: 0, weightedValue: 0 };
    entry.openLeads += 1;
    entry.pipelineValue += lead.estimated_value;
    entry.weightedValue += lead.estimated_value * STAGE_PROBABILITY[lead.stage];
    byCurrency.set(currency, entry);
  }
  return {
    rate,
    nextTier,
    unvalued,
    byCurrency: [...byCurrency.entries()]
      .map(([currency, entry]) => ({
        currency,
        openLeads: entry.openLeads,
        pipelineValue: cents(entry.pipelineValue),
        weightedValue: cents(entry.weightedValue),
        projected: cents((entry.weightedValue * rate) / 100),
        projectedAtNextTier: nextTier ? cents((entry.weightedValue * nextTier.rate) / 100) : null,
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

// ---------------------------------------------------------------------------------------------
// The yearly goal

/** The partner's earnings goal for a year, kept on this device (see the feature's writes). */
export const earningsGoalSchema = z.object({
  year: z.int().min(2000).max(2200),
  amount: z.number({ error: 'Enter your goal as a number.' }).finite().positive('Enter a goal above zero.').max(1e9, 'Enter a goal below 1,000,000,000.'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Choose the currency of your goal.'),
});
export type EarningsGoal = z.infer<typeof earningsGoalSchema>;

/** How far year-to-date earnings are towards the goal, as a whole percent (can exceed 100). */
export function goalProgress(earnedSoFar: number, goal: EarningsGoal): number {
  return Math.floor((Math.max(0, earnedSoFar) / goal.amount) * 100);
}
