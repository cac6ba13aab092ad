/**
 * The seeded marketing asset files against the real backend: every catalog asset a partner's tier
 * unlocks downloads through supabase-js storage with the bytes the catalog's sha256 names, and the
 * ones above the tier are refused by the storage policy.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAssetUnlocked, parseAssets, type AssetRowInput, type MarketingAsset } from '../../sync/domain/assets';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(async () => {
  await backend?.close();
});

async function catalogAssets(account: 'starter' | 'active'): Promise<{ assets: MarketingAsset[]; client: Awaited<ReturnType<TestBackend['signIn']>>['client'] }> {
  const { client } = await backend.signIn(account);
  const { data, error } = await client.from('catalog').select('*').eq('kind', 'asset');
  if (error) throw new Error(error.message);
  const { assets, problems } = parseAssets(data as AssetRowInput[]);
  expect(problems).toEqual([]);
  return { assets, client };
}

describe('seeded marketing files', () => {
  it('download for an eligible partner and match the catalog sha256', async () => {
    const { assets, client } = await catalogAssets('active');
    const unlocked = assets.filter((asset) => isAssetUnlocked(asset, 'active'));
    expect(unlocked.length).toBeGreaterThanOrEqual(6);
    for (const asset of unlocked) {
      const { data, error } = await client.storage.from('assets').download(asset.file!.path);
      expect(error, asset.slug).toBeNull();
      const bytes = new Uint8Array(await data!.arrayBuffer());
      expect(bytes.length, asset.slug).toBe(asset.file!.size);
      expect(createHash('sha256').update(bytes).digest('hex'), asset.slug).toBe(asset.file!.sha256);
    }
  });

  it('are refused above the partner tier', async () => {
    const { assets, client } = await catalogAssets('starter');
    const locked = assets.filter((asset) => !isAssetUnlocked(asset, 'starter'));
    expect(locked.length).toBeGreaterThan(0);
    for (const asset of locked) {
      const { data, error } = await client.storage.from('assets').download(asset.file!.path);
      expect(data, asset.slug).toBeNull();
      expect(error, asset.slug).not.toBeNull();
    }
  });
});
