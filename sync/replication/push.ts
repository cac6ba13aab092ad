/**
 * The push half of the workstation replication: sends RxDB's push batches to the server, new rows
 * in bulk inserts, and turns what the server refuses into recorded problems one document at a
 * time, so a refused row never holds back the rows around it. Also retries and discards problems.
 *
 * New documents go up as one insert per batch of up to `maxRowsPerRequest` rows. Postgres runs a
 * bulk insert as one statement, so a single refused row refuses the whole request: the batch is
 * then halved and each half sent again, down to the one refused row, which takes the per-row path
 * below and is recorded as a problem while every other row lands. Updates, deletions and documents
 * with an open problem keep the plugin's per-row handler (insert → 23505 → fetch = conflict; update
 * with an eq/is filter on every field of the assumed master state → 0 rows → fetch = conflict).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { WORKSTATION_COLLECTIONS, type CollectionName } from '../schema/collections';
import { sameContent } from './conflicts';
import { syncLog } from './log';
import { classifyPushError, type SyncProblem, type SyncProblemStore } from './sync-problems';
import type { PendingLedger } from './sync-state';

export type Doc = Record<string, unknown>;
export type Row = RxReplicationWriteToMasterRow<Doc>;
export type PushHandler = (rows: Row[]) => Promise<WithDeleted<Doc>[]>;
export type RetryOutcome = 'pushed' | 'refused-again' | 'changed-on-server' | 'already-resolved';

/** One collection as the push path sees it. */
export interface PushTarget {
  name: CollectionName;
  collection: RxCollection<Doc>;
  /** The replication plugin's own handler, used one row at a time. */
  pushOriginal: PushHandler;
  /** Serialises pushes of this collection: RxDB's queue, retries and discards never interleave. */
  lock<T>(task: () => Promise<T>): Promise<T>;
  /** Documents being pushed right now, settled when the push is. */
  inFlight: Map<string, Promise<unknown>>;
  /** The server version last returned as a conflict, per document, until RxDB resolves it. */
  conflictServerState: Map<string, Doc>;
  /**
   * The stored version of documents written since the replication started, kept up to date from
   * the storage's change events (replicate.ts) until a push settles them: lets a push settle
   * without reading the storage back, which was a third of a bulk push's time. A document
   * missing here is read from the storage.
   */
  latestLocal: Map<string, Doc>;
}

export interface PushPathOptions {
  client: SupabaseClient;
  problems: SyncProblemStore;
  pending: PendingLedger;
  /** Never push without a session (see StartWorkstationReplicationOptions.requireSession). */
  requireSession: boolean;
  /** Rows per bulk insert request. */
  maxRowsPerRequest: number;
}

export interface PushPath {
  /** The replication's push handler for one collection. */
  pushRows(target: PushTarget, rows: Row[]): Promise<WithDeleted<Doc>[]>;
  retry(target: PushTarget, problemId: string): Promise<RetryOutcome>;
  discard(target: PushTarget, problemId: string): Promise<void>;
}

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in: local changes wait until the session is renewed.');
  }
}

const CHANGED_ON_SERVER =
  "This record changed on the server since your edit. Retry to apply your version over it, or discard yours to keep the server's.";

function changedOnServer(server: Doc, local: Doc): Partial<SyncProblem> {
  return { operation: 'update', assumedMasterState: server, localDoc: local, reason: CHANGED_ON_SERVER, code: 'changed-on-server' };
}

export function createLock(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** A server row as the local document: `_modified` is not a local field, `_deleted` is boolean. */
function rowToLocalDoc(name: CollectionName, row: Doc): Doc {
  const doc: Doc = {};
  const properties = WORKSTATION_COLLECTIONS[name].schema.properties as Record<string, unknown>;
  for (const [key, value] of Object.entries(row)) if (key in properties) doc[key] = value;
  doc._deleted = row._deleted === true;
  return doc;
}

function stripStorageFields(found: Doc): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...doc } = found;
  return doc;
}

export async function readLocal(collection: RxCollection<Doc>, docId: string): Promise<Doc | undefined> {
  const [found] = await collection.storageInstance.findDocumentsById([docId], true);
  return found ? stripStorageFields(found as Doc) : undefined;
}

export async function writeLocal(collection: RxCollection<Doc>, doc: Doc): Promise<void> {
  const { _deleted: deleted, ...data } = doc;
  const existing = await collection.findOne(String(doc.id)).exec();
  if (deleted) {
    if (existing) await existing.remove();
  } else {
    await collection.upsert(data);
  }
}

const docIdOf = (row: Row) => String(row.newDocumentState.id);

