/**
 * The backend for the realtime and storage tests: the whole app (`startBackend`) with the seed
 * accounts (admin and a partner per tier). Users get tokens signed as auth would sign them, so
 * assertions about realtime and storage do not depend on the auth module (one realtime test
 * signs in with a password on purpose).
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { signJwt } from '../../sync/server/auth/jwt';
import type { ServerContext } from '../../sync/server/context';
import type { DbEngine } from '../../sync/server/db/engine';
import { actAs } from '../../sync/server/db/claims';
import { seedUsers, type SeedUser } from '../../sync/server/db/seed-accounts';
import { startBackend } from '../../sync/server/app';
import { setLogLevel } from '../../sync/server/log';

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

/** The whole backend (sync/server/app.ts), seeded; PGlite in memory unless a database URL is given. */
export async function startTestBackend(options: { databaseUrl?: string } = {}): Promise<TestBackend> {
  setLogLevel('warn');
  // A PostgreSQL database may hold an earlier run's data; reset gives every run the same seed.
  const backend = await startBackend({ port: 0, seed: true, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, reset: true } : {}) });
  const { ctx, url } = backend;
  const { engine, jwtSecret, keys } = ctx;

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
      await backend.close();
    },
  };
}
