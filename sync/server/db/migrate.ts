/**
 * Brings a database to the current schema: the platform layer (platform.sql), then every
 * `sync/supabase/migrations/*.sql` in name order, each once, recorded in
 * `supabase_migrations.schema_migrations` like the Supabase CLI does. Seeds a new (or reset) database.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbEngine } from './engine';
import { seedDatabase } from './seed';
import type { ObjectFiles } from '../storage/object-files';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultMigrationsDir = path.resolve(here, '../../supabase/migrations');
const platformFile = path.join(here, 'platform.sql');
const platformVersion = { version: '00000000000000', name: 'platform' };
const migrationFileName = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface PrepareOptions {
  /** Drop everything (public, auth, storage schemas and the publication) and start over. */
  reset?: boolean;
  /** Seed when the database is new or reset (default true). */
  seed?: boolean;
  migrationsDir?: string;
  /** Storage's object files, so the seed can store the marketing assets' bytes. */
  files?: ObjectFiles;
}

export interface PrepareResult {
  /** Versions applied by this call, e.g. ['00000000000000_platform', '20260101000000_sync_machinery']. */
  applied: string[];
  seeded: boolean;
}

interface Migration {
  version: string;
  name: string;
  file: string;
}

export async function listMigrations(migrationsDir = defaultMigrationsDir): Promise<Migration[]> {
  const names = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort();
  return names.map((fileName) => {
    const match = migrationFileName.exec(fileName);
    if (!match?.[1] || !match[2]) {
      throw new Error(`Migration file ${fileName} must be named <14-digit timestamp>_<snake_case_name>.sql`);
    }
    return { version: match[1], name: match[2], file: path.join(migrationsDir, fileName) };
  });
}

async function resetDatabase(engine: DbEngine): Promise<void> {
  await engine.exec(`
    drop publication if exists "supabase_realtime";
    drop schema if exists "supabase_migrations", "storage", "auth", "public" cascade;
    create schema "public";
    grant usage on schema "public" to public;
  `);
}

async function appliedVersions(engine: DbEngine): Promise<Set<string>> {
  await engine.exec(`
    create schema if not exists "supabase_migrations";
    create table if not exists "supabase_migrations"."schema_migrations" (
      "version" text primary key,
      "name" text not null,
      "applied_at" timestamptz not null default now()
    );
  `);
  const { rows } = await engine.query<{ version: string }>(
    `select "version" from "supabase_migrations"."schema_migrations"`,
  );
  return new Set(rows.map((row) => row.version));
}

async function applyScript(engine: DbEngine, migration: Omit<Migration, 'file'>, script: string): Promise<void> {
  // version and name are checked against [0-9] / [a-z0-9_] patterns, so they are safe as literals;
  // the script and its bookkeeping row commit together or not at all.
  await engine.exec(`begin;
${script}
;
insert into "supabase_migrations"."schema_migrations" ("version", "name") values ('${migration.version}', '${migration.name}');
commit;`);
}

export async function prepareDatabase(engine: DbEngine, options: PrepareOptions = {}): Promise<PrepareResult> {
  if (options.reset) await resetDatabase(engine);
  const done = await appliedVersions(engine);
  const isNew = done.size === 0;
  const applied: string[] = [];

  if (!done.has(platformVersion.version)) {
    await applyScript(engine, platformVersion, await readFile(platformFile, 'utf8'));
    applied.push(`${platformVersion.version}_${platformVersion.name}`);
  }
  for (const migration of await listMigrations(options.migrationsDir)) {
    if (done.has(migration.version)) continue;
    try {
      await applyScript(engine, migration, await readFile(migration.file, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Migration ${migration.version}_${migration.name} failed: ${reason}`, { cause: error });
    }
    applied.push(`${migration.version}_${migration.name}`);
  }

  const seeded = isNew && options.seed !== false;
  if (seeded) await seedDatabase(engine, options.files ? { files: options.files } : {});
  return { applied, seeded };
}