export function createPushPath(options: PushPathOptions): PushPath {
  const { client, problems, pending, requireSession } = options;
  const maxRows = Math.max(1, options.maxRowsPerRequest);

  async function ensureSession(): Promise<void> {
    if (!requireSession) return;
    const { data } = await client.auth.getSession();
    if (!data.session) throw new NotSignedInError();
  }

  /** RLS refusing everything because the session vanished mid-push is not the rows' fault. */
  async function throwIfSessionVanished(code: string): Promise<void> {
    if (code === '42501' && requireSession && !(await client.auth.getSession()).data.session) throw new NotSignedInError();
  }

  /** A new document nothing else is known about: safe to send in a bulk insert. */
  function isPlainInsert(target: PushTarget, row: Row): boolean {
    const docId = docIdOf(row);
    return (
      !row.assumedMasterState &&
      row.newDocumentState._deleted !== true &&
      !problems.find(target.name, docId) &&
      !problems.serverBase(target.name, docId)
    );
  }

  async function pushRows(target: PushTarget, rows: Row[]): Promise<WithDeleted<Doc>[]> {
    const flight = target.lock(() => pushBatch(target, rows));
    const ids = rows.map(docIdOf);
    for (const docId of ids) target.inFlight.set(docId, flight);
    try {
      return await flight;
    } finally {
      for (const docId of ids) if (target.inFlight.get(docId) === flight) target.inFlight.delete(docId);
    }
  }

  async function pushBatch(target: PushTarget, rows: Row[]): Promise<WithDeleted<Doc>[]> {
    const inserts: Row[] = [];
    const oneByOne: Row[] = [];
    for (const row of rows) (isPlainInsert(target, row) ? inserts : oneByOne).push(row);
    const conflicts: WithDeleted<Doc>[] = [];
    for (let start = 0; start < inserts.length; start += maxRows) {
      conflicts.push(...(await insertInBulk(target, inserts.slice(start, start + maxRows))));
    }
    for (const row of oneByOne) {
      const conflict = await pushOne(target, row);
      if (conflict) conflicts.push(conflict);
    }
    return conflicts;
  }

  async function insertInBulk(target: PushTarget, rows: Row[]): Promise<WithDeleted<Doc>[]> {
    const [only] = rows;
    if (rows.length === 1 && only) {
      const conflict = await pushOne(target, only);
      return conflict ? [conflict] : [];
    }
    await ensureSession();
    // missing=default: a field a document leaves out gets the column's default, as a one-row insert would.
    const { error } = await client.from(target.name).insert(rows.map((row) => row.newDocumentState), { defaultToNull: false });
    if (!error) {
      await forgetIfCurrent(target, rows.map((row) => row.newDocumentState));
      return [];
    }
    const verdict = classifyPushError(error);
    // 23505 (an id the server already has) is a conflict for one of the rows, not a network fault.
    if (verdict.kind === 'transient' && error.code !== '23505') throw error;
    if (verdict.kind === 'refused') await throwIfSessionVanished(verdict.code);
    const half = Math.ceil(rows.length / 2);
    return [...(await insertInBulk(target, rows.slice(0, half))), ...(await insertInBulk(target, rows.slice(half)))];
  }

  async function pushOne(target: PushTarget, row: Row): Promise<WithDeleted<Doc> | undefined> {
    const docId = docIdOf(row);
    if (row.newDocumentState._deleted && (await problems.takeDiscardedInsert(target.name, docId))) {
      pending.remove(target.name, docId);
      return undefined; // removing a discarded insert the server never had
    }
    const openProblem = problems.find(target.name, docId);
    const base = problems.serverBase(target.name, docId);
    // After a refusal RxDB takes the refused version for the server's; push against the real one.
    const effective: Row = openProblem
      ? {
          newDocumentState: row.newDocumentState,
          ...(openProblem.operation === 'update' && openProblem.assumedMasterState
            ? { assumedMasterState: openProblem.assumedMasterState as WithDeleted<Doc> }
            : {}),
        }
      : base
        ? { newDocumentState: row.newDocumentState, assumedMasterState: base as WithDeleted<Doc> }
        : row;
    await ensureSession();
    try {
      const [conflict] = await target.pushOriginal([effective]);
      if (!conflict) {
        if (openProblem) await problems.resolve(openProblem.id);
        if (base) await problems.setServerBase(target.name, docId, null);
        await forgetIfCurrent(target, [row.newDocumentState]);
        return undefined;
      }
      if (sameContent(conflict, row.newDocumentState)) {
        // The server already holds exactly this version (e.g. a push whose reply was lost).
        if (openProblem) await problems.resolve(openProblem.id);
        if (base) await problems.setServerBase(target.name, docId, null);
        pending.remove(target.name, docId);
        return conflict;
      }
      if (openProblem || base) {
        // RxDB's base is the refused version, so its conflict handler would take the user's
        // refused edits for server values and drop them. Keep it as a problem: the user decides.
        if (openProblem) await problems.update(openProblem.id, changedOnServer(conflict, row.newDocumentState));
        else
          await problems.record({
            collection: target.name,
            docId,
            operation: 'update',
            assumedMasterState: conflict,
            localDoc: row.newDocumentState,
            reason: CHANGED_ON_SERVER,
            code: 'changed-on-server',
          });
        if (base) await problems.setServerBase(target.name, docId, null);
        pending.remove(target.name, docId);
        return undefined;
      }
      target.conflictServerState.set(docId, conflict);
      return conflict;
    } catch (error) {
      const verdict = classifyPushError(error);
      if (verdict.kind === 'transient') throw error;
      await throwIfSessionVanished(verdict.code);
      await problems.record({
        collection: target.name,
        docId,
        operation: openProblem?.operation ?? (row.assumedMasterState ? 'update' : 'insert'),
        reason: verdict.reason,
        code: verdict.code,
        localDoc: row.newDocumentState,
        assumedMasterState: openProblem ? openProblem.assumedMasterState : ((row.assumedMasterState as Doc | undefined) ?? null),
      });
      pending.remove(target.name, docId);
      syncLog.warn('The server refused a local change; kept as a sync problem', { collection: target.name, docId, code: verdict.code });
      return undefined; // handled: the rest of the queue goes on
    }
  }

  async function forgetIfCurrent(target: PushTarget, pushed: readonly Doc[]): Promise<void> {
    const unseen = pushed.map((doc) => String(doc.id)).filter((docId) => !target.latestLocal.has(docId));
    const found = unseen.length > 0 ? await target.collection.storageInstance.findDocumentsById(unseen, true) : [];
    const stored = new Map(found.map((doc) => [String((doc as Doc).id), doc as Doc]));
    // A newer local write that arrived while a document was in flight is still pending.
    const settled: string[] = [];
    for (const doc of pushed) {
      const docId = String(doc.id);
      const local = target.latestLocal.get(docId) ?? stored.get(docId);
      if (local && !sameContent(local, doc)) continue;
      settled.push(docId);
      target.latestLocal.delete(docId);
    }
    pending.removeMany(target.name, settled);
  }

  async function fetchServerRow(name: CollectionName, docId: string): Promise<Doc | undefined> {
    const { data, error } = await client.from(name).select('*').eq('id', docId).limit(1);
    if (error) throw new Error(`Can't load the server's version: ${error.message}`);
    return (data as Doc[])[0];
  }

  return {
    pushRows,
    retry(target, problemId) {
      return target.lock(async (): Promise<RetryOutcome> => {
        const problem = problems.get(problemId);
        if (!problem) return 'already-resolved';
        const current = await readLocal(target.collection, problem.docId);
        if (!current) {
          await problems.resolve(problem.id);
          return 'already-resolved';
        }
        await ensureSession();
        const row: Row = {
          newDocumentState: current as WithDeleted<Doc>,
          ...(problem.operation === 'update' && problem.assumedMasterState ? { assumedMasterState: problem.assumedMasterState as WithDeleted<Doc> } : {}),
        };
        try {
          const [conflict] = await target.pushOriginal([row]);
          if (!conflict || sameContent(conflict, current)) {
            await problems.resolve(problem.id);
            pending.remove(target.name, problem.docId);
            return 'pushed';
          }
          // Someone changed the row since: the next retry applies this version over theirs,
          // unless the user discards (takes theirs) first.
          await problems.update(problem.id, changedOnServer(conflict, current));
          return 'changed-on-server';
        } catch (error) {
          const verdict = classifyPushError(error);
          if (verdict.kind === 'transient') throw error;
          await problems.update(problem.id, { localDoc: current, reason: verdict.reason, code: verdict.code });
          return 'refused-again';
        }
      });
    },
    discard(target, problemId) {
      return target.lock(async () => {
        const problem = problems.get(problemId);
        if (!problem) return;
        if (problem.operation === 'insert') {
          await problems.markDiscardedInsert(target.name, problem.docId);
          await problems.resolve(problem.id);
          await writeLocal(target.collection, { id: problem.docId, _deleted: true });
          return;
        }
        const server = await fetchServerRow(target.name, problem.docId);
        const serverDoc = server ? rowToLocalDoc(target.name, server) : undefined;
        // The local write below is pushed as a no-op update against this base, which also puts
        // RxDB's idea of the server's version right again.
        if (serverDoc) await problems.setServerBase(target.name, problem.docId, serverDoc);
        await problems.resolve(problem.id);
        await writeLocal(target.collection, serverDoc ?? { id: problem.docId, _deleted: true });
      });
    },
  };
}
