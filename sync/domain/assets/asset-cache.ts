/**
 * What a cached asset file is worth: its entry records which catalog row, version and sha256 it was
 * stored for; checking it against the current catalog says whether it can be used, must be
 * replaced (the admin published a new version) or must be discarded (bytes damaged, asset retired).
 */
import type { MarketingAsset } from './asset-catalog';

/** One cached file as the cache lists it. */
export interface CacheEntry {
  assetId: string;
  /** sha256 the file was stored under (the catalog's value at the time). */
  sha256: string;
  version: number;
  size: number;
  /** ISO time it was written. */
  storedAt: string;
}

export type CacheVerdict =
  | { status: 'fresh' }
  | { status: 'stale'; reason: 'new-version' | 'new-file' }
  | { status: 'retired' }
  | { status: 'unverifiable' };

/** Compares an entry's bookkeeping with the catalog (no bytes read): is this copy still the asset's file? */
export function judgeCacheEntry(entry: CacheEntry, asset: Pick<MarketingAsset, 'id' | 'version' | 'file'> | undefined): CacheVerdict {
  if (!asset || !asset.file) return { status: 'retired' };
  if (!asset.file.sha256) return { status: 'unverifiable' };
  if (!sameSha256(entry.sha256, asset.file.sha256)) {
    return { status: 'stale', reason: entry.version !== asset.version ? 'new-version' : 'new-file' };
  }
  return { status: 'fresh' };
}

/** Case-insensitive compare of two hex digests; a malformed one never matches. */
export function sameSha256(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return /^[0-9a-f]{64}$/.test(x) && x === y;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export type BytesVerdict = { ok: true } | { ok: false; reason: 'no-checksum' | 'damaged'; actual: string };

/** After reading or fetching bytes: does their digest match what the catalog expects? */
export function verifyDigest(expected: string | null | undefined, actualHex: string): BytesVerdict {
  if (!expected) return { ok: false, reason: 'no-checksum', actual: actualHex };
  return sameSha256(expected, actualHex) ? { ok: true } : { ok: false, reason: 'damaged', actual: actualHex };
}

export interface CacheTotals {
  files: number;
  bytes: number;
  pinnedFiles: number;
  pinnedBytes: number;
}

export function cacheTotals(entries: readonly CacheEntry[], pinned: ReadonlySet<string> = new Set()): CacheTotals {
  const totals: CacheTotals = { files: 0, bytes: 0, pinnedFiles: 0, pinnedBytes: 0 };
  for (const entry of entries) {
    totals.files += 1;
    totals.bytes += entry.size;
    if (pinned.has(entry.assetId)) {
      totals.pinnedFiles += 1;
      totals.pinnedBytes += entry.size;
    }
  }
  return totals;
}

export interface CachePlan {
  /** Entries to delete: retired assets and copies of an older file. */
  remove: CacheEntry[];
  /** Pinned assets whose current file is not cached (or only an old copy is): fetch when online. */
  fetch: string[];
}

/** Cache ids of course videos the Training hub keeps (its own bookkeeping; not marketing assets). */
export const TRAINING_CACHE_ID_PREFIX = 'training:';
/** Cache ids of knowledge-base video tutorials. */
export const KNOWLEDGE_BASE_CACHE_ID_PREFIX = 'kb:';
const OTHER_FEATURES_PREFIXES = [TRAINING_CACHE_ID_PREFIX, KNOWLEDGE_BASE_CACHE_ID_PREFIX];

/**
 * Housekeeping after the catalog changes: drop copies of retired or replaced files, and fetch the
 * current file of every pinned asset the partner can still open. Course and tutorial videos are left alone.
 */
export function planCacheMaintenance(
  entries: readonly CacheEntry[],
  assets: readonly MarketingAsset[],
  pinned: ReadonlySet<string>,
  canOpen: (asset: MarketingAsset) => boolean,
): CachePlan {
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const remove: CacheEntry[] = [];
  const freshIds = new Set<string>();
  for (const entry of entries) {
    if (OTHER_FEATURES_PREFIXES.some((prefix) => entry.assetId.startsWith(prefix))) continue;
    const asset = byId.get(entry.assetId);
    const verdict = judgeCacheEntry(entry, asset);
    if (verdict.status === 'retired' || verdict.status === 'stale' || (asset && !canOpen(asset))) remove.push(entry);
    else if (verdict.status === 'fresh') freshIds.add(entry.assetId);
  }
  const fetch = [...pinned].filter((id) => {
    const asset = byId.get(id);
    return asset !== undefined && asset.file?.sha256 != null && canOpen(asset) && !freshIds.has(id);
  });
  return { remove, fetch };
}

/** Cache names are derived from the catalog id and sha256 only, never from a path in the catalog. */
export function cacheKeyFor(assetId: string, sha256: string): string {
  return `${assetId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}.${sha256.toLowerCase()}`;
}
