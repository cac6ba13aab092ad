/**
 * Admin publishing on the server, through the real supabase-js client and raw HTTP: only admins
 * write the catalog, the assets bucket and partner tiers; the server bumps an entry's version when
 * its content changes (and only then); a gated file is refused to partners below its tier by a
 * direct GET and they cannot mint a signed URL for it; a retired asset's file is refused to every
 * partner while its tombstone still reaches them; an unpublished entry's withdrawal reaches
 * partners who had it; a tier change sets the rule's rate and closes/opens history periods.
 *
 * Signed URLs: as on Supabase, a signed URL is a bearer capability for a limited time. What
 * protects a gated file is that a partner below its tier cannot mint one (the sign endpoint runs
 * the storage policy as the caller); an admin who hands one out is choosing to share the file, and
 * it stops working when it expires.
 *
 * Runs on PGlite and, when the binaries are there, on a throwaway PostgreSQL 15 cluster.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type AccountKey, type TestBackend } from './backend-realtime-storage-server';
import { startPostgresCluster, type StartedCluster } from '../fixtures/postgres-cluster';

const fileBytes = randomBytes(16 * 1024);

interface CatalogRow {
  id: string;
  version: number;
  title: string;
  published: boolean;
  _deleted: boolean;
  sort_order: number;
  updated_at: string | null;
}

interface StatusRow {
  tier: string;
  commission_rate: number;
  history: { tier: string; from: string; to: string | null }[];
}

function defineSuite(label: string, open: () => Promise<TestBackend | { skipped: string }>) {
  describe(label, () => {
    let backend: TestBackend | undefined;
    let skipped = '';
    const clients = new Map<AccountKey, SupabaseClient>();

    beforeAll(async () => {
      const opened = await open();
      if ('skipped' in opened) skipped = opened.skipped;
      else backend = opened;
    });
    afterAll(async () => {
      await backend?.close();
    });

    function need(ctx: { skip: (note?: string) => void }): TestBackend {
      if (!backend) {
        ctx.skip(skipped);
        throw new Error(skipped);
      }
      return backend;
    }

    async function as(b: TestBackend, key: AccountKey): Promise<SupabaseClient> {
      const existing = clients.get(key);
      if (existing) return existing;
      const client = await b.clientFor(key);
      clients.set(key, client);
      return client;
    }

    async function storageGet(b: TestBackend, key: AccountKey, route: string): Promise<Response> {
      return fetch(`${b.url}/storage/v1${route}`, { headers: { apikey: b.anonKey, authorization: `Bearer ${await b.tokenFor(key)}` } });
    }

    async function catalogRow(b: TestBackend, id: string): Promise<CatalogRow> {
      const result = await b.engine.query<CatalogRow>(`select "id", "version", "title", "published", "_deleted", "sort_order", "updated_at"::text from "public"."catalog" where "id" = $1`, [id]);
      const row = result.rows[0];
      if (!row) throw new Error(`no catalog row ${id}`);
      return row;
    }

    async function insertAsset(b: TestBackend, id: string, tier: string, filePath: string): Promise<void> {
      const admin = await as(b, 'admin');
      const { error } = await admin.from('catalog').insert({
        id,
        kind: 'asset',
        title: `Asset ${id}`,
        slug: id,
        body: { description: 'Test asset' },
        tier_required: tier,
        category: 'brochures',
        tags: ['test'],
        file_path: filePath,
        file_size: fileBytes.length,
        mime_type: 'application/pdf',
        published: true,
      });
      expect(error).toBeNull();
      const upload = await admin.storage.from('assets').upload(filePath, new Blob([fileBytes], { type: 'application/pdf' }), { upsert: true });
      expect(upload.error).toBeNull();
    }

    it('refuses catalog inserts and updates from partners', async (ctx) => {
      const b = need(ctx);
      const elite = await as(b, 'elite');
      const insert = await elite.from('catalog').insert({ id: 'partner-made', kind: 'asset', title: 'Mine', slug: 'partner-made', published: true });
      expect(insert.error).toMatchObject({ code: '42501' });

      const before = await b.engine.query<{ title: string }>(`select "title" from "public"."catalog" where "slug" = 'siso-overview-brochure'`);
      const update = await elite.from('catalog').update({ title: 'Hijacked', tier_required: 'starter' }).eq('slug', 'siso-overview-brochure').select();
      expect(update.error).toBeNull();
      expect(update.data).toEqual([]);
      const after = await b.engine.query<{ title: string }>(`select "title" from "public"."catalog" where "slug" = 'siso-overview-brochure'`);
      expect(after.rows).toEqual(before.rows);
    });

    it('refuses uploads to the assets bucket from partners', async (ctx) => {
      const b = need(ctx);
      for (const key of ['starter', 'elite'] as const) {
        const { error } = await (await as(b, key)).storage.from('assets').upload(`brochures/${key}.pdf`, new Blob([fileBytes], { type: 'application/pdf' }));
        expect(error).toMatchObject({ statusCode: '403' });
      }
      // Nor may they overwrite an existing asset file.
      await insertAsset(b, 'overwrite-target', 'starter', 'brochures/overwrite-target.pdf');
      const overwrite = await (await as(b, 'elite')).storage.from('assets').upload('brochures/overwrite-target.pdf', new Blob([Buffer.from('evil')], { type: 'application/pdf' }), { upsert: true });
      expect(overwrite.error).not.toBeNull();
      const download = await (await as(b, 'elite')).storage.from('assets').download('brochures/overwrite-target.pdf');
      expect(Buffer.from(await (download.data as Blob).arrayBuffer()).equals(fileBytes)).toBe(true);
    });

    it("refuses partner_status changes from partners, directly and through the tier function", async (ctx) => {
      const b = need(ctx);
      const starter = await as(b, 'starter');
      const starterId = b.account('starter').id;
      const update = await starter.from('partner_status').update({ tier: 'elite', commission_rate: 30 }).eq('partner_id', starterId).select();
      expect(update.data ?? []).toEqual([]);
      const insert = await starter.from('partner_status').insert({ id: 'mine', partner_id: starterId, tier: 'elite', commission_rate: 30 });
      expect(insert.error).not.toBeNull();
      const rpc = await starter.rpc('admin_set_partner_tier', { target_partner: starterId, new_tier: 'elite' });
      expect(rpc.error).toMatchObject({ code: '42501', message: "Only SISO admins can change a partner's tier." });
      const row = await b.engine.query<{ tier: string }>(`select "tier" from "public"."partner_status" where "partner_id" = $1`, [starterId]);
      expect(row.rows[0]?.tier).toBe('starter');
    });

    it('bumps the version when an admin changes content, not when publishing, reordering or retiring', async (ctx) => {
      const b = need(ctx);
      const admin = await as(b, 'admin');
      const id = 'versioned-asset';
      const { error } = await admin.from('catalog').insert({ id, kind: 'asset', title: 'First', slug: id, body: { description: 'v1' }, published: false, version: 7 });
      expect(error).toBeNull();
      // A new entry starts at version 1 whatever the client sends.
      expect((await catalogRow(b, id)).version).toBe(1);
      const baseline = 1;
      expect((await admin.from('catalog').update({ published: true }).eq('id', id)).error).toBeNull();
      expect((await admin.from('catalog').update({ sort_order: 5 }).eq('id', id)).error).toBeNull();
      expect((await catalogRow(b, id)).version).toBe(baseline);

      expect((await admin.from('catalog').update({ title: 'Second' }).eq('id', id)).error).toBeNull();
      const afterTitle = await catalogRow(b, id);
      expect(afterTitle.version).toBe(baseline + 1);
      expect(afterTitle.updated_at).not.toBeNull();

      expect((await admin.from('catalog').update({ file_sha256: 'a'.repeat(64), file_path: 'brochures/v3.pdf', file_size: 10 }).eq('id', id)).error).toBeNull();
      expect((await catalogRow(b, id)).version).toBe(baseline + 2);

      expect((await admin.from('catalog').update({ body: { description: 'v3' }, tier_required: 'active' }).eq('id', id)).error).toBeNull();
      expect((await catalogRow(b, id)).version).toBe(baseline + 3);

      // A client cannot move the version itself.
      expect((await admin.from('catalog').update({ version: 1 }).eq('id', id)).error).toBeNull();
      expect((await catalogRow(b, id)).version).toBe(baseline + 3);

      expect((await admin.from('catalog').update({ _deleted: true }).eq('id', id)).error).toBeNull();
      const retired = await catalogRow(b, id);
      expect(retired).toMatchObject({ version: baseline + 3, _deleted: true });
    });

    it('refuses a gated file to partners below its tier by direct GET and signed URL', async (ctx) => {
      const b = need(ctx);
      const filePath = 'white_label/gated-kit.pdf';
      await insertAsset(b, 'gated-kit', 'elite', filePath);

      for (const key of ['starter', 'active', 'performer'] as const) {
        for (const route of [`/object/authenticated/assets/${filePath}`, `/object/assets/${filePath}`]) {
          const response = await storageGet(b, key, route);
          expect(response.status, `${key} ${route}`).toBe(404);
        }
        const signed = await (await as(b, key)).storage.from('assets').createSignedUrl(filePath, 60);
        expect(signed.data, key).toBeNull();
        expect(signed.error, key).toMatchObject({ statusCode: '404' });
        const many = await (await as(b, key)).storage.from('assets').createSignedUrls([filePath], 60);
        expect(many.data?.[0]?.signedUrl ?? null, key).toBeNull();
      }

      const eliteGet = await storageGet(b, 'elite', `/object/authenticated/assets/${filePath}`);
      expect(eliteGet.status).toBe(200);
      expect(Buffer.from(await eliteGet.arrayBuffer()).equals(fileBytes)).toBe(true);
    });

    it("treats an admin's signed URL as a time-limited bearer capability", async (ctx) => {
      const b = need(ctx);
      const filePath = 'white_label/shared-kit.pdf';
      await insertAsset(b, 'shared-kit', 'elite', filePath);
      const admin = await as(b, 'admin');
      const { data, error } = await admin.storage.from('assets').createSignedUrl(filePath, 1);
      expect(error).toBeNull();
      const url = data?.signedUrl ?? '';
      // Whoever holds it may fetch it (no account needed), as on Supabase…
      expect((await fetch(url)).status).toBe(200);
      // …until it expires.
      await new Promise((resolve) => setTimeout(resolve, 2200));
      const expired = await fetch(url);
      expect(expired.status).toBe(400);
    });

    it("refuses a retired asset's file to every partner, and partners still pull its tombstone", async (ctx) => {
      const b = need(ctx);
      const filePath = 'brochures/retired-brochure.pdf';
      await insertAsset(b, 'retired-brochure', 'starter', filePath);
      expect((await storageGet(b, 'starter', `/object/authenticated/assets/${filePath}`)).status).toBe(200);

      const admin = await as(b, 'admin');
      expect((await admin.from('catalog').update({ _deleted: true }).eq('id', 'retired-brochure')).error).toBeNull();

      for (const key of ['starter', 'active', 'performer', 'elite'] as const) {
        expect((await storageGet(b, key, `/object/authenticated/assets/${filePath}`)).status, key).toBe(404);
        expect((await (await as(b, key)).storage.from('assets').createSignedUrl(filePath, 60)).error, key).toMatchObject({ statusCode: '404' });
        const tombstone = await (await as(b, key)).from('catalog').select('id, _deleted').eq('id', 'retired-brochure');
        expect(tombstone.data, key).toEqual([{ id: 'retired-brochure', _deleted: true }]);
      }
      // The admin can still fetch it (e.g. to restore it).
      expect((await storageGet(b, 'admin', `/object/authenticated/assets/${filePath}`)).status).toBe(200);
    });

    it('lets partners pull the withdrawal of an unpublished entry, never a draft', async (ctx) => {
      const b = need(ctx);
      const admin = await as(b, 'admin');
      const filePath = 'brochures/withdrawn.pdf';
      await insertAsset(b, 'withdrawn', 'starter', filePath);
      expect((await admin.from('catalog').update({ published: false }).eq('id', 'withdrawn')).error).toBeNull();
      const starter = await as(b, 'starter');
      const seen = await starter.from('catalog').select('id, published').eq('id', 'withdrawn');
      expect(seen.data).toEqual([{ id: 'withdrawn', published: false }]);
      expect((await storageGet(b, 'starter', `/object/authenticated/assets/${filePath}`)).status).toBe(404);

      expect((await admin.from('catalog').insert({ id: 'never-published', kind: 'asset', title: 'Draft', slug: 'never-published', published: false })).error).toBeNull();
      expect((await starter.from('catalog').select('id').eq('id', 'never-published')).data).toEqual([]);
    });

    it("sets a partner's tier with the rule's commission rate and a closed/opened history", async (ctx) => {
      const b = need(ctx);
      const admin = await as(b, 'admin');
      const activeId = b.account('active').id;
      const before = (await b.engine.query<StatusRow>(`select "tier", "commission_rate", "history" from "public"."partner_status" where "partner_id" = $1`, [activeId])).rows[0];
      expect(before?.tier).toBe('active');

      const { data, error } = await admin.rpc('admin_set_partner_tier', { target_partner: activeId, new_tier: 'performer' });
      expect(error).toBeNull();
      const after = data as StatusRow;
      expect(after).toMatchObject({ tier: 'performer', commission_rate: 25 });
      expect(after.history).toHaveLength((before?.history.length ?? 0) + 1);
      const last = after.history.at(-1);
      const previous = after.history.at(-2);
      expect(last).toMatchObject({ tier: 'performer', to: null });
      expect(last?.from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(previous).toMatchObject({ tier: 'active', to: last?.from });
      expect(after.history.filter((period) => period.to === null)).toHaveLength(1);

      const unknown = await admin.rpc('admin_set_partner_tier', { target_partner: activeId, new_tier: 'platinum' });
      expect(unknown.error?.message).toMatch(/no tier called "platinum"/);
    });
  });
}

defineSuite('admin publishing on PGlite', async () => startTestBackend());

let cluster: StartedCluster | undefined;
defineSuite('admin publishing on PostgreSQL', async () => {
  cluster = await startPostgresCluster();
  if (!('url' in cluster)) return { skipped: cluster.skipped };
  return startTestBackend({ databaseUrl: cluster.url });
});
afterAll(async () => {
  if (cluster && 'url' in cluster) await cluster.stop();
});
