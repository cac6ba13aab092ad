/**
 * When a bulk push lands, the pending ledger forgets only the documents whose current local
 * version is the one pushed: a document written again while its push was in flight stays pending,
 * whether the newer write was seen by the replication (change events) or only by the storage.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RxCollection } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { createLock, createPushPath, type Doc, type PushTarget, type Row } from '../../sync/replication/push';
import { openSyncProblemStore } from '../../sync/replication/sync-problems';
import { openPendingLedger } from '../../sync/replication/sync-state';

const lead = (id: string, company: string): Doc => ({ id, company, stage: 'new', _deleted: false });
const rowOf = (doc: Doc): Row => ({ newDocumentState: doc as Row['newDocumentState'] });

async function setUp(options: { stored: Doc[]; onInsert: (target: PushTarget) => void }) {
  const store = createMemoryKeyValueStore();
  const problems = await openSyncProblemStore({ store, key: 'problems' });
  const pending = await openPendingLedger({ store, key: 'pending' });
  const stored = new Map(options.stored.map((doc) => [String(doc.id), doc]));
  const readFromStorage: string[][] = [];
  const collection = {
    storageInstance: {
      findDocumentsById: (ids: string[]) => {
        readFromStorage.push(ids);
        return Promise.resolve(ids.flatMap((id) => (stored.has(id) ? [{ ...stored.get(id), _rev: '2-x', _meta: { lwt: 1 }, _attachments: {} }] : [])));
      },
    },
  } as unknown as RxCollection<Doc>;
  const target: PushTarget = {
    name: 'leads',
    collection,
    pushOriginal: () => Promise.reject(new Error('only bulk inserts are expected here')),
    lock: createLock(),
    inFlight: new Map(),
    conflictServerState: new Map(),
    latestLocal: new Map(),
  };
  const client = {
    from: () => ({
      insert: () => {
        options.onInsert(target);
        return Promise.resolve({ error: null });
      },
    }),
  } as unknown as SupabaseClient;
  const pushPath = createPushPath({ client, problems, pending, requireSession: false, maxRowsPerRequest: 500 });
  return { target, pending, pushPath, readFromStorage };
}

describe('settling a bulk push', () => {
  it('keeps a document pending when the replication saw it written again during the push', async () => {
    const docs = [lead('a', 'Alpha'), lead('b', 'Beta'), lead('c', 'Gamma')];
    const { target, pending, pushPath, readFromStorage } = await setUp({
      stored: docs,
      onInsert: (pushTarget) => pushTarget.latestLocal.set('b', lead('b', 'Beta renamed')),
    });
    for (const doc of docs) target.latestLocal.set(String(doc.id), doc);
    pending.add('leads', ['a', 'b', 'c']);

    await pushPath.pushRows(target, docs.map(rowOf));

    expect(pending.ids('leads')).toEqual(['b']);
    expect(readFromStorage).toEqual([]);
    expect([...target.latestLocal.keys()]).toEqual(['b']);
  });

  it('reads the storage for documents the replication has not seen, and keeps a newer stored version pending', async () => {
    const docs = [lead('a', 'Alpha'), lead('b', 'Beta')];
    const { target, pending, pushPath, readFromStorage } = await setUp({
      stored: [lead('a', 'Alpha'), lead('b', 'Beta renamed')],
      onInsert: () => undefined,
    });
    pending.add('leads', ['a', 'b']);

    await pushPath.pushRows(target, docs.map(rowOf));

    expect(readFromStorage).toEqual([['a', 'b']]);
    expect(pending.ids('leads')).toEqual(['b']);
  });
});
