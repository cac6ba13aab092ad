/**
 * Admin publishing reaches partners through sync alone: a published asset arrives live in a
 * partner's local database (locked ones too, so the partner sees what a tier unlocks), a draft
 * stays with admins until it is published, an update replaces the partner's copy with a new
 * version, and retiring removes it from the partner's database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient, type WorkstationClient } from '../fixtures/sync-clients';

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

async function catalogClient(account: 'admin' | 'starter') {
  const client = await startClient(backend, { account, dbName: `catalog-${account}-${randomUUID().slice(0, 8)}`, collections: ['catalog'] });
  clients.push(client);
  await client.replication.awaitInSync();
  return client;
}

function assetRow(id: string, fields: Record<string, unknown> = {}) {
  return {
    id, kind: 'asset', title: 'Autumn campaign brochure', slug: `autumn-${id}`, body: { description: 'For the autumn campaign.' },
    tier_required: 'performer', category: 'brochures', tags: ['campaign'], version: 1, published: true, sort_order: 500, ...fields,
  };
}

describe('catalog publishing through sync', () => {
  it('publishes, updates and retires an asset on a partner\'s open workstation without a reload', async () => {
    const admin = await catalogClient('admin');
    const partner = await catalogClient('starter');
    const id = randomUUID();

    const { error } = await admin.session.client.from('catalog').insert(assetRow(id));
    expect(error).toBeNull();
    const arrived = await eventually(() => partner.db.collections.catalog.findOne(id).exec(), 'the partner to receive the asset');
    // Locked for a starter partner, but listed so the marketing center can show what unlocks it.
    expect(arrived.tier_required).toBe('performer');

    const { error: updateError } = await admin.session.client.from('catalog').update({ title: 'Autumn campaign brochure (2nd edition)' }).eq('id', id);
    expect(updateError).toBeNull();
    const updated = await eventually(async () => {
      const doc = await partner.db.collections.catalog.findOne(id).exec();
      return doc?.title.endsWith('(2nd edition)') ? doc : null;
    }, 'the partner to see the update');
    expect(updated.version).toBeGreaterThan(arrived.version);

    const { error: retireError } = await admin.session.client.from('catalog').update({ _deleted: true }).eq('id', id);
    expect(retireError).toBeNull();
    await eventually(async () => (await partner.db.collections.catalog.findOne(id).exec()) === null, 'the retired asset to leave the partner\'s database');
  });

  it('keeps a draft with admins until it is published', async () => {
    const admin = await catalogClient('admin');
    const partner = await catalogClient('starter');
    const id = randomUUID();

    const { error } = await admin.session.client.from('catalog').insert(assetRow(id, { published: false, tier_required: 'starter' }));
    expect(error).toBeNull();
    await eventually(() => admin.db.collections.catalog.findOne(id).exec(), 'the admin to see the draft');
    await partner.replication.awaitInSync();
    expect(await partner.db.collections.catalog.findOne(id).exec()).toBeNull();

    const { error: publishError } = await admin.session.client.from('catalog').update({ published: true }).eq('id', id);
    expect(publishError).toBeNull();
    const published = await eventually(() => partner.db.collections.catalog.findOne(id).exec(), 'the partner to receive the published asset');
    expect(published.published).toBe(true);
  });
});
