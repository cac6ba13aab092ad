/** The usage events the marketing center records as partner activities (no lead): downloads and customisations. */
import { activitySchema, type ActivityDoc } from '../../schema/activities.schema';
import type { MarketingAsset } from './asset-catalog';

export type AssetUsageKind = 'asset_download' | 'asset_customised';

export interface AssetUsageInput {
  kind: AssetUsageKind;
  asset: Pick<MarketingAsset, 'id' | 'title' | 'version' | 'file' | 'customizeTemplate'>;
}

export function buildAssetUsageActivity(input: AssetUsageInput, context: { id: string; partnerId: string; now: Date }): ActivityDoc {
  const now = context.now.toISOString();
  const { asset } = input;
  const meta =
    input.kind === 'asset_download'
      ? { asset_id: asset.id, version: asset.version, file: asset.file?.path ?? null, sha256: asset.file?.sha256 ?? null }
      : { asset_id: asset.id, version: asset.version, template: asset.customizeTemplate };
  return activitySchema.parse({
    id: context.id,
    partner_id: context.partnerId,
    created_at: now,
    updated_at: now,
    lead_id: null,
    kind: input.kind,
    body: input.kind === 'asset_download' ? `Downloaded ${asset.title}` : `Customised ${asset.title}`,
    occurred_at: now,
    meta: JSON.stringify(meta),
  });
}

export interface AssetUsageCounts {
  downloads: number;
  customisations: number;
}

/** Per asset id, how often this partner downloaded or customised it (from their usage activities). */
export function countAssetUsage(activities: readonly { kind: string; meta?: string | null }[]): Map<string, AssetUsageCounts> {
  const counts = new Map<string, AssetUsageCounts>();
  for (const activity of activities) {
    if (activity.kind !== 'asset_download' && activity.kind !== 'asset_customised') continue;
    let assetId: unknown;
    try {
      assetId = (JSON.parse(activity.meta ?? 'null') as { asset_id?: unknown } | null)?.asset_id;
    } catch {
      continue;
    }
    if (typeof assetId !== 'string') continue;
    const entry = counts.get(assetId) ?? { downloads: 0, customisations: 0 };
    if (activity.kind === 'asset_download') entry.downloads += 1;
    else entry.customisations += 1;
    counts.set(assetId, entry);
  }
  return counts;
}
