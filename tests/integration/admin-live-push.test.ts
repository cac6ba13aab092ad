/**
 * Live push of admin publishing to a partner's open workstation, through the real replication
 * (pull stream over Realtime) and the admin's REST writes as the admin area sends them: a newly
 * published asset, an update (version 2), an unpublish (withdrawn: published = false) and a
 * retirement (the row leaves the partner's store) each reach the partner within 2 seconds.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient, type WorkstationClient } from '../fixtures/sync-clients';

const LIVE_MS = 2000;

let backend: TestBackend;
let partner: WorkstationClient;
let admin: SupabaseClient;

beforeAll(async () => {
  backend = await startTestBackend();
  partner = await startClient(backend, { account: 'starter', dbName: `live-push-${randomUUID().slice(0, 8)}`, collections: ['catalog'] });
  await partner.replication.awaitInSync();
  admin = (await backend.signIn('admin')).client;
});

afterAll(async () => {
  await partner?.close();
  await backend?.close();
});

/** Runs the admin write, then measures how long until the partner's store satisfies `check`. */
async function timeUntil(write: () => PromiseLike<{ error: unknown }>, check: () => Promise<boolean>, what: string): Promise<number> {
  const started = Date.now();
  const { error } = await write();
  expect(error).toBeNull();
  await eventually(check, what, 10_000);
  return Date.now() - started;
}

describe('admin publishing reaches an open partner app live', () => {
  const id = randomUUID();
  const row = () => partner.db.collections.catalog.findOne(id).exec();

  it('shows a newly published asset within 2 s', async () => {
    const elapsed = await timeUntil(
      () =>
        admin.from('catalog').insert({
          id,
          kind: 'asset',
          title: 'Live brochure',
          slug: `live-brochure-${id.slice(0, 8)}`,
          body: { description: 'Pushed live.' },
          tier_required: 'starter',
          category: 'brochures',
          tags: [],
          published: true,
        }),
      async () => (await row())?.title === 'Live brochure',
      'the partner to receive the new asset',
    );
    expect(elapsed).toBeLessThanOrEqual(LIVE_MS);
  });

  it('shows an update, with the bumped version, within 2 s', async () => {
    const elapsed = await timeUntil(
      () => admin.from('catalog').update({ title: 'Live brochure v2' }).eq('id', id),
      async () => (await row())?.version === 2,
      'the partner to receive version 2',
    );
    expect(elapsed).toBeLessThanOrEqual(LIVE_MS);
    expect((await row())?.title).toBe('Live brochure v2');
  });

  it('withdraws an unpublished asset within 2 s, and republishes it', async () => {
    const withdrawn = await timeUntil(
      () => admin.from('catalog').update({ published: false }).eq('id', id),
      async () => (await row())?.published === false,
      'the partner to see the asset withdrawn',
    );
    expect(withdrawn).toBeLessThanOrEqual(LIVE_MS);
    const republished = await timeUntil(
      () => admin.from('catalog').update({ published: true }).eq('id', id),
      async () => (await row())?.published === true,
      'the partner to see the asset again',
    );
    expect(republished).toBeLessThanOrEqual(LIVE_MS);
  });

  it('removes a retired asset within 2 s', async () => {
    const elapsed = await timeUntil(
      () => admin.from('catalog').update({ _deleted: true }).eq('id', id),
      async () => (await row()) === null,
      'the partner to drop the retired asset',
    );
    expect(elapsed).toBeLessThanOrEqual(LIVE_MS);
  });
});
