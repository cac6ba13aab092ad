/**
 * The small persistent string store the sync bookkeeping (refused writes, pending ids, last sync
 * times) lives in. It has the same shape as the platform's token store, so the renderer can hand
 * in an IndexedDB- or file-backed implementation; tests use the in-memory one and keep the same
 * instance across a "restart".
 */
import type { z } from 'zod';
import { syncLog } from './log';

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

export function createMemoryKeyValueStore(entries: Map<string, string> = new Map()): KeyValueStore {
  return {
    get: async (key) => entries.get(key) ?? null,
    set: async (key, value) => void entries.set(key, value),
    delete: async (key) => void entries.delete(key),
  };
}

/**
 * One JSON value under one key, validated on load (a corrupt or older value starts empty rather
 * than crashing sync) and written in order, latest value last.
 */
export interface PersistedJson<T> {
  load(): Promise<T>;
  save(value: T): Promise<void>;
}

export function persistedJson<T>(store: KeyValueStore, key: string, schema: z.ZodType<T>, empty: () => T): PersistedJson<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      const text = await store.get(key);
      if (text === null) return empty();
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        syncLog.warn('Ignoring stored sync bookkeeping that does not match its schema', { key });
      } catch {
        syncLog.warn('Ignoring stored sync bookkeeping that is not JSON', { key });
      }
      return empty();
    },
    save(value) {
      const text = JSON.stringify(value);
      const next = queue.then(() => store.set(key, text));
      queue = next.catch(() => undefined);
      return next.then(() => undefined);
    },
  };
}
