/**
 * Object bytes on disk: `<dataDir>/storage/<bucket id>/<object id>`. New bytes go to a temporary
 * file first and replace the object's file only once its metadata row has committed.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const objectIdPattern = /^[0-9a-f-]{36}$/;

export interface ObjectFiles {
  /** Writes bytes to a temporary file in the bucket's directory; returns its path. */
  stage(bucketId: string, bytes: Uint8Array): Promise<string>;
  /** Moves a staged file into place as the object's bytes. */
  commit(stagedPath: string, bucketId: string, objectId: string): Promise<void>;
  discard(stagedPath: string): Promise<void>;
  read(bucketId: string, objectId: string): Promise<Buffer | undefined>;
  copy(bucketId: string, fromId: string, toId: string): Promise<void>;
  remove(bucketId: string, objectId: string): Promise<void>;
}

export function objectFiles(dataDir: string): ObjectFiles {
  const root = path.join(dataDir, 'storage');

  function bucketDir(bucketId: string): string {
    return path.join(root, bucketId);
  }

  function objectPath(bucketId: string, objectId: string): string {
    // Ids come from the database (uuid); checked anyway so no value can leave the bucket directory.
    if (!objectIdPattern.test(objectId)) throw new Error(`Unexpected object id ${objectId}`);
    return path.join(bucketDir(bucketId), objectId);
  }

  return {
    async stage(bucketId, bytes) {
      await mkdir(bucketDir(bucketId), { recursive: true });
      const staged = path.join(bucketDir(bucketId), `.upload-${randomUUID()}`);
      await writeFile(staged, bytes);
      return staged;
    },
    async commit(stagedPath, bucketId, objectId) {
      await rename(stagedPath, objectPath(bucketId, objectId));
    },
    async discard(stagedPath) {
      await rm(stagedPath, { force: true });
    },
    async read(bucketId, objectId) {
      try {
        return await readFile(objectPath(bucketId, objectId));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async copy(bucketId, fromId, toId) {
      await mkdir(bucketDir(bucketId), { recursive: true });
      await copyFile(objectPath(bucketId, fromId), objectPath(bucketId, toId));
    },
    async remove(bucketId, objectId) {
      await rm(objectPath(bucketId, objectId), { force: true });
    },
  };
}
