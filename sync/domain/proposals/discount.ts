/**
 * Discount approval rules: a partner's tier allows a discount up to a limit; beyond it a proposal
 * version waits for SISO's approval before it can be signed. Mirrors the server's
 * activities_proposal_guard so the app can show the status before the row has synced.
 */
import { PROPOSAL_APPROVAL_STATUSES } from '../../schema/activities.schema';
import type { Tier } from '../../schema/fields';
import { ruleFor, type TierRule } from '../tiers';

export const APPROVAL_STATUSES = PROPOSAL_APPROVAL_STATUSES;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const PENDING_WATERMARK = 'Draft — pending approval';

/** The largest discount (percent) the tier allows without approval; 0 without a tier or rule. */
export function discountLimit(rules: readonly TierRule[], tier: Tier | null): number {
  return ruleFor(rules, tier)?.benefits.max_discount_percent ?? 0;
}

/**
 * What the server will decide for a new version: within the limit needs no approval; an earlier
 * approved version of the same proposal with at least this discount covers it; otherwise pending.
 */
export function expectedApproval(discountPercent: number, limit: number, approvedDiscounts: readonly number[]): 'not_needed' | 'pending' | 'approved' {
  if (discountPercent <= limit) return 'not_needed';
  if (approvedDiscounts.some((approved) => approved >= discountPercent)) return 'approved';
  return 'pending';
}

/** Whether a version may be signed; versions saved before approvals existed (null) may. */
export function canSign(status: ApprovalStatus | null): boolean {
  return status === null || status === 'not_needed' || status === 'approved';
}
