/**
 * The server goes away in the middle of a push and comes back on the same data directory: every
 * local write arrives exactly once, and nothing is recorded as refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, newLead, startClient } from '../fixtures/sync-clients';

let dataDir: string;
let backend: TestBackend;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'siso-sync-restart-'));
  backend = await startTestBackend({ dataDir });
});
afterAll(async () => {
  await backend?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('server restart mid-push', () => {
  it('loses nothing and duplicates nothing', async () => {
    const client = await startClient(backend, { dbName: `restart-${randomUUID().slice(0, 8)}` });
    try {
      await client.replication.awaitInSync();
      const port = Number(new URL(backend.url).port);
      const batch = `batch-${randomUUID().slice(0, 8)}`;
      const ids = Array.from({ length: 40 }, () => randomUUID());
      const activity = randomUUID();

      // Pushing starts with the first insert; the server stops while the rest are in flight.
      // Watched rather than polled: the push can be over between two polls.
      const pushStarted = firstValueFrom(client.replication.tracker.state$.pipe(filter((state) => state.status === 'syncing')));
      const writes = client.db.collections.leads.bulkInsert(ids.map((id, i) => newLead(client.userId, id, { company: `${batch} ${i}` })));
      await pushStarted;
      await backend.close();
      await writes;
      await client.db.collections.activities.insert({
        id: activity, partner_id: client.userId, created_at: '2026-03-02T10:00:00.000Z', kind: 'note', body: 'while the server was down', occurred_at: '2026-03-02T10:00:00.000Z',
      });
      await eventually(() => client.replication.tracker.current().status === 'offline', 'the top bar to show the server unreachable');
      expect(client.replication.tracker.current().pendingCount).toBeGreaterThan(0);

      backend = await startTestBackend({ dataDir, port });
      await eventually(async () => {
        const { count } = await backend.serviceClient().from('leads').select('id', { count: 'exact', head: true }).like('company', `${batch}%`);
        return count === ids.length;
      }, 'every lead on the restarted server', 45_000);
      await eventually(() => client.replication.tracker.current().pendingCount === 0, 'nothing pending');

      const { data: rows } = await backend.serviceClient().from('leads').select('id').like('company', `${batch}%`);
      expect(new Set(rows?.map((row) => row.id as string))).toEqual(new Set(ids));
      expect(rows).toHaveLength(ids.length);
      const { data: notes } = await backend.serviceClient().from('activities').select('id').eq('id', activity);
      expect(notes).toHaveLength(1);
      expect(client.problems.list()).toEqual([]);
      const local = await client.db.collections.leads.find({ selector: { company: { $regex: `^${batch}` } } }).exec();
      expect(local).toHaveLength(ids.length);
      expect(client.replication.tracker.current().status).toBe('up-to-date');
    } finally {
      await client.close();
    }
  });
});
