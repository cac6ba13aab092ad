import { describe, expect, it } from 'vitest';
import { ASSET_MAX_BYTES, assetStoragePath, checkAssetFile, extensionOf, formatFileSize, safeFileName } from '../../sync/domain/admin/asset-files';
import { computeAssetUsage } from '../../sync/domain/admin/asset-usage';
import { assetBody, assetFormSchema, catalogSlug, fieldErrors, parseJsonText, parseTagList } from '../../sync/domain/admin/catalog-forms';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const MP4 = new Uint8Array([0, 0, 0, 0x20, ...text('ftypisom'), 0, 0, 2, 0]);

describe('checkAssetFile', () => {
  it('accepts allowed types whose contents match their extension', () => {
    expect(checkAssetFile({ name: 'Brochure.PDF', size: 1000, head: text('%PDF-1.7\n') })).toMatchObject({ ok: true, mimeType: 'application/pdf', preview: 'pdf' });
    expect(checkAssetFile({ name: 'logo.png', size: 1000, head: PNG })).toMatchObject({ ok: true, mimeType: 'image/png', preview: 'image' });
    expect(checkAssetFile({ name: 'photo.jpeg', size: 1000, head: bytes(0xff, 0xd8, 0xff, 0xe0) })).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    expect(checkAssetFile({ name: 'demo.mp4', size: 1000, head: MP4 })).toMatchObject({ ok: true, mimeType: 'video/mp4', preview: 'video' });
    expect(checkAssetFile({ name: 'deck.pptx', size: 1000, head: bytes(0x50, 0x4b, 0x03, 0x04) })).toMatchObject({ ok: true, preview: 'none' });
    expect(checkAssetFile({ name: 'logo.svg', size: 100, head: text('<?xml version="1.0"?>\n<svg xmlns="…">') })).toMatchObject({ ok: true, mimeType: 'image/svg+xml' });
    expect(checkAssetFile({ name: 'email.html', size: 100, head: text('<!DOCTYPE html><html>') })).toMatchObject({ ok: true, mimeType: 'text/html' });
    expect(checkAssetFile({ name: 'notes.txt', size: 100, head: text('Plain words, ünïcödé too.\n') })).toMatchObject({ ok: true, mimeType: 'text/plain' });
  });

  it('refuses files over 50 MB with their size and the limit', () => {
    const result = checkAssetFile({ name: 'video.mp4', size: ASSET_MAX_BYTES + 1, head: MP4 });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^“video\.mp4” is 50\.0 MB; asset files can be at most 50\.0 MB\. Compress it/) });
    expect(checkAssetFile({ name: 'ok.mp4', size: ASSET_MAX_BYTES, head: MP4 }).ok).toBe(true);
  });

  it('refuses types partners are not offered, naming what is', () => {
    const result = checkAssetFile({ name: 'setup.exe', size: 10, head: bytes(0x4d, 0x5a) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^“setup\.exe” can’t be published: \.exe files are not offered to partners\. Upload one of: PDF, images/);
    expect(checkAssetFile({ name: 'README', size: 10, head: text('hello') })).toMatchObject({ ok: false, message: expect.stringContaining('files without an extension') });
  });

  it('refuses files whose contents do not match their extension, and empty files', () => {
    expect(checkAssetFile({ name: 'brochure.pdf', size: 10, head: bytes(0x4d, 0x5a, 0x90, 0) })).toMatchObject({
      ok: false,
      message: '“brochure.pdf” ends in .pdf but its contents are not a PDF file, so partners could not open it. Export it again as PDF, or rename it to its real type.',
    });
    expect(checkAssetFile({ name: 'logo.png', size: 10, head: bytes(0xff, 0xd8, 0xff) }).ok).toBe(false);
    expect(checkAssetFile({ name: 'notes.txt', size: 4, head: bytes(0, 1, 2, 3) }).ok).toBe(false);
    expect(checkAssetFile({ name: 'empty.pdf', size: 0, head: bytes() })).toMatchObject({ ok: false, message: expect.stringContaining('is empty') });
  });
});

describe('file names and paths', () => {
  it('formats sizes and extensions', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(2048)).toBe('2 KB');
    expect(formatFileSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(extensionOf('a.b.TAR')).toBe('tar');
    expect(extensionOf('.hidden')).toBe('');
  });

  it('makes file names and storage paths safe and content-addressed', () => {
    expect(safeFileName('Łódź Brochure (final).PDF')).toBe('lodz-brochure-final.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\Kit.zip')).toBe('kit.zip');
    const path = assetStoragePath({ category: 'social_media', assetId: 'a1b2', sha256: 'f'.repeat(64), fileName: 'Kit v2.zip' });
    expect(path).toBe(`social_media/a1b2/${'f'.repeat(16)}-kit-v2.zip`);
    expect(path.split('/').every((segment) => segment && segment !== '..')).toBe(true);
  });
});

