/**
 * Tokens for the browser build, kept in IndexedDB (one object store, string values). Not
 * encrypted at rest — the browser offers no keychain — which `set` reports honestly.
 */
import { secretKeySchema, type SecretStore } from './platform';

const DATABASE_NAME = 'siso-secrets';
const STORE_NAME = 'secrets';

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE_NAME, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(STORE_NAME);
  };
  return promisify(request);
}

export function createIndexedDbSecretStore(factory: IDBFactory): SecretStore {
  let database: Promise<IDBDatabase> | undefined;
  const db = () => (database ??= openDatabase(factory));

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const transaction = (await db()).transaction(STORE_NAME, mode);
    const committed = new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    const [result] = await Promise.all([promisify(action(transaction.objectStore(STORE_NAME))), committed]);
    return result;
  }

  return {
    async get(key) {
      secretKeySchema.parse(key);
      const value: unknown = await run('readonly', (store) => store.get(key));
      return typeof value === 'string' ? value : null;
    },
    async set(key, value) {
      secretKeySchema.parse(key);
      await run('readwrite', (store) => store.put(value, key));
      return { stored: true, encrypted: false };
    },
    async delete(key) {
      secretKeySchema.parse(key);
      const transactionResult = await run('readwrite', (store) => store.count(key));
      if (transactionResult === 0) return false;
      await run('readwrite', (store) => store.delete(key));
      return true;
    },
  };
}
