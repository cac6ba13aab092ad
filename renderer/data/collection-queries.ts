/**
 * Observables of plain JSON documents for the hooks. Generic per collection name so each caller
 * gets its own document type.
 */
import { map, type ObservedValueOf } from 'rxjs';
import type { MangoQuery, RxCollection } from 'rxdb';
import type { CollectionName, WorkstationDocTypes } from '../../sync/schema/collections';
import type { WorkstationDatabase } from '../../sync/schema/database';

/** What hooks return: toJSON() of the document (deeply readonly), without RxDB's internal fields. */
export type PlainDoc<N extends CollectionName> = NonNullable<ObservedValueOf<ReturnType<typeof observeDocument<N>>>>;

export function observeQuery<N extends CollectionName>(
  db: WorkstationDatabase,
  name: N,
  query: MangoQuery<WorkstationDocTypes[N]>,
) {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  return collection.find(query).$.pipe(map((docs) => docs.map((doc) => doc.toJSON())));
}

export function observeDocument<N extends CollectionName>(
  db: WorkstationDatabase,
  name: N,
  id: string,
) {
  const collection: RxCollection<WorkstationDocTypes[N]> = db.collections[name];
  return collection.findOne(id).$.pipe(map((doc) => (doc ? doc.toJSON() : null)));
}
