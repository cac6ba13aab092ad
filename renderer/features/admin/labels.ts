/** Names shown for catalog values in the admin area. */
import type { ASSET_CATEGORIES } from '../../../sync/schema/catalog-bodies';
import type { Tier } from '../../../sync/schema/fields';

export const TIER_LABELS: Record<Tier, string> = { starter: 'Starter', active: 'Active', performer: 'Performer', elite: 'Elite' };

export const CATEGORY_LABELS: Record<(typeof ASSET_CATEGORIES)[number], string> = {
  brochures: 'Brochures',
  email_templates: 'Email templates',
  social_media: 'Social media',
  video: 'Video',
  proposals: 'Proposals',
  brand_assets: 'Brand assets',
};

export function categoryLabel(category: string | null | undefined): string {
  if (!category) return 'Other';
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
