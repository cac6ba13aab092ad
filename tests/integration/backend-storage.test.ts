/**
 * Storage through the real supabase-js client: the storage RLS policies decide who reads and
 * writes (tier-gated assets, per-partner brand folders), signed URLs are issued only to readers
 * and checked on use, bucket limits answer with Supabase-shaped errors, bad names are refused.
 */
import { createHash, randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { signObjectUrl } from '../../sync/server/storage/signed-url';
import { startTestBackend, type AccountKey, type TestBackend } from './backend-realtime-storage-server';
import { startPostgresCluster, type StartedCluster } from '../fixtures/postgres-cluster';

let backend: TestBackend;
const assetPath = 'guides/performer-playbook.pdf';
const assetBytes = randomBytes(48 * 1024);
const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1024)]);

beforeAll(async () => {
  backend = await startTestBackend();
  await backend.engine.query(
    `insert into "public"."catalog" ("id", "kind", "title", "slug", "tier_required", "file_path", "published")
     values ('asset-playbook', 'asset', 'Performer playbook', 'performer-playbook', 'performer', $1, true)`,
    [assetPath],
  );
});

afterAll(async () => {
  await backend?.close();
});

const clients = new Map<AccountKey, SupabaseClient>();
async function as(key: AccountKey): Promise<SupabaseClient> {
  const existing = clients.get(key);
  if (existing) return existing;
  const client = await backend.clientFor(key);
  clients.set(key, client);
  return client;
}

