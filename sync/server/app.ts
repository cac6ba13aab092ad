/**
 * The local Supabase-compatible backend as one `http.Server`: opens and prepares the database,
 * then serves `/auth/v1`, `/rest/v1`, `/storage/v1`, `/realtime/v1/websocket` and `/health`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerContext } from './context';
import { apiKeys } from './auth/jwt';
import { handleAuth } from './auth/routes';
import { openEngine } from './db/open-engine';
import { prepareDatabase } from './db/migrate';
import { HttpError, sendJson } from './http/respond';
import { handleRest } from './rest/handler';
import { handleFunctions } from './functions/api-token';
import { createStorageHandler } from './storage/index';
import { objectFiles } from './storage/object-files';
import { attachRealtime } from './realtime/index';
import { startScheduledJobs } from './scheduled-jobs';
import { defaultHost, defaultJwtSecret } from './config';
import { createLogger } from './log';

const log = createLogger('backend');

export interface BackendOptions {
  /** 0 picks a free port. Default 54321. */
  port?: number;
  host?: string;
  /** PostgreSQL instead of embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data lives in `<dataDir>/pgdata`; storage files under dataDir too. Omitted: in-memory database and a temporary directory. */
  dataDir?: string;
  /** Default: the fixed development secret in config.ts (main.ts lets SUPABASE_JWT_SECRET override it). */
  jwtSecret?: string;
  reset?: boolean;
  seed?: boolean;
  accessTokenTtlSeconds?: number;
}

export interface RunningBackend {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  ctx: ServerContext;
  close(): Promise<void>;
}

const corsAllowHeaders = [
  'apikey', 'authorization', 'x-client-info', 'content-type', 'prefer', 'range', 'range-unit', 'accept', 'accept-profile',
  'content-profile', 'x-upsert', 'x-supabase-api-version', 'cache-control', 'x-retry-count',
].join(', ');

function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('access-control-allow-origin', typeof origin === 'string' && origin !== '' ? origin : '*');
  if (typeof origin === 'string' && origin !== '') res.setHeader('vary', 'Origin');
  res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('access-control-allow-headers', corsAllowHeaders);
  res.setHeader('access-control-expose-headers', 'Content-Range, Content-Location, X-Total-Count, Link, X-Supabase-Api-Version');
  res.setHeader('access-control-max-age', '86400');
}

/** Splits `/rest/v1/leads` into the service prefix and the rest, `/leads`. */
function under(pathname: string, prefix: string): string | undefined {
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}

export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  const jwtSecret = options.jwtSecret ?? defaultJwtSecret;
  const temporaryDir = options.dataDir === undefined ? await mkdtemp(path.join(tmpdir(), 'siso-backend-')) : undefined;
  const dataDir = options.dataDir ?? (temporaryDir as string);
  await mkdir(dataDir, { recursive: true });

  const engine = await openEngine(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : options.dataDir !== undefined ? { dataDir: path.join(dataDir, 'pgdata') } : {},
  );
  try {
    await prepareDatabase(engine, { reset: options.reset ?? false, seed: options.seed ?? true, files: objectFiles(dataDir) });
  } catch (error) {
    await engine.close();
    throw error;
  }

  const jobs = await startScheduledJobs(engine);
  const keys = await apiKeys(jwtSecret);
  const ctx: ServerContext = { engine, jwtSecret, dataDir, keys, publicUrl: '' };
  const authOptions = { accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600 };
  const storage = createStorageHandler(ctx);

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.once('finish', () => log.debug(`${req.method ?? '?'} ${req.url ?? ''} ${res.statusCode}`));
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    if (pathname === '/health' || pathname === '/') {
      sendJson(res, 200, { status: 'ok', engine: engine.kind });
      return;
    }
    let rest: string | undefined;
    if ((rest = under(pathname, '/auth/v1')) !== undefined) return handleAuth(ctx, authOptions, req, res, rest, url);
    if ((rest = under(pathname, '/rest/v1')) !== undefined) return handleRest(ctx, req, res, rest, url);
    if ((rest = under(pathname, '/storage/v1')) !== undefined) return storage(req, res, rest, url);
    if ((rest = under(pathname, '/functions/v1')) !== undefined) return handleFunctions(ctx, req, res, rest);
    sendJson(res, 404, { code: 'not_found', message: `Nothing is served at ${pathname}` });
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, error.body);
      } else if (error instanceof URIError) {
        sendJson(res, 400, { code: 'PGRST100', message: 'The request path is not valid percent-encoding', details: null, hint: null });
      } else {
        log.error('Unhandled request error', { method: req.method, url: req.url, error: error instanceof Error ? error.stack : String(error) });
        sendJson(res, 500, { code: 'internal_error', message: 'The local backend failed to handle this request; see its log', details: null, hint: null });
      }
      // A refused body may still be streaming in; stop reading it rather than buffering it.
      if (!req.complete) req.resume();
    });
  });

  const realtime = await attachRealtime(server, ctx);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 54321, options.host ?? defaultHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.publicUrl = `http://${host}:${address.port}`;
  log.info('Backend listening', { url: ctx.publicUrl, engine: engine.kind });

  let closed: Promise<void> | undefined;
  return {
    url: ctx.publicUrl,
    anonKey: keys.anonKey,
    serviceRoleKey: keys.serviceRoleKey,
    ctx,
    close() {
      closed ??= (async () => {
        await realtime.close();
        await jobs.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await engine.close();
        if (temporaryDir) await rm(temporaryDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
