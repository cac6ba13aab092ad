/** Names shown in the admin area for catalog values and partners: the same words partners see. */
import { ASSET_GROUP_LABELS } from '../../../../sync/domain/assets';
import { tierLabel } from '../../../../sync/domain/tiers';
import { TIERS, type Tier } from '../../../../sync/schema/fields';

export const TIER_LABELS = Object.fromEntries(TIERS.map((tier) => [tier, tierLabel(tier)])) as Record<Tier, string>;

export function categoryLabel(category: string | null | undefined): string {
  if (!category) return ASSET_GROUP_LABELS.other;
  return (ASSET_GROUP_LABELS as Record<string, string>)[category] ?? category.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The author as the server named them, or a short id when the row predates author names. */
export function partnerName(row: { author_name?: string | null; partner_id: string }): string {
  return row.author_name?.trim() || `Partner ${row.partner_id.slice(0, 8)}`;
}
