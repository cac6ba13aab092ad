import { describe, expect, it } from 'vitest';
import { benefitRows, entitlement, featureLabel, LEAD_FEATURES, leadFeature, newBenefits } from '../../sync/domain/entitlements';
import { parseTierRules, type CatalogRowInput } from '../../sync/domain/tiers';

const REQUIREMENTS = {
  referred_leads_per_month: 0,
  training_modules_completed: 0,
  satisfaction_rating: 0,
  support_calls_attended: 0,
  min_days_in_previous_tier: 0,
};

function row(tier: string, rank: number, leadFeatures: string[], marketing: string[] = []): CatalogRowInput {
  return {
    id: `rule-${tier}`,
    kind: 'tier_rule',
    title: `${tier} tier`,
    published: true,
    body: {
      tier,
      rank,
      commission_rate: 20 + rank,
      requirements: REQUIREMENTS,
      benefits: {
        marketing_categories: marketing,
        training_courses: [],
        support_channels: [],
        payout_frequency: 'monthly',
        lead_features: leadFeatures,
      },
    },
  };
}

const rules = parseTierRules([
  row('starter', 0, ['lead_list'], ['brochures']),
  row('active', 1, ['lead_list', 'pipeline', 'attribution'], ['brochures', 'social_media']),
  row('performer', 2, ['lead_list', 'pipeline', 'attribution', 'analytics', 'automation_rules']),
  row('elite', 3, ['lead_list', 'pipeline', 'attribution', 'analytics', 'automation_rules', 'api_access', 'white_label_tracking']),
]).rules;

describe('entitlement', () => {
  it('allows what the tier includes and names the lowest tier that unlocks the rest', () => {
    expect(entitlement(rules, 'active', leadFeature(LEAD_FEATURES.pipeline))).toEqual({ allowed: true });
    expect(entitlement(rules, 'active', leadFeature(LEAD_FEATURES.analytics))).toMatchObject({
      allowed: false,
      unlockTier: 'performer',
      reason: 'locked',
      message: 'Unlocks at the Performer tier.',
    });
    expect(entitlement(rules, 'starter', leadFeature(LEAD_FEATURES.apiAccess))).toMatchObject({ unlockTier: 'elite' });
    expect(entitlement(rules, 'elite', leadFeature(LEAD_FEATURES.whiteLabel))).toEqual({ allowed: true });
  });

  it('reports a feature no tier offers, and an unknown tier, without throwing', () => {
    expect(entitlement(rules, 'elite', leadFeature('teleport'))).toMatchObject({ allowed: false, unlockTier: null, reason: 'not-offered' });
    expect(entitlement(rules, null, leadFeature('pipeline'))).toMatchObject({ allowed: false, unlockTier: 'active', reason: 'unknown-tier' });
    expect(entitlement([], 'active', leadFeature('pipeline'))).toMatchObject({ allowed: false, reason: 'unknown-tier' });
  });

  it('follows the rules when an admin moves a feature to another tier', () => {
    const moved = parseTierRules([
      row('starter', 0, ['lead_list']),
      row('active', 1, ['lead_list', 'pipeline', 'analytics']),
      row('performer', 2, ['lead_list', 'pipeline', 'analytics']),
    ]).rules;
    expect(entitlement(moved, 'active', leadFeature('analytics'))).toEqual({ allowed: true });
  });

  it('works for marketing categories too', () => {
    const social = { category: 'marketing_categories', id: 'social_media' } as const;
    expect(entitlement(rules, 'starter', social)).toMatchObject({ allowed: false, unlockTier: 'active' });
  });
});

describe('benefit comparison', () => {
  it('lists benefits in the order tiers introduce them, with the tiers that include each', () => {
    const rows = benefitRows(rules, 'lead_features');
    expect(rows.map((item) => item.id)).toEqual(['lead_list', 'pipeline', 'attribution', 'analytics', 'automation_rules', 'api_access', 'white_label_tracking']);
    expect(rows.find((item) => item.id === 'analytics')?.includedIn).toEqual(['performer', 'elite']);
  });

  it('names what a tier adds over the one below', () => {
    expect(newBenefits(rules, 'performer')).toEqual([
      { category: 'lead_features', id: 'analytics' },
      { category: 'lead_features', id: 'automation_rules' },
    ]);
  });

  it('labels ids readably', () => {
    expect(featureLabel('social_media')).toBe('Social media');
    expect(featureLabel('api_access')).toBe('API access');
  });
});
