/**
 * A bulk import reaches the server in batched inserts: one row the server refuses is kept as a
 * sync problem on its own, every other row lands, and the request count proves the batching.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, newLead, startClient, type WorkstationClient } from '../fixtures/sync-clients';

let backend: TestBackend;
const clients: WorkstationClient[] = [];

beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(async () => {
  await backend?.close();
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
});

/** Counts the inserts a client sends to one table. */
function countingInserts(table: string) {
  const counter = { inserts: 0 };
  const fetchImpl: typeof globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method.toUpperCase() === 'POST' && new URL(url).pathname === `/rest/v1/${table}`) counter.inserts += 1;
    return globalThis.fetch(input, init);
  };
  return { counter, fetch: fetchImpl };
}

async function serverCount(notes: string): Promise<number> {
  const { count, error } = await backend.serviceClient().from('leads').select('id', { count: 'exact', head: true }).eq('notes', notes);
  if (error) throw new Error(error.message);
  return count ?? 0;
}

describe('bulk push', () => {
  it('pushes 1,200 imported leads in batches, keeps the one refused row as a problem and lands the rest', async () => {
    const counting = countingInserts('leads');
    const laptop = await startClient(backend, { dbName: `bulk-${randomUUID().slice(0, 8)}`, fetch: counting.fetch });
    clients.push(laptop);
    await laptop.replication.awaitInSync();
    const insertsBefore = counting.counter.inserts;

    const batchTag = `Imported ${randomUUID()}`;
    // The server's check constraint wants an upper-case ISO code; the local schema lets it through.
    const rows = Array.from({ length: 1_200 }, (_, i) => newLead(laptop.userId, randomUUID(), { notes: batchTag, currency: i === 700 ? 'eur' : 'EUR' }));
    const refused = rows[700]!;
    const result = await laptop.db.collections.leads.bulkInsert(rows);
    expect(result.error).toEqual([]);

    const problem = await eventually(() => laptop.problems.find('leads', refused.id), 'the refused row to be recorded', 60_000);
    expect(problem).toMatchObject({ operation: 'insert', code: '23514', docId: refused.id });
    await eventually(async () => (await serverCount(batchTag)) === rows.length - 1, 'every other row on the server', 60_000);
    await eventually(() => laptop.replication.tracker.current().pendingCount === 0, 'nothing pending');
    expect(laptop.problems.list().map((p) => p.docId)).toEqual([refused.id]);
    const { data: missing } = await backend.serviceClient().from('leads').select('id').eq('id', refused.id);
    expect(missing).toEqual([]);
    expect((await laptop.db.collections.leads.findOne(refused.id).exec())?.currency).toBe('eur'); // the user's row is kept

    // One row at a time would be 1,200 requests. Three batches of ≤ 500 plus halving down to the
    // refused row (two requests per halving, about nine halvings) stays far below one per 30 rows.
    const inserts = counting.counter.inserts - insertsBefore;
    expect(inserts).toBeGreaterThanOrEqual(3);
    expect(inserts).toBeLessThanOrEqual(40);
  });

  it('turns an id the server already has into a conflict for that row alone, inside a batch', async () => {
    const laptop = await startClient(backend, { dbName: `bulk-conflict-${randomUUID().slice(0, 8)}` });
    clients.push(laptop);
    await laptop.replication.awaitInSync();
    await laptop.replication.setOnline(false);

    const batchTag = `Conflict ${randomUUID()}`;
    const rows = Array.from({ length: 40 }, () => newLead(laptop.userId, randomUUID(), { notes: batchTag }));
    const taken = rows[17]!;
    // Another device pushed the same id first (e.g. a push whose reply was lost).
    const { client: elsewhere } = await backend.signIn('active');
    const { error } = await elsewhere.from('leads').insert({ ...taken, company: 'Pushed by the other device' });
    expect(error).toBeNull();
    await laptop.db.collections.leads.bulkInsert(rows);
    await laptop.replication.setOnline(true);

    await eventually(async () => (await serverCount(batchTag)) === rows.length, 'every row on the server', 30_000);
    await laptop.replication.awaitInSync();
    await eventually(() => laptop.replication.tracker.current().pendingCount === 0, 'nothing pending');
    expect(laptop.problems.list()).toEqual([]);
    const { data } = await backend.serviceClient().from('leads').select('company').eq('id', taken.id);
    // The conflict handler merged: the other device's company stands (changed on the server).
    expect(data).toEqual([{ company: 'Pushed by the other device' }]);
  });
});
