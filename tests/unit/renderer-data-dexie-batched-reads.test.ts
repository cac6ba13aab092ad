import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { MangoQuery } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withBatchedDexieReads } from '../../renderer/data/dexie-batched-reads';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import type { LeadDoc } from '../../sync/schema/leads.schema';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import demoData from '../../resources/demo/workspace.json';

const open: WorkstationDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function openDemo(name: string, batched: boolean): Promise<WorkstationDatabase> {
  const dexie = getRxStorageDexie({ indexedDB, IDBKeyRange });
  const db = await openWorkstationDatabase({ name, storage: batched ? withBatchedDexieReads(dexie) : dexie, devMode: true, collections: ['leads', 'earnings'] });
  open.push(db);
  return db;
}

const QUERIES: MangoQuery<LeadDoc>[] = [
  {},
  { sort: [{ created_at: 'desc' }] },
  { selector: { stage: 'won' }, sort: [{ created_at: 'desc' }] },
  { selector: { stage: { $in: ['new', 'contacted'] } } },
  { selector: { stage: { $in: [] } } },
  { selector: { company: { $regex: 'a' } }, sort: [{ company: 'asc' }] },
  { sort: [{ created_at: 'asc' }], limit: 3 },
];

describe('withBatchedDexieReads', () => {
  it('answers every query with the rows and order of RxDB’s own Dexie query, deleted rows excluded', async () => {
    const plain = await openDemo('batched-reads-plain', false);
    const inserted = await plain.leads.bulkInsert(parseDemoWorkspace(demoData, new Date('2026-06-01T12:00:00Z')).collections.leads);
    expect(inserted.error).toEqual([]);
    const leads = (await plain.leads.find().exec()).map((doc) => doc.toMutableJSON());
    expect(leads.length).toBeGreaterThan(3);
    await plain.leads.findOne(leads[0]!.id).exec().then((doc) => doc?.remove());
    await plain.close();
    open.splice(0);

    const batched = await openDemo('batched-reads-plain', true);
    const batchedResults = [];
    for (const query of QUERIES) batchedResults.push((await batched.leads.find(query).exec()).map((doc) => doc.id));
    await batched.close();
    open.splice(0);
    const reference = await openDemo('batched-reads-plain', false);
    for (const [i, query] of QUERIES.entries()) {
      const expected = (await reference.leads.find(query).exec()).map((doc) => doc.id);
      expect(batchedResults[i], JSON.stringify(query)).toEqual(expected);
    }
    expect(batchedResults[0]).not.toContain(leads[0]!.id);
    expect(batchedResults[0]).toHaveLength(leads.length - 1);
  });
});
