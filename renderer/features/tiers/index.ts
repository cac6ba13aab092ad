/** The tiers feature's public surface for other features (the dashboard); everything else is internal. */
export { useTierData, type TierData } from './use-tier-data';
export { TierProgressSummary } from './TierProgressSummary';
export { TierBadge } from './TierBadge';
export { requirementAction, type RequirementAction } from './requirement-actions';
export { TierProgressPage } from './TierProgressPage';
