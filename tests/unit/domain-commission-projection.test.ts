import { describe, expect, it } from 'vitest';
import { STAGE_PROBABILITY, earningsGoalSchema, goalProgress, nextTierRate, projectPipeline } from '../../sync/domain/commission-projection';
import { parseTierRules, type CatalogRowInput } from '../../sync/domain/tiers';

function ruleRow(tier: string, rank: number, rate: number): CatalogRowInput {
  const zero = { referred_leads_per_month: 0, training_modules_completed: 0, satisfaction_rating: 0, support_calls_attended: 0, min_days_in_previous_tier: 0 };
  const benefits = { marketing_categories: [], training_courses: [], support_channels: [], payout_frequency: 'monthly', lead_features: [] };
  return { id: `rule-${tier}`, kind: 'tier_rule', title: tier, published: true, body: { tier, rank, commission_rate: rate, requirements: zero, benefits } };
}

const RULES = parseTierRules([ruleRow('starter', 0, 20), ruleRow('active', 1, 22), ruleRow('performer', 2, 25), ruleRow('elite', 3, 30)]).rules;

describe('projection calculator', () => {
  it('weights open leads by stage probability and applies the current and next tier rates', () => {
    const next = nextTierRate(RULES, 'performer');
    expect(next).toEqual({ tier: 'elite', label: 'Elite', rate: 30 });
    const result = projectPipeline(
      [
        { stage: 'new', estimated_value: 10_000, currency: 'GBP' },
        { stage: 'proposal', estimated_value: 5_000, currency: 'GBP' },
        { stage: 'qualified', estimated_value: 1_000, currency: 'EUR' },
        { stage: 'won', estimated_value: 50_000, currency: 'GBP' },
        { stage: 'lost', estimated_value: 50_000, currency: 'GBP' },
        { stage: 'contacted', estimated_value: null, currency: 'GBP' },
        { stage: 'contacted', estimated_value: 7_000, currency: null },
        { stage: 'new', estimated_value: 9_000, currency: 'GBP', _deleted: true },
      ],
      25,
      next,
      'USD',
    );
    expect(result.unvalued).toBe(1);
    expect(result.byCurrency).toEqual([
      { currency: 'EUR', openLeads: 1, pipelineValue: 1000, weightedValue: 400, projected: 100, projectedAtNextTier: 120 },
      { currency: 'GBP', openLeads: 2, pipelineValue: 15000, weightedValue: 4000, projected: 1000, projectedAtNextTier: 1200 },
      { currency: 'USD', openLeads: 1, pipelineValue: 7000, weightedValue: 1400, projected: 350, projectedAtNextTier: 420 },
    ]);
    expect(STAGE_PROBABILITY.new).toBeLessThan(STAGE_PROBABILITY.proposal);
  });

  it('has no next tier at the top or without rules', () => {
    expect(nextTierRate(RULES, 'elite')).toBeNull();
    expect(nextTierRate([], 'starter')).toBeNull();
    expect(projectPipeline([{ stage: 'new', estimated_value: 100, currency: 'GBP' }], 20, null, 'GBP').byCurrency[0]?.projectedAtNextTier).toBeNull();
  });

  it('validates the goal and measures progress towards it', () => {
    expect(earningsGoalSchema.safeParse({ year: 2026, amount: 0, currency: 'GBP' }).success).toBe(false);
    const goal = earningsGoalSchema.parse({ year: 2026, amount: 20_000, currency: 'GBP' });
    expect(goalProgress(5_000, goal)).toBe(25);
    expect(goalProgress(-300, goal)).toBe(0);
    expect(goalProgress(30_000, goal)).toBe(150);
  });
});