async function rawFetch(key: AccountKey | 'anon', pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  const token = key === 'anon' ? backend.anonKey : await backend.tokenFor(key);
  return fetch(`${backend.url}/storage/v1${pathAndQuery}`, {
    ...init,
    headers: { apikey: backend.anonKey, authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function objectRow(bucket: string, name: string): Promise<{ id: string; metadata: Record<string, unknown> } | undefined> {
  const result = await backend.engine.query<{ id: string; metadata: Record<string, unknown> }>(
    `select "id"::text as "id", "metadata" from "storage"."objects" where "bucket_id" = $1 and "name" = $2`,
    [bucket, name],
  );
  return result.rows[0];
}

describe('storage: tier-gated assets', () => {
  it('lets an admin upload an asset and records its size, type and sha256', async () => {
    const admin = await as('admin');
    const { data, error } = await admin.storage.from('assets').upload(assetPath, new Blob([assetBytes], { type: 'application/pdf' }), {
      cacheControl: '600',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ path: assetPath, fullPath: `assets/${assetPath}` });

    const row = await objectRow('assets', assetPath);
    expect(row?.metadata).toMatchObject({ size: assetBytes.length, mimetype: 'application/pdf', sha256: sha256(assetBytes), cacheControl: 'max-age=600' });
    await access(path.join(backend.ctx.dataDir, 'storage', 'assets', row?.id ?? 'missing'));
  });

  it('refuses a second upload to the same name unless upsert is asked for', async () => {
    const admin = await as('admin');
    const again = await admin.storage.from('assets').upload(assetPath, new Blob([assetBytes], { type: 'application/pdf' }));
    expect(again.error).toMatchObject({ statusCode: '409', message: 'The resource already exists' });
  });

  it('refuses asset uploads from partners with the RLS message', async () => {
    const elite = await as('elite');
    const { error } = await elite.storage.from('assets').upload('guides/mine.pdf', new Blob([assetBytes], { type: 'application/pdf' }));
    expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
  });

  it('lets partners at or above the required tier download it', async () => {
    for (const key of ['performer', 'elite', 'admin'] as const) {
      const { data, error } = await (await as(key)).storage.from('assets').download(assetPath);
      expect(error).toBeNull();
      expect(Buffer.from(await (data as Blob).arrayBuffer()).equals(assetBytes)).toBe(true);
    }
  });

  it('refuses partners below the tier, also on direct GETs, and anonymous callers', async () => {
    const { data, error } = await (await as('active')).storage.from('assets').download(assetPath);
    expect(data).toBeNull();
    expect(error).not.toBeNull();

    for (const route of [`/object/assets/${assetPath}`, `/object/authenticated/assets/${assetPath}`]) {
      const response = await rawFetch('starter', route);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: '404', error: 'not_found', message: 'Object not found' });
    }
    expect((await rawFetch('anon', `/object/assets/${assetPath}`)).status).toBe(404);
    // A private bucket is not public.
    expect((await fetch(`${backend.url}/storage/v1/object/public/assets/${assetPath}`)).status).toBe(404);
  });

  it('issues signed URLs only to eligible partners, and checks the token on use', async () => {
    const refused = await (await as('starter')).storage.from('assets').createSignedUrl(assetPath, 60);
    expect(refused.data).toBeNull();
    expect(refused.error).toMatchObject({ statusCode: '404' });

    const { data, error } = await (await as('performer')).storage.from('assets').createSignedUrl(assetPath, 60);
    expect(error).toBeNull();
    const signedUrl = data?.signedUrl ?? '';
    expect(signedUrl).toContain(`/storage/v1/object/sign/assets/${assetPath}?token=`);
    const download = await fetch(signedUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(assetBytes)).toBe(true);

    const base = `${backend.url}/storage/v1/object/sign/assets/${assetPath}?token=`;
    const forged = await new SignJWT({ url: `assets/${assetPath}` })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-of-sufficient-length!!'));
    const expired = await signObjectUrl('assets', assetPath, -10, backend.ctx.jwtSecret);
    const otherObject = await signObjectUrl('assets', 'guides/other.pdf', 60, backend.ctx.jwtSecret);
    for (const token of [forged, expired, otherObject, 'not-a-token']) {
      const response = await fetch(`${base}${token}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: '400' });
    }
    expect((await fetch(`${backend.url}/storage/v1/object/sign/assets/${assetPath}`)).status).toBe(400);
  });
});

describe('storage: brand folders', () => {
  const logo = (key: AccountKey): string => `${backend.account(key).id}/logo.png`;

  it('lets a partner upload, replace and read their own logo', async () => {
    const starter = await as('starter');
    const first = await starter.storage.from('brand').upload(logo('starter'), new Blob([pngBytes], { type: 'image/png' }));
    expect(first.error).toBeNull();

    const replacement = Buffer.concat([pngBytes, Buffer.from('v2')]);
    const second = await starter.storage.from('brand').upload(logo('starter'), new Blob([replacement], { type: 'image/png' }), { upsert: true });
    expect(second.error).toBeNull();
    expect(second.data?.id).toBe(first.data?.id);
    expect((await objectRow('brand', logo('starter')))?.metadata).toMatchObject({ sha256: sha256(replacement), size: replacement.length });

    const { data } = await starter.storage.from('brand').download(logo('starter'));
    expect(Buffer.from(await (data as Blob).arrayBuffer()).equals(replacement)).toBe(true);
    expect((await starter.storage.from('brand').exists(logo('starter'))).data).toBe(true);
    expect((await starter.storage.from('brand').info(logo('starter'))).data).toMatchObject({ size: replacement.length, contentType: 'image/png' });

    const raw = await rawFetch('starter', `/object/brand/${backend.account('starter').id}/raw.png`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: pngBytes,
    });
    expect(raw.status).toBe(200);
    expect((await objectRow('brand', `${backend.account('starter').id}/raw.png`))?.metadata).toMatchObject({ sha256: sha256(pngBytes), mimetype: 'image/png' });
  });

  it("refuses writing to or reading from another partner's folder", async () => {
    const active = await as('active');
    expect((await active.storage.from('brand').upload(logo('active'), new Blob([pngBytes], { type: 'image/png' }))).error).toBeNull();

    const starter = await as('starter');
    const write = await starter.storage.from('brand').upload(logo('active'), new Blob([pngBytes], { type: 'image/png' }), { upsert: true });
    expect(write.error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
    const elsewhere = await starter.storage.from('brand').upload(`${backend.account('elite').id}/logo.png`, new Blob([pngBytes], { type: 'image/png' }));
    expect(elsewhere.error).toMatchObject({ statusCode: '403' });

    const read = await starter.storage.from('brand').download(logo('active'));
    expect(read.data).toBeNull();
    expect((await starter.storage.from('brand').exists(logo('active'))).data).toBe(false);
    expect((await starter.storage.from('brand').createSignedUrl(logo('active'), 60)).error).toMatchObject({ statusCode: '404' });
    expect((await starter.storage.from('brand').remove([logo('active')])).data).toEqual([]);
    expect(await objectRow('brand', logo('active'))).toBeDefined();
  });

  it('refuses files over the bucket size limit and of disallowed types, as Supabase does', async () => {
    const starter = await as('starter');
    const tooBig = await starter.storage.from('brand').upload(`${backend.account('starter').id}/huge.png`, new Blob([Buffer.alloc(2 * 1024 * 1024 + 1)], { type: 'image/png' }));
    expect(tooBig.error).toMatchObject({ statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    const gif = await starter.storage.from('brand').upload(`${backend.account('starter').id}/logo.gif`, new Blob([pngBytes], { type: 'image/gif' }));
    expect(gif.error).toMatchObject({ statusCode: '415', message: 'mime type image/gif is not supported' });

    const raw = await rawFetch('starter', `/object/brand/${backend.account('starter').id}/huge.png`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: Buffer.alloc(3 * 1024 * 1024),
    });
    expect(raw.status).toBe(413);
    expect(await raw.json()).toEqual({ statusCode: '413', error: 'Payload too large', message: 'The object exceeded the maximum allowed size' });
    expect(await objectRow('brand', `${backend.account('starter').id}/huge.png`)).toBeUndefined();
  });

  it('refuses path traversal and malformed names', async () => {
    const uid = backend.account('starter').id;
    // Literal dot segments are resolved by URL parsing before any handler sees them; encoded
    // slashes are not, so they reach the name check.
    for (const name of [`${uid}/%2E%2E%2F%2E%2E%2Fescape.png`, `${uid}/..%2F..%2Fescape.png`, `${uid}/.%2Fdot.png`, `%2F${uid}/lead.png`, `${uid}//double.png`, `${uid}/nul%00.png`, `${uid}/back%5Cslash.png`]) {
      const response = await rawFetch('starter', `/object/brand/${name}`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: pngBytes });
      expect(response.status, name).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: '400', error: 'InvalidKey' });
    }
    const move = await (await as('starter')).storage.from('brand').move(`${uid}/logo.png`, `../${uid}/logo.png`);
    expect(move.error).toMatchObject({ statusCode: '400' });
  });

  it('lists one folder level, as the caller sees it', async () => {
    const starterId = backend.account('starter').id;
    const own = await (await as('starter')).storage.from('brand').list(starterId);
    expect(own.error).toBeNull();
    expect(own.data?.map((entry) => entry.name)).toEqual(['logo.png', 'raw.png']);
    expect(own.data?.[0]?.metadata).toMatchObject({ mimetype: 'image/png' });

    const root = await (await as('starter')).storage.from('brand').list();
    expect(root.data?.map((entry) => ({ name: entry.name, id: entry.id }))).toEqual([{ name: starterId, id: null }]);

    const adminRoot = await (await as('admin')).storage.from('brand').list('', { sortBy: { column: 'name', order: 'desc' } });
    expect(adminRoot.data?.map((entry) => entry.name)).toEqual([backend.account('active').id, starterId].sort().reverse());

    const searched = await (await as('starter')).storage.from('brand').list(starterId, { search: 'raw', limit: 10 });
    expect(searched.data?.map((entry) => entry.name)).toEqual(['raw.png']);
  });

  it('moves, copies and removes objects, deleting their files', async () => {
    const starter = await as('starter');
    const uid = backend.account('starter').id;
    expect((await starter.storage.from('brand').copy(`${uid}/raw.png`, `${uid}/copy.png`)).error).toBeNull();
    expect((await starter.storage.from('brand').move(`${uid}/copy.png`, `${uid}/moved.png`)).error).toBeNull();
    const moved = await starter.storage.from('brand').download(`${uid}/moved.png`);
    expect(Buffer.from(await (moved.data as Blob).arrayBuffer()).equals(pngBytes)).toBe(true);

    const row = await objectRow('brand', `${uid}/moved.png`);
    const { data, error } = await starter.storage.from('brand').remove([`${uid}/moved.png`, `${uid}/raw.png`]);
    expect(error).toBeNull();
    expect(data?.map((entry) => entry.name).sort()).toEqual([`${uid}/moved.png`, `${uid}/raw.png`]);
    expect(await objectRow('brand', `${uid}/moved.png`)).toBeUndefined();
    await expect(access(path.join(backend.ctx.dataDir, 'storage', 'brand', row?.id ?? 'missing'))).rejects.toThrow();
    expect((await starter.storage.from('brand').download(`${uid}/raw.png`)).data).toBeNull();
  });
});

