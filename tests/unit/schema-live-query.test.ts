import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { databaseNameForAccount, DEMO_DATABASE_NAME, openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { observeDocument, observeQuery } from '../../renderer/data/collection-queries';
import { createLiveQueryStore } from '../../renderer/data/live-query';

const PARTNER = '00000000-0000-4000-8000-000000000a01';
let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

const nextChange = (subscribe: (listener: () => void) => () => void) =>
  new Promise<void>((resolve) => {
    const stop = subscribe(() => {
      stop();
      resolve();
    });
  });

describe('live query store (what useQuery/useDocument render from)', () => {
  it('is loading until the first result, then follows changes as plain JSON, and stops on last unsubscribe', async () => {
    db = await openWorkstationDatabase({ name: 'live-query', storage: getRxStorageMemory(), devMode: true });
    const store = createLiveQueryStore(observeQuery(db, 'leads', { selector: { stage: 'new' }, sort: [{ created_at: 'asc' }] }), []);
    expect(store.getSnapshot()).toEqual({ data: [], loading: true, error: null });

    let notified = 0;
    const unsubscribe = store.subscribe(() => (notified += 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getSnapshot()).toMatchObject({ data: [], loading: false });

    const changed = nextChange(store.subscribe);
    await db.collections.leads.insert({
      id: 'lead-1', partner_id: PARTNER, created_at: '2026-03-01T10:00:00.000Z', company: 'Aegean Boutique Hotels', source: 'event', stage: 'new',
    });
    await changed;
    const snapshot = store.getSnapshot();
    expect(snapshot.data.map((lead) => lead.company)).toEqual(['Aegean Boutique Hotels']);
    expect(Object.getPrototypeOf(snapshot.data[0])).toBe(Object.prototype);
    expect(store.getSnapshot()).toBe(snapshot);

    const document = createLiveQueryStore(observeDocument(db, 'leads', 'lead-1'), null);
    const stopDocument = document.subscribe(() => {});
    const moved = nextChange(store.subscribe);
    await db.collections.leads.findOne('lead-1').incrementalPatch({ stage: 'contacted' });
    await moved;
    expect(store.getSnapshot().data).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.getSnapshot().data?.stage).toBe('contacted');
    stopDocument();

    unsubscribe();
    const before = notified;
    await db.collections.leads.insert({
      id: 'lead-2', partner_id: PARTNER, created_at: '2026-03-02T10:00:00.000Z', company: 'Ivanov Engineering', source: 'website', stage: 'new',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notified).toBe(before);
  });

  it('reports errors from the source and stays loading without a database', () => {
    const source = new Subject<number[]>();
    const store = createLiveQueryStore(source, []);
    store.subscribe(() => {});
    source.error(new Error('storage closed'));
    expect(store.getSnapshot()).toEqual({ data: [], loading: false, error: new Error('storage closed') });
    expect(createLiveQueryStore(null, []).getSnapshot().loading).toBe(true);
  });
});

describe('database names', () => {
  it('are stable, valid RxDB names, distinct per account and per server', () => {
    const name = databaseNameForAccount('http://127.0.0.1:54321/', 'A1B2C3D4-0000-4000-8000-000000000001');
    expect(name).toMatch(/^[a-z][_$a-z0-9-]*$/);
    expect(databaseNameForAccount('HTTP://127.0.0.1:54321', 'a1b2c3d4-0000-4000-8000-000000000001')).toBe(name);
    expect(databaseNameForAccount('http://127.0.0.1:54322', 'a1b2c3d4-0000-4000-8000-000000000001')).not.toBe(name);
    expect(databaseNameForAccount('http://127.0.0.1:54321', 'another-user')).not.toBe(name);
    expect(DEMO_DATABASE_NAME).toMatch(/^[a-z][_$a-z0-9-]*$/);
    expect(name).not.toBe(DEMO_DATABASE_NAME);
    expect(() => databaseNameForAccount('not a url', 'u')).toThrow(/not a server address/);
  });
});
