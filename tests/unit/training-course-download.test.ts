/**
 * "Download course for offline": a course's videos and sizes from its module rows, what the cache
 * holds of them, the download with progress and its refusals (offline, damaged, storage), removal,
 * and the verified file service it shares with the Marketing center (a damaged copy is dropped;
 * marketing housekeeping leaves course videos alone).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planCacheMaintenance, type CacheEntry } from '../../sync/domain/assets';
import type { AssetCachePut, AssetFileCache } from '../../renderer/platform';
import { createAssetFiles, type FileSource } from '../../renderer/platform/verified-files';
import {
  courseVideos,
  describeDownloadSize,
  downloadCourseVideos,
  removeCourseVideos,
  summarizeCourseOffline,
  videoCacheId,
  type DownloadProgress,
  type ModuleFileRow,
} from '../../renderer/features/training/course-download';

const COURSE = 'course-1';
const bytesA = new Uint8Array(300).fill(7);
const bytesB = new Uint8Array(100).fill(9);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function moduleRow(id: string, index: number, video: { path: string; bytes: Uint8Array } | null, withFile = true): ModuleFileRow {
  const lessons: unknown[] = [{ kind: 'text', blocks: [{ type: 'paragraph', text: `Module ${index}` }] }];
  if (video) lessons.push({ kind: 'video', asset_path: video.path, duration_seconds: 8, caption: `Video ${index}` });
  return {
    id,
    version: 1,
    body: { course_id: COURSE, index, title: `Module ${index}`, duration_minutes: 10, lessons },
    file_path: video && withFile ? video.path : null,
    file_sha256: video && withFile ? sha(video.bytes) : null,
    file_size: video && withFile ? video.bytes.byteLength : null,
    mime_type: video && withFile ? 'video/webm' : null,
  };
}

const rows: ModuleFileRow[] = [
  moduleRow('m2', 2, { path: 'training/b.webm', bytes: bytesB }),
  moduleRow('m0', 0, { path: 'training/a.webm', bytes: bytesA }),
  moduleRow('m1', 1, null),
  { ...moduleRow('other', 0, { path: 'training/other.webm', bytes: bytesA }), body: { course_id: 'course-2', index: 0, title: 'x', duration_minutes: 1, lessons: [{ kind: 'video', asset_path: 'training/other.webm', duration_seconds: 1, caption: 'c' }] } },
];

/** An in-memory cache with the platform interface; `failPut` makes the device refuse to store. */
function memoryCache(options: { failPut?: string } = {}) {
  const store = new Map<string, { sha256: string; version: number; data: Uint8Array }>();
  const cache: AssetFileCache = {
    async put(entry: AssetCachePut) {
      if (options.failPut) return { stored: false, reason: options.failPut };
      store.set(entry.assetId, { sha256: entry.sha256, version: entry.version, data: entry.data.slice() });
      return { stored: true };
    },
    async get(assetId, sha256) {
      const entry = store.get(assetId);
      return entry && entry.sha256 === sha256 ? entry.data : null;
    },
    async list() {
      return [...store].map(([assetId, entry]): CacheEntry => ({ assetId, sha256: entry.sha256, version: entry.version, size: entry.data.byteLength, storedAt: '2026-12-01T00:00:00.000Z' }));
    },
    async delete(assetId) {
      store.delete(assetId);
    },
    async clear() {
      store.clear();
    },
  };
  return { cache, store };
}

/** A storage source serving `files` by path, counting requests; `corrupt` flips a byte of what it serves. */
function storageSource(files: Record<string, Uint8Array>, options: { corrupt?: boolean } = {}) {
  const requested: string[] = [];
  const client = {
    storage: {
      from: () => ({
        async download(path: string) {
          requested.push(path);
          const bytes = files[path];
          if (!bytes) return { data: null, error: { message: 'Object not found' } };
          const served = bytes.slice();
          if (options.corrupt) served[0] = (served[0] ?? 0) ^ 0xff;
          return { data: new Blob([served]), error: null };
        },
      }),
    },
  };
  return { source: { kind: 'storage', client } as unknown as FileSource, requested };
}

describe('course videos from module rows', () => {
  it('lists the course’s videos in module order with their stated checksum and size', () => {
    const videos = courseVideos(rows, COURSE);
    expect(videos.map((video) => [video.moduleIndex, video.path, video.size, video.cacheId])).toEqual([
      [0, 'training/a.webm', 300, videoCacheId('m0', 1)],
      [2, 'training/b.webm', 100, videoCacheId('m2', 1)],
    ]);
    expect(videos[0]!.sha256).toBe(sha(bytesA));
  });

  it('cannot keep a video whose module row gives no checksum: it can only stream', () => {
    const summary = summarizeCourseOffline(courseVideos([moduleRow('m5', 5, { path: 'training/c.webm', bytes: bytesA }, false)], COURSE), []);
    expect(summary.keepable).toEqual([]);
    expect(summary.streamOnly).toHaveLength(1);
    expect(summary.state).toBe('no-videos');
  });

  it('states the total size before downloading, and what is already on the device', () => {
    const videos = courseVideos(rows, COURSE);
    const none = summarizeCourseOffline(videos, []);
    expect(none.state).toBe('not-downloaded');
    expect(describeDownloadSize(none)).toBe('2 videos, 400 bytes');
    const entries: CacheEntry[] = [{ assetId: videoCacheId('m0', 1), sha256: sha(bytesA), version: 1, size: 300, storedAt: '2026-12-01T00:00:00.000Z' }];
    const partial = summarizeCourseOffline(videos, entries);
    expect(partial.state).toBe('partial');
    expect(partial.remainingBytes).toBe(100);
    // A copy of an older file does not count as on the device.
    expect(summarizeCourseOffline(videos, [{ ...entries[0]!, sha256: sha(bytesB) }]).state).toBe('not-downloaded');
  });
});

