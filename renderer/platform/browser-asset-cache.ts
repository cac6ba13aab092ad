/**
 * Offline copies of marketing asset files in a browser: one Cache API cache, one entry per asset,
 * keyed by a synthetic URL made from the catalog id and sha256. What the entry was stored for
 * travels in its headers; those are validated when listed, and a broken entry is ignored.
 */
import { z } from 'zod';
import { toArrayBufferBytes, type AssetCacheEntryInfo, type AssetFileCache } from './platform';

export const ASSET_CACHE_NAME = 'siso-asset-files-v1';
const KEY_ORIGIN = 'https://asset-cache.siso.invalid';
const MAX_FILE_BYTES = 100 * 1024 * 1024;

const entryHeaders = z.object({
  assetId: z.string().min(1).max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.coerce.number().int().min(1),
  size: z.coerce.number().int().min(0),
  storedAt: z.iso.datetime({ offset: true }),
});

function keyUrl(assetId: string, sha256?: string): string {
  return `${KEY_ORIGIN}/${encodeURIComponent(assetId)}/${sha256 ?? ''}`;
}

function unavailable(): Error {
  return new Error('This browser cannot keep files offline (the Cache API is unavailable; it needs a secure https or localhost page).');
}

export function createBrowserAssetCache(win: Window & typeof globalThis): AssetFileCache {
  const open = async (): Promise<Cache> => {
    if (!('caches' in win) || !win.caches) throw unavailable();
    return win.caches.open(ASSET_CACHE_NAME);
  };

  async function keysFor(cache: Cache, assetId?: string): Promise<Request[]> {
    const prefix = assetId === undefined ? `${KEY_ORIGIN}/` : `${KEY_ORIGIN}/${encodeURIComponent(assetId)}/`;
    return (await cache.keys()).filter((request) => request.url.startsWith(prefix));
  }

  return {
    async put({ assetId, sha256, version, data }) {
      if (data.byteLength > MAX_FILE_BYTES) return { stored: false, reason: 'The file is too large to keep offline.' };
      const cache = await open();
      for (const request of await keysFor(cache, assetId)) await cache.delete(request);
      const headers = new Headers({
        'content-type': 'application/octet-stream',
        'x-asset-id': encodeURIComponent(assetId),
        'x-sha256': sha256,
        'x-version': String(version),
        'x-size': String(data.byteLength),
        'x-stored-at': new Date().toISOString(),
      });
      try {
        await cache.put(keyUrl(assetId, sha256), new Response(toArrayBufferBytes(data), { headers }));
      } catch (error) {
        const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
        return { stored: false, reason: quota ? 'The browser has no room left to keep this file offline.' : 'The browser refused to keep this file offline.' };
      }
      return { stored: true };
    },
    async get(assetId, sha256) {
      const cache = await open();
      const response = await cache.match(keyUrl(assetId, sha256));
      return response ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    async list() {
      const cache = await open();
      const entries: AssetCacheEntryInfo[] = [];
      for (const request of await keysFor(cache)) {
        const response = await cache.match(request);
        if (!response) continue;
        const parsed = entryHeaders.safeParse({
          assetId: decodeURIComponent(response.headers.get('x-asset-id') ?? ''),
          sha256: response.headers.get('x-sha256'),
          version: response.headers.get('x-version'),
          size: response.headers.get('x-size'),
          storedAt: response.headers.get('x-stored-at'),
        });
        if (parsed.success) entries.push(parsed.data);
      }
      return entries;
    },
    async delete(assetId) {
      const cache = await open();
      for (const request of await keysFor(cache, assetId)) await cache.delete(request);
    },
    async clear() {
      const cache = await open();
      for (const request of await keysFor(cache)) await cache.delete(request);
    },
  };
}
