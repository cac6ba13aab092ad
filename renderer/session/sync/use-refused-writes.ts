/**
 * The writes the server refused for good in one collection (Sync problems), live, for screens that
 * show a refusal where the partner made the change, and the discard that drops the refused version.
 * Empty when the workspace has no sync (the demo workspace, or before sign-in).
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SyncProblem } from '../../../sync/replication/sync-problems';
import type { CollectionName } from '../../../sync/schema/collections';
import { useOpenWorkspace } from '../open-workspace-context';

const NO_PROBLEMS: readonly SyncProblem[] = [];

export interface RefusedWrites {
  /** Refused documents of the collection by their id. */
  readonly byDocId: ReadonlyMap<string, SyncProblem>;
  /** Drops the refused local version (a refused insert disappears; an edit returns to the server's). */
  discard(problemId: string): Promise<void>;
}

export function useRefusedWrites(collection: CollectionName): RefusedWrites {
  const sync = useOpenWorkspace()?.sync ?? null;
  const subscribe = useCallback((onChange: () => void) => (sync ? sync.store.subscribe(onChange) : () => undefined), [sync]);
  const problems = useSyncExternalStore(subscribe, () => sync?.store.getState().problems ?? NO_PROBLEMS);
  return useMemo(
    () => ({
      byDocId: new Map(problems.filter((problem) => problem.collection === collection).map((problem) => [problem.docId, problem])),
      async discard(problemId: string) {
        if (!sync) throw new Error('Sync is not running for this workspace, so there is nothing to discard.');
        await sync.discard(problemId);
      },
    }),
    [problems, collection, sync],
  );
}
