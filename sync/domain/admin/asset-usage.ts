/**
 * Asset usage for the admin area, from partners' usage events (activities of kind asset_download
 * and asset_customised, whose meta JSON names the asset): the most downloaded assets, and
 * downloads by the partner's tier at the time the report is made.
 *
 * Definitions: a download is one asset_download event; "partners" counts distinct partners who
 * downloaded; an event whose meta does not name an asset, or names one not in the catalog, is
 * counted under `unknownAsset` so nothing disappears silently; a partner with no status row is
 * counted under tier "unknown".
 */
import { z } from 'zod';
import { TIERS, type Tier } from '../../schema/fields';

export interface UsageEventInput {
  partner_id: string;
  kind: string;
  meta?: string | null | undefined;
}

export interface UsageAssetInput {
  id: string;
  title: string;
  tier_required: Tier;
  _deleted?: boolean;
}

export interface AssetUsageRow {
  assetId: string;
  title: string;
  tierRequired: Tier;
  retired: boolean;
  downloads: number;
  customisations: number;
  partners: number;
}

export interface AssetUsageReport {
  /** Assets with any use, most downloaded first (ties: more customisations, then title). */
  assets: AssetUsageRow[];
  /** Downloads by the downloading partner's tier, in tier order, then "unknown" if any. */
  downloadsByTier: { tier: Tier | 'unknown'; downloads: number; partners: number }[];
  totalDownloads: number;
  /** Events that could not be tied to a catalog asset. */
  unknownAsset: number;
}

const usageMeta = z.object({ asset_id: z.string().min(1) }).loose();

function assetIdOf(meta: string | null | undefined): string | null {
  if (!meta) return null;
  try {
    const parsed = usageMeta.safeParse(JSON.parse(meta));
    return parsed.success ? parsed.data.asset_id : null;
  } catch {
    return null;
  }
}

export function computeAssetUsage(input: {
  events: readonly UsageEventInput[];
  assets: readonly UsageAssetInput[];
  tierByPartner: ReadonlyMap<string, Tier>;
}): AssetUsageReport {
  const assets = new Map(input.assets.map((asset) => [asset.id, asset]));
  const rows = new Map<string, AssetUsageRow & { partnerIds: Set<string> }>();
  const byTier = new Map<Tier | 'unknown', { downloads: number; partnerIds: Set<string> }>();
  let totalDownloads = 0;
  let unknownAsset = 0;

  for (const event of input.events) {
    if (event.kind !== 'asset_download' && event.kind !== 'asset_customised') continue;
    const assetId = assetIdOf(event.meta);
    const asset = assetId ? assets.get(assetId) : undefined;
    if (!asset) {
      unknownAsset += 1;
      continue;
    }
    let row = rows.get(asset.id);
    if (!row) {
      row = {
        assetId: asset.id,
        title: asset.title,
        tierRequired: asset.tier_required,
        retired: asset._deleted === true,
        downloads: 0,
        customisations: 0,
        partners: 0,
        partnerIds: new Set(),
      };
      rows.set(asset.id, row);
    }
    if (event.kind === 'asset_customised') {
      row.customisations += 1;
      continue;
    }
    row.downloads += 1;
    row.partnerIds.add(event.partner_id);
    totalDownloads += 1;
    const tier = input.tierByPartner.get(event.partner_id) ?? 'unknown';
    const bucket = byTier.get(tier) ?? { downloads: 0, partnerIds: new Set<string>() };
    bucket.downloads += 1;
    bucket.partnerIds.add(event.partner_id);
    byTier.set(tier, bucket);
  }

  const assetRows = [...rows.values()]
    .map(({ partnerIds, ...row }) => ({ ...row, partners: partnerIds.size }))
    .sort((a, b) => b.downloads - a.downloads || b.customisations - a.customisations || a.title.localeCompare(b.title));
  const tiers: (Tier | 'unknown')[] = [...TIERS, 'unknown'];
  const downloadsByTier = tiers
    .filter((tier) => tier !== 'unknown' || byTier.has('unknown'))
    .map((tier) => ({ tier, downloads: byTier.get(tier)?.downloads ?? 0, partners: byTier.get(tier)?.partnerIds.size ?? 0 }));
  return { assets: assetRows, downloadsByTier, totalDownloads, unknownAsset };
}
