/** What this partner's tier allows: proposals at all ('proposals'), per template category, white-label. */
import { useMemo } from 'react';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { entitlement, type Entitlement } from '../../../sync/domain/entitlements';
import { parseTierRules } from '../../../sync/domain/tiers';

export interface ProposalAccess {
  proposals: Entitlement;
  whiteLabel: Entitlement;
  /** The entitlement for a template's marketing category. */
  forCategory(category: string): Entitlement;
}

const marketing = (id: string) => ({ category: 'marketing_categories' as const, id });

/** Null until the tier rules and the partner's status have been read. */
export function useProposalAccess(): ProposalAccess | null {
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const loading = status.loading || ruleRows.loading;
  return useMemo(() => {
    if (loading) return null;
    const rules = parseTierRules(ruleRows.data).rules;
    const tier = status.data?.tier ?? null;
    return {
      proposals: entitlement(rules, tier, marketing('proposals')),
      whiteLabel: entitlement(rules, tier, marketing('white_label')),
      forCategory: (category: string) => entitlement(rules, tier, marketing(category)),
    };
  }, [loading, ruleRows.data, status.data]);
}
