/**
 * Configuration of the local backend from the command line and environment:
 * `--port N` / `PORT`, `--host H` / `HOST`, `--reset`, `--no-seed`, `--data-dir D` / `SISO_BACKEND_DATA_DIR`,
 * `DATABASE_URL` (PostgreSQL instead of embedded PGlite), `SUPABASE_JWT_SECRET`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LOCAL_JWT_SECRET } from '../replication/local-backend';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const defaultPort = 54321;
export const defaultHost = '127.0.0.1';
export const defaultDataDir = path.join(projectRoot, '.data', 'backend');
/**
 * A fixed development secret so the anon key stays the same across restarts and machines, like
 * the Supabase CLI's — the app ships the anon key derived from it. It protects nothing: never use
 * it for a deployment reachable by others.
 */
export const defaultJwtSecret = LOCAL_JWT_SECRET;

export const backendConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(defaultPort),
  host: z.string().min(1).default(defaultHost),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL').optional(),
  dataDir: z.string().min(1).default(defaultDataDir),
  jwtSecret: z.string().min(32, 'SUPABASE_JWT_SECRET must be at least 32 characters').default(defaultJwtSecret),
  reset: z.boolean().default(false),
  seed: z.boolean().default(true),
});

export type BackendConfig = z.infer<typeof backendConfigSchema>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): BackendConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      reset: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const result = backendConfigSchema.safeParse({
    port: nonEmpty(values.port) ?? nonEmpty(env.PORT),
    host: nonEmpty(values.host) ?? nonEmpty(env.HOST),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    dataDir: nonEmpty(values['data-dir']) ?? nonEmpty(env.SISO_BACKEND_DATA_DIR),
    jwtSecret: nonEmpty(env.SUPABASE_JWT_SECRET),
    reset: values.reset,
    seed: !values['no-seed'],
  });
  if (!result.success) {
    throw new Error(`Invalid backend configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}
