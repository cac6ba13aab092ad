/**
 * A KeyValueStore kept in a database's RxDB local documents (one local document per key), so
 * bookkeeping lives in the workspace's own database: it survives a cleared browser origin, is
 * removed with the database, and never mixes workspaces. Pair it with persistedJson() to get a
 * zod-validated value; moveKeyValueEntries() moves older entries in from another store once.
 */
import type { CollectionsOfDatabase, RxDatabase } from 'rxdb';
import { z } from 'zod';
import type { KeyValueStore } from './key-value-store';
import { syncLog } from './log';

const storedValue = z.object({ value: z.string() });

/** A store entries are only moved out of. */
export type KeyValueSource = Pick<KeyValueStore, 'get' | 'delete'>;

/** The database must be opened with `localDocuments: true` (openWorkstationDatabase does). */
export function createLocalDocumentStore<Collections extends CollectionsOfDatabase>(db: RxDatabase<Collections>): KeyValueStore {
  return {
    async get(key) {
      const doc = await db.getLocal(key);
      if (!doc) return null;
      const parsed = storedValue.safeParse(doc.toJSON().data);
      return parsed.success ? parsed.data.value : null;
    },
    set: (key, value) => db.upsertLocal(key, { value }),
    async delete(key) {
      await (await db.getLocal(key))?.remove();
    },
  };
}

/**
 * Moves each `from` key's value to its `to` key in `target` and deletes it from `source`. A value
 * the target already holds wins: another window may have moved it and written since.
 */
export async function moveKeyValueEntries(
  source: KeyValueSource,
  target: KeyValueStore,
  keys: readonly { from: string; to: string }[],
): Promise<void> {
  for (const { from, to } of keys) {
    const value = await source.get(from);
    if (value === null) continue;
    if ((await target.get(to)) === null) await target.set(to, value);
    await source.delete(from);
    syncLog.info('Moved sync bookkeeping into the workspace database', { key: to });
  }
}
