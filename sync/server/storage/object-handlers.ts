/**
 * The `/storage/v1/object/…` operations storage-js uses. Every read or write of an object row
 * runs as the caller; bucket settings (size limit, MIME types, public flag) are platform
 * configuration and are read as the owner.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { JwtClaims } from '../auth/jwt';
import type { ServerContext } from '../context';
import { actAs } from '../db/claims';
import type { SqlExecutor } from '../db/engine';
import { readBody, sendJson } from '../http/respond';
import type { ObjectFiles } from './object-files';
import { checkBucketId, checkObjectName } from './object-name';
import {
  deleteObject,
  findBucket,
  findObject,
  insertObject,
  objectsUnder,
  renameObject,
  updateObjectMetadata,
  type BucketRow,
  type ObjectMetadata,
  type ObjectRow,
} from './object-rows';
import { signObjectUrl, verifyObjectUrlToken } from './signed-url';
import {
  bucketNotFound,
  invalidRequest,
  mimeTypeRefused,
  objectNotFound,
  objectTooLarge,
  rowLevelSecurityRefusal,
  translateDatabaseError,
} from './storage-errors';
import { baseMimeType, mimeTypeAllowed, readUpload } from './upload-body';

/** Supabase's global upload limit, used for buckets without their own. */
const defaultFileSizeLimit = 50 * 1024 * 1024;
const jsonBodyLimit = 1024 * 1024;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StorageDeps {
  ctx: ServerContext;
  files: ObjectFiles;
}

