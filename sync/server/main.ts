/**
 * `npm run backend`: the local Supabase-compatible backend on http://127.0.0.1:54321.
 * Flags: --reset (drop and re-create the database), --port N, --host H, --data-dir D, --no-seed.
 * Env: DATABASE_URL (PostgreSQL instead of embedded PGlite), PORT, SUPABASE_JWT_SECRET.
 */
import { startBackend } from './app';
import { loadConfig } from './config';
import { seedPassword, seedUsers } from './db/seed-accounts';
import { createLogger } from './log';

const log = createLogger('main');

function banner(url: string, anonKey: string, serviceRoleKey: string, where: string): string {
  const accounts = Object.values(seedUsers).map((user) => `  ${user.email.padEnd(22)} ${user.role.padEnd(8)} ${(user.tier ?? '-').padEnd(10)} ${user.displayName}`);
  return [
    '',
    'SISO local backend (Supabase-compatible) is running',
    `  API URL        ${url}`,
    `  REST           ${url}/rest/v1`,
    `  Auth           ${url}/auth/v1`,
    `  Storage        ${url}/storage/v1`,
    `  Realtime       ${url.replace(/^http/, 'ws')}/realtime/v1/websocket`,
    `  Database       ${where}`,
    '',
    `  anon key       ${anonKey}`,
    '',
    `  service_role key (admin tooling and scripts only — it bypasses row level security;`,
    `  never put it in the app or anywhere a partner can read it):`,
    `  ${serviceRoleKey}`,
    '',
    `Seeded accounts (password: ${seedPassword})`,
    `  ${'email'.padEnd(22)} ${'role'.padEnd(8)} ${'tier'.padEnd(10)} name`,
    ...accounts,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2), process.env);
  const backend = await startBackend({
    port: config.port,
    host: config.host,
    jwtSecret: config.jwtSecret,
    reset: config.reset,
    seed: config.seed,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
  });
  const where = config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host})` : `PGlite in ${config.dataDir}`;
  process.stdout.write(banner(backend.url, backend.anonKey, backend.serviceRoleKey, where));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info(`Received ${signal}, shutting down`);
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('Shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
