/**
 * On PostgreSQL with concurrent writers holding transactions open, a replicating workstation
 * (pull by `(_modified, id)` checkpoint plus Realtime) ends with every row at its latest version.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs } from '../../sync/server/db/claims';
import type { DbEngine } from '../../sync/server/db/engine';
import { openPostgres } from '../../sync/server/db/postgres';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { startPostgresCluster, type StartedCluster } from '../fixtures/postgres-cluster';
import { eventually, startClient } from '../fixtures/sync-clients';

const partner = seedUsers.active;
const claims = { sub: partner.id, role: 'authenticated' as const, app_metadata: { role: 'partner' } };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: StartedCluster | undefined;
let backend: TestBackend | undefined;
let writers: DbEngine | undefined;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  if ('skipped' in cluster) return;
  backend = await startTestBackend({ databaseUrl: cluster.url });
  writers = await openPostgres(cluster.url, { max: 8 });
});
afterAll(async () => {
  await writers?.close();
  await backend?.close();
  if (cluster && !('skipped' in cluster)) await cluster.stop();
});

describe('replication on PostgreSQL with concurrent writers', () => {
  it('the client ends with every row at its latest version', async (ctx) => {
    if (!backend || !writers) return ctx.skip(`no PostgreSQL cluster (${cluster && 'skipped' in cluster ? cluster.skipped : 'not started'})`);
    const db = writers;
    const client = await startClient(backend, { dbName: `pg-${randomUUID().slice(0, 8)}` });
    try {
      await client.replication.awaitInSync();
      const existing = (await db.query<{ id: string }>(`select "id" from "public"."leads" where "partner_id" = $1`, [partner.id])).rows.map((r) => r.id);
      const writer = async (index: number) => {
        for (let round = 0; round < 12; round += 1) {
          await db.transaction(async (tx) => {
            await actAs(tx, claims);
            await pause(Math.random() * 15);
            await tx.query(`insert into "public"."leads" ("id", "company") values ($1, $2)`, [randomUUID(), `Writer ${index} round ${round}`]);
            const target = existing[Math.floor(Math.random() * existing.length)];
            await tx.query(`update "public"."leads" set "notes" = $1 where "id" = $2`, [`touched by ${index}/${round}`, target]);
            await pause(Math.random() * 25); // commit late, after taking a _modified value
          });
        }
      };
      await Promise.all([0, 1, 2, 3, 4].map(writer));

      const server = new Map(
        (await db.query<{ id: string; company: string; notes: string | null }>(`select "id", "company", "notes" from "public"."leads" where "partner_id" = $1`, [partner.id])).rows.map((r) => [r.id, `${r.company}|${r.notes}`]),
      );
      const localState = async () =>
        new Map((await client.db.collections.leads.find().exec()).map((doc) => [doc.id, `${doc.company}|${doc.notes ?? null}`]));
      await eventually(async () => {
        const local = await localState();
        return local.size === server.size && [...server].every(([id, value]) => local.get(id) === value);
      }, 'the client to hold every row at its latest version', 40_000);
      expect(server.size).toBeGreaterThanOrEqual(existing.length + 60);
    } finally {
      await client.close();
    }
  });
});
