/**
 * Where sync bookkeeping (refused writes, pending ids, last sync times) lived before it moved into
 * each workspace's database: the renderer's localStorage, under a prefix. Only read and deleted
 * now, while moving a workspace's entries into its database; nothing is written here any more.
 */
import type { KeyValueSource } from '../../../sync/replication/local-document-store';

const PREFIX = 'siso.sync.';

export function createLegacyBookkeepingSource(storage: Pick<Storage, 'getItem' | 'removeItem'>): KeyValueSource {
  return {
    get: async (key) => storage.getItem(PREFIX + key),
    delete: async (key) => storage.removeItem(PREFIX + key),
  };
}
