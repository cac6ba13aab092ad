/**
 * The backend for the realtime and storage tests, either the whole app (`startBackend`) or a
 * minimal server mounting only the realtime and storage handlers over the real migrations and
 * seed on an in-memory PGlite. Either way users get tokens signed as auth would sign them, so
 * assertions about realtime and storage do not depend on the auth module.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { apiKeys, signJwt } from '../../sync/server/auth/jwt';
import type { ServerContext } from '../../sync/server/context';
import type { DbEngine } from '../../sync/server/db/engine';
import { actAs } from '../../sync/server/db/claims';
import { openPglite } from '../../sync/server/db/pglite';
import { prepareDatabase } from '../../sync/server/db/migrate';
import { seedUsers, type SeedUser } from '../../sync/server/db/seed-accounts';
import { HttpError, sendJson } from '../../sync/server/http/respond';
import { startBackend } from '../../sync/server/app';
import { setLogLevel } from '../../sync/server/log';
import { attachRealtime } from '../../sync/server/realtime';
import { createStorageHandler } from '../../sync/server/storage';

export type AccountKey = keyof typeof seedUsers;

export interface TestBackend {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  ctx: ServerContext;
  engine: DbEngine;
  account(key: AccountKey): SeedUser;
  /** An access token as auth would issue it for a seed account. */
  tokenFor(key: AccountKey, expiresInSeconds?: number): Promise<string>;
  /** A supabase-js client acting as the account (or anon), realtime over `ws`. */
  clientFor(key: AccountKey | 'anon', tokenOverride?: string): Promise<SupabaseClient>;
  /** Runs SQL in one transaction as the account, RLS applying. */
  asUser<T>(key: AccountKey, fn: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const ownServerSecret = 'test-secret-with-at-least-32-characters!!';

interface Served {
  url: string;
  ctx: ServerContext;
  close(): Promise<void>;
}

/** Only the realtime and storage handlers, for when the app does not mount them yet. */
async function startOwnServer(): Promise<Served> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siso-rt-storage-'));
  const engine = await openPglite();
  await prepareDatabase(engine, { seed: true });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx: ServerContext = { engine, jwtSecret: ownServerSecret, dataDir, keys: await apiKeys(ownServerSecret), publicUrl: url };

  const storage = createStorageHandler(ctx);
  server.on('request', (req, res) => {
    const requestUrl = new URL(req.url ?? '/', url);
    if (!requestUrl.pathname.startsWith('/storage/v1/')) {
      sendJson(res, 404, { message: 'Not found' });
      return;
    }
    storage(req, res, requestUrl.pathname.slice('/storage/v1'.length), requestUrl).catch((error: unknown) => {
      if (error instanceof HttpError) sendJson(res, error.status, error.body);
      else sendJson(res, 500, { statusCode: '500', error: 'internal', message: String(error) });
    });
  });
  const realtime = await attachRealtime(server, ctx);
  return {
    url,
    ctx,
    async close() {
      await realtime.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await engine.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startApp(databaseUrl: string | undefined): Promise<Served> {
  setLogLevel('warn');
  const backend = await startBackend({ port: 0, seed: true, ...(databaseUrl ? { databaseUrl, reset: true } : {}) });
  return { url: backend.url, ctx: backend.ctx, close: () => backend.close() };
}

async function ensureAccounts(engine: DbEngine): Promise<void> {
  for (const user of Object.values(seedUsers)) {
    await engine.query(
      `insert into "auth"."users" ("id", "email", "raw_app_meta_data") values ($1, $2, $3::jsonb) on conflict do nothing`,
      [user.id, user.email, JSON.stringify({ role: user.role })],
    );
    if (user.tier) {
      await engine.query(
        `insert into "public"."partner_status" ("id", "partner_id", "tier", "commission_rate") values ($1::text, $1::uuid, $2, 10) on conflict do nothing`,
        [user.id, user.tier],
      );
    }
  }
}

/** `app` = the whole backend from sync/server/app.ts; `handlers` = only realtime and storage. */
export async function startTestBackend(via: 'app' | 'handlers' = 'app', options: { databaseUrl?: string } = {}): Promise<TestBackend> {
  const served = via === 'app' ? await startApp(options.databaseUrl) : await startOwnServer();
  const { ctx, url } = served;
  const { engine, jwtSecret, keys } = ctx;
  // The seed creates these already; repeated here so the tests state what they rely on.
  await ensureAccounts(engine);

  const clients: SupabaseClient[] = [];

  function account(key: AccountKey): SeedUser {
    return seedUsers[key];
  }

  function tokenFor(key: AccountKey, expiresInSeconds = 3600): Promise<string> {
    const user = account(key);
    return signJwt(
      { sub: user.id, role: 'authenticated', email: user.email, app_metadata: { role: user.role }, aud: 'authenticated' },
      jwtSecret,
      expiresInSeconds,
    );
  }

  return {
    url,
    anonKey: keys.anonKey,
    serviceRoleKey: keys.serviceRoleKey,
    ctx,
    engine,
    account,
    tokenFor,
    async clientFor(key, tokenOverride) {
      const token = tokenOverride ?? (key === 'anon' ? keys.anonKey : await tokenFor(key));
      const client = createClient(url, keys.anonKey, {
        accessToken: async () => token,
        realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
      });
      clients.push(client);
      return client;
    },
    async asUser(key, fn) {
      const user = account(key);
      return engine.transaction(async (tx) => {
        await actAs(tx, { sub: user.id, role: 'authenticated', email: user.email, app_metadata: { role: user.role } });
        return fn(async (sql, params = []) => (await tx.query(sql, params)).rows);
      });
    },
    async close() {
      for (const client of clients) await client.removeAllChannels();
      await served.close();
    },
  };
}
