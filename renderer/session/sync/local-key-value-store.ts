/**
 * The durable store for sync bookkeeping (refused writes, pending ids, last sync times): the
 * renderer's localStorage, under a prefix. Not the secure token store — nothing here is secret,
 * and it must survive sign-out so unsynced work is still counted after the next sign-in.
 */
import type { KeyValueStore } from '../../../sync/replication/key-value-store';

const PREFIX = 'siso.sync.';

export function createLocalKeyValueStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): KeyValueStore {
  return {
    get: async (key) => storage.getItem(PREFIX + key),
    set: async (key, value) => {
      try {
        storage.setItem(PREFIX + key, value);
      } catch (error) {
        throw new Error(`Sync bookkeeping could not be saved on this device (${error instanceof Error ? error.message : String(error)}). Free some disk space and restart the app.`);
      }
    },
    delete: async (key) => storage.removeItem(PREFIX + key),
  };
}
