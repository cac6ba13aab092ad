import { useMemo, useSyncExternalStore } from 'react';
import type { MangoQuery } from 'rxdb';
import type { CollectionName, WorkstationDocTypes } from '../../sync/schema/collections';
import { useDatabase } from './DatabaseProvider';
import { observeDocument, observeQuery, type PlainDoc } from './collection-queries';
import { createLiveQueryStore, type LiveResult } from './live-query';

const NO_DOCS: never[] = [];

/**
 * Live results of a Mango query; re-renders when matching documents change. The query is compared
 * by its JSON, so an inline object literal does not resubscribe on every render (queries must
 * therefore be JSON: use string patterns for $regex).
 */
export function useQuery<N extends CollectionName>(
  name: N,
  query: MangoQuery<WorkstationDocTypes[N]> = {},
): LiveResult<PlainDoc<N>[]> {
  const db = useDatabase();
  const queryKey = JSON.stringify(query);
  const store = useMemo(() => {
    const stableQuery = JSON.parse(queryKey) as MangoQuery<WorkstationDocTypes[N]>;
    return createLiveQueryStore(db ? observeQuery(db, name, stableQuery) : null, NO_DOCS as PlainDoc<N>[]);
  }, [db, name, queryKey]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** One document by id, live; data is null when it does not exist (or id is null). */
export function useDocument<N extends CollectionName>(
  name: N,
  id: string | null | undefined,
): LiveResult<PlainDoc<N> | null> {
  const db = useDatabase();
  const store = useMemo(
    () => createLiveQueryStore<PlainDoc<N> | null>(db && id ? observeDocument(db, name, id) : null, null),
    [db, name, id],
  );
  const result = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return db && !id ? NOT_REQUESTED : result;
}

const NOT_REQUESTED: LiveResult<null> = { data: null, loading: false, error: null };
