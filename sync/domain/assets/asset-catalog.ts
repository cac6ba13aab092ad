/**
 * Marketing assets as the marketing center shows them: catalog rows of kind `asset` read into a
 * checked shape, grouped by category, locked or unlocked by tier rank (the same rule the storage
 * policy applies to the files), with a format label, a readable size and an "updated" flag.
 */
import { z } from 'zod';
import { ASSET_CATEGORIES, assetBodySchema } from '../../schema/catalog-bodies';
import { TIERS, type Tier } from '../../schema/fields';

export type AssetCategory = (typeof ASSET_CATEGORIES)[number];
/** The sidebar's groups: the admin's categories plus "other" for rows that use another name. */
export type AssetGroupKey = AssetCategory | 'other';

export const ASSET_GROUP_LABELS: Record<AssetGroupKey, string> = {
  brochures: 'Brochures',
  email_templates: 'Email templates',
  social_media: 'Social media',
  video: 'Video',
  proposals: 'Proposals',
  brand_assets: 'Brand assets',
  other: 'Other',
};

/** Days an asset counts as "updated" after an admin publishes a change. */
export const UPDATED_WINDOW_DAYS = 14;

export interface AssetFile {
  /** Path inside the `assets` storage bucket. */
  path: string;
  /** Lower-case hex sha256 of the bytes, when the catalog states it. */
  sha256: string | null;
  size: number | null;
  mimeType: string;
}

export interface MarketingAsset {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** A PNG/JPEG/WebP data URL, kept in the row so it shows offline. */
  thumbnail: string | null;
  /** Slug of the proposal template "Customize" opens. */
  customizeTemplate: string | null;
  tierRequired: Tier;
  group: AssetGroupKey;
  tags: readonly string[];
  file: AssetFile | null;
  version: number;
  updatedAt: string;
}

/** The catalog columns read here; PlainDoc<'catalog'> fits. */
export interface AssetRowInput {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly slug: string;
  readonly body: unknown;
  readonly tier_required: Tier;
  readonly category?: string | null;
  readonly tags: readonly string[];
  readonly file_path?: string | null;
  readonly file_sha256?: string | null;
  readonly file_size?: number | null;
  readonly mime_type?: string | null;
  readonly version: number;
  readonly published: boolean;
  readonly created_at: string;
  readonly updated_at?: string | null;
}

export interface AssetProblem {
  id: string;
  title: string;
  message: string;
}

const sha256Hex = /^[0-9a-f]{64}$/;

export function assetGroupOf(category: string | null | undefined): AssetGroupKey {
  return (ASSET_CATEGORIES as readonly string[]).includes(category ?? '') ? (category as AssetCategory) : 'other';
}

