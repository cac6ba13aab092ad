/**
 * Storage (`/storage/v1`): Supabase Storage's object API over `storage.objects` rows (written and
 * read as the caller, so the storage RLS policies decide) and files under `<dataDir>/storage`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from '../auth/request-auth';
import type { JwtClaims } from '../auth/jwt';
import type { ServerContext } from '../context';
import { actAs } from '../db/claims';
import { HttpError, sendJson } from '../http/respond';
import { objectFiles } from './object-files';
import {
  copyObject,
  downloadObject,
  downloadPublicObject,
  downloadSignedObject,
  listObjects,
  moveObject,
  objectInfo,
  removeObject,
  removeObjects,
  signObject,
  signObjects,
  uploadObject,
  type StorageDeps,
} from './object-handlers';
import { bucketAndName, checkBucketId, decodeSegments } from './object-name';
import { findBucket, listBuckets } from './object-rows';
import { storageError } from './storage-errors';

export type StorageHandler = (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => Promise<void>;

/** Token problems in Supabase Storage's error shape rather than PostgREST's. */
async function callerClaims(req: IncomingMessage, ctx: ServerContext): Promise<JwtClaims> {
  let claims: JwtClaims;
  try {
    claims = await authenticate(req, ctx.jwtSecret);
  } catch (error) {
    if (error instanceof HttpError) throw storageError(403, 'Unauthorized', error.message);
    throw error;
  }
  // Personal API tokens read leads, earnings and payouts over REST only.
  if (claims.role === 'partner_api') throw storageError(403, 'Unauthorized', 'API tokens cannot use Storage');
  return claims;
}

function routeNotFound(): HttpError {
  return storageError(404, 'not_found', 'Route not found');
}

async function handleBucketRoute(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, segments: string[]): Promise<void> {
  if (req.method !== 'GET' || segments.length > 1) throw routeNotFound();
  const claims = await callerClaims(req, ctx);
  const [bucketId] = segments;
  const result = await ctx.engine.transaction(async (tx) => {
    await actAs(tx, claims);
    return bucketId === undefined ? listBuckets(tx) : findBucket(tx, checkBucketId(bucketId));
  });
  if (result === undefined) throw storageError(404, 'Bucket not found', 'Bucket not found');
  sendJson(res, 200, result);
}

async function handleObjectRoute(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, segments: string[], url: URL): Promise<void> {
  const { ctx } = deps;
  const method = req.method ?? 'GET';
  const [first, ...rest] = segments;
  const read = method === 'GET' || method === 'HEAD';

  if (first === 'public' && read) return downloadPublicObject(deps, req, res, bucketAndName(rest));
  if (first === 'sign' && read) return downloadSignedObject(deps, req, res, bucketAndName(rest), url.searchParams.get('token'));

  const claims = await callerClaims(req, ctx);
  if (first === 'authenticated' && read) return downloadObject(deps, req, res, claims, bucketAndName(rest));
  if (first === 'info' && method === 'GET') {
    const target = rest[0] === 'authenticated' || rest[0] === 'public' ? rest.slice(1) : rest;
    return objectInfo(deps, res, claims, bucketAndName(target));
  }
  if (method === 'POST') {
    if (first === 'list' && rest.length === 1 && rest[0]) return listObjects(deps, req, res, claims, checkBucketId(rest[0]));
    if (first === 'sign' && rest.length === 1 && rest[0]) return signObjects(deps, req, res, claims, checkBucketId(rest[0]));
    if (first === 'sign') return signObject(deps, req, res, claims, bucketAndName(rest));
    if (first === 'move' && rest.length === 0) return moveObject(deps, req, res, claims);
    if (first === 'copy' && rest.length === 0) return copyObject(deps, req, res, claims);
    const upsert = String(req.headers['x-upsert'] ?? '').toLowerCase() === 'true';
    return uploadObject(deps, req, res, claims, bucketAndName(segments), upsert ? 'upsert' : 'insert');
  }
  if (method === 'PUT') return uploadObject(deps, req, res, claims, bucketAndName(segments), 'upsert');
  if (read) return downloadObject(deps, req, res, claims, bucketAndName(segments));
  if (method === 'DELETE') {
    if (segments.length === 1 && first) return removeObjects(deps, req, res, claims, checkBucketId(first));
    return removeObject(deps, res, claims, bucketAndName(segments));
  }
  throw routeNotFound();
}

export function createStorageHandler(ctx: ServerContext): StorageHandler {
  const deps: StorageDeps = { ctx, files: objectFiles(ctx.dataDir) };
  return async (req, res, path, url) => {
    try {
      const [area, ...segments] = decodeSegments(path);
      if (area === 'object') await handleObjectRoute(deps, req, res, segments, url);
      else if (area === 'bucket') await handleBucketRoute(ctx, req, res, segments);
      else throw routeNotFound();
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (!res.headersSent) sendJson(res, error.status, error.body);
      // A refused upload may still be streaming in; discard it so the connection stays usable.
      if (!req.complete) req.resume();
    }
  };
}
