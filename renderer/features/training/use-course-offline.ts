/**
 * The offline side of one course page, live: its video lessons with their catalog file facts, what
 * this device holds of them (the shared verified file cache), and the file service that fetches
 * and verifies them. A separate read from use-training-data because only the course page needs it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CacheEntry } from '../../../sync/domain/assets';
import { useCatalog } from '../../data/workstation-hooks';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { createAssetFiles } from '../../platform/verified-files';
import { useOpenWorkspace } from '../../session';
import { errorMessage } from '../../ui/error-message';
import { courseVideos, summarizeCourseOffline } from './course-download';

export function useCourseOffline(courseId: string) {
  const platform = usePlatform();
  const workspace = useOpenWorkspace();
  const online = useOnlineStatus();
  const moduleRows = useCatalog('module');
  const client = workspace?.sync?.client ?? null;
  const files = useMemo(
    () => createAssetFiles({ cache: platform.assetCache, source: client ? { kind: 'storage', client } : null, isOnline: () => navigator.onLine }),
    [platform, client],
  );
  const videos = useMemo(() => courseVideos(moduleRows.data, courseId), [moduleRows.data, courseId]);
  const [entries, setEntries] = useState<CacheEntry[]>([]);
  const [listProblem, setListProblem] = useState<string | null>(null);
  /** Bumped after every listing, so players look for a device copy again after a download or removal. */
  const [revision, setRevision] = useState(0);

  const listed = useCallback((list: Promise<CacheEntry[]>) => {
    return list.then(
      (current) => {
        setEntries(current);
        setListProblem(null);
        setRevision((value) => value + 1);
      },
      (error: unknown) => {
        setListProblem(`The files kept on this device could not be listed (${errorMessage(error)}). Restart the app; if it keeps happening, contact SISO support.`);
        setRevision((value) => value + 1);
      },
    );
  }, []);
  const refresh = useCallback(() => listed(platform.assetCache.list()), [listed, platform]);

  useEffect(() => {
    void listed(platform.assetCache.list());
  }, [listed, platform]);

  const summary = useMemo(() => summarizeCourseOffline(videos, entries), [videos, entries]);
  return { videos, summary, files, cache: platform.assetCache, client, online, refresh, listProblem, revision };
}

export type CourseOffline = ReturnType<typeof useCourseOffline>;
