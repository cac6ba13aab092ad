/**
 * Entitlements: what a tier unlocks, read only from the admin-published tier rules' benefits.
 * Every screen gates through `entitlement()`, so changing a rule changes every screen.
 */
import type { Tier } from '../schema/fields';
import { ruleFor, tierLabel, type TierRule } from './tiers';

export const FEATURE_CATEGORIES = ['marketing_categories', 'training_courses', 'support_channels', 'lead_features'] as const;
export type FeatureCategory = (typeof FEATURE_CATEGORIES)[number];

export const FEATURE_CATEGORY_LABELS: Record<FeatureCategory, string> = {
  marketing_categories: 'Marketing materials',
  training_courses: 'Training courses',
  support_channels: 'Support',
  lead_features: 'Lead tools',
};

/** The lead-feature ids screens gate on, as the tier rules name them. */
export const LEAD_FEATURES = {
  leadList: 'lead_list',
  referralLinks: 'simple_referral_links',
  pipeline: 'pipeline',
  attribution: 'attribution',
  analytics: 'analytics',
  automation: 'automation_rules',
  apiAccess: 'api_access',
  whiteLabel: 'white_label_tracking',
} as const;

export interface FeatureRef {
  category: FeatureCategory;
  id: string;
}

export const leadFeature = (id: string): FeatureRef => ({ category: 'lead_features', id });
export const marketingCategory = (id: string): FeatureRef => ({ category: 'marketing_categories', id });

export type Entitlement =
  | { allowed: true }
  | {
      allowed: false;
      /** The lowest tier whose benefits include the feature; null when no tier offers it. */
      unlockTier: Tier | null;
      reason: 'locked' | 'not-offered' | 'unknown-tier';
      /** A sentence for the screen, e.g. "Unlocks at the Performer tier." */
      message: string;
    };

export function ruleIncludes(rule: TierRule, feature: FeatureRef): boolean {
  return rule.benefits[feature.category].includes(feature.id);
}

/** The lowest-ranked rule that includes the feature. */
export function unlockingRule(rules: readonly TierRule[], feature: FeatureRef): TierRule | null {
  return [...rules].sort((a, b) => a.rank - b.rank).find((rule) => ruleIncludes(rule, feature)) ?? null;
}

export function entitlement(rules: readonly TierRule[], tier: Tier | null | undefined, feature: FeatureRef): Entitlement {
  const unlock = unlockingRule(rules, feature);
  const current = ruleFor(rules, tier);
  if (!current) {
    return {
      allowed: false,
      unlockTier: unlock?.tier ?? null,
      reason: 'unknown-tier',
      message: 'Your tier has not reached this device yet, so this stays locked until the next sync.',
    };
  }
  if (ruleIncludes(current, feature)) return { allowed: true };
  if (!unlock) {
    return { allowed: false, unlockTier: null, reason: 'not-offered', message: 'No tier includes this at the moment.' };
  }
  return {
    allowed: false,
    unlockTier: unlock.tier,
    reason: 'locked',
    message: `Unlocks at the ${tierLabel(unlock.tier)} tier.`,
  };
}

export interface BenefitRow {
  id: string;
  label: string;
  /** Tiers (in rank order) whose rule includes it. */
  includedIn: Tier[];
}

/** Every benefit of a category across the rules, in the order tiers introduce them. */
export function benefitRows(rules: readonly TierRule[], category: FeatureCategory): BenefitRow[] {
  const ordered = [...rules].sort((a, b) => a.rank - b.rank);
  const rows = new Map<string, BenefitRow>();
  for (const rule of ordered) {
    for (const id of rule.benefits[category]) {
      const row = rows.get(id) ?? { id, label: featureLabel(id), includedIn: [] };
      row.includedIn.push(rule.tier);
      rows.set(id, row);
    }
  }
  return [...rows.values()];
}

/** What `tier` adds over the tier ranked just below it. */
export function newBenefits(rules: readonly TierRule[], tier: Tier): FeatureRef[] {
  const ordered = [...rules].sort((a, b) => a.rank - b.rank);
  const index = ordered.findIndex((rule) => rule.tier === tier);
  const rule = ordered[index];
  if (!rule) return [];
  const below = index > 0 ? ordered[index - 1] : undefined;
  return FEATURE_CATEGORIES.flatMap((category) =>
    rule.benefits[category]
      .filter((id) => !below || !below.benefits[category].includes(id))
      .map((id) => ({ category, id })),
  );
}

const FEATURE_LABELS: Record<string, string> = {
  api_access: 'API access',
  custom_api: 'Custom API',
  co_branded: 'Co-branded materials',
  white_label: 'White-label materials',
  white_label_tracking: 'White-label tracking',
  coaching_1on1: '1-on-1 coaching',
  one_on_one: '1-on-1 support',
  simple_referral_links: 'Referral links',
  automation_rules: 'Automation rules',
  monthly_group_calls: 'Monthly group calls',
  weekly_calls: 'Weekly calls',
};

/** A readable name for a benefit id ("social_media" → "Social media"); courses are named by the caller. */
export function featureLabel(id: string): string {
  const known = FEATURE_LABELS[id];
  if (known) return known;
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
