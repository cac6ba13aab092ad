/**
 * The workstation replication against the local backend: two devices of one partner, offline
 * edits converging, refused writes kept as problems, pending writes surviving a restart.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
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

async function device(dbName: string, options: Partial<Parameters<typeof startClient>[1]> = {}) {
  const client = await startClient(backend, { dbName: `${dbName}-${randomUUID().slice(0, 8)}`, ...options });
  clients.push(client);
  return client;
}

async function serverLead(id: string) {
  const { data, error } = await backend.serviceClient().from('leads').select('*').eq('id', id);
  if (error) throw new Error(error.message);
  return data[0] as Record<string, unknown> | undefined;
}

describe('workstation replication', () => {
  it('pulls the partner\'s rows, pushes a new lead, and two devices see each other\'s changes live', async () => {
    const laptop = await device('laptop');
    const desktop = await device('desktop');
    await laptop.replication.awaitInSync();
    await desktop.replication.awaitInSync();
    const seeded = await laptop.db.collections.leads.count().exec();
    expect(seeded).toBeGreaterThan(0);
    const foreign = await laptop.db.collections.leads.find({ selector: { partner_id: { $ne: laptop.userId } } }).exec();
    expect(foreign).toEqual([]);

    const id = randomUUID();
    await laptop.db.collections.leads.insert(newLead(laptop.userId, id, { company: 'Aegean Boutique Hotels' }));
    await eventually(async () => (await serverLead(id))?.company === 'Aegean Boutique Hotels', 'the server to have the lead');
    const seen = await eventually(() => desktop.db.collections.leads.findOne(id).exec(), 'the desktop to receive the lead');
    expect(seen.company).toBe('Aegean Boutique Hotels');

    await seen.incrementalPatch({ stage: 'contacted', notes: 'Called on Monday' });
    await eventually(async () => (await laptop.db.collections.leads.findOne(id).exec())?.stage === 'contacted', 'the laptop to see the edit');
    await eventually(() => laptop.replication.tracker.current().pendingCount === 0 && desktop.replication.tracker.current().pendingCount === 0, 'nothing pending');
    expect(laptop.replication.tracker.current().status).toBe('up-to-date');
  });

  it('offline edits to one lead converge: different fields merge, the same field keeps the first pushed and reports the other', async () => {
    const laptop = await device('laptop');
    const desktop = await device('desktop');
    const id = randomUUID();
    await laptop.db.collections.leads.insert(newLead(laptop.userId, id, { company: 'Ivanov Engineering' }));
    await eventually(() => desktop.db.collections.leads.findOne(id).exec(), 'the desktop to receive the lead');
    await laptop.replication.awaitInSync();

    await laptop.replication.setOnline(false);
    await desktop.replication.setOnline(false);
    await (await laptop.db.collections.leads.findOne(id).exec())!.incrementalPatch({ notes: 'Wants a demo in March' });
    await (await desktop.db.collections.leads.findOne(id).exec())!.incrementalPatch({ stage: 'qualified' });
    expect(laptop.replication.tracker.current()).toMatchObject({ status: 'offline', pendingCount: 1 });

    await laptop.replication.setOnline(true);
    await eventually(async () => (await serverLead(id))?.notes === 'Wants a demo in March', 'the laptop edit on the server');
    await desktop.replication.setOnline(true);
    const merged = (lead: Record<string, unknown> | undefined) => lead?.notes === 'Wants a demo in March' && lead?.stage === 'qualified';
    await eventually(async () => merged(await serverLead(id)), 'both fields on the server');
    await eventually(async () => merged((await laptop.db.collections.leads.findOne(id).exec())?.toJSON()), 'the laptop to converge');
    await eventually(async () => merged((await desktop.db.collections.leads.findOne(id).exec())?.toJSON()), 'the desktop to converge');
    expect(desktop.overwrittenReports).toEqual([]);

    // Same field on both devices: the first to reach the server wins, the other edit is reported.
    await laptop.replication.setOnline(false);
    await desktop.replication.setOnline(false);
    await (await laptop.db.collections.leads.findOne(id).exec())!.incrementalPatch({ estimated_value: 12000 });
    await (await desktop.db.collections.leads.findOne(id).exec())!.incrementalPatch({ estimated_value: 9000, next_action: 'Send proposal' });
    await laptop.replication.setOnline(true);
    await eventually(async () => (await serverLead(id))?.estimated_value === 12000, 'the laptop value on the server');
    await desktop.replication.setOnline(true);
    await eventually(async () => (await serverLead(id))?.next_action === 'Send proposal', 'the desktop\'s other field merged');
    const report = await eventually(() => desktop.overwrittenReports.find((r) => r.docId === id), 'the overwritten edit to be reported');
    expect(report).toMatchObject({ collection: 'leads', lostFields: { estimated_value: 9000 } });
    expect(desktop.overwritten.list().map((r) => r.docId)).toContain(id);
    for (const client of [laptop, desktop]) {
      await eventually(async () => {
        const lead = (await client.db.collections.leads.findOne(id).exec())?.toJSON();
        return lead?.estimated_value === 12000 && lead.next_action === 'Send proposal';
      }, 'each device to converge on the server\'s value');
    }
    await eventually(() => desktop.replication.tracker.current().pendingCount === 0, 'nothing pending on the desktop');
  });

  it('keeps a refused write as a problem with the server\'s reason, lets other writes through, and retries or discards it', async () => {
    const laptop = await device('laptop');
    await laptop.replication.awaitInSync();
    const leads = laptop.db.collections.leads;
    const someoneElse = '00000000-0000-4000-8000-000000000001';

    const refusedId = randomUUID();
    const fineId = randomUUID();
    await leads.insert(newLead(someoneElse, refusedId, { company: 'Not mine' }));
    await leads.insert(newLead(laptop.userId, fineId, { company: 'Mine' }));
    await eventually(async () => (await serverLead(fineId))?.company === 'Mine', 'the valid lead on the server');
    const problem = await eventually(() => laptop.problems.find('leads', refusedId), 'the refused insert to be recorded');
    expect(problem).toMatchObject({ operation: 'insert', code: '42501', docId: refusedId });
    expect(problem.reason).toMatch(/row-level security/i);
    expect(await serverLead(refusedId)).toBeUndefined();
    expect((await leads.findOne(refusedId).exec())?.partner_id).toBe(someoneElse); // the local edit is kept
    await eventually(() => laptop.replication.tracker.current().status === 'problem', 'the top bar to show the problem');
    expect(laptop.replication.tracker.current()).toMatchObject({ problemCount: 1, pendingCount: 0 });

    // A later edit to the still-refused document is retried as an insert; fixing the cause lets it through.
    await (await leads.findOne(refusedId).exec())!.incrementalPatch({ partner_id: laptop.userId });
    expect(['pushed', 'already-resolved']).toContain(await laptop.replication.retry(problem.id));
    await eventually(async () => (await serverLead(refusedId))?.partner_id === laptop.userId, 'the fixed lead on the server');
    expect(laptop.problems.list()).toEqual([]);

    // A refused update (check constraint), retried unchanged, then discarded: the server's version comes back.
    await (await leads.findOne(fineId).exec())!.incrementalPatch({ currency: 'eur', notes: 'lower-case currency' });
    const refusedUpdate = await eventually(() => laptop.problems.find('leads', fineId), 'the refused update to be recorded');
    expect(refusedUpdate).toMatchObject({ operation: 'update', code: '23514' });
    expect(refusedUpdate.assumedMasterState).toMatchObject({ company: 'Mine' });
    expect(refusedUpdate.assumedMasterState?.notes ?? null).toBeNull(); // the base is the server's row, not the edit
    expect(await laptop.replication.retry(refusedUpdate.id)).toBe('refused-again');
    await laptop.replication.discard(refusedUpdate.id);
    await eventually(async () => (await leads.findOne(fineId).exec())?.notes === null, 'the server version restored locally');
    expect((await serverLead(fineId))?.currency).toBeNull();

    // Fix-then-retry for an update: the recorded base makes the eq-check match the server's row.
    await (await leads.findOne(fineId).exec())!.incrementalPatch({ currency: 'eur', notes: 'again' });
    const again = await eventually(() => laptop.problems.find('leads', fineId), 'the refused update recorded again');
    await (await leads.findOne(fineId).exec())!.incrementalPatch({ currency: 'EUR' });
    expect(['pushed', 'already-resolved']).toContain(await laptop.replication.retry(again.id));
    await eventually(async () => (await serverLead(fineId))?.currency === 'EUR' && (await serverLead(fineId))?.notes === 'again', 'the fixed update on the server');

    // A refused insert discarded: removed locally, the removal is never pushed, nothing stays pending.
    const strayId = randomUUID();
    await leads.insert(newLead(someoneElse, strayId));
    const stray = await eventually(() => laptop.problems.find('leads', strayId), 'the stray insert refused');
    await laptop.replication.discard(stray.id);
    expect(await leads.findOne(strayId).exec()).toBeNull();
    await laptop.replication.awaitInSync();
    await eventually(() => laptop.replication.tracker.current().pendingCount === 0 && laptop.problems.list().length === 0, 'a clean state');
    expect(await serverLead(strayId)).toBeUndefined();
  });

  it('keeps writes made offline across a restart and syncs them when the network returns', async () => {
    const keyValueStore = createMemoryKeyValueStore();
    const tokenStore = createMemoryKeyValueStore();
    const dbName = `restart-${randomUUID().slice(0, 8)}`;
    const first = await startClient(backend, { dbName, persistent: true, keyValueStore, tokenStore });
    await first.replication.awaitInSync();
    await first.replication.setOnline(false);
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) await first.db.collections.leads.insert(newLead(first.userId, id, { company: `Offline ${id.slice(0, 4)}` }));
    await eventually(() => first.replication.tracker.current().pendingCount === 2, 'two pending writes');
    await first.close();

    // Offline start: the stored session opens the account's data without the network.
    const second = await startClient(backend, { dbName, persistent: true, keyValueStore, tokenStore, online: false });
    clients.push(second);
    expect(second.userId).toBe(first.userId);
    expect(await second.db.collections.leads.findByIds(ids).exec()).toHaveProperty('size', 2);
    await eventually(() => second.replication.tracker.current().pendingCount === 2, 'the pending count to survive the restart');
    expect(second.replication.tracker.current().status).toBe('offline');
    for (const id of ids) expect(await serverLead(id)).toBeUndefined();

    await second.replication.setOnline(true);
    for (const id of ids) await eventually(async () => (await serverLead(id))?.partner_id === second.userId, 'the offline lead on the server');
    await eventually(() => second.replication.tracker.current().pendingCount === 0, 'nothing pending');
    await second.db.remove();
  });

  it('pushes a notification marked read (the partner may change read_at only) and refuses other edits as a problem', async () => {
    const laptop = await device('notifications', { collections: ['notifications'] });
    await laptop.replication.awaitInSync();
    const unread = await laptop.db.collections.notifications.findOne({ selector: { read_at: null } }).exec();
    expect(unread).not.toBeNull();
    const readAt = '2026-03-05T09:30:00.000Z';
    await unread!.incrementalPatch({ read_at: readAt, updated_at: readAt });
    await eventually(async () => {
      const { data } = await backend.serviceClient().from('notifications').select('read_at').eq('id', unread!.id);
      return data?.[0]?.read_at && Date.parse(String(data[0].read_at)) === Date.parse(readAt);
    }, 'read_at on the server');

    await (await laptop.db.collections.notifications.findOne(unread!.id).exec())!.incrementalPatch({ title: 'Edited by the partner' });
    const problem = await eventually(() => laptop.problems.find('notifications', unread!.id), 'the title edit refused');
    expect(problem).toMatchObject({ code: '42501', reason: 'A partner can only mark a notification as read.' });
  });
});
