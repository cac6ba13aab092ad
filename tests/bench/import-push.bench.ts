/**
 * A 10k-lead CSV import reaching the server: the import's local bulk insert (Dexie on
 * fake-indexeddb) and the workstation replication's push, until every lead is on the server,
 * against a baseline sending the same rows straight to the REST API, one bulk insert per 500,
 * while the same workstation is open and listening (as it is when the app imports).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RxStorage } from 'rxdb';
import type { SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startTestBackend } from '../fixtures/backend';
import { dexieStorage } from '../fixtures/sync-clients';
import { createOverwrittenLog } from '../../sync/replication/conflicts';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { startWorkstationReplication, type WorkstationReplication } from '../../sync/replication/replicate';
import { createSessionController } from '../../sync/replication/session';
import { openSyncProblemStore, type SyncProblemStore } from '../../sync/replication/sync-problems';
import { openPendingLedger } from '../../sync/replication/sync-state';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { seedPassword, seedUsers } from '../../sync/server/db/seed-accounts';

export const name = 'import push (10k leads to the server)';

const LEADS = 10_000;
const REST_BATCH = 500;

function importedLeads(partnerId: string, tag: string) {
  return Array.from({ length: LEADS }, (_, i) => ({
    id: randomUUID(),
    partner_id: partnerId,
    created_at: '2026-03-01T10:00:00.000Z',
    company: `Imported company ${i}`,
    contact_name: `Contact ${i}`,
    email: `contact${i}@example.test`,
    source: 'event' as const,
    stage: 'new' as const,
    estimated_value: i * 10,
    currency: 'EUR',
    notes: tag,
  }));
}

async function serverCount(client: SupabaseClient, tag: string): Promise<number> {
  const { count, error } = await client.from('leads').select('id', { count: 'exact', head: true }).eq('notes', tag);
  if (error) throw new Error(error.message);
  return count ?? 0;
}

async function baselineRest(client: SupabaseClient, partnerId: string): Promise<number> {
  const tag = `rest ${randomUUID()}`;
  const rows = importedLeads(partnerId, tag);
  const start = performance.now();
  for (let i = 0; i < rows.length; i += REST_BATCH) {
    const { error } = await client.from('leads').insert(rows.slice(i, i + REST_BATCH));
    if (error) throw new Error(error.message);
  }
  const ms = performance.now() - start;
  if ((await serverCount(client, tag)) !== LEADS) throw new Error('the baseline did not land every row');
  return ms;
}

interface ListeningWorkstation {
  client: SupabaseClient;
  db: WorkstationDatabase;
  replication: WorkstationReplication;
  problems: SyncProblemStore;
  close(): Promise<void>;
}

/** The partner's workstation as the app runs it: live, hearing every server change through Realtime. */
async function openWorkstation(client: SupabaseClient, serverUrl: string, partnerId: string): Promise<ListeningWorkstation> {
  const overwritten = createOverwrittenLog();
  const db = await openWorkstationDatabase({
    name: `bench-import-${randomUUID().slice(0, 8)}`,
    storage: dexieStorage() as RxStorage<unknown, unknown>,
    collections: ['leads'],
    conflictHandlers: overwritten.conflictHandlers,
  });
  const store = createMemoryKeyValueStore();
  const problems = await openSyncProblemStore({ store, key: 'p' });
  const replication = await startWorkstationReplication({
    db,
    client,
    serverUrl,
    partnerId,
    problems,
    pending: await openPendingLedger({ store, key: 'q' }),
    overwritten,
    collections: ['leads'],
  });
  await replication.awaitInSync();
  return {
    client,
    db,
    replication,
    problems,
    async close() {
      await replication.stop();
      await db.remove();
    },
  };
}

async function untilLocalCount(db: WorkstationDatabase, count: number): Promise<void> {
  while ((await db.collections.leads.count().exec()) < count) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function workstationImport(workstation: ListeningWorkstation, partnerId: string): Promise<{ ms: number; localMs: number }> {
  const { db, replication, problems } = workstation;
  const tag = `import ${randomUUID()}`;
  const rows = importedLeads(partnerId, tag);
  const start = performance.now();
  await db.collections.leads.bulkInsert(rows);
  const localMs = performance.now() - start;
  // The pending ledger forgets a lead when the server accepts it: zero means all have landed.
  while (replication.tracker.current().pendingCount > 0) {
    const refused = problems.list()[0];
    if (refused) throw new Error(`the server refused an imported lead: ${refused.reason}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const ms = performance.now() - start;
  await expectAllOnServer(workstation.client, tag);
  return { ms, localMs };
}

async function expectAllOnServer(client: SupabaseClient, tag: string): Promise<void> {
  const landed = await serverCount(client, tag);
  if (landed !== LEADS) throw new Error(`only ${landed} of ${LEADS} imported leads are on the server`);
}

export async function run(): Promise<void> {
  const backend = await startTestBackend();
  try {
    const session = createSessionController({ url: backend.url, anonKey: backend.anonKey, tokenStore: createMemoryKeyValueStore(), WebSocket });
    const signedIn = await session.signIn(seedUsers.active.email, seedPassword);
    if (!signedIn.ok) throw new Error(signedIn.message);
    const { client } = session;
    const partner = signedIn.userId;

    const quietMs = await baselineRest(client, partner);
    // The local backend runs in this process and re-reads every change as every Realtime
    // subscriber (RLS deciding; one query per subscriber for each burst of a table's changes), so
    // a listening device still adds work to any insert. The baseline that counts runs under the
    // same conditions as the import: the partner's workstation open and listening.
    const workstation = await openWorkstation(client, backend.url, partner);
    let expected = await workstation.db.collections.leads.count().exec();
    const listeningMs = await baselineRest(client, partner);
    expected += LEADS;
    await untilLocalCount(workstation.db, expected);
    const imported = await workstationImport(workstation, partner);
    await workstation.close();

    console.log(`REST bulk insert per ${REST_BATCH}, nobody listening:  ${quietMs.toFixed(0)} ms`);
    console.log(`REST bulk insert per ${REST_BATCH}, workstation open:  ${listeningMs.toFixed(0)} ms (baseline)`);
    console.log(`import → all on the server:             ${imported.ms.toFixed(0)} ms (${(imported.ms / listeningMs).toFixed(2)}× baseline; goal ≤ 2×; ${(imported.ms / quietMs).toFixed(2)}× nobody listening)`);
    console.log(`  of which the local bulk insert:       ${imported.localMs.toFixed(0)} ms`);

    await client.removeAllChannels();
    session.dispose();
  } finally {
    await backend.close();
  }
}
