/**
 * Dexie storage whose unlimited queries read their index range in one IndexedDB request. RxDB's
 * Dexie query walks a cursor one record per event; on a 10,000-row collection that costs most of a
 * second at start-up, while `IDBIndex.getAll` over the same key range returns the same rows, in
 * the same order, at a fraction of the cost. Limited queries keep RxDB's cursor (it stops early).
 */
import type {
  DeepReadonly,
  DexieSettings,
  DexieStorageInternals,
  PreparedQuery,
  RxDocumentData,
  RxStorage,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
  RxStorageQueryResult,
} from 'rxdb';
import { getQueryMatcher, getSortComparator } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
} from 'rxdb/plugins/storage-dexie';

type DexieStorage = RxStorage<DexieStorageInternals, DexieSettings>;
type DexieInstance<T> = RxStorageInstance<T, DexieStorageInternals, DexieSettings>;

/** `storage` with every instance's unlimited queries answered by one getAll over the planned index. */
export function withBatchedDexieReads(storage: DexieStorage): DexieStorage {
  return {
    ...storage,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, DexieSettings>) {
      const instance = (await storage.createStorageInstance<T>(params)) as DexieInstance<T>;
      const cursorQuery = instance.query.bind(instance);
      instance.query = (preparedQuery) =>
        preparedQuery.query.limit === undefined && !preparedQuery.query.skip
          ? queryWithGetAll(instance, preparedQuery)
          : cursorQuery(preparedQuery);
      return instance;
    },
  };
}

async function queryWithGetAll<T>(instance: DexieInstance<T>, preparedQuery: PreparedQuery<T>): Promise<RxStorageQueryResult<T>> {
  const state = await instance.internals;
  const { queryPlan } = preparedQuery;
  let keyRange: IDBKeyRange;
  try {
    keyRange = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange) as IDBKeyRange;
  } catch (error) {
    // RxDB's own query answers an unrepresentable range (e.g. an empty $in) with no documents.
    if (error instanceof Error && error.name === 'DataError') return { documents: [] };
    throw error;
  }
  const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  const stored = await state.dexieDb.transaction('r', state.dexieTable, (dexieTx: { idbtrans: IDBTransaction }) => {
    const request = dexieTx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(keyRange);
    return new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Reading ${instance.collectionName} failed.`));
    });
  });
  let documents = stored.map((row: unknown) => fromDexieToStorage<T>(state.booleanIndexes, row));
  if (!queryPlan.selectorSatisfiedByIndex) {
    const matches = getQueryMatcher(instance.schema, preparedQuery.query);
    documents = documents.filter((doc: RxDocumentData<T>) => matches(doc as DeepReadonly<RxDocumentData<T>>));
  }
  if (!queryPlan.sortSatisfiedByIndex) {
    documents.sort(getSortComparator(instance.schema, preparedQuery.query));
  }
  return { documents };
}