describe('asset form', () => {
  const valid = { title: '  Launch kit ', description: 'Posts for launch week.', category: 'social_media', tier_required: 'active', tags: 'LinkedIn, launch, linkedin', customize_template: '' };

  it('trims, parses tags and turns an empty template into null', () => {
    const parsed = assetFormSchema.parse(valid);
    expect(parsed).toEqual({ title: 'Launch kit', description: 'Posts for launch week.', category: 'social_media', tier_required: 'active', tags: ['linkedin', 'launch'], customize_template: null });
    expect(assetBody(parsed, null)).toEqual({ description: 'Posts for launch week.', thumbnail: null, customize_template: null });
  });

  it('says what is missing, per field', () => {
    const result = assetFormSchema.safeParse({ ...valid, title: ' ', description: '', category: '', tier_required: 'gold', tags: 'ok, bad tag!' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrors(result.error);
    expect(errors.title).toBe('Give the asset a title partners will recognise.');
    expect(errors.description).toMatch(/^Describe the asset/);
    expect(errors.category).toBe('Choose the category the asset is listed under.');
    expect(errors.tier_required).toBe('Choose the lowest tier that may download the asset.');
    expect(errors.tags).toBe('Tags may use letters, digits, hyphens and underscores.');
  });

  it('refuses a thumbnail that is not an image data URL', () => {
    const parsed = assetFormSchema.parse(valid);
    expect(() => assetBody(parsed, 'data:text/html;base64,AAAA')).toThrow();
  });

  it('makes slugs and tag lists', () => {
    expect(catalogSlug('Zoë’s Brochure!', '3F2A9C10-aaaa')).toBe('zoe-s-brochure-3f2a9c10');
    expect(catalogSlug('!!!', 'abc')).toBe('entry-abc');
    expect(parseTagList(' a , B b,, a ')).toEqual(['a', 'b-b']);
  });

  it('reports where JSON is broken', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    const broken = parseJsonText('{\n  "a": 1,\n  oops\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/^The JSON is not valid/);
  });
});

describe('computeAssetUsage', () => {
  const assets = [
    { id: 'a', title: 'Alpha', tier_required: 'starter' as const },
    { id: 'b', title: 'Beta', tier_required: 'active' as const, _deleted: true },
    { id: 'c', title: 'Gamma', tier_required: 'elite' as const },
  ];
  const tierByPartner = new Map([
    ['p1', 'starter' as const],
    ['p2', 'active' as const],
  ]);
  const download = (partner: string, asset: string) => ({ partner_id: partner, kind: 'asset_download', meta: JSON.stringify({ asset_id: asset }) });

  it('ranks assets by downloads and splits downloads by tier', () => {
    const report = computeAssetUsage({
      assets,
      tierByPartner,
      events: [
        download('p1', 'a'),
        download('p1', 'a'),
        download('p2', 'a'),
        download('p2', 'b'),
        download('p3', 'b'),
        { partner_id: 'p2', kind: 'asset_customised', meta: JSON.stringify({ asset_id: 'c' }) },
        { partner_id: 'p2', kind: 'asset_download', meta: 'not json' },
        { partner_id: 'p2', kind: 'asset_download', meta: JSON.stringify({ asset_id: 'zzz' }) },
        { partner_id: 'p2', kind: 'note', meta: null },
      ],
    });
    expect(report.assets).toEqual([
      { assetId: 'a', title: 'Alpha', tierRequired: 'starter', retired: false, downloads: 3, customisations: 0, partners: 2 },
      { assetId: 'b', title: 'Beta', tierRequired: 'active', retired: true, downloads: 2, customisations: 0, partners: 2 },
      { assetId: 'c', title: 'Gamma', tierRequired: 'elite', retired: false, downloads: 0, customisations: 1, partners: 0 },
    ]);
    expect(report.downloadsByTier).toEqual([
      { tier: 'starter', downloads: 2, partners: 1 },
      { tier: 'active', downloads: 2, partners: 1 },
      { tier: 'performer', downloads: 0, partners: 0 },
      { tier: 'elite', downloads: 0, partners: 0 },
      { tier: 'unknown', downloads: 1, partners: 1 },
    ]);
    expect(report.totalDownloads).toBe(5);
    expect(report.unknownAsset).toBe(2);
  });

  it('is empty without events', () => {
    const report = computeAssetUsage({ assets, tierByPartner, events: [] });
    expect(report.assets).toEqual([]);
    expect(report.downloadsByTier.map((row) => row.tier)).toEqual(['starter', 'active', 'performer', 'elite']);
  });
});