/** Published asset rows in the given order; rows with an unreadable body are reported, not shown. */
export function parseAssets(rows: readonly AssetRowInput[]): { assets: MarketingAsset[]; problems: AssetProblem[] } {
  const assets: MarketingAsset[] = [];
  const problems: AssetProblem[] = [];
  for (const row of rows) {
    if (row.kind !== 'asset' || !row.published) continue;
    const body = assetBodySchema.safeParse(row.body);
    if (!body.success) {
      problems.push({ id: row.id, title: row.title, message: z.prettifyError(body.error) });
      continue;
    }
    const sha = row.file_sha256?.toLowerCase() ?? null;
    assets.push({
      id: row.id,
      slug: row.slug,
      title: row.title,
      description: body.data.description,
      thumbnail: body.data.thumbnail ?? null,
      customizeTemplate: body.data.customize_template ?? null,
      tierRequired: row.tier_required,
      group: assetGroupOf(row.category),
      tags: row.tags,
      file: row.file_path
        ? {
            path: row.file_path,
            sha256: sha && sha256Hex.test(sha) ? sha : null,
            size: row.file_size ?? null,
            mimeType: row.mime_type ?? 'application/octet-stream',
          }
        : null,
      version: row.version,
      updatedAt: row.updated_at ?? row.created_at,
    });
  }
  return { assets, problems };
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Unlocked when the partner's tier ranks at or above the asset's; unknown tier → locked. */
export function isAssetUnlocked(asset: Pick<MarketingAsset, 'tierRequired'>, tier: Tier | null | undefined): boolean {
  return tier != null && tierRank(tier) >= tierRank(asset.tierRequired);
}

export interface AssetGroup {
  key: AssetGroupKey;
  label: string;
  assets: MarketingAsset[];
}

/** Every category in sidebar order (empty ones too, so the sidebar is stable), then "Other" if used. */
export function groupAssetsByCategory(assets: readonly MarketingAsset[]): AssetGroup[] {
  const keys: AssetGroupKey[] = [...ASSET_CATEGORIES];
  if (assets.some((asset) => asset.group === 'other')) keys.push('other');
  return keys.map((key) => ({ key, label: ASSET_GROUP_LABELS[key], assets: assets.filter((asset) => asset.group === key) }));
}

/** Case-insensitive match on title, description and tags; every word must match. */
export function searchAssets(assets: readonly MarketingAsset[], query: string): MarketingAsset[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...assets];
  return assets.filter((asset) => {
    const text = [asset.title, asset.description, ...asset.tags.map((tag) => tag.replace(/_/g, ' '))].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

const FORMAT_BY_MIME: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/svg+xml': 'SVG',
  'text/html': 'HTML',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/markdown': 'Markdown',
  'application/json': 'JSON',
  'application/zip': 'ZIP',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'audio/mpeg': 'MP3',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
};

/** "PDF", "PNG", "MP4"…; an unknown type shows its subtype in capitals, or "File". */
export function formatLabel(mimeType: string | null | undefined): string {
  const base = (mimeType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const known = FORMAT_BY_MIME[base];
  if (known) return known;
  const subtype = base.split('/')[1];
  return subtype && /^[a-z0-9.+-]{1,12}$/.test(subtype) ? subtype.replace(/^x-/, '').toUpperCase() : 'File';
}

export type PreviewKind = 'image' | 'pdf' | 'video' | 'text' | 'none';

/** How the detail dialog can show the file itself. SVG previews as an image (scripts never run in <img>). */
export function previewKind(mimeType: string | null | undefined): PreviewKind {
  const base = (mimeType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (/^image\/(png|jpeg|webp|gif|svg\+xml)$/.test(base)) return 'image';
  if (base === 'application/pdf') return 'pdf';
  if (/^video\/(mp4|webm)$/.test(base)) return 'video';
  if (base === 'text/plain' || base === 'text/csv' || base === 'text/markdown' || base === 'text/html') return 'text';
  return 'none';
}

/** "845 KB", "1.2 MB", "512 bytes" (1 KB = 1024 bytes, as file managers show). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return 'Size unknown';
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}

export interface UpdatedCheck {
  now: Date;
  /** Versions the partner has already seen, by asset id; absent = never looked. */
  seenVersions?: Readonly<Record<string, number>>;
  windowDays?: number;
}

/**
 * "Updated" means an admin changed it recently (within the window) or its version moved past the
 * one this partner last saw. An asset the partner has never seen counts only by the window.
 */
export function isRecentlyUpdated(asset: Pick<MarketingAsset, 'id' | 'version' | 'updatedAt'>, check: UpdatedCheck): boolean {
  const seen = check.seenVersions?.[asset.id];
  if (seen !== undefined && asset.version > seen) return true;
  if (seen !== undefined && asset.version <= seen) return false;
  const updated = Date.parse(asset.updatedAt);
  if (Number.isNaN(updated)) return false;
  const windowMs = (check.windowDays ?? UPDATED_WINDOW_DAYS) * 24 * 3600 * 1000;
  const age = check.now.getTime() - updated;
  return age >= 0 && age <= windowMs;
}

/** The file name a download suggests: the last path segment, or the slug with the format's extension. */
export function downloadFileName(asset: Pick<MarketingAsset, 'slug' | 'file'>): string {
  const last = asset.file?.path.split('/').pop()?.trim();
  if (last) return last;
  return asset.slug;
}
