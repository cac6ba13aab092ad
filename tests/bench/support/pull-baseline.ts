/**
 * What sync benchmarks compare against: the replication plugin's own pull query, batch by batch,
 * into a raw Dexie table (no RxDB), and the workstation replication of chosen collections into a
 * fresh local database.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { closeDexieDb, getDexieDbWithTables } from 'rxdb/plugins/storage-dexie';
import type { SupabaseClient } from '@supabase/supabase-js';
import { dexieStorage } from '../../fixtures/sync-clients';
import { createOverwrittenLog } from '../../../sync/replication/conflicts';
import { createMemoryKeyValueStore } from '../../../sync/replication/key-value-store';
import { startWorkstationReplication, type WorkstationReplication } from '../../../sync/replication/replicate';
import { openSyncProblemStore } from '../../../sync/replication/sync-problems';
import { openPendingLedger } from '../../../sync/replication/sync-state';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../../sync/schema/database';
import type { CollectionName } from '../../../sync/schema/collections';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** REST pulls in the plugin's order and checkpoint, each batch bulkPut into a raw Dexie table. */
export async function baselinePull(client: SupabaseClient, table: string, schema: Parameters<typeof getDexieDbWithTables>[3], batchSize: number): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  // RxDB bundles its own Dexie (two copies cannot load together): use its table helper directly.
  const raw = getDexieDbWithTables(`bench-raw-${randomUUID()}`, table, { indexedDB, IDBKeyRange }, schema);
  const { dexieTable } = await raw;
  let checkpoint: { id: string; modified: string | number } | undefined;
  let rows = 0;
  for (;;) {
    let query = client.from(table).select('*');
    if (checkpoint) query = query.or(`"_modified".gt.${checkpoint.modified},and("_modified".eq.${checkpoint.modified},"id".gt.${checkpoint.id})`);
    const { data, error } = await query.order('_modified', { ascending: true }).order('id', { ascending: true }).limit(batchSize);
    if (error) throw new Error(error.message);
    const batch = data as Record<string, unknown>[];
    await dexieTable.bulkPut(batch.map(({ _modified: _m, ...doc }) => ({ ...doc, _deleted: doc._deleted === true })));
    rows += batch.length;
    const last = batch[batch.length - 1];
    if (batch.length < batchSize || !last) break;
    checkpoint = { id: String(last.id), modified: last._modified as string | number };
  }
  const ms = performance.now() - start;
  await closeDexieDb(raw);
  return { ms, rows };
}

export interface ReplicatedDatabase {
  ms: number;
  db: WorkstationDatabase;
  replication: WorkstationReplication;
}

/** Opens a fresh local database with `collections` and waits for their initial replication. */
export async function replicateFresh(options: { client: SupabaseClient; serverUrl: string; partnerId: string; collections: CollectionName[] }): Promise<ReplicatedDatabase> {
  const start = performance.now();
  const overwritten = createOverwrittenLog();
  const db = await openWorkstationDatabase({
    name: `bench-${randomUUID().slice(0, 8)}`,
    storage: dexieStorage() as RxStorage<unknown, unknown>,
    collections: options.collections,
    conflictHandlers: overwritten.conflictHandlers,
  });
  const store = createMemoryKeyValueStore();
  const replication = await startWorkstationReplication({
    db,
    client: options.client,
    serverUrl: options.serverUrl,
    partnerId: options.partnerId,
    problems: await openSyncProblemStore({ store, key: 'p' }),
    pending: await openPendingLedger({ store, key: 'q' }),
    overwritten,
    collections: options.collections,
  });
  await Promise.all(options.collections.map((name) => replication.replications.get(name)?.awaitInitialReplication()));
  return { ms: performance.now() - start, db, replication };
}
