/**
 * Marketing catalog: initial sync of 500 published assets (with thumbnails, as admins publish
 * them) through the workstation replication against the plugin's REST pulls into raw Dexie; then
 * an admin publishing and updating assets through REST until a partner's local database has them.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { filter, firstValueFrom } from 'rxjs';
import WebSocket from 'ws';
import { startTestBackend } from '../fixtures/backend';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { createSessionController } from '../../sync/replication/session';
import { catalogRxSchema } from '../../sync/schema/catalog.schema';
import { seedPassword, seedUsers } from '../../sync/server/db/seed-accounts';
import { baselinePull, percentile, replicateFresh } from './support/pull-baseline';

export const name = 'catalog sync (500 assets) and publish → partner';

const ASSETS = 500;
const PUBLISHES = 30;
// About what a 320 px JPEG preview weighs as base64.
const THUMBNAIL = `data:image/jpeg;base64,${Buffer.alloc(9_000, 7).toString('base64')}`;

async function signedIn(url: string, anonKey: string, account: { email: string }) {
  const session = createSessionController({ url, anonKey, tokenStore: createMemoryKeyValueStore(), WebSocket });
  const result = await session.signIn(account.email, seedPassword);
  if (!result.ok) throw new Error(result.message);
  return session;
}

export async function run(): Promise<void> {
  const backend = await startTestBackend();
  try {
    await backend.ctx.engine.query(
      `insert into "public"."catalog" ("id", "kind", "title", "slug", "body", "tier_required", "category", "tags", "file_path", "file_sha256", "file_size", "mime_type", "version", "published", "sort_order")
       select gen_random_uuid()::text, 'asset', 'Bench asset ' || g, 'bench-asset-' || g,
              jsonb_build_object('description', 'A brochure for bench run ' || g, 'thumbnail', $1::text),
              (array['starter','active','performer','elite'])[1 + g % 4], 'brochures', array['bench'],
              'brochures/bench-' || g || '.pdf', repeat('ab', 32), 250000 + g, 'application/pdf', 1, true, g
       from generate_series(1, ${ASSETS}) as g`,
      [THUMBNAIL],
    );
    const partner = await signedIn(backend.url, backend.anonKey, seedUsers.elite);
    const admin = await signedIn(backend.url, backend.anonKey, seedUsers.admin);

    const baselines = [await baselinePull(partner.client, 'catalog', catalogRxSchema, 200)];
    const replicate = () => replicateFresh({ client: partner.client, serverUrl: backend.url, partnerId: seedUsers.elite.id, collections: ['catalog'] });
    const first = await replicate();
    await first.replication.stop();
    await first.db.remove();
    baselines.push(await baselinePull(partner.client, 'catalog', catalogRxSchema, 200));
    const { ms, db, replication } = await replicate();
    const syncMs = Math.min(first.ms, ms);
    const baselineMs = Math.min(...baselines.map((b) => b.ms));
    const local = await db.collections.catalog.count().exec();
    console.log(`catalog rows pulled:                 ${baselines[0]?.rows ?? 0} (local after sync: ${local})`);
    console.log(`baseline REST pulls + Dexie bulkPut: ${baselineMs.toFixed(0)} ms`);
    console.log(`workstation replication:             ${syncMs.toFixed(0)} ms (${(syncMs / baselineMs).toFixed(2)}× baseline)`);

    await replication.awaitInSync();
    const publish: number[] = [];
    const update: number[] = [];
    const rest: number[] = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const id = randomUUID();
      const arrived = firstValueFrom(db.collections.catalog.findOne(id).$.pipe(filter((doc) => doc !== null)));
      const start = performance.now();
      const { error } = await admin.client.from('catalog').insert({
        id, kind: 'asset', title: `Published ${i}`, slug: `published-${id}`, body: { description: 'Fresh from the admin area.', thumbnail: THUMBNAIL },
        tier_required: 'starter', category: 'brochures', tags: ['bench'], version: 1, published: true, sort_order: 10_000 + i,
      });
      rest.push(performance.now() - start);
      if (error) throw new Error(error.message);
      await arrived;
      publish.push(performance.now() - start);

      const title = `Updated ${i}`;
      const updated = firstValueFrom(db.collections.catalog.findOne(id).$.pipe(filter((doc) => doc?.title === title)));
      const updateStart = performance.now();
      const { error: updateError } = await admin.client.from('catalog').update({ title }).eq('id', id);
      if (updateError) throw new Error(updateError.message);
      await updated;
      update.push(performance.now() - updateStart);
    }
    for (const list of [publish, update, rest]) list.sort((a, b) => a - b);
    const figures = (list: number[]) => `p50 ${percentile(list, 50).toFixed(1)} ms, p95 ${percentile(list, 95).toFixed(1)} ms`;
    console.log(`admin REST insert round trip:        ${figures(rest)} (the floor)`);
    console.log(`publish → partner local DB:          ${figures(publish)} (${PUBLISHES} assets; goal: on screen < 2000 ms)`);
    console.log(`update → partner local DB:           ${figures(update)}`);

    await replication.stop();
    await db.remove();
    for (const session of [partner, admin]) {
      await session.client.removeAllChannels();
      session.dispose();
    }
  } finally {
    await backend.close();
  }
}
