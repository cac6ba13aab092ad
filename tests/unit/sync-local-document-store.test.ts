/**
 * Sync bookkeeping kept in the workspace database's local documents: it survives closing and
 * reopening the database, goes when the database is removed, moves in once from localStorage,
 * and nothing is written to localStorage.
 */
import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalDocumentStore, moveKeyValueEntries } from '../../sync/replication/local-document-store';
import { openSyncProblemStore } from '../../sync/replication/sync-problems';
import { openPendingLedger } from '../../sync/replication/sync-state';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { createLegacyBookkeepingSource } from '../../renderer/session/sync/local-key-value-store';
import { SYNC_PENDING_KEY, SYNC_PROBLEMS_KEY } from '../../renderer/session/sync/workspace-sync';

const open: WorkstationDatabase[] = [];

function openDb(name: string): Promise<WorkstationDatabase> {
  return openWorkstationDatabase({
    name,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>,
    collections: ['leads'],
  }).then((db) => (open.push(db), db));
}

async function openBookkeeping(db: WorkstationDatabase) {
  const store = createLocalDocumentStore(db);
  return {
    problems: await openSyncProblemStore({ store, key: SYNC_PROBLEMS_KEY }),
    pending: await openPendingLedger({ store, key: SYNC_PENDING_KEY }),
  };
}

/** A localStorage stand-in that records every write. */
function spyStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: vi.fn((key: string) => map.get(key) ?? null),
    setItem: vi.fn((key: string, value: string) => void map.set(key, value)),
    removeItem: vi.fn((key: string) => void map.delete(key)),
  };
}

const refused = {
  collection: 'leads' as const,
  docId: 'lead-1',
  operation: 'insert' as const,
  reason: 'new row violates check constraint "leads_currency_check"',
  code: '23514',
  localDoc: { id: 'lead-1', company: 'Aegean Boutique Hotels', currency: 'eur' },
  assumedMasterState: null,
};

afterEach(async () => {
  for (const db of open.splice(0)) if (!db.closed) await db.close();
  vi.unstubAllGlobals();
});

describe('sync bookkeeping in the workspace database', () => {
  it('keeps a problem and a pending entry across closing and reopening, and loses them with the database', async () => {
    const storage = spyStorage();
    vi.stubGlobal('localStorage', storage);
    const name = `bookkeeping-${randomUUID().slice(0, 8)}`;

    const first = await openDb(name);
    const before = await openBookkeeping(first);
    await before.problems.record(refused);
    before.pending.add('leads', ['lead-2', 'lead-3']);
    before.pending.remove('leads', 'lead-3');
    await before.pending.flush();
    await first.close();

    const reopened = await openDb(name);
    const after = await openBookkeeping(reopened);
    expect(after.problems.find('leads', 'lead-1')).toMatchObject({ code: '23514', localDoc: { currency: 'eur' } });
    expect(after.pending.ids('leads')).toEqual(['lead-2']);
    await reopened.remove();

    const fresh = await openDb(name);
    const empty = await openBookkeeping(fresh);
    expect(empty.problems.list()).toEqual([]);
    expect(empty.pending.count('leads')).toBe(0);
    expect(storage.setItem).not.toHaveBeenCalled();
  });

  it('ignores a stored value that does not match its schema', async () => {
    const db = await openDb(`corrupt-${randomUUID().slice(0, 8)}`);
    await db.upsertLocal(SYNC_PROBLEMS_KEY, { value: '{"problems": [{"id": 5}]}' });
    const { problems } = await openBookkeeping(db);
    expect(problems.list()).toEqual([]);
  });

  it('moves a workspace\'s entries out of localStorage once, leaving other workspaces\' alone', async () => {
    const dbName = `moved-${randomUUID().slice(0, 8)}`;
    const legacyProblems = JSON.stringify({ problems: [{ id: 'p1', ...refused, at: '2026-03-01T10:00:00.000Z' }], discardedInserts: [] });
    const legacyPending = JSON.stringify({ pending: { leads: ['lead-9'] }, lastSyncedAt: {} });
    const storage = spyStorage({
      [`siso.sync.sync-problems:${dbName}`]: legacyProblems,
      [`siso.sync.sync-pending:${dbName}`]: legacyPending,
      'siso.sync.sync-pending:another-workspace': legacyPending,
    });
    const db = await openDb(dbName);
    const target = createLocalDocumentStore(db);
    const keys = [
      { from: `sync-problems:${dbName}`, to: SYNC_PROBLEMS_KEY },
      { from: `sync-pending:${dbName}`, to: SYNC_PENDING_KEY },
    ];
    await moveKeyValueEntries(createLegacyBookkeepingSource(storage), target, keys);

    const { problems, pending } = await openBookkeeping(db);
    expect(problems.get('p1')).toMatchObject({ docId: 'lead-1', code: '23514' });
    expect(pending.ids('leads')).toEqual(['lead-9']);
    expect([...storage.map.keys()]).toEqual(['siso.sync.sync-pending:another-workspace']);

    // A second run finds nothing to move and keeps what the database holds.
    pending.add('leads', ['lead-10']);
    await pending.flush();
    await moveKeyValueEntries(createLegacyBookkeepingSource(storage), target, keys);
    expect((await openBookkeeping(db)).pending.ids('leads')).toEqual(['lead-9', 'lead-10']);
    expect(storage.setItem).not.toHaveBeenCalled();
  });
});
