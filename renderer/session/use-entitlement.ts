/**
 * The one gate screens use: what this partner's tier allows, from the synced tier rules and the
 * partner's status. Null while either is still being read, so a screen never flashes a lock.
 */
import { useMemo } from 'react';
import { useCatalog, usePartnerStatus } from '../data/workstation-hooks';
import { entitlement, type Entitlement, type FeatureRef } from '../../sync/domain/entitlements';
import type { Tier } from '../../sync/schema/fields';
import { parseTierRules, type TierRule } from '../../sync/domain/tiers';

export interface TierAccess {
  rules: readonly TierRule[];
  tier: Tier | null;
  /** The entitlement for any feature, for screens that gate several (per category, per card). */
  check(feature: FeatureRef): Entitlement;
}

/** The tier rules and tier, with a checker for any feature; null until both are read. */
export function useTierAccess(): TierAccess | null {
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const loading = status.loading || ruleRows.loading;
  return useMemo(() => {
    if (loading) return null;
    const rules = parseTierRules(ruleRows.data).rules;
    const tier = status.data?.tier ?? null;
    return { rules, tier, check: (feature: FeatureRef) => entitlement(rules, tier, feature) };
  }, [loading, ruleRows.data, status.data]);
}

/** Whether this partner's tier unlocks one feature; null until the rules and status are read. */
export function useEntitlement(feature: FeatureRef): Entitlement | null {
  const access = useTierAccess();
  const { category, id } = feature;
  return useMemo(() => (access ? access.check({ category, id }) : null), [access, category, id]);
}
