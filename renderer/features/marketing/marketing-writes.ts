/** Every write the marketing center makes: an asset usage entry (download, customise) on the partner's timeline. */
import { buildAssetUsageActivity, type MarketingAsset } from '../../../sync/domain/assets';
import type { WorkstationDatabase } from '../../../sync/schema/database';

export async function recordAssetUsage(db: WorkstationDatabase, partnerId: string, kind: 'asset_download' | 'asset_customised', asset: MarketingAsset): Promise<void> {
  await db.activities.insert(buildAssetUsageActivity({ kind, asset }, { id: crypto.randomUUID(), partnerId, now: new Date() }));
}
