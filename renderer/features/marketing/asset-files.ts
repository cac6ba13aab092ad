/**
 * Getting an asset's bytes: from this device's cache when a verified copy is there, otherwise from
 * the server (signed-in account: the `assets` storage bucket) or the files bundled with the demo.
 * Every copy is checked against the catalog's sha256 — a damaged cached copy is discarded and
 * fetched again when online; a download that does not match is never kept.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { verifyDigest, type MarketingAsset } from '../../../sync/domain/assets';
import type { AssetFileCache } from '../../platform';
import { sha256Hex } from '../../platform/sha256';
import { errorMessage } from '../../ui/error-message';

export type FileSource =
  | { kind: 'storage'; client: SupabaseClient }
  | { kind: 'bundle'; urlFor(path: string): string | null };

export type OpenFileResult =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; from: 'cache' | 'network'; repaired: boolean }
  | { ok: false; message: string; damaged: boolean };

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

export interface AssetFiles {
  /** Bytes for preview or download; caches what it fetches. */
  open(asset: MarketingAsset): Promise<OpenFileResult>;
}

export function createAssetFiles({ cache, source, isOnline }: AssetFilesDeps): AssetFiles {
  return {
    async open(asset) {
      const file = asset.file;
      if (!file) return { ok: false, message: 'This asset has no file attached yet.', damaged: false };
      let damaged = false;
      if (file.sha256) {
        let cached: Uint8Array | null = null;
        try {
          cached = await cache.get(asset.id, file.sha256);
        } catch {
          cached = null;
        }
        if (cached) {
          const copy = new Uint8Array(cached);
          if (verifyDigest(file.sha256, await sha256Hex(copy)).ok) return { ok: true, bytes: copy, from: 'cache', repaired: false };
          damaged = true;
          await cache.delete(asset.id).catch(() => undefined);
        }
      }
      if (!isOnline()) {
        return damaged
          ? { ok: false, damaged: true, message: 'The copy of this file on this device is damaged, so it was removed. Reconnect to fetch it again.' }
          : { ok: false, damaged: false, message: 'This file is not on this device yet. Connect to the internet to open it, and pin it to keep it offline.' };
      }
      if (!source) return { ok: false, damaged, message: 'Files can only be downloaded while signed in to your partner account.' };
      let fetched: Awaited<ReturnType<typeof fetchBytes>>;
      try {
        fetched = await fetchBytes(source, file.path);
      } catch (error) {
        const reason = errorMessage(error);
        return { ok: false, damaged, message: `The file could not be downloaded (${reason}). Check your connection and try again.` };
      }
      if (!fetched.ok) return { ok: false, damaged, message: fetched.message };
      if (!file.sha256) return { ok: true, bytes: fetched.bytes, from: 'network', repaired: damaged };
      const verdict = verifyDigest(file.sha256, await sha256Hex(fetched.bytes));
      if (!verdict.ok) {
        return {
          ok: false,
          damaged,
          message: 'The downloaded file does not match the checksum in the catalog, so it was not used. Try again later; if it keeps happening, contact SISO support.',
        };
      }
      await cache.put({ assetId: asset.id, sha256: file.sha256, version: asset.version, data: fetched.bytes }).catch(() => undefined);
      return { ok: true, bytes: fetched.bytes, from: 'network', repaired: damaged };
    },
  };
}
