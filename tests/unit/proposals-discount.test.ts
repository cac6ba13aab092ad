import { describe, expect, it } from 'vitest';
import { APPROVAL_STATUSES, PENDING_WATERMARK, canSign, discountLimit, expectedApproval } from '../../sync/domain/proposals';
import { tierRuleBodySchema } from '../../sync/schema/catalog-bodies';
import { parseTierRules, type CatalogRowInput } from '../../sync/domain/tiers';

function ruleRow(tier: string, rank: number, maxDiscount?: number): CatalogRowInput {
  const zero = { referred_leads_per_month: 0, training_modules_completed: 0, satisfaction_rating: 0, support_calls_attended: 0, min_days_in_previous_tier: 0 };
  const benefits = { marketing_categories: [], training_courses: [], support_channels: [], payout_frequency: 'monthly', lead_features: [], ...(maxDiscount === undefined ? {} : { max_discount_percent: maxDiscount }) };
  return { id: `rule-${tier}`, kind: 'tier_rule', title: tier, published: true, body: { tier, rank, commission_rate: 20, requirements: zero, benefits } };
}

describe('discount limits', () => {
  const { rules, problems } = parseTierRules([ruleRow('starter', 0), ruleRow('active', 1, 5), ruleRow('performer', 2, 10), ruleRow('elite', 3, 15)]);

  it("reads the tier's max_discount_percent, 0 when a rule predates it or there is no tier", () => {
    expect(problems).toEqual([]);
    expect(discountLimit(rules, 'starter')).toBe(0);
    expect(discountLimit(rules, 'active')).toBe(5);
    expect(discountLimit(rules, 'elite')).toBe(15);
    expect(discountLimit(rules, null)).toBe(0);
    expect(discountLimit([], 'elite')).toBe(0);
  });

  it('refuses a limit outside 0..100 in a tier rule', () => {
    const body = ruleRow('elite', 3, 120).body;
    expect(tierRuleBodySchema.safeParse(body).success).toBe(false);
    expect(parseTierRules([ruleRow('elite', 3, -1)]).problems).toHaveLength(1);
  });
});

describe('expectedApproval (mirrors the server trigger)', () => {
  it('needs no approval up to the limit, inclusive', () => {
    expect(expectedApproval(0, 0, [])).toBe('not_needed');
    expect(expectedApproval(10, 10, [])).toBe('not_needed');
  });

  it('waits for approval above the limit', () => {
    expect(expectedApproval(10.5, 10, [])).toBe('pending');
    expect(expectedApproval(20, 10, [15])).toBe('pending');
  });

  it('is covered by an earlier approval of the same proposal at the same or a higher discount', () => {
    expect(expectedApproval(20, 10, [20])).toBe('approved');
    expect(expectedApproval(12, 10, [5, 25])).toBe('approved');
  });
});

describe('canSign', () => {
  it('allows versions that need no approval, approved ones and legacy rows; not pending or declined', () => {
    expect(APPROVAL_STATUSES.filter(canSign)).toEqual(['not_needed', 'approved']);
    expect(canSign(null)).toBe(true);
  });

  it('has the watermark words the PDF carries while approval is pending', () => {
    expect(PENDING_WATERMARK).toBe('Draft — pending approval');
  });
});
