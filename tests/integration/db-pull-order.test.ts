/**
 * The safe pull order under concurrency: several writers hold transactions open for random
 * lengths while a partner pulls `(_modified, id) > checkpoint` pages. A reader that only ever
 * moves its checkpoint forward must still end up with every committed row at its latest version.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actAs } from '../../sync/server/db/claims';
import type { DbEngine } from '../../sync/server/db/engine';
import { prepareDatabase } from '../../sync/server/db/migrate';
import { openPostgres } from '../../sync/server/db/postgres';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startPostgresCluster, type StartedCluster } from '../fixtures/postgres-cluster';

const partner = seedUsers.active;
const claims = { sub: partner.id, role: 'authenticated' as const, app_metadata: { role: 'partner' } };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PulledRow {
  id: string;
  _modified: number;
}

describe('pull order on PostgreSQL 15 with concurrent writers', () => {
  let cluster: StartedCluster | undefined;
  let engine: DbEngine | undefined;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if ('skipped' in cluster) {
      console.warn(`pull-order test skipped — ${cluster.skipped}`);
      return;
    }
    engine = await openPostgres(cluster.url, { max: 12 });
    await prepareDatabase(engine, { seed: true });
  });
  afterAll(async () => {
    await engine?.close();
    if (cluster && !('skipped' in cluster)) await cluster.stop();
  });

  it('a reader checkpointing (_modified, id) never skips a row that commits late', async (ctx) => {
    if (!engine) return ctx.skip('no PostgreSQL cluster');
    const db = engine;
    const existing = (await db.query<{ id: string }>(`select "id" from "public"."leads" where "partner_id" = $1`, [partner.id])).rows.map((row) => row.id);

    let writing = true;
    const writer = async (writerIndex: number) => {
      for (let round = 0; round < 15; round += 1) {
        await db.transaction(async (tx) => {
          await actAs(tx, claims);
          await pause(Math.random() * 15);
          await tx.query(`insert into "public"."leads" ("id", "company") values ($1, $2)`, [randomUUID(), `Writer ${writerIndex} round ${round}`]);
          const target = existing[Math.floor(Math.random() * existing.length)];
          await tx.query(`update "public"."leads" set "notes" = $1 where "id" = $2`, [`touched by ${writerIndex}/${round}`, target]);
          // hold the transaction open for a while after taking a _modified value
          await pause(Math.random() * 25);
        });
      }
    };

    const seen = new Map<string, number>();
    let checkpoint: PulledRow = { id: '', _modified: -1 };
    const pullPage = async (): Promise<number> =>
      db.transaction(async (tx) => {
        await actAs(tx, claims);
        const { rows } = await tx.query<PulledRow>(
          `select "id", "_modified" from "public"."leads"
           where ("_modified", "id") > ($1, $2) order by "_modified", "id" limit 7`,
          [checkpoint._modified, checkpoint.id],
        );
        for (const row of rows) seen.set(row.id, row._modified);
        const last = rows.at(-1);
        if (last) checkpoint = last;
        return rows.length;
      });
    const reader = async () => {
      while (writing) {
        await pullPage();
        await pause(Math.random() * 5);
      }
      while ((await pullPage()) > 0);
    };

    const readerDone = reader();
    await Promise.all(Array.from({ length: 6 }, (_, index) => writer(index)));
    writing = false;
    await readerDone;

    const { rows: finalRows } = await db.query<PulledRow>(
      `select "id", "_modified" from "public"."leads" where "partner_id" = $1`,
      [partner.id],
    );
    expect(finalRows.length).toBe(existing.length + 6 * 15);
    const missed = finalRows.filter((row) => seen.get(row.id) !== row._modified);
    expect(missed).toEqual([]);
  });
});
