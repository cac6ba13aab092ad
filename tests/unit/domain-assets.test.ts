import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  cacheKeyFor,
  cacheTotals,
  formatBytes,
  formatLabel,
  groupAssetsByCategory,
  isAssetUnlocked,
  isRecentlyUpdated,
  judgeCacheEntry,
  parseAssets,
  planCacheMaintenance,
  previewKind,
  sameSha256,
  searchAssets,
  verifyDigest,
  type AssetRowInput,
  type CacheEntry,
  type MarketingAsset,
} from '../../sync/domain/assets';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function row(overrides: Partial<AssetRowInput> & { id: string }): AssetRowInput {
  return {
    kind: 'asset',
    title: `Asset ${overrides.id}`,
    slug: overrides.id,
    body: { description: 'A file' },
    tier_required: 'starter',
    category: 'brochures',
    tags: [],
    file_path: `brochures/${overrides.id}.pdf`,
    file_sha256: SHA_A,
    file_size: 2048,
    mime_type: 'application/pdf',
    version: 1,
    published: true,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function asset(overrides: Partial<AssetRowInput> & { id: string }): MarketingAsset {
  const parsed = parseAssets([row(overrides)]).assets[0];
  if (!parsed) throw new Error('fixture did not parse');
  return parsed;
}

describe('parseAssets', () => {
  it('reads published asset rows, skips other kinds and unpublished rows, reports bad bodies', () => {
    const { assets, problems } = parseAssets([
      row({ id: 'one', body: { description: 'Brochure', customize_template: 'co-branded-brochure' } }),
      row({ id: 'draft', published: false }),
      { ...row({ id: 'tpl' }), kind: 'template' },
      row({ id: 'bad', body: { thumbnail: 'https://example.com/x.png' } }),
      row({ id: 'upper', file_sha256: SHA_B.toUpperCase() }),
      row({ id: 'nofile', file_path: null }),
    ]);
    expect(assets.map((a) => a.id)).toEqual(['one', 'upper', 'nofile']);
    expect(assets[0]?.customizeTemplate).toBe('co-branded-brochure');
    expect(assets[1]?.file?.sha256).toBe(SHA_B);
    expect(assets[2]?.file).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.id).toBe('bad');
    expect(problems[0]?.message).toMatch(/thumbnail/i);
  });

  it('groups by category in sidebar order, with unknown categories under Other', () => {
    const groups = groupAssetsByCategory([
      asset({ id: 'a', category: 'social_media' }),
      asset({ id: 'b', category: 'brochures' }),
      asset({ id: 'c', category: 'webinar_slides' }),
    ]);
    expect(groups.map((g) => g.key)).toEqual(['brochures', 'email_templates', 'social_media', 'video', 'proposals', 'brand_assets', 'other']);
    expect(groups.find((g) => g.key === 'other')?.assets.map((a) => a.id)).toEqual(['c']);
    expect(groups.find((g) => g.key === 'video')?.assets).toEqual([]);
    expect(groupAssetsByCategory([asset({ id: 'a' })]).some((g) => g.key === 'other')).toBe(false);
  });
});

describe('tier locks', () => {
  it('unlocks at or above the required tier and locks when the tier is unknown', () => {
    const performer = asset({ id: 'v', tier_required: 'performer' });
    expect(isAssetUnlocked(performer, 'active')).toBe(false);
    expect(isAssetUnlocked(performer, 'performer')).toBe(true);
    expect(isAssetUnlocked(performer, 'elite')).toBe(true);
    expect(isAssetUnlocked(performer, null)).toBe(false);
    expect(isAssetUnlocked(asset({ id: 's' }), 'starter')).toBe(true);
  });
});

describe('labels', () => {
  it('names formats from MIME types', () => {
    expect(formatLabel('application/pdf')).toBe('PDF');
    expect(formatLabel('image/svg+xml')).toBe('SVG');
    expect(formatLabel('text/html; charset=utf-8')).toBe('HTML');
    expect(formatLabel('application/x-foo')).toBe('FOO');
    expect(formatLabel(null)).toBe('File');
    expect(formatLabel('application/vnd.openxmlformats-officedocument.presentationml.presentation')).toBe('PowerPoint');
  });

  it('picks a preview kind', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/svg+xml')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('video/mp4')).toBe('video');
    expect(previewKind('text/csv')).toBe('text');
    expect(previewKind('application/zip')).toBe('none');
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(842_311)).toBe('823 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(null)).toBe('Size unknown');
  });

  it('searches titles, descriptions and tags, every word', () => {
    const list = [asset({ id: 'a', title: 'Pricing brochure' }), asset({ id: 'b', title: 'Logo pack', tags: ['brand_assets'] })];
    expect(searchAssets(list, 'pricing').map((a) => a.id)).toEqual(['a']);
    expect(searchAssets(list, 'BRAND assets').map((a) => a.id)).toEqual(['b']);
    expect(searchAssets(list, 'logo pricing')).toEqual([]);
    expect(searchAssets(list, '  ')).toHaveLength(2);
  });
});

describe('updated badge', () => {
  const now = new Date('2026-03-20T00:00:00Z');
  it('shows within the window when never seen, and after a version change once seen', () => {
    const recent = asset({ id: 'r', version: 2, updated_at: '2026-03-15T00:00:00Z' });
    const old = asset({ id: 'o', version: 3, updated_at: '2026-01-01T00:00:00Z' });
    expect(isRecentlyUpdated(recent, { now })).toBe(true);
    expect(isRecentlyUpdated(old, { now })).toBe(false);
    expect(isRecentlyUpdated(old, { now, seenVersions: { o: 2 } })).toBe(true);
    expect(isRecentlyUpdated(recent, { now, seenVersions: { r: 2 } })).toBe(false);
    expect(isRecentlyUpdated(recent, { now, windowDays: 2 })).toBe(false);
  });
});

