/**
 * Keeping a course's video lessons on this device ("Download course for offline"): which videos a
 * course has and what they weigh (from its module rows' file columns), whether this device holds a
 * verified copy of each, fetching them into the shared verified file cache with progress, removing
 * them, and the sentences that say why a download stopped. Written lessons are catalog rows, which
 * are on the device already.
 */
import { formatBytes, sameSha256, TRAINING_CACHE_ID_PREFIX, type CacheEntry } from '../../../sync/domain/assets';
import { moduleBodySchema } from '../../../sync/schema/catalog-bodies';
import type { AssetFileCache } from '../../platform';
import type { AssetFiles, CatalogFileRef, OpenFileResult } from '../../platform/verified-files';
import { errorMessage } from '../../ui/error-message';

/** The columns of a module's catalog row this reads (its file is the module's video, when it has one). */
export interface ModuleFileRow {
  id: string;
  version: number;
  body: unknown;
  file_path?: string | null;
  file_sha256?: string | null;
  file_size?: number | null;
  mime_type?: string | null;
}

export interface CourseVideo {
  /** Key in the file cache: the module row and the lesson's place in it. */
  cacheId: string;
  moduleId: string;
  moduleIndex: number;
  lessonIndex: number;
  path: string;
  caption: string;
  /** From the module row when its file is this lesson's; without it the video can only stream. */
  sha256: string | null;
  size: number | null;
  mimeType: string;
  version: number;
}

/** The electron cache accepts ids up to 64 characters. */
const MAX_CACHE_ID = 64;
const DEFAULT_VIDEO_TYPE = 'video/webm';

export function videoCacheId(moduleId: string, lessonIndex: number): string {
  return `${TRAINING_CACHE_ID_PREFIX}${moduleId}:${lessonIndex}`;
}

/** The course's video lessons in module order, with the file facts the catalog states. */
export function courseVideos(rows: readonly ModuleFileRow[], courseId: string): CourseVideo[] {
  const videos: CourseVideo[] = [];
  for (const row of rows) {
    const body = moduleBodySchema.safeParse(row.body);
    if (!body.success || body.data.course_id !== courseId) continue;
    body.data.lessons.forEach((lesson, lessonIndex) => {
      if (lesson.kind !== 'video') return;
      const ownFile = row.file_path === lesson.asset_path;
      const sha256 = ownFile && row.file_sha256 && /^[0-9a-f]{64}$/i.test(row.file_sha256) ? row.file_sha256.toLowerCase() : null;
      const cacheId = videoCacheId(row.id, lessonIndex);
      videos.push({
        cacheId,
        moduleId: row.id,
        moduleIndex: body.data.index,
        lessonIndex,
        path: lesson.asset_path,
        caption: lesson.caption,
        sha256: cacheId.length <= MAX_CACHE_ID ? sha256 : null,
        size: ownFile ? (row.file_size ?? null) : null,
        mimeType: (ownFile ? row.mime_type : null) ?? DEFAULT_VIDEO_TYPE,
        version: row.version,
      });
    });
  }
  return videos.sort((a, b) => a.moduleIndex - b.moduleIndex || a.lessonIndex - b.lessonIndex);
}

export function videoFileRef(video: CourseVideo): CatalogFileRef {
  return { id: video.cacheId, version: video.version, file: { path: video.path, sha256: video.sha256 } };
}

export interface CourseOfflineSummary {
  /** Videos that can be kept offline (the catalog gives their checksum). */
  keepable: CourseVideo[];
  /** Videos that can only stream (no checksum in the catalog to verify a copy against). */
  streamOnly: CourseVideo[];
  /** Keepable videos with a current copy on this device. */
  onDevice: CourseVideo[];
  /** Sum of the keepable videos' stated sizes; `unknownSizes` counts those without one. */
  totalBytes: number;
  unknownSizes: number;
  /** Bytes still to fetch. */
  remainingBytes: number;
  state: 'no-videos' | 'not-downloaded' | 'partial' | 'available';
}

/** Compares the course's videos with the cache listing (bookkeeping only; bytes are verified on play). */
export function summarizeCourseOffline(videos: readonly CourseVideo[], entries: readonly CacheEntry[]): CourseOfflineSummary {
  const byId = new Map(entries.map((entry) => [entry.assetId, entry]));
  const keepable = videos.filter((video) => video.sha256 !== null);
  const streamOnly = videos.filter((video) => video.sha256 === null);
  const onDevice = keepable.filter((video) => sameSha256(byId.get(video.cacheId)?.sha256, video.sha256));
  const totalBytes = keepable.reduce((sum, video) => sum + (video.size ?? 0), 0);
  const onDeviceIds = new Set(onDevice.map((video) => video.cacheId));
  const remainingBytes = keepable.filter((video) => !onDeviceIds.has(video.cacheId)).reduce((sum, video) => sum + (video.size ?? 0), 0);
  const state =
    keepable.length === 0 ? 'no-videos' : onDevice.length === keepable.length ? 'available' : onDevice.length === 0 ? 'not-downloaded' : 'partial';
  return { keepable, streamOnly, onDevice, totalBytes, unknownSizes: keepable.filter((video) => video.size === null).length, remainingBytes, state };
}