describe('downloading a course for offline', () => {
  const files = { 'training/a.webm': bytesA, 'training/b.webm': bytesB };

  it('fetches each video once, verified, into the cache, reporting progress by bytes', async () => {
    const { cache } = memoryCache();
    const { source, requested } = storageSource(files);
    const service = createAssetFiles({ cache, source, isOnline: () => true });
    const videos = courseVideos(rows, COURSE);
    const progress: DownloadProgress[] = [];
    const outcome = await downloadCourseVideos(summarizeCourseOffline(videos, []), { files: service, isOnline: () => true, onProgress: (p) => progress.push(p) });
    expect(outcome).toEqual({ ok: true });
    expect(progress.map((p) => p.fraction)).toEqual([0, 0.75, 1]);
    expect(requested).toEqual(['training/a.webm', 'training/b.webm']);
    const after = summarizeCourseOffline(videos, await cache.list());
    expect(after.state).toBe('available');

    // Played offline from the device: the verified bytes, no request.
    const offlineService = createAssetFiles({ cache, source, isOnline: () => false });
    const copy = await offlineService.readCached({ id: videos[0]!.cacheId, version: 1, file: { path: videos[0]!.path, sha256: videos[0]!.sha256 } });
    expect(copy.status === 'found' && [...copy.bytes]).toEqual([...bytesA]);
    expect(requested).toHaveLength(2);

    // A second download has nothing left to fetch.
    await downloadCourseVideos(after, { files: service, isOnline: () => true, onProgress: () => undefined });
    expect(requested).toHaveLength(2);
  });

  it('stops when the device goes offline, keeping what it stored, and says how far it got', async () => {
    const { cache } = memoryCache();
    const { source } = storageSource(files);
    let online = true;
    const service = createAssetFiles({ cache, source, isOnline: () => online });
    const outcome = await downloadCourseVideos(summarizeCourseOffline(courseVideos(rows, COURSE), []), {
      files: service,
      isOnline: () => online,
      onProgress: (p) => {
        if (p.doneVideos === 1) online = false;
      },
    });
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/offline\. 1 of 2 videos are on this device.*Reconnect/) });
    expect((await cache.list()).map((entry) => entry.assetId)).toEqual([videoCacheId('m0', 1)]);
  });

  it('keeps nothing that does not match the catalog checksum, and says so', async () => {
    const { cache } = memoryCache();
    const { source } = storageSource(files, { corrupt: true });
    const service = createAssetFiles({ cache, source, isOnline: () => true });
    const outcome = await downloadCourseVideos(summarizeCourseOffline(courseVideos(rows, COURSE), []), { files: service, isOnline: () => true, onProgress: () => undefined });
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('arrived damaged') });
    expect(await cache.list()).toEqual([]);
  });

  it('reports a device that refuses to store a video', async () => {
    const { cache } = memoryCache({ failPut: 'The browser has no room left to keep this file offline.' });
    const { source } = storageSource(files);
    const service = createAssetFiles({ cache, source, isOnline: () => true });
    const outcome = await downloadCourseVideos(summarizeCourseOffline(courseVideos(rows, COURSE), []), { files: service, isOnline: () => true, onProgress: () => undefined });
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('could not be stored on this device: The browser has no room left') });
  });

  it('drops a damaged copy on read, and removes the course’s copies on request', async () => {
    const { cache, store } = memoryCache();
    const { source } = storageSource(files);
    const service = createAssetFiles({ cache, source, isOnline: () => true });
    const videos = courseVideos(rows, COURSE);
    await downloadCourseVideos(summarizeCourseOffline(videos, []), { files: service, isOnline: () => true, onProgress: () => undefined });
    store.get(videos[1]!.cacheId)!.data[0] = 0;
    const damaged = await service.readCached({ id: videos[1]!.cacheId, version: 1, file: { path: videos[1]!.path, sha256: videos[1]!.sha256 } });
    expect(damaged.status).toBe('damaged');
    expect(store.has(videos[1]!.cacheId)).toBe(false);
    expect(await removeCourseVideos(videos, cache)).toEqual({ ok: true });
    expect(await cache.list()).toEqual([]);
  });

  it('opens a video for viewing without keeping it when asked not to', async () => {
    const { cache } = memoryCache();
    const { source } = storageSource(files);
    const service = createAssetFiles({ cache, source, isOnline: () => true });
    const [video] = courseVideos(rows, COURSE);
    const result = await service.open({ id: video!.cacheId, version: 1, file: { path: video!.path, sha256: video!.sha256 } }, { keep: false });
    expect(result.ok && result.from).toBe('network');
    expect(result.ok && result.kept.stored).toBe(false);
    expect(await cache.list()).toEqual([]);
  });

  it('is left alone by the Marketing center’s cache housekeeping, like knowledge-base videos; a retired asset is not', () => {
    const entry = (assetId: string): CacheEntry => ({ assetId, sha256: sha(bytesA), version: 1, size: 300, storedAt: '2026-12-01T00:00:00.000Z' });
    const entries = [entry(videoCacheId('m0', 1)), entry('kb:article-1'), entry('retired-asset')];
    expect(planCacheMaintenance(entries, [], new Set(), () => true).remove.map((removed) => removed.assetId)).toEqual(['retired-asset']);
  });
});
