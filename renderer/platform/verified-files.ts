/**
 * Getting a catalog file's bytes (marketing assets, course videos): from this device's cache when a
 * verified copy is there, otherwise from the server (signed-in account: the `assets` storage
 * bucket) or the files bundled with the demo. Every copy is checked against the catalog's sha256 —
 * a damaged cached copy is discarded and fetched again when online; a download that does not match
 * is never kept.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { verifyDigest } from '../../sync/domain/assets';
import type { AssetFileCache } from './platform';
import { sha256Hex } from './sha256';
import { errorMessage } from '../ui/error-message';

export type FileSource =
  | { kind: 'storage'; client: SupabaseClient }
  | { kind: 'bundle'; urlFor(path: string): string | null };

/** A catalog row with a file: the cache keys copies by `id` and records `version`. */
export interface CatalogFileRef {
  id: string;
  version: number;
  file: { path: string; sha256: string | null } | null;
}

/** Why a file could not be opened, for callers that word the refusal themselves. */
export type OpenFileFailure = 'no-file' | 'offline' | 'no-source' | 'refused' | 'download-failed' | 'checksum';

export type OpenFileResult =
  | {
      ok: true;
      bytes: Uint8Array<ArrayBuffer>;
      from: 'cache' | 'network';
      repaired: boolean;
      /** For a download: whether the verified copy was kept on this device, and if not, why. */
      kept: { stored: true } | { stored: false; reason: string };
    }
  | { ok: false; message: string; damaged: boolean; reason: OpenFileFailure };

/** A cache-only read: the verified bytes, none, or a damaged copy (already removed). */
export type CachedFileResult = { status: 'found'; bytes: Uint8Array<ArrayBuffer> } | { status: 'missing' } | { status: 'damaged' };

const DEMO_NO_FILE =
  'Files for this asset need a signed-in account: the demo workspace includes only a few sample files. Sign in with your partner account to download it.';

async function fetchBytes(source: FileSource, path: string): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string }> {
  if (source.kind === 'bundle') {
    const url = source.urlFor(path);
    if (!url) return { ok: false, message: DEMO_NO_FILE };
    const response = await fetch(url);
    if (!response.ok) return { ok: false, message: `The sample file could not be loaded (HTTP ${response.status}). Reload the app and try again.` };
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  }
  const { data, error } = await source.client.storage.from('assets').download(path);
  if (error || !data) {
    const detail = error?.message ? ` (${error.message})` : '';
    return {
      ok: false,
      message: `The server did not provide this file${detail}. It may have been retired or be locked for your tier; if it should be there, try again later or contact SISO support.`,
    };
  }
  return { ok: true, bytes: new Uint8Array(await data.arrayBuffer()) };
}

export interface AssetFilesDeps {
  cache: AssetFileCache;
  source: FileSource | null;
  isOnline(): boolean;
}

export interface OpenFileOptions {
  /** False: fetch and verify for viewing only, keeping no copy on this device. Default true. */
  keep?: boolean;
}

export interface AssetFiles {
  /** Bytes for preview or download; caches what it fetches unless told not to. */
  open(ref: CatalogFileRef, options?: OpenFileOptions): Promise<OpenFileResult>;
  /** This device's verified copy only; never touches the network. */
  readCached(ref: CatalogFileRef): Promise<CachedFileResult>;
}

const NOT_KEPT = 'The file has no checksum in the catalog, so it was not kept on this device.';
const VIEW_ONLY = 'The file was opened for viewing only, so no copy was kept on this device.';

export function createAssetFiles({ cache, source, isOnline }: AssetFilesDeps): AssetFiles {
  async function readCached(ref: CatalogFileRef): Promise<CachedFileResult> {
    const sha256 = ref.file?.sha256;
    if (!sha256) return { status: 'missing' };
    let cached: Uint8Array | null = null;
    try {
      cached = await cache.get(ref.id, sha256);
    } catch {
      cached = null;
    }
    if (!cached) return { status: 'missing' };
    const copy = new Uint8Array(cached);
    if (verifyDigest(sha256, await sha256Hex(copy)).ok) return { status: 'found', bytes: copy };
    await cache.delete(ref.id).catch(() => undefined);
    return { status: 'damaged' };
  }

  return {
    readCached,
    async open(ref, options = {}) {
      const file = ref.file;
      if (!file) return { ok: false, message: 'This asset has no file attached yet.', damaged: false, reason: 'no-file' };
      const cached = await readCached(ref);
      if (cached.status === 'found') return { ok: true, bytes: cached.bytes, from: 'cache', repaired: false, kept: { stored: true } };
      const damaged = cached.status === 'damaged';
      if (!isOnline()) {
        return damaged
          ? { ok: false, damaged: true, reason: 'offline', message: 'The copy of this file on this device is damaged, so it was removed. Reconnect to fetch it again.' }
          : { ok: false, damaged: false, reason: 'offline', message: 'This file is not on this device yet. Connect to the internet to open it, and pin it to keep it offline.' };
      }
      if (!source) return { ok: false, damaged, reason: 'no-source', message: 'Files can only be downloaded while signed in to your partner account.' };
      let fetched: Awaited<ReturnType<typeof fetchBytes>>;
      try {
        fetched = await fetchBytes(source, file.path);
      } catch (error) {
        const reason = errorMessage(error);
        return { ok: false, damaged, reason: 'download-failed', message: `The file could not be downloaded (${reason}). Check your connection and try again.` };
      }
      if (!fetched.ok) return { ok: false, damaged, reason: 'refused', message: fetched.message };
      if (!file.sha256) return { ok: true, bytes: fetched.bytes, from: 'network', repaired: damaged, kept: { stored: false, reason: NOT_KEPT } };
      const verdict = verifyDigest(file.sha256, await sha256Hex(fetched.bytes));
      if (!verdict.ok) {
        return {
          ok: false,
          damaged,
          reason: 'checksum',
          message: 'The downloaded file does not match the checksum in the catalog, so it was not used. Try again later; if it keeps happening, contact SISO support.',
        };
      }
      if (options.keep === false) return { ok: true, bytes: fetched.bytes, from: 'network', repaired: damaged, kept: { stored: false, reason: VIEW_ONLY } };
      let kept: { stored: true } | { stored: false; reason: string };
      try {
        kept = await cache.put({ assetId: ref.id, sha256: file.sha256, version: ref.version, data: fetched.bytes });
      } catch (error) {
        kept = { stored: false, reason: `The file could not be kept on this device (${errorMessage(error)}).` };
      }
      return { ok: true, bytes: fetched.bytes, from: 'network', repaired: damaged, kept };
    },
  };
}
