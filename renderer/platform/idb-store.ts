/**
 * One IndexedDB object store of this device, opened on first use, for data that must outlive a
 * reload but is not synced (the logo's bytes, attachments waiting to upload). `what` names the
 * store in the sentences its failures become, e.g. "logo store".
 */
import { errorMessage } from '../ui/error-message';

export interface IdbStore {
  run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T>;
}

export function createIdbStore(dbName: string, storeName: string, what: string): IdbStore {
  let opening: Promise<IDBDatabase> | null = null;

  function open(): Promise<IDBDatabase> {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
      request.onblocked = () => reject(new Error(`Another window is upgrading the ${what}; close it and try again.`));
    }).catch((error: unknown) => {
      opening = null;
      throw new Error(`The ${what} on this device could not be opened (${errorMessage(error)}).`);
    });
    return opening;
  }

  return {
    run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
      return open().then(
        (db) =>
          new Promise<T>((resolve, reject) => {
            const transaction = db.transaction(storeName, mode);
            const request = action(transaction.objectStore(storeName));
            transaction.oncomplete = () => resolve(request.result);
            transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error(`The ${what} refused the change.`));
            transaction.onabort = () => reject(transaction.error ?? new Error(`The ${what} change was cancelled (is the disk full?).`));
          }),
      );
    },
  };
}
