/** Whether this partner's tier may use the pipeline board; null until the tier rules and status are read. */
import { useMemo } from 'react';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import type { Entitlement } from '../../../sync/domain/entitlements';
import { pipelineAccess } from '../../../sync/domain/pipeline';
import { parseTierRules } from '../../../sync/domain/tiers';

export function usePipelineAccess(): Entitlement | null {
  const status = usePartnerStatus();
  const ruleRows = useCatalog('tier_rule');
  const loading = status.loading || ruleRows.loading;
  return useMemo(
    () => (loading ? null : pipelineAccess(parseTierRules(ruleRows.data).rules, status.data?.tier ?? null)),
    [loading, ruleRows.data, status.data],
  );
}
