/**
 * The brand kit's logo sync against the local backend: a logo saved on one device uploads to the
 * partner's folder in the `brand` bucket and profile.logo_path follows; another device without a
 * copy downloads and caches it; an unreachable server keeps the logo pending; a refusal by the
 * server is kept as a sentence; removing the logo clears the path and the file.
 */
import 'fake-indexeddb/auto';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeLogo, saveLogoOnDevice } from '../../renderer/features/brand-kit/brand-kit-writes';
import { syncBrandLogo } from '../../renderer/features/brand-kit/brand-logo-sync';
import { deleteCachedLogo, readCachedLogo } from '../../renderer/features/brand-kit/logo-cache';
import { clientFor, startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient, type WorkstationClient } from '../fixtures/sync-clients';

let backend: TestBackend;
let deviceA: WorkstationClient;
let deviceB: WorkstationClient;

function logoPng(width: number, height: number, shade: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(shade);
  return new Uint8Array(PNG.sync.write(png));
}

beforeAll(async () => {
  backend = await startTestBackend();
  deviceA = await startClient(backend, { account: 'active', dbName: 'brand-logo-a', collections: ['profiles'] });
  deviceB = await startClient(backend, { account: 'active', dbName: 'brand-logo-b', collections: ['profiles'] });
  await eventually(() => deviceA.db.profiles.findOne(deviceA.userId).exec(), 'profile on device A');
  await eventually(() => deviceB.db.profiles.findOne(deviceB.userId).exec(), 'profile on device B');
}, 60_000);

afterAll(async () => {
  await deviceA?.close();
  await deviceB?.close();
  await backend?.close();
});

describe('brand logo sync', () => {
  it('keeps a logo pending while the server is unreachable, then uploads it and sets logo_path', async () => {
    const partnerId = deviceA.userId;
    const bytes = logoPng(200, 100, 40);
    await saveLogoOnDevice(partnerId, { type: 'png', bytes, width: 200, height: 100 }, true);

    const unreachable = clientFor('http://127.0.0.1:9', backend.anonKey);
    const offline = await syncBrandLogo({ db: deviceA.db, client: unreachable, partnerId, retryRefused: true });
    expect(offline.kind).toBe('failed');
    expect(offline.kind === 'failed' && offline.message).toMatch(/^Your logo is saved on this device but did not upload \(.+\)\. It will be tried again/);
    expect(await readCachedLogo(partnerId)).toMatchObject({ uploaded: false, path: `${partnerId}/logo.png` });

    const outcome = await syncBrandLogo({ db: deviceA.db, client: deviceA.session.client, partnerId, retryRefused: true });
    expect(outcome).toEqual({ kind: 'uploaded' });
    const profile = await deviceA.db.profiles.findOne(partnerId).exec();
    expect(profile?.logo_path).toBe(`${partnerId}/logo.png`);
    expect(await readCachedLogo(partnerId)).toMatchObject({ uploaded: true, refused: null, profileStamp: profile?.updated_at });
    const { data } = await deviceA.session.client.storage.from('brand').download(`${partnerId}/logo.png`);
    expect(new Uint8Array(await data!.arrayBuffer())).toEqual(bytes);
    // Nothing more to do until something changes.
    expect(await syncBrandLogo({ db: deviceA.db, client: deviceA.session.client, partnerId, retryRefused: false })).toEqual({ kind: 'nothing-to-do' });
  });

  it('downloads the logo on another device that has no copy', async () => {
    const partnerId = deviceB.userId;
    // One process, one IndexedDB: forget device A's copy to stand in for a fresh device.
    await deleteCachedLogo(partnerId);
    await eventually(async () => (await deviceB.db.profiles.findOne(partnerId).exec())?.logo_path, 'logo_path pulled to device B');
    const outcome = await syncBrandLogo({ db: deviceB.db, client: deviceB.session.client, partnerId, retryRefused: false });
    expect(outcome).toEqual({ kind: 'downloaded' });
    const cached = await readCachedLogo(partnerId);
    expect(cached).toMatchObject({ type: 'png', width: 200, height: 100, uploaded: true, path: `${partnerId}/logo.png` });
    expect(cached?.bytes).toEqual(logoPng(200, 100, 40));
  });

  it("keeps the server's refusal as a sentence and does not retry it until asked", async () => {
    const partnerId = deviceA.userId;
    await saveLogoOnDevice(partnerId, { type: 'jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), width: 100, height: 100 }, true);
    // Another partner's session may not write into this partner's folder.
    const stranger = await backend.signIn('starter');
    const refused = await syncBrandLogo({ db: deviceA.db, client: stranger.client, partnerId, retryRefused: true });
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' && refused.message).toMatch(/^The server refused your logo/);
    expect((await readCachedLogo(partnerId))?.refused).toBe(refused.kind === 'refused' ? refused.message : null);
    expect(await syncBrandLogo({ db: deviceA.db, client: deviceA.session.client, partnerId, retryRefused: false })).toEqual(refused);

    // Retried (page opened again): the partner's own session uploads it, and the old PNG is tidied away.
    expect(await syncBrandLogo({ db: deviceA.db, client: deviceA.session.client, partnerId, retryRefused: true })).toEqual({ kind: 'uploaded' });
    expect((await deviceA.db.profiles.findOne(partnerId).exec())?.logo_path).toBe(`${partnerId}/logo.jpg`);
    expect((await deviceA.session.client.storage.from('brand').exists(`${partnerId}/logo.png`)).data).toBe(false);
  });

  it('removes the logo from the profile, the device and the bucket', async () => {
    const partnerId = deviceA.userId;
    await removeLogo(deviceA.db, partnerId, deviceA.session.client, true);
    expect(await readCachedLogo(partnerId)).toBeNull();
    expect((await deviceA.db.profiles.findOne(partnerId).exec())?.logo_path).toBeNull();
    expect((await deviceA.session.client.storage.from('brand').exists(`${partnerId}/logo.jpg`)).data).toBe(false);
  });
});
