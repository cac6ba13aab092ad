/**
 * Local backend overhead: RxDB's pull query (checkpoint `or`, order, limit 200) over 10k leads
 * through HTTP + PostgREST parsing + RLS, against the same SQL run directly on the engine as the
 * same partner (also under RLS). And realtime: change committed → event at a subscribed client.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { actAs } from '../../sync/server/db/claims';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startTestBackend } from '../fixtures/backend';

export const name = 'backend pull query and realtime latency';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

export async function run(): Promise<void> {
  const backend = await startTestBackend();
  try {
    const partner = seedUsers.active;
    const engine = backend.ctx.engine;
    const total = 10_000;
    for (let start = 0; start < total; start += 1000) {
      const ids = Array.from({ length: 1000 }, () => randomUUID());
      await engine.query(
        `insert into "public"."leads" ("id", "partner_id", "company", "contact_name", "stage", "source", "currency", "estimated_value")
         select id, $2::uuid, 'Bench Company ' || n, 'Contact ' || n, 'new', 'other', 'EUR', (n % 50) * 1000
         from unnest($1::text[]) with ordinality as t(id, n)`,
        [ids, partner.id],
      );
    }
    const { client } = await backend.signIn('active');
    const batch = 200;

    type Row = { id: string; _modified: number };
    const viaServer = async () => {
      let checkpoint: Row | undefined;
      let count = 0;
      for (;;) {
        let query = client.from('leads').select('*');
        if (checkpoint) query = query.or(`"_modified".gt.${checkpoint._modified},and("_modified".eq.${checkpoint._modified},"id".gt.${checkpoint.id})`);
        const { data, error } = await query.order('_modified', { ascending: true }).order('id', { ascending: true }).limit(batch);
        if (error) throw new Error(error.message);
        const rows = data as Row[];
        count += rows.length;
        if (rows.length < batch) return count;
        checkpoint = rows.at(-1);
      }
    };
    const claims = { sub: partner.id, role: 'authenticated' as const, app_metadata: { role: 'partner' } };
    const direct = async () => {
      let checkpoint: Row = { id: '', _modified: -1 };
      let count = 0;
      for (;;) {
        const rows = await engine.transaction(async (tx) => {
          await actAs(tx, claims);
          const result = await tx.query<Row>(
            `select * from "public"."leads" where "_modified" > $1 or ("_modified" = $1 and "id" > $2) order by "_modified", "id" limit $3`,
            [checkpoint._modified, checkpoint.id, batch],
          );
          return result.rows;
        });
        count += rows.length;
        if (rows.length < batch) return count;
        checkpoint = rows.at(-1) ?? checkpoint;
      }
    };
    const time = async (fn: () => Promise<number>, runs = 5) => {
      await fn();
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        rows = await fn();
        times.push(performance.now() - start);
      }
      return { median: percentile(times, 50), rows };
    };
    const sql = await time(direct);
    const server = await time(viaServer);
    console.log(`full pull of ${server.rows} leads in batches of ${batch} (median of 5):`);
    console.log(`  same SQL directly on the engine (baseline): ${sql.median.toFixed(0)} ms`);
    console.log(`  through the server (supabase-js → REST → RLS): ${server.median.toFixed(0)} ms — ${(server.median / sql.median).toFixed(2)}× baseline`);

    const target = (await engine.query<{ id: string }>(`select "id" from "public"."leads" where "partner_id" = $1 limit 1`, [partner.id])).rows[0]!.id;
    const latencies: number[] = [];
    let pending: { marker: string; start: number; resolve: () => void } | undefined;
    const channel = client
      .channel('bench-leads')
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'leads' }, (payload) => {
        const row = payload.new as { notes?: string };
        if (pending && row.notes === pending.marker) {
          latencies.push(performance.now() - pending.start);
          pending.resolve();
        }
      });
    await new Promise<void>((resolve, reject) => {
      channel.subscribe((status) => (status === 'SUBSCRIBED' ? resolve() : status === 'CHANNEL_ERROR' ? reject(new Error(status)) : undefined));
    });
    for (let i = 0; i < 50; i++) {
      const marker = `bench ${i}`;
      await new Promise<void>((resolve) => {
        pending = { marker, start: performance.now(), resolve };
        void engine.query(`update "public"."leads" set "notes" = $1 where "id" = $2`, [marker, target]);
      });
    }
    await client.removeChannel(channel);
    console.log(`realtime, update committed → postgres_changes event at the client (50 updates): p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  } finally {
    await backend.close();
  }
}
