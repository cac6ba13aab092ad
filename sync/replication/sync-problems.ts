/**
 * Writes the server refused for good (a policy, a check constraint, a trigger) — kept, never
 * dropped. The replication records one problem per document, lets the rest of the queue go on,
 * and the user fixes and retries, or discards. Also decides which push errors are such refusals
 * and which are transient (network, server down, expired JWT) and must be retried by RxDB.
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { z } from 'zod';
import type { CollectionName } from '../schema/collections';
import { COLLECTION_NAMES } from '../schema/collections';
import { persistedJson, type KeyValueStore } from './key-value-store';

// ---------------------------------------------------------------------------------------------
// Error classification

/** What PostgREST (and the local backend) put in an error body; supabase-js hands it over as is. */
export const serverErrorBody = z.object({
  code: z.string().nullish(),
  message: z.string(),
  details: z.string().nullish(),
  hint: z.string().nullish(),
  /** Not part of PostgrestError; present when a caller attaches the HTTP status. */
  status: z.number().int().optional(),
});
export type ServerErrorBody = z.infer<typeof serverErrorBody>;

export type PushErrorClass =
  | { kind: 'refused'; code: string; reason: string }
  | { kind: 'transient'; reason: string };

const refusedSqlState = /^(22|23)[0-9A-Z]{3}$/;
const refusedPostgrest = /^PGRST[12]\d\d$/;

/**
 * Refused for good: SQLSTATE class 22 (bad data) and 23 (constraint) except 23505 (the plugin turns
 * a duplicate id into a conflict), 42501 (RLS / privilege), P0001 (raise exception), PostgREST's
 * request errors PGRST1xx/2xx, or a 4xx status other than 401/408/429. Everything else —
 * network failures, 5xx, PGRST3xx (JWT expired or missing) — is transient.
 */
export function classifyPushError(error: unknown): PushErrorClass {
  const body = serverErrorBody.safeParse(error);
  if (!body.success) return { kind: 'transient', reason: error instanceof Error ? error.message : String(error) };
  const { code, message, details, status } = body.data;
  const reason = details && !message.includes(details) ? `${message} (${details})` : message;
  const sqlCode = code ?? '';
  if (sqlCode === '23505') return { kind: 'transient', reason };
  if (refusedSqlState.test(sqlCode) || sqlCode === '42501' || sqlCode === 'P0001' || refusedPostgrest.test(sqlCode)) {
    return { kind: 'refused', code: sqlCode, reason };
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429) {
    return { kind: 'refused', code: sqlCode || `HTTP ${status}`, reason };
  }
  return { kind: 'transient', reason };
}

// ---------------------------------------------------------------------------------------------
// The problem store

const docJson = z.record(z.string(), z.unknown());

