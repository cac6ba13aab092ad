import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAssetCache } from '../../electron/main/asset-cache';
import { registerAssetsIpc } from '../../electron/main/ipc/assets-ipc';
import { validatedHandler } from '../../electron/main/ipc/validated-handler';

const APP = 'app://workstation/index.html';
const fromApp = { senderFrame: { url: 'app://workstation/index.html#/marketing-center', parent: null } } as never;

function file(text: string): { data: Uint8Array; sha256: string } {
  const data = new TextEncoder().encode(text);
  return { data, sha256: createHash('sha256').update(data).digest('hex') };
}

async function freshCache(options: { maxTotalBytes?: number; maxFileBytes?: number } = {}) {
  const root = join(await mkdtemp(join(tmpdir(), 'siso-asset-cache-')), 'asset-cache');
  let tick = 0;
  const cache = createAssetCache({ root, ...options, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)) });
  return { root, cache };
}

describe('asset cache (main process)', () => {
  it('stores, lists, reads and deletes files named only by id hash and digest', async () => {
    const { root, cache } = await freshCache();
    const brochure = file('%PDF-1.7 brochure');
    expect(await cache.put({ assetId: '../../etc/passwd', sha256: brochure.sha256, version: 1, data: brochure.data })).toEqual({ stored: true });
    const names = await readdir(root);
    expect(names.every((name) => /^[0-9a-f]{32}\.[0-9a-f]{64}\.(bin|json)$/.test(name))).toBe(true);
    expect(await cache.list()).toEqual([
      { assetId: '../../etc/passwd', sha256: brochure.sha256, version: 1, size: brochure.data.length, storedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(new TextDecoder().decode((await cache.get('../../etc/passwd', brochure.sha256))!)).toBe('%PDF-1.7 brochure');
    expect(await cache.get('other', brochure.sha256)).toBeNull();
    expect(await cache.delete('../../etc/passwd')).toBe(1);
    expect(await cache.list()).toEqual([]);
  });

  it('refuses bytes that do not match the stated sha256 and files above the size limit', async () => {
    const { cache } = await freshCache({ maxFileBytes: 10 });
    const small = file('tiny');
    expect(await cache.put({ assetId: 'a', sha256: 'f'.repeat(64), version: 1, data: small.data })).toEqual({
      stored: false, reason: 'The file does not match its checksum, so it was not kept.',
    });
    const big = file('far too large for ten bytes');
    expect((await cache.put({ assetId: 'b', sha256: big.sha256, version: 1, data: big.data })).stored).toBe(false);
    expect(await cache.list()).toEqual([]);
  });

  it('replaces an older copy of the same asset and evicts the oldest when the total is full', async () => {
    const { cache } = await freshCache({ maxTotalBytes: 20 });
    const v1 = file('version one');
    const v2 = file('version two');
    await cache.put({ assetId: 'a', sha256: v1.sha256, version: 1, data: v1.data });
    await cache.put({ assetId: 'a', sha256: v2.sha256, version: 2, data: v2.data });
    expect((await cache.list()).map((e) => [e.assetId, e.version])).toEqual([['a', 2]]);
    const other = file('other file');
    await cache.put({ assetId: 'b', sha256: other.sha256, version: 1, data: other.data });
    expect((await cache.list()).map((e) => e.assetId)).toEqual(['b']);
    expect(await cache.clear()).toBe(1);
  });

  it('returns damaged bytes as they are (the renderer detects them) and ignores broken sidecars', async () => {
    const { root, cache } = await freshCache();
    const good = file('good bytes');
    await cache.put({ assetId: 'a', sha256: good.sha256, version: 1, data: good.data });
    const bin = (await readdir(root)).find((name) => name.endsWith('.bin'))!;
    await writeFile(join(root, bin), 'tampered');
    const bytes = await cache.get('a', good.sha256);
    expect(createHash('sha256').update(bytes!).digest('hex')).not.toBe(good.sha256);
    const sidecar = (await readdir(root)).find((name) => name.endsWith('.json'))!;
    expect(JSON.parse(await readFile(join(root, sidecar), 'utf8')).size).toBe(good.data.length);
    await writeFile(join(root, sidecar), '{"assetId": 5}');
    expect(await cache.list()).toEqual([]);
  });

  it('is reached only through validated IPC channels', async () => {
    const { cache } = await freshCache();
    const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    registerAssetsIpc({ ipc: { handle: (channel, listener) => handlers.set(channel, listener as never) }, appUrl: () => APP, cache });
    expect([...handlers.keys()].sort()).toEqual(['assets:cache-clear', 'assets:cache-delete', 'assets:cache-get', 'assets:cache-list', 'assets:cache-put']);
    const doc = file('doc');
    const put = handlers.get('assets:cache-put')!;
    expect(await put(fromApp, { assetId: 'a', sha256: doc.sha256, version: 1, data: doc.data })).toEqual({ stored: true });
    await expect(put(fromApp, { assetId: 'a', sha256: 'not-hex', version: 1, data: doc.data })).rejects.toThrow(/invalid request/);
    await expect(put(fromApp, { assetId: '', sha256: doc.sha256, version: 1, data: doc.data })).rejects.toThrow(/invalid request/);
    await expect(put(fromApp, { assetId: 'a', sha256: doc.sha256, version: 1, data: 'text' })).rejects.toThrow(/invalid request/);
    await expect(put({ senderFrame: { url: 'https://evil.example/', parent: null } } as never, { assetId: 'a', sha256: doc.sha256, version: 1, data: doc.data })).rejects.toThrow(/not the workstation/);
    const list = (await handlers.get('assets:cache-list')!(fromApp, undefined)) as { entries: unknown[] };
    expect(list.entries).toHaveLength(1);
    const get = (await handlers.get('assets:cache-get')!(fromApp, { assetId: 'a', sha256: doc.sha256 })) as { data: Uint8Array };
    expect(new TextDecoder().decode(get.data)).toBe('doc');
    expect(await handlers.get('assets:cache-clear')!(fromApp, undefined)).toEqual({ removed: 1 });
  });

  it('checks the contract on the reply', async () => {
    const handler = validatedHandler('assets:cache-list', vi.fn(async () => ({ entries: [{ assetId: 'a' }] }) as never), () => APP);
    await expect(handler(fromApp, undefined)).rejects.toThrow();
  });
});