describe('cache verification', () => {
  const entry = (over: Partial<CacheEntry> = {}): CacheEntry => ({
    assetId: 'a', sha256: SHA_A, version: 1, size: 100, storedAt: '2026-01-01T00:00:00Z', ...over,
  });

  it('compares sha256 digests case-insensitively and rejects malformed ones', () => {
    expect(sameSha256(SHA_A, SHA_A.toUpperCase())).toBe(true);
    expect(sameSha256(SHA_A, SHA_B)).toBe(false);
    expect(sameSha256('abc', 'abc')).toBe(false);
    expect(sameSha256(null, SHA_A)).toBe(false);
    expect(bytesToHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
    expect(verifyDigest(SHA_A, SHA_A)).toEqual({ ok: true });
    expect(verifyDigest(SHA_A, SHA_B)).toEqual({ ok: false, reason: 'damaged', actual: SHA_B });
    expect(verifyDigest(null, SHA_B)).toEqual({ ok: false, reason: 'no-checksum', actual: SHA_B });
  });

  it('judges an entry fresh, stale, retired or unverifiable', () => {
    const current = asset({ id: 'a' });
    expect(judgeCacheEntry(entry(), current)).toEqual({ status: 'fresh' });
    expect(judgeCacheEntry(entry(), asset({ id: 'a', version: 2, file_sha256: SHA_B }))).toEqual({ status: 'stale', reason: 'new-version' });
    expect(judgeCacheEntry(entry(), asset({ id: 'a', file_sha256: SHA_B }))).toEqual({ status: 'stale', reason: 'new-file' });
    expect(judgeCacheEntry(entry(), undefined)).toEqual({ status: 'retired' });
    expect(judgeCacheEntry(entry(), asset({ id: 'a', file_path: null }))).toEqual({ status: 'retired' });
    expect(judgeCacheEntry(entry(), asset({ id: 'a', file_sha256: null }))).toEqual({ status: 'unverifiable' });
  });

  it('totals sizes, pinned separately', () => {
    const totals = cacheTotals([entry(), entry({ assetId: 'b', size: 50 })], new Set(['b']));
    expect(totals).toEqual({ files: 2, bytes: 150, pinnedFiles: 1, pinnedBytes: 50 });
  });

  it('plans removal of retired, replaced and no-longer-unlocked copies and fetches missing pinned files', () => {
    const assets = [
      asset({ id: 'fresh' }),
      asset({ id: 'updated', version: 2, file_sha256: SHA_B }),
      asset({ id: 'locked', tier_required: 'elite' }),
      asset({ id: 'pinned-missing' }),
      asset({ id: 'pinned-no-sha', file_sha256: null }),
    ];
    const entries = [
      entry({ assetId: 'fresh' }),
      entry({ assetId: 'updated' }),
      entry({ assetId: 'retired' }),
      entry({ assetId: 'locked' }),
    ];
    const plan = planCacheMaintenance(entries, assets, new Set(['fresh', 'updated', 'pinned-missing', 'pinned-no-sha', 'locked']), (a) =>
      isAssetUnlocked(a, 'active'),
    );
    expect(plan.remove.map((e) => e.assetId).sort()).toEqual(['locked', 'retired', 'updated']);
    expect(plan.fetch.sort()).toEqual(['pinned-missing', 'updated']);
  });

  it('derives cache keys only from the id and digest', () => {
    expect(cacheKeyFor('../../etc/passwd', SHA_A.toUpperCase())).toBe(`______etc_passwd.${SHA_A}`);
  });
});

describe('usage events', () => {
  it('builds valid activity rows without a lead for downloads and customisations', async () => {
    const { buildAssetUsageActivity } = await import('../../sync/domain/assets');
    const brochure = asset({ id: 'b', body: { description: '', customize_template: 'co-branded-brochure' } });
    const context = { id: 'act-1', partnerId: '00000000-0000-4000-8000-00000000de40', now: new Date('2026-03-01T10:00:00Z') };
    const download = buildAssetUsageActivity({ kind: 'asset_download', asset: brochure }, context);
    expect(download).toMatchObject({ kind: 'asset_download', lead_id: null, body: 'Downloaded Asset b', occurred_at: '2026-03-01T10:00:00.000Z' });
    expect(JSON.parse(download.meta!)).toEqual({ asset_id: 'b', version: 1, file: 'brochures/b.pdf', sha256: SHA_A });
    const customised = buildAssetUsageActivity({ kind: 'asset_customised', asset: brochure }, context);
    expect(JSON.parse(customised.meta!)).toEqual({ asset_id: 'b', version: 1, template: 'co-branded-brochure' });
  });

  it('counts downloads and customisations per asset, ignoring other and malformed activities', async () => {
    const { countAssetUsage } = await import('../../sync/domain/assets');
    const counts = countAssetUsage([
      { kind: 'asset_download', meta: '{"asset_id":"a"}' },
      { kind: 'asset_download', meta: '{"asset_id":"a"}' },
      { kind: 'asset_customised', meta: '{"asset_id":"a","template":"t"}' },
      { kind: 'asset_download', meta: 'not json' },
      { kind: 'call', meta: '{"asset_id":"a"}' },
      { kind: 'asset_download', meta: null },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ a: { downloads: 2, customisations: 1 } });
  });
});