async function asCaller<T>(ctx: ServerContext, claims: JwtClaims, fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  try {
    return await ctx.engine.transaction(async (tx) => {
      await actAs(tx, claims);
      return fn(tx);
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

async function requireBucket(ctx: ServerContext, bucketId: string): Promise<BucketRow> {
  const bucket = await findBucket(ctx.engine, bucketId);
  if (!bucket) throw bucketNotFound();
  return bucket;
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const body = await readBody(req, jsonBodyLimit);
  let raw: unknown;
  try {
    raw = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidRequest('The request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidRequest(`Invalid request body: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return parsed.data;
}

function ownerOf(claims: JwtClaims): string | null {
  return claims.sub && uuidPattern.test(claims.sub) ? claims.sub : null;
}

export async function uploadObject(
  deps: StorageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  claims: JwtClaims,
  target: { bucketId: string; name: string },
  mode: 'insert' | 'upsert',
): Promise<void> {
  const { ctx, files } = deps;
  const bucket = await requireBucket(ctx, target.bucketId);
  const limit = bucket.file_size_limit ?? defaultFileSizeLimit;
  const upload = await readUpload(req, limit);
  if (upload.bytes.length > limit) throw objectTooLarge();
  if (!mimeTypeAllowed(upload.mimeType, bucket.allowed_mime_types)) throw mimeTypeRefused(baseMimeType(upload.mimeType));

  const metadata: ObjectMetadata = {
    eTag: `"${createHash('md5').update(upload.bytes).digest('hex')}"`,
    size: upload.bytes.length,
    mimetype: upload.mimeType,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    cacheControl: upload.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: upload.bytes.length,
    httpStatusCode: 200,
  };
  const staged = await files.stage(bucket.id, upload.bytes);
  try {
    const row = await asCaller(ctx, claims, async (tx) => {
      const existing = mode === 'upsert' ? await findObject(tx, bucket.id, target.name) : undefined;
      if (!existing) return insertObject(tx, { bucketId: bucket.id, name: target.name, owner: ownerOf(claims), metadata });
      const updated = await updateObjectMetadata(tx, existing.id, metadata, ownerOf(claims));
      if (!updated) throw rowLevelSecurityRefusal();
      return updated;
    });
    await files.commit(staged, bucket.id, row.id);
    sendJson(res, 200, { Id: row.id, Key: `${bucket.id}/${row.name}` });
  } catch (error) {
    await files.discard(staged);
    throw error;
  }
}

function sendObject(req: IncomingMessage, res: ServerResponse, row: ObjectRow, bytes: Buffer): void {
  const headers: Record<string, string> = {
    'content-type': row.metadata.mimetype ?? 'application/octet-stream',
    'content-length': String(bytes.length),
    'cache-control': row.metadata.cacheControl ?? 'no-cache',
    'last-modified': new Date(row.updated_at).toUTCString(),
  };
  if (row.metadata.eTag) headers.etag = row.metadata.eTag;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

async function sendStoredObject(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, row: ObjectRow): Promise<void> {
  const bytes = await deps.files.read(row.bucket_id, row.id);
  if (!bytes) throw objectNotFound();
  sendObject(req, res, row, bytes);
}

export async function downloadObject(
  deps: StorageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  claims: JwtClaims,
  target: { bucketId: string; name: string },
): Promise<void> {
  const row = await asCaller(deps.ctx, claims, (tx) => findObject(tx, target.bucketId, target.name));
  if (!row) throw objectNotFound();
  await sendStoredObject(deps, req, res, row);
}

export async function downloadPublicObject(
  deps: StorageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  target: { bucketId: string; name: string },
): Promise<void> {
  const bucket = await requireBucket(deps.ctx, target.bucketId);
  if (!bucket.public) throw objectNotFound();
  const row = await findObject(deps.ctx.engine, bucket.id, target.name);
  if (!row) throw objectNotFound();
  await sendStoredObject(deps, req, res, row);
}

export async function downloadSignedObject(
  deps: StorageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  target: { bucketId: string; name: string },
  token: string | null,
): Promise<void> {
  if (!token) throw invalidRequest('Missing token');
  await verifyObjectUrlToken(token, target.bucketId, target.name, deps.ctx.jwtSecret);
  // The token is the authorization: it was only issued to a caller who could read the object.
  const row = await findObject(deps.ctx.engine, target.bucketId, target.name);
  if (!row) throw objectNotFound();
  await sendStoredObject(deps, req, res, row);
}

const signOneSchema = z.object({ expiresIn: z.number().int().positive() });
const signManySchema = z.object({ expiresIn: z.number().int().positive(), paths: z.array(z.string()).min(1).max(1000) });

function signedPath(bucketId: string, name: string, token: string): string {
  // Unencoded like Supabase's: storage-js runs encodeURI over the whole URL.
  return `/object/sign/${bucketId}/${name}?token=${token}`;
}

export async function signObject(
  deps: StorageDeps,
  req: IncomingMessage,
  res: ServerResponse,
  claims: JwtClaims,
  target: { bucketId: string; name: string },
): Promise<void> {
  const { expiresIn } = await readJson(req, signOneSchema);
  const row = await asCaller(deps.ctx, claims, (tx) => findObject(tx, target.bucketId, target.name));
  if (!row) throw objectNotFound();
  const token = await signObjectUrl(row.bucket_id, row.name, expiresIn, deps.ctx.jwtSecret);
  sendJson(res, 200, { signedURL: signedPath(row.bucket_id, row.name, token) });
}

export async function signObjects(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, claims: JwtClaims, bucketId: string): Promise<void> {
  const { expiresIn, paths } = await readJson(req, signManySchema);
  const visible = await asCaller(deps.ctx, claims, async (tx) => {
    const found = new Set<string>();
    for (const name of paths) if (await findObject(tx, bucketId, name)) found.add(name);
    return found;
  });
  const results = [];
  for (const name of paths) {
    if (!visible.has(name)) {
      results.push({ error: 'Either the object does not exist or you do not have access to it', path: name, signedURL: null });
      continue;
    }
    const token = await signObjectUrl(bucketId, name, expiresIn, deps.ctx.jwtSecret);
    results.push({ error: null, path: name, signedURL: signedPath(bucketId, name, token) });
  }
  sendJson(res, 200, results);
}

const listSchema = z.object({
  prefix: z.string().default(''),
  limit: z.number().int().positive().max(1000).default(100),
  offset: z.number().int().nonnegative().default(0),
  sortBy: z
    .object({
      column: z.enum(['name', 'created_at', 'updated_at', 'last_accessed_at']).default('name'),
      order: z.enum(['asc', 'desc']).default('asc'),
    })
    .default({ column: 'name', order: 'asc' }),
  search: z.string().default(''),
});

interface ListEntry {
  name: string;
  id: string | null;
  updated_at: string | null;
  created_at: string | null;
  last_accessed_at: string | null;
  metadata: ObjectMetadata | null;
}

/** One level of the bucket's folder tree under `prefix`, like storage.search(). */
export async function listObjects(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, claims: JwtClaims, bucketId: string): Promise<void> {
  const options = await readJson(req, listSchema);
  const trimmed = options.prefix.replace(/^\/+/, '');
  const folder = trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
  await requireBucket(deps.ctx, bucketId);
  const rows = await asCaller(deps.ctx, claims, (tx) => objectsUnder(tx, bucketId, folder));

  const entries = new Map<string, ListEntry>();
  for (const row of rows) {
    const rest = row.name.slice(folder.length);
    const slash = rest.indexOf('/');
    const entryName = slash === -1 ? rest : rest.slice(0, slash);
    if (options.search && !entryName.toLowerCase().startsWith(options.search.toLowerCase())) continue;
    if (slash === -1) {
      entries.set(`file:${entryName}`, {
        name: entryName,
        id: row.id,
        updated_at: row.updated_at,
        created_at: row.created_at,
        last_accessed_at: row.last_accessed_at,
        metadata: row.metadata,
      });
    } else if (!entries.has(`folder:${entryName}`)) {
      entries.set(`folder:${entryName}`, { name: entryName, id: null, updated_at: null, created_at: null, last_accessed_at: null, metadata: null });
    }
  }
  const { column, order } = options.sortBy;
  const direction = order === 'asc' ? 1 : -1;
  const sorted = [...entries.values()].sort((a, b) => {
    const left = a[column] ?? '';
    const right = b[column] ?? '';
    return (left < right ? -1 : left > right ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0) * direction;
  });
  sendJson(res, 200, sorted.slice(options.offset, options.offset + options.limit));
}

const removeSchema = z.object({ prefixes: z.array(z.string()).min(1).max(1000) });

export async function removeObjects(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, claims: JwtClaims, bucketId: string): Promise<void> {
  const { prefixes } = await readJson(req, removeSchema);
  await requireBucket(deps.ctx, bucketId);
  const removed = await asCaller(deps.ctx, claims, async (tx) => {
    const rows: ObjectRow[] = [];
    for (const name of prefixes) {
      const row = await deleteObject(tx, bucketId, name);
      if (row) rows.push(row);
    }
    return rows;
  });
  for (const row of removed) await deps.files.remove(row.bucket_id, row.id);
  sendJson(res, 200, removed);
}

export async function removeObject(
  deps: StorageDeps,
  res: ServerResponse,
  claims: JwtClaims,
  target: { bucketId: string; name: string },
): Promise<void> {
  const row = await asCaller(deps.ctx, claims, (tx) => deleteObject(tx, target.bucketId, target.name));
  if (!row) throw objectNotFound();
  await deps.files.remove(row.bucket_id, row.id);
  sendJson(res, 200, { message: 'Successfully deleted' });
}

const moveSchema = z.object({
  bucketId: z.string(),
  sourceKey: z.string(),
  destinationKey: z.string(),
  destinationBucket: z.string().optional(),
});

function moveTarget(body: z.infer<typeof moveSchema>): { bucketId: string; from: string; to: string } {
  const bucketId = checkBucketId(body.bucketId);
  if (body.destinationBucket !== undefined && body.destinationBucket !== bucketId) {
    throw invalidRequest('Moving or copying between buckets is not supported by the local backend');
  }
  return { bucketId, from: checkObjectName(body.sourceKey), to: checkObjectName(body.destinationKey) };
}

export async function moveObject(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, claims: JwtClaims): Promise<void> {
  const { bucketId, from, to } = moveTarget(await readJson(req, moveSchema));
  // Bytes live under the object id, so a rename moves nothing on disk.
  const row = await asCaller(deps.ctx, claims, (tx) => renameObject(tx, bucketId, from, to));
  if (!row) throw objectNotFound();
  sendJson(res, 200, { message: 'Successfully moved' });
}

export async function copyObject(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, claims: JwtClaims): Promise<void> {
  const { bucketId, from, to } = moveTarget(await readJson(req, moveSchema));
  const { source, copy } = await asCaller(deps.ctx, claims, async (tx) => {
    const found = await findObject(tx, bucketId, from);
    if (!found) throw objectNotFound();
    const inserted = await insertObject(tx, { bucketId, name: to, owner: ownerOf(claims), metadata: found.metadata });
    return { source: found, copy: inserted };
  });
  try {
    await deps.files.copy(bucketId, source.id, copy.id);
  } catch (error) {
    await asCaller(deps.ctx, claims, (tx) => deleteObject(tx, bucketId, to));
    throw error;
  }
  sendJson(res, 200, { Id: copy.id, Key: `${bucketId}/${to}` });
}

export async function objectInfo(deps: StorageDeps, res: ServerResponse, claims: JwtClaims, target: { bucketId: string; name: string }): Promise<void> {
  const row = await asCaller(deps.ctx, claims, (tx) => findObject(tx, target.bucketId, target.name));
  if (!row) throw objectNotFound();
  sendJson(res, 200, {
    id: row.id,
    name: row.name,
    bucket_id: row.bucket_id,
    size: row.metadata.size ?? null,
    content_type: row.metadata.mimetype ?? null,
    cache_control: row.metadata.cacheControl ?? null,
    etag: row.metadata.eTag ?? null,
    metadata: row.metadata,
    last_modified: row.updated_at,
    created_at: row.created_at,
  });
}
