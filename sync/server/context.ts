import type { DbEngine } from './db/engine';

/** What every part of the local backend is given when the server starts. */
export interface ServerContext {
  engine: DbEngine;
  jwtSecret: string;
  /** Directory for the backend's own files (PGlite data, storage objects). */
  dataDir: string;
  keys: { anonKey: string; serviceRoleKey: string };
  /** Public base URL, e.g. http://127.0.0.1:54321 (used for signed URLs). */
  publicUrl: string;
}
