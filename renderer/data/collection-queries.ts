/**
 * Observables of plain JSON documents for the hooks. Generic per collection name so each caller
 * gets its own document type. Queries without a limit are answered in memory from one shared live
 * read of the whole collection: RxDB's IndexedDB storage walks a cursor one document per event for
 * every distinct query, so on a large workspace each extra query over leads or earnings cost a
 * second full read at start-up.
 */
import { map, shareReplay, type Observable, type ObservedValueOf } from 'rxjs';
import { getQueryMatcher, getSortComparator, normalizeMangoQuery, type DeepReadonly, type MangoQuery, type RxCollection } from 'rxdb';
import type { CollectionName, WorkstationDocTypes } from '../../sync/schema/collections';
import type { WorkstationDatabase } from '../../sync/schema/database';

/** What hooks return: toJSON() of the document (deeply readonly), without RxDB's internal fields. */
export type PlainDoc<N extends CollectionName> = NonNullable<ObservedValueOf<ReturnType<typeof observeDocument<N>>>>;

const wholeCollections = new WeakMap<RxCollection, Observable<unknown[]>>();

/** Every document of the collection as plain JSON, live; one storage query shared by every subscriber. */
function wholeCollection<T>(collection: RxCollection<T>): Observable<DeepReadonly<T>[]> {
  const key = collection as unknown as RxCollection;
  const existing = wholeCollections.get(key) as Observable<DeepReadonly<T>[]> | undefined;
  if (existing) return existing;
  const shared = collection.find().$.pipe(
    map((docs) => docs.map((doc) => doc.toJSON())),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
  wholeCollections.set(key, shared);
  return shared;
}

export function observeQuery<N extends CollectionName>(
  db: WorkstationDatabase,
  name: N,
  query: MangoQuery<WorkstationDocTypes[N]>,
) {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  if (query.limit !== undefined || query.skip !== undefined) {
    // A limited query reads only what it needs through an index; sharing would read everything.
    return collection.find(query).$.pipe(map((docs) => docs.map((doc) => doc.toJSON())));
  }
  const normalized = normalizeMangoQuery(collection.schema.jsonSchema, query);
  const matches = getQueryMatcher(collection.schema.jsonSchema, normalized);
  const compare = getSortComparator(collection.schema.jsonSchema, normalized);
  return wholeCollection(collection).pipe(
    map((rows) => rows.filter((row) => matches(row as never)).sort((a, b) => compare(a as never, b as never))),
  );
}

export function observeDocument<N extends CollectionName>(
  db: WorkstationDatabase,
  name: N,
  id: string,
) {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  return collection.findOne(id).$.pipe(map((doc) => (doc ? doc.toJSON() : null)));
}
