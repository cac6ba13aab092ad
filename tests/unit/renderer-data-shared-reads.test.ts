/**
 * Unlimited queries are answered from one shared live read of their collection: each still gets
 * exactly its own selector and sort order, follows changes, and the storage is queried once for
 * all of them (on IndexedDB every storage query over a large collection is a full cursor walk).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { observeQuery } from '../../renderer/data/collection-queries';

const PARTNER = '00000000-0000-4000-8000-000000000a01';
let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

/** Memory storage that counts the queries its collections run against the storage. */
function countingStorage(): { storage: RxStorage<unknown, unknown>; queries: () => number } {
  const memory = getRxStorageMemory();
  const query = vi.fn();
  const storage: RxStorage<unknown, unknown> = {
    ...memory,
    async createStorageInstance(params) {
      const instance = await memory.createStorageInstance(params as never);
      const run = instance.query.bind(instance);
      instance.query = (prepared) => {
        if (params.collectionName === 'leads') query();
        return run(prepared);
      };
      return instance as never;
    },
  } as RxStorage<unknown, unknown>;
  return { storage, queries: () => query.mock.calls.length };
}

const lead = (id: string, company: string, stage: 'new' | 'won', createdAt: string) => ({
  id, partner_id: PARTNER, created_at: createdAt, company, source: 'website' as const, stage,
});

describe('unlimited queries share one read of their collection', () => {
  it('filters and sorts per query, follows changes and queries the storage once', async () => {
    const { storage, queries } = countingStorage();
    db = await openWorkstationDatabase({ name: 'shared-reads', storage });
    await db.leads.bulkInsert([
      lead('a', 'Alpha', 'new', '2026-01-01T00:00:00.000Z'),
      lead('b', 'Bravo', 'won', '2026-02-01T00:00:00.000Z'),
      lead('c', 'Charlie', 'new', '2026-03-01T00:00:00.000Z'),
    ]);
    const before = queries();

    const newest = observeQuery(db, 'leads', { selector: {}, sort: [{ created_at: 'desc' }] });
    const fresh = observeQuery(db, 'leads', { selector: { stage: 'new' }, sort: [{ company: 'asc' }] });
    const newestSeen: string[][] = [];
    const freshSeen: string[][] = [];
    const stopNewest = newest.subscribe((rows) => newestSeen.push(rows.map((row) => row.company)));
    const stopFresh = fresh.subscribe((rows) => freshSeen.push(rows.map((row) => row.company)));
    await firstValueFrom(fresh.pipe(filter((rows) => rows.length > 0)));

    expect(newestSeen.at(-1)).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(freshSeen.at(-1)).toEqual(['Alpha', 'Charlie']);
    expect(queries() - before).toBe(1);

    await db.leads.insert(lead('d', 'Aardvark', 'new', '2026-04-01T00:00:00.000Z'));
    await firstValueFrom(fresh.pipe(filter((rows) => rows.length === 3)));
    expect(freshSeen.at(-1)).toEqual(['Aardvark', 'Alpha', 'Charlie']);
    expect(newestSeen.at(-1)).toEqual(['Aardvark', 'Charlie', 'Bravo', 'Alpha']);

    // A limited query reads through its own storage query.
    const one = await firstValueFrom(observeQuery(db, 'leads', { selector: { stage: 'won' }, limit: 1 }));
    expect(one.map((row) => row.company)).toEqual(['Bravo']);
    stopNewest.unsubscribe();
    stopFresh.unsubscribe();
  });
});
