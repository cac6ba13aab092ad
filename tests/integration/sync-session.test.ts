/**
 * The partner's session against the local backend: sign-in errors people can act on, an offline
 * restore, and an expired session (refresh token refused) that pauses sync without touching local
 * data or pending writes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, newLead, startClient, type WorkstationClient } from '../fixtures/sync-clients';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { createSessionController } from '../../sync/replication/session';
import { seedPassword, seedUsers } from '../../sync/server/db/seed-accounts';

let backend: TestBackend;
const clients: WorkstationClient[] = [];

beforeAll(async () => {
  // Access tokens expire after 1 s, so every request needs a refresh that the test can make fail.
  backend = await startTestBackend({ accessTokenTtlSeconds: 1 });
});
afterAll(async () => {
  await backend?.close();
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
});

describe('session', () => {
  it('explains a wrong password and an unreachable server in plain words', async () => {
    const session = createSessionController({ url: backend.url, anonKey: backend.anonKey, tokenStore: createMemoryKeyValueStore(), WebSocket });
    const wrong = await session.signIn(seedUsers.active.email, 'not-the-password');
    expect(wrong).toMatchObject({ ok: false, code: 'invalid_credentials' });
    expect(session.current().status).toBe('signed-out');
    session.dispose();

    const nowhere = 'http://127.0.0.1:9';
    const offline = createSessionController({ url: nowhere, anonKey: backend.anonKey, tokenStore: createMemoryKeyValueStore(), WebSocket });
    const unreachable = await offline.signIn(seedUsers.active.email, seedPassword);
    expect(unreachable).toEqual({ ok: false, code: 'unreachable', message: `Can't reach ${nowhere}. Check your connection or the server address.` });
    offline.dispose();
  });

  it('restores the stored session without the network, and an expired session keeps local data and pending writes', async () => {
    const tokenStore = createMemoryKeyValueStore();
    const client = await startClient(backend, { dbName: `expiry-${randomUUID().slice(0, 8)}`, tokenStore });
    clients.push(client);
    // What the renderer wires: sync runs only while the session is signed in.
    client.session.state$.subscribe((state) => void client.replication.setAuthorized(state.status === 'signed-in'));
    await client.replication.awaitInSync();
    expect(client.session.current()).toMatchObject({ status: 'signed-in', account: { userId: seedUsers.active.id } });

    // A second controller on the same token store, pointed at a dead address: restore needs no network.
    const offlineRestore = createSessionController({ url: backend.url, anonKey: backend.anonKey, tokenStore, WebSocket, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await offlineRestore.restore()).toMatchObject({ userId: seedUsers.active.id, email: seedUsers.active.email, status: 'signed-in' });
    offlineRestore.dispose();

    await client.replication.setOnline(false);
    const id = randomUUID();
    await client.db.collections.leads.insert(newLead(client.userId, id, { company: 'Written before expiry' }));
    await eventually(() => client.replication.tracker.current().pendingCount === 1, 'one pending write');

    // Revoke every session on the server (as a password change or admin sign-out would).
    await backend.ctx.engine.query(`update "auth"."sessions" set "not_after" = now()`);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the 1 s access token lapse: a refresh is now required
    await client.replication.setOnline(true);

    await eventually(() => client.session.current().status === 'expired', 'the session to be reported expired');
    expect(client.session.current().account?.userId).toBe(seedUsers.active.id);
    await eventually(() => client.replication.tracker.current().status === 'paused', 'sync to pause');
    expect((await client.db.collections.leads.findOne(id).exec())?.company).toBe('Written before expiry');
    expect(client.replication.tracker.current()).toMatchObject({ pendingCount: 1, problemCount: 0 });
    expect(client.problems.list()).toEqual([]);

    // After a restart the app still knows whose data it holds, and that the password is needed.
    const afterRestart = createSessionController({ url: backend.url, anonKey: backend.anonKey, tokenStore, WebSocket });
    expect(await afterRestart.restore()).toMatchObject({ userId: seedUsers.active.id, status: 'expired' });
    afterRestart.dispose();

    // Signing in again resumes sync and the pending write goes through.
    expect(await client.session.signIn(seedUsers.active.email, seedPassword)).toMatchObject({ ok: true });
    const { data } = await backend.serviceClient().from('leads').select('company').eq('id', id);
    await eventually(async () => {
      const { data: rows } = await backend.serviceClient().from('leads').select('company').eq('id', id);
      return rows?.[0]?.company === 'Written before expiry';
    }, 'the pending write on the server', 30_000);
    expect(data).toBeDefined();
  });
});