export const syncProblemSchema = z.object({
  id: z.string(),
  collection: z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]),
  docId: z.string(),
  /** How the document must be pushed on retry: a refused insert is inserted again. */
  operation: z.enum(['insert', 'update']),
  /** The server's own words. */
  reason: z.string(),
  code: z.string(),
  /** The local version the server refused (the local document still holds the user's edit). */
  localDoc: docJson,
  /** The server version the refused update was based on; null for an insert. */
  assumedMasterState: docJson.nullable(),
  at: z.string(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

const ledgerSchema = z.object({
  problems: z.array(syncProblemSchema),
  /** Refused inserts the user discarded: their local removal must not be pushed. */
  discardedInserts: z.array(z.object({ collection: z.string(), docId: z.string() })),
  /**
   * The server's real version of documents whose last push was refused and then discarded:
   * RxDB still takes the refused version for the server's, so the next push must use this one.
   */
  serverBases: z.array(z.object({ collection: z.string(), docId: z.string(), doc: docJson })).default([]),
});
type Ledger = z.infer<typeof ledgerSchema>;

export interface RecordProblemInput {
  collection: CollectionName;
  docId: string;
  operation: 'insert' | 'update';
  reason: string;
  code: string;
  localDoc: Record<string, unknown>;
  assumedMasterState: Record<string, unknown> | null;
}

export interface SyncProblemStore {
  readonly problems$: Observable<readonly SyncProblem[]>;
  list(): readonly SyncProblem[];
  get(problemId: string): SyncProblem | undefined;
  find(collection: CollectionName, docId: string): SyncProblem | undefined;
  /**
   * Records a refusal. A second refusal of the same document keeps the first one's operation and
   * base version (still what the server holds) and updates the reason and local version.
   */
  record(input: RecordProblemInput): Promise<SyncProblem>;
  /** Changes an open problem in place (e.g. a retry found the server's row changed meanwhile). */
  update(problemId: string, patch: Partial<Omit<SyncProblem, 'id' | 'collection' | 'docId'>>): Promise<void>;
  resolve(problemId: string): Promise<void>;
  markDiscardedInsert(collection: CollectionName, docId: string): Promise<void>;
  /** True once per marked document, then forgets it. */
  takeDiscardedInsert(collection: CollectionName, docId: string): Promise<boolean>;
  serverBase(collection: CollectionName, docId: string): Record<string, unknown> | undefined;
  setServerBase(collection: CollectionName, docId: string, doc: Record<string, unknown> | null): Promise<void>;
}

export interface OpenSyncProblemStoreOptions {
  store: KeyValueStore;
  /** One per database and server, e.g. `sync-problems:<database name>`. */
  key: string;
  now?: () => Date;
  newId?: () => string;
}

export async function openSyncProblemStore(options: OpenSyncProblemStoreOptions): Promise<SyncProblemStore> {
  const persisted = persistedJson<Ledger>(options.store, options.key, ledgerSchema, () => ({ problems: [], discardedInserts: [], serverBases: [] }));
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  let ledger = await persisted.load();
  const subject = new BehaviorSubject<readonly SyncProblem[]>(ledger.problems);

  const commit = async (next: Ledger): Promise<void> => {
    ledger = next;
    subject.next(next.problems);
    await persisted.save(next);
  };
  const find = (collection: CollectionName, docId: string) =>
    ledger.problems.find((problem) => problem.collection === collection && problem.docId === docId);

  return {
    problems$: subject.asObservable(),
    list: () => ledger.problems,
    get: (problemId) => ledger.problems.find((problem) => problem.id === problemId),
    find,
    async record(input) {
      const existing = find(input.collection, input.docId);
      const problem: SyncProblem = existing
        ? { ...existing, reason: input.reason, code: input.code, localDoc: input.localDoc, at: now().toISOString() }
        : { id: newId(), ...input, at: now().toISOString() };
      const others = ledger.problems.filter((p) => p !== existing);
      await commit({ ...ledger, problems: [...others, problem] });
      return problem;
    },
    async update(problemId, patch) {
      if (!ledger.problems.some((p) => p.id === problemId)) return;
      const at = now().toISOString();
      await commit({ ...ledger, problems: ledger.problems.map((p) => (p.id === problemId ? { ...p, at, ...patch } : p)) });
    },
    async resolve(problemId) {
      if (!ledger.problems.some((p) => p.id === problemId)) return;
      await commit({ ...ledger, problems: ledger.problems.filter((p) => p.id !== problemId) });
    },
    async markDiscardedInsert(collection, docId) {
      await commit({ ...ledger, discardedInserts: [...ledger.discardedInserts, { collection, docId }] });
    },
    async takeDiscardedInsert(collection, docId) {
      const index = ledger.discardedInserts.findIndex((d) => d.collection === collection && d.docId === docId);
      if (index < 0) return false;
      await commit({ ...ledger, discardedInserts: ledger.discardedInserts.filter((_, i) => i !== index) });
      return true;
    },
    serverBase: (collection, docId) => ledger.serverBases.find((b) => b.collection === collection && b.docId === docId)?.doc,
    async setServerBase(collection, docId, doc) {
      const others = ledger.serverBases.filter((b) => !(b.collection === collection && b.docId === docId));
      if (!doc && others.length === ledger.serverBases.length) return;
      await commit({ ...ledger, serverBases: doc ? [...others, { collection, docId, doc }] : others });
    },
  };
}
