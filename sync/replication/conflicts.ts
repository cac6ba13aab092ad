/**
 * What happens when the same document changed on this device and on the server.
 *
 * - `field-merge` (leads, profiles): fields changed only locally keep the local value, fields
 *   changed only on the server take the server's; a field changed on both sides takes the
 *   server's value and the local value is reported as overwritten.
 * - `server-wins` (everything else): the server's document is kept; if the local one differed,
 *   the whole local version is reported as overwritten, so the user can see and re-apply it.
 *
 * `_modified` is the server's change stamp, not content: it never makes two versions differ.
 */
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { BehaviorSubject, type Observable } from 'rxjs';
import { COLLECTION_NAMES, type CollectionName } from '../schema/collections';
import type { WorkstationConflictHandlers } from '../schema/database';

export type ConflictStrategy = 'field-merge' | 'server-wins';

export interface OverwrittenEdit {
  docId: string;
  /** The local values that lost, by field. */
  lostFields: Record<string, unknown>;
  localState: Record<string, unknown>;
  serverState: Record<string, unknown>;
}

const ignored = new Set(['_modified', '_meta', '_rev', '_attachments']);

function contentKeys(...docs: (Record<string, unknown> | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const doc of docs) for (const key of Object.keys(doc ?? {})) if (!ignored.has(key)) keys.add(key);
  return [...keys];
}

// Postgres renders timestamptz as 2026-03-01T09:00:00+00:00, the client writes ...09:00:00.000Z.
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string' && isoTimestamp.test(a) && isoTimestamp.test(b)) return Date.parse(a) === Date.parse(b);
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return contentKeys(a, b).every((key) => sameValue(a[key], b[key]));
}

export function resolveConflict<T extends Record<string, unknown>>(
  strategy: ConflictStrategy,
  input: { assumedMasterState?: T; realMasterState: T; newDocumentState: T },
  primaryKey = 'id',
): { resolved: T; overwritten?: OverwrittenEdit } {
  const { assumedMasterState: base, realMasterState: server, newDocumentState: local } = input;
  const docId = String(server[primaryKey] ?? local[primaryKey]);
  const lostFields: Record<string, unknown> = {};

  if (strategy === 'field-merge' && base) {
    const merged: Record<string, unknown> = { ...server };
    for (const key of contentKeys(base, local, server)) {
      const changedLocally = !sameValue(local[key], base[key]);
      if (!changedLocally) continue;
      const changedOnServer = !sameValue(server[key], base[key]);
      if (!changedOnServer || sameValue(server[key], local[key])) merged[key] = local[key];
      else lostFields[key] = local[key];
    }
    const resolved = merged as T;
    return Object.keys(lostFields).length > 0
      ? { resolved, overwritten: { docId, lostFields, localState: local, serverState: server } }
      : { resolved };
  }

  for (const key of contentKeys(local, server)) if (!sameValue(local[key], server[key])) lostFields[key] = local[key];
  return Object.keys(lostFields).length > 0
    ? { resolved: server, overwritten: { docId, lostFields, localState: local, serverState: server } }
    : { resolved: server };
}

export function createConflictHandler<T>(strategy: ConflictStrategy, onOverwritten: (edit: OverwrittenEdit) => void): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameContent(a as Record<string, unknown>, b as Record<string, unknown>),
    async resolve(input: RxConflictHandlerInput<T>): Promise<WithDeleted<T>> {
      const { resolved, overwritten } = resolveConflict(strategy, input as unknown as { assumedMasterState?: Record<string, unknown>; realMasterState: Record<string, unknown>; newDocumentState: Record<string, unknown> });
      if (overwritten) onOverwritten(overwritten);
      return resolved as unknown as WithDeleted<T>;
    },
  };
}

/** Partner-edited documents whose fields are edited independently merge; everything else takes the server's. */
export function conflictStrategyFor(collection: CollectionName): ConflictStrategy {
  return collection === 'leads' || collection === 'profiles' ? 'field-merge' : 'server-wins';
}

export interface OverwrittenRecord extends OverwrittenEdit {
  id: string;
  collection: CollectionName;
  at: string;
}

/**
 * The local list of edits a conflict overwrote, for the UI to show ("your change to Notes was
 * replaced by a newer one from another device"). It also owns the conflict handlers the database
 * is opened with, because RxDB fixes a collection's handler when the collection is created —
 * before any replication exists.
 */
export interface OverwrittenLog {
  readonly conflictHandlers: WorkstationConflictHandlers;
  readonly records$: Observable<readonly OverwrittenRecord[]>;
  list(): readonly OverwrittenRecord[];
  /** Called for every new record; returns an unsubscribe function. */
  onOverwritten(listener: (record: OverwrittenRecord) => void): () => void;
  dismiss(recordId: string): void;
}

export function createOverwrittenLog(options: { limit?: number; now?: () => Date } = {}): OverwrittenLog {
  const limit = options.limit ?? 200;
  const now = options.now ?? (() => new Date());
  const subject = new BehaviorSubject<readonly OverwrittenRecord[]>([]);
  const listeners = new Set<(record: OverwrittenRecord) => void>();
  let counter = 0;

  const report = (collection: CollectionName) => (edit: OverwrittenEdit) => {
    counter += 1;
    const record: OverwrittenRecord = { ...edit, collection, id: `${now().getTime()}-${counter}`, at: now().toISOString() };
    subject.next([...subject.getValue(), record].slice(-limit));
    for (const listener of listeners) listener(record);
  };
  const handlers = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, createConflictHandler(conflictStrategyFor(name), report(name))]),
  ) as WorkstationConflictHandlers;

  return {
    conflictHandlers: handlers,
    records$: subject.asObservable(),
    list: () => subject.getValue(),
    onOverwritten(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismiss(recordId) {
      subject.next(subject.getValue().filter((record) => record.id !== recordId));
    },
  };
}