describe('storage on PostgreSQL', () => {
  let cluster: StartedCluster;
  let pgBackend: TestBackend | undefined;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if ('url' in cluster) pgBackend = await startTestBackend({ databaseUrl: cluster.url });
  });

  afterAll(async () => {
    await pgBackend?.close();
    if ('url' in cluster) await cluster.stop();
  });

  it('applies the same policies, limits and error shapes', async (context) => {
    if (!pgBackend) {
      context.skip('skipped' in cluster ? cluster.skipped : 'no PostgreSQL cluster');
      return;
    }
    const server = pgBackend;
    await server.engine.query(
      `insert into "public"."catalog" ("id", "kind", "title", "slug", "tier_required", "file_path", "published")
       values ('asset-elite-kit', 'asset', 'Elite kit', 'elite-kit', 'elite', 'kits/elite.zip', true)`,
    );
    const admin = await server.clientFor('admin');
    const upload = await admin.storage.from('assets').upload('kits/elite.zip', new Blob([assetBytes], { type: 'application/zip' }));
    expect(upload.error).toBeNull();
    const row = await server.engine.query<{ metadata: Record<string, unknown> }>(
      `select "metadata" from "storage"."objects" where "bucket_id" = 'assets' and "name" = 'kits/elite.zip'`,
    );
    expect(row.rows[0]?.metadata).toMatchObject({ sha256: sha256(assetBytes), size: assetBytes.length });

    expect((await (await server.clientFor('elite')).storage.from('assets').download('kits/elite.zip')).error).toBeNull();
    expect((await (await server.clientFor('performer')).storage.from('assets').createSignedUrl('kits/elite.zip', 60)).error).toMatchObject({ statusCode: '404' });

    const starter = await server.clientFor('starter');
    const uid = server.account('starter').id;
    expect((await starter.storage.from('brand').upload(`${server.account('active').id}/logo.png`, new Blob([pngBytes], { type: 'image/png' }))).error).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect((await starter.storage.from('brand').upload(`${uid}/logo.gif`, new Blob([pngBytes], { type: 'image/gif' }))).error).toMatchObject({ statusCode: '415' });
    expect((await starter.storage.from('brand').upload(`${uid}/logo.png`, new Blob([pngBytes], { type: 'image/png' }))).error).toBeNull();
    expect((await starter.storage.from('brand').list(uid)).data?.map((entry) => entry.name)).toEqual(['logo.png']);
  });
});
