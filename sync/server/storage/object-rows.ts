/**
 * `storage.buckets` and `storage.objects` rows. Object rows are always read and written through
 * an executor that already runs as the caller (actAs), so the storage RLS policies decide.
 */
import { z } from 'zod';
import type { SqlExecutor } from '../db/engine';

export const bucketRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  public: z.boolean(),
  file_size_limit: z.number().nullable(),
  allowed_mime_types: z.array(z.string()).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type BucketRow = z.infer<typeof bucketRowSchema>;

export const objectMetadataSchema = z
  .object({
    size: z.number(),
    mimetype: z.string(),
    sha256: z.string(),
    eTag: z.string(),
    cacheControl: z.string(),
    lastModified: z.string(),
    contentLength: z.number(),
    httpStatusCode: z.number(),
  })
  .partial()
  .passthrough();
export type ObjectMetadata = z.infer<typeof objectMetadataSchema>;

export const objectRowSchema = z.object({
  id: z.string(),
  bucket_id: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  metadata: objectMetadataSchema,
  created_at: z.string(),
  updated_at: z.string(),
  last_accessed_at: z.string(),
});
export type ObjectRow = z.infer<typeof objectRowSchema>;

const objectColumns = `"id"::text as "id", "bucket_id", "name", "owner"::text as "owner", "metadata", "created_at", "updated_at", "last_accessed_at"`;
const bucketColumns = `"id", "name", "public", "file_size_limit", "allowed_mime_types", "created_at", "updated_at"`;

function objectRows(rows: unknown[]): ObjectRow[] {
  return rows.map((row) => objectRowSchema.parse(row));
}

export async function findBucket(db: SqlExecutor, bucketId: string): Promise<BucketRow | undefined> {
  const result = await db.query(`select ${bucketColumns} from "storage"."buckets" where "id" = $1`, [bucketId]);
  const row = result.rows[0];
  return row ? bucketRowSchema.parse(row) : undefined;
}

export async function listBuckets(db: SqlExecutor): Promise<BucketRow[]> {
  const result = await db.query(`select ${bucketColumns} from "storage"."buckets" order by "name"`);
  return result.rows.map((row) => bucketRowSchema.parse(row));
}

export async function findObject(db: SqlExecutor, bucketId: string, name: string): Promise<ObjectRow | undefined> {
  const result = await db.query(`select ${objectColumns} from "storage"."objects" where "bucket_id" = $1 and "name" = $2`, [
    bucketId,
    name,
  ]);
  return objectRows(result.rows)[0];
}

/** Objects whose name starts with `prefix` (compared literally, no LIKE wildcards). */
export async function objectsUnder(db: SqlExecutor, bucketId: string, prefix: string): Promise<ObjectRow[]> {
  const result = await db.query(
    `select ${objectColumns} from "storage"."objects" where "bucket_id" = $1 and left("name", length($2)) = $2 order by "name"`,
    [bucketId, prefix],
  );
  return objectRows(result.rows);
}

export async function insertObject(
  db: SqlExecutor,
  row: { bucketId: string; name: string; owner: string | null; metadata: ObjectMetadata },
): Promise<ObjectRow> {
  const result = await db.query(
    `insert into "storage"."objects" ("bucket_id", "name", "owner", "metadata") values ($1, $2, $3::uuid, $4::jsonb) returning ${objectColumns}`,
    [row.bucketId, row.name, row.owner, JSON.stringify(row.metadata)],
  );
  const [inserted] = objectRows(result.rows);
  if (!inserted) throw new Error('Insert returned no row');
  return inserted;
}

/** Undefined when RLS lets the caller see the row but not update it. */
export async function updateObjectMetadata(db: SqlExecutor, id: string, metadata: ObjectMetadata, owner: string | null): Promise<ObjectRow | undefined> {
  const result = await db.query(
    `update "storage"."objects" set "metadata" = $2::jsonb, "owner" = coalesce($3::uuid, "owner"), "updated_at" = now(), "last_accessed_at" = now()
      where "id" = $1::uuid returning ${objectColumns}`,
    [id, JSON.stringify(metadata), owner],
  );
  return objectRows(result.rows)[0];
}

export async function renameObject(db: SqlExecutor, bucketId: string, from: string, to: string): Promise<ObjectRow | undefined> {
  const result = await db.query(
    `update "storage"."objects" set "name" = $3, "updated_at" = now() where "bucket_id" = $1 and "name" = $2 returning ${objectColumns}`,
    [bucketId, from, to],
  );
  return objectRows(result.rows)[0];
}

export async function deleteObject(db: SqlExecutor, bucketId: string, name: string): Promise<ObjectRow | undefined> {
  const result = await db.query(`delete from "storage"."objects" where "bucket_id" = $1 and "name" = $2 returning ${objectColumns}`, [
    bucketId,
    name,
  ]);
  return objectRows(result.rows)[0];
}
