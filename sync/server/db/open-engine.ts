/** Picks the engine: PostgreSQL when a database URL is given, embedded PGlite otherwise. */
import type { DbEngine } from './engine';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface OpenEngineOptions {
  databaseUrl?: string;
  /** PGlite data directory; omitted = in memory. Ignored when databaseUrl is set. */
  dataDir?: string;
}

export function openEngine(options: OpenEngineOptions = {}): Promise<DbEngine> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}
