import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildSeedData } from '../../sync/server/db/seed';
import { parseAssets, type AssetRowInput } from '../../sync/domain/assets';
import { brandGuidelineBodySchema } from '../../sync/schema/catalog-bodies';
import { TIERS } from '../../sync/schema/fields';

const NOW = new Date('2026-11-25T12:00:00Z');

async function seededCatalog() {
  const data = await buildSeedData(NOW);
  const rows = data.tables.find(([table]) => table === 'catalog')?.[1] ?? [];
  const catalog = rows.map((row) => ({ ...row, body: JSON.parse(String(row.body)) as unknown })) as unknown as (AssetRowInput & { kind: string })[];
  return { data, catalog };
}

describe('seeded marketing assets', () => {
  it('are read by the marketing center without problems, one tier or more each, with real files', async () => {
    const { data, catalog } = await seededCatalog();
    const { assets, problems } = parseAssets(catalog);
    expect(problems).toEqual([]);
    expect(assets.length).toBeGreaterThanOrEqual(10);
    for (const tier of TIERS) expect(assets.some((asset) => asset.tierRequired === tier)).toBe(true);
    const objects = new Map(data.objects.map((object) => [object.name, object]));
    for (const asset of assets) {
      expect(asset.file, asset.slug).not.toBeNull();
      const object = objects.get(asset.file!.path);
      expect(object, asset.file!.path).toBeDefined();
      expect(asset.file!.sha256).toBe(createHash('sha256').update(object!.bytes).digest('hex'));
      expect(asset.file!.size).toBe(object!.bytes.length);
      expect(asset.file!.mimeType).toBe(object!.mimeType);
    }
  });

  it('generates genuine files of their stated type, the same bytes every run', async () => {
    const first = await buildSeedData(NOW);
    const second = await buildSeedData(new Date('2027-01-01T00:00:00Z'));
    expect(second.objects.map((o) => o.sha256)).toEqual(first.objects.map((o) => o.sha256));
    for (const object of first.objects) {
      const head = Buffer.from(object.bytes.subarray(0, 16)).toString('latin1');
      if (object.mimeType === 'application/pdf') {
        const pdf = await PDFDocument.load(object.bytes);
        expect(pdf.getPageCount(), object.name).toBeGreaterThan(1);
      } else if (object.mimeType === 'image/png') {
        expect(head.startsWith('\x89PNG\r\n\x1a\n')).toBe(true);
        const idat = Buffer.from(object.bytes).indexOf('IDAT');
        expect(idat).toBeGreaterThan(0);
        const length = Buffer.from(object.bytes).readUInt32BE(idat - 4);
        const width = Buffer.from(object.bytes).readUInt32BE(16);
        const height = Buffer.from(object.bytes).readUInt32BE(20);
        const raw = inflateSync(Buffer.from(object.bytes).subarray(idat + 4, idat + 4 + length));
        expect(raw.length).toBe((width * 3 + 1) * height);
      } else if (object.mimeType === 'video/webm') {
        expect([...object.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
      } else if (object.mimeType === 'image/svg+xml') {
        expect(new TextDecoder().decode(object.bytes)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      } else if (object.mimeType === 'text/html') {
        expect(new TextDecoder().decode(object.bytes)).toMatch(/^<!doctype html>/);
      } else {
        expect(object.mimeType).toBe('text/plain');
      }
    }
  });

  it('links "Customize" only to seeded proposal templates, and image assets carry thumbnails', async () => {
    const { catalog } = await seededCatalog();
    const templates = new Set(catalog.filter((row) => row.kind === 'template').map((row) => row.slug));
    const { assets } = parseAssets(catalog);
    const customisable = assets.filter((asset) => asset.customizeTemplate);
    expect(customisable.length).toBeGreaterThan(0);
    for (const asset of customisable) expect(templates.has(asset.customizeTemplate!)).toBe(true);
    for (const asset of assets.filter((a) => a.file?.mimeType === 'image/png')) expect(asset.thumbnail).toMatch(/^data:image\/png;base64,/);
  });
});

describe('seeded brand guidelines', () => {
  it('match the brand guidelines hub schema with light, dark and colour logos', async () => {
    const { catalog } = await seededCatalog();
    const rows = catalog.filter((row) => row.kind === 'brand_guideline');
    expect(rows).toHaveLength(1);
    const body = brandGuidelineBodySchema.parse(rows[0]!.body);
    expect(body.logos.map((logo) => logo.variant).sort()).toEqual(['colour', 'dark', 'light']);
    expect(body.palette.length).toBeGreaterThanOrEqual(3);
    expect(body.typography.length).toBeGreaterThan(0);
    expect(body.do.length).toBeGreaterThan(0);
    expect(body.dont.length).toBeGreaterThan(0);
    expect(body.voice).not.toBe('');
  });
});