/** "2 videos, 366 KB" — what the partner is about to store. */
export function describeDownloadSize(summary: CourseOfflineSummary): string {
  const count = summary.keepable.length;
  const videos = `${count} ${count === 1 ? 'video' : 'videos'}`;
  if (summary.unknownSizes === count) return `${videos}, size not stated`;
  const size = formatBytes(summary.totalBytes);
  return summary.unknownSizes > 0 ? `${videos}, ${size} plus ${summary.unknownSizes} of unstated size` : `${videos}, ${size}`;
}

export interface DownloadProgress {
  /** 0–1 by bytes when sizes are known, else by videos. */
  fraction: number;
  doneBytes: number;
  totalBytes: number;
  doneVideos: number;
  totalVideos: number;
}

export type DownloadOutcome = { ok: true } | { ok: false; message: string };

function refusal(video: CourseVideo, result: Extract<OpenFileResult, { ok: false }>, done: number, total: number): string {
  const kept = done === 0 ? 'No video was kept yet.' : `${done} of ${total} videos are on this device; the rest are not.`;
  switch (result.reason) {
    case 'offline':
      return `The download stopped because this device is offline. ${kept} Reconnect and choose Download again to finish.`;
    case 'checksum':
      return `The video “${video.caption}” arrived damaged (it does not match the checksum in the catalog), so it was not kept. ${kept} Try again; if it keeps happening, contact SISO support.`;
    case 'no-source':
      return 'Course videos can only be downloaded while signed in to your partner account.';
    case 'refused':
      return `The server did not provide the video “${video.caption}”. It may have been replaced or be locked for your tier. ${kept} Sync, then try again; if it keeps happening, contact SISO support.`;
    case 'download-failed':
    case 'no-file':
      return `${result.message} ${kept}`;
  }
}

export interface DownloadCourseDeps {
  files: AssetFiles;
  isOnline(): boolean;
  onProgress(progress: DownloadProgress): void;
}

/**
 * Fetches every keepable video not yet on the device, verified and stored one by one; stops at the
 * first that fails, keeping the ones already stored, and says why.
 */
export async function downloadCourseVideos(summary: CourseOfflineSummary, deps: DownloadCourseDeps): Promise<DownloadOutcome> {
  const total = summary.keepable.length;
  const onDeviceIds = new Set(summary.onDevice.map((video) => video.cacheId));
  const byBytes = summary.unknownSizes === 0 && summary.totalBytes > 0;
  let doneBytes = summary.totalBytes - summary.remainingBytes;
  let doneVideos = summary.onDevice.length;
  const report = () =>
    deps.onProgress({
      fraction: byBytes ? doneBytes / summary.totalBytes : total === 0 ? 1 : doneVideos / total,
      doneBytes,
      totalBytes: summary.totalBytes,
      doneVideos,
      totalVideos: total,
    });
  report();
  for (const video of summary.keepable) {
    if (onDeviceIds.has(video.cacheId)) continue;
    if (!deps.isOnline()) {
      return { ok: false, message: refusal(video, { ok: false, reason: 'offline', damaged: false, message: '' }, doneVideos, total) };
    }
    const result = await deps.files.open(videoFileRef(video));
    if (!result.ok) return { ok: false, message: refusal(video, result, doneVideos, total) };
    if (!result.kept.stored) {
      return {
        ok: false,
        message: `The video “${video.caption}” could not be stored on this device: ${result.kept.reason} Free some disk space, then choose Download again.`,
      };
    }
    doneVideos += 1;
    doneBytes += video.size ?? result.bytes.byteLength;
    report();
  }
  return { ok: true };
}

/** Removes the course's copies; the videos stream again when online. */
export async function removeCourseVideos(videos: readonly CourseVideo[], cache: AssetFileCache): Promise<DownloadOutcome> {
  try {
    for (const video of videos) await cache.delete(video.cacheId);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `The offline copy could not be removed completely (${errorMessage(error)}). Try again; if it keeps failing, restart the app.` };
  }
}
