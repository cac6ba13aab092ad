/**
 * Marketing asset files kept on disk for offline use, under `<userData>/asset-cache`. File names
 * are derived from the catalog id (hashed) and the file's sha256, never from a path the catalog or
 * the renderer supplies, so nothing can be written outside the directory. Each file has a JSON
 * sidecar recording which asset, version and digest it was stored for. Bytes are checked against
 * the stated sha256 before they are kept, and total size is capped (oldest copies go first).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { assetCacheEntry, ASSET_CACHE_MAX_FILE_BYTES } from '../contract/channels';

export type AssetCacheEntry = z.infer<typeof assetCacheEntry>;

export interface AssetCacheOptions {
  root: string;
  maxFileBytes?: number;
  /** Above this, the oldest copies are removed to make room. */
  maxTotalBytes?: number;
  now?: () => Date;
}

export interface PutRequest {
  assetId: string;
  sha256: string;
  version: number;
  data: Uint8Array;
}

export type PutResult = { stored: true } | { stored: false; reason: string };

export interface AssetCache {
  put(request: PutRequest): Promise<PutResult>;
  /** The bytes stored for this asset and digest, or null. Not re-verified here: the renderer checks on open. */
  get(assetId: string, sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
  list(): Promise<AssetCacheEntry[]>;
  /** Removes every copy of the asset; returns how many. */
  delete(assetId: string): Promise<number>;
  clear(): Promise<number>;
}

const DEFAULT_MAX_TOTAL = 2 * 1024 * 1024 * 1024;
const sha256Pattern = /^[0-9a-f]{64}$/;
const fileNamePattern = /^([0-9a-f]{32})\.([0-9a-f]{64})\.(bin|json)$/;

function idHash(assetId: string): string {
  return createHash('sha256').update(assetId, 'utf8').digest('hex').slice(0, 32);
}

export function createAssetCache(options: AssetCacheOptions): AssetCache {
  const { root } = options;
  const maxFileBytes = options.maxFileBytes ?? ASSET_CACHE_MAX_FILE_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL;
  const now = options.now ?? (() => new Date());

  const base = (assetId: string, sha256: string) => {
    if (!sha256Pattern.test(sha256)) throw new Error('The cache was given a malformed sha256.');
    return join(root, `${idHash(assetId)}.${sha256}`);
  };

  async function names(): Promise<string[]> {
    try {
      return (await readdir(root)).filter((name) => fileNamePattern.test(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async function readEntry(sidecar: string): Promise<AssetCacheEntry | null> {
    try {
      const parsed = assetCacheEntry.safeParse(JSON.parse(await readFile(join(root, sidecar), 'utf8')));
      if (!parsed.success) return null;
      // The data file must exist and still have the size recorded; otherwise the entry is not listed.
      const info = await stat(join(root, sidecar.replace(/\.json$/, '.bin')));
      return info.size === parsed.data.size ? parsed.data : { ...parsed.data, size: info.size };
    } catch {
      return null;
    }
  }

  async function list(): Promise<AssetCacheEntry[]> {
    const entries: AssetCacheEntry[] = [];
    for (const name of await names()) {
      if (!name.endsWith('.json')) continue;
      const entry = await readEntry(name);
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
  }

  async function removeFiles(prefix: string): Promise<number> {
    let removed = 0;
    for (const name of await names()) {
      if (!name.startsWith(prefix)) continue;
      await rm(join(root, name), { force: true });
      if (name.endsWith('.bin')) removed += 1;
    }
    return removed;
  }

  async function makeRoom(incoming: number): Promise<void> {
    const entries = await list();
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    for (const entry of entries) {
      if (total + incoming <= maxTotalBytes) return;
      await removeFiles(`${idHash(entry.assetId)}.${entry.sha256}`);
      total -= entry.size;
    }
  }

  return {
    async put({ assetId, sha256, version, data }) {
      if (data.byteLength > maxFileBytes) return { stored: false, reason: 'The file is too large to keep offline.' };
      if (data.byteLength > maxTotalBytes) return { stored: false, reason: 'The file is larger than the offline cache.' };
      const actual = createHash('sha256').update(data).digest('hex');
      if (actual !== sha256) return { stored: false, reason: 'The file does not match its checksum, so it was not kept.' };
      await mkdir(root, { recursive: true });
      // Older copies of the same asset are replaced, not kept beside the new one.
      await removeFiles(`${idHash(assetId)}.`);
      await makeRoom(data.byteLength);
      const target = base(assetId, sha256);
      const temporary = join(root, `.incoming-${randomUUID()}`);
      const entry: AssetCacheEntry = { assetId, sha256, version, size: data.byteLength, storedAt: now().toISOString() };
      try {
        await writeFile(temporary, data);
        await rename(temporary, `${target}.bin`);
        await writeFile(`${target}.json`, JSON.stringify(entry));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { stored: true };
    },
    async get(assetId, sha256) {
      try {
        return new Uint8Array(await readFile(`${base(assetId, sha256)}.bin`));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    list,
    delete(assetId) {
      return removeFiles(`${idHash(assetId)}.`);
    },
    clear() {
      return removeFiles('');
    },
  };
}
