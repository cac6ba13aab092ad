/**
 * Wires every local collection to its Supabase table through RxDB's `replication-supabase`
 * plugin, and owns what the plugin does not do: refused writes become recorded problems instead
 * of blocking the queue forever, pending local changes are counted, and online/offline or an
 * expired session pause the replications without touching local data.
 *
 * Push path: the plugin's own handler is kept (insert → 23505 → fetch = conflict; update with an
 * eq/is filter on every field of the assumed master state → 0 rows → fetch = conflict) but called
 * one row at a time, so one refused row can be set aside while the rows after it go through.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateSupabase, type RxSupabaseReplicationState } from 'rxdb/plugins/replication-supabase';
import { Subscription, type Observable } from 'rxjs';
import { COLLECTION_NAMES, WORKSTATION_COLLECTIONS, type CollectionName, type WorkstationCollections } from '../schema/collections';
import type { WorkstationDatabase } from '../schema/database';
import { sameContent, type OverwrittenLog, type OverwrittenRecord } from './conflicts';
import { syncLog } from './log';
import { classifyPushError, type SyncProblem, type SyncProblemStore } from './sync-problems';
import { createSyncStateTracker, type OverallSyncState, type PendingLedger, type SyncStateTracker } from './sync-state';

type Doc = Record<string, unknown>;
type Row = RxReplicationWriteToMasterRow<Doc>;
type PushHandler = (rows: Row[]) => Promise<WithDeleted<Doc>[]>;

export interface StartWorkstationReplicationOptions {
  db: WorkstationDatabase;
  client: SupabaseClient;
  /** The server's URL; part of every replication identifier, so another server starts fresh. */
  serverUrl: string;
  /** The signed-in partner (also part of the identifiers). RLS filters rows; no query filter needed. */
  partnerId: string;
  problems: SyncProblemStore;
  pending: PendingLedger;
  /** The log whose conflictHandlers the database was opened with. */
  overwritten?: OverwrittenLog;
  onOverwritten?: (record: OverwrittenRecord) => void;
  /** Default true: keep pulling through Realtime. False: one pull/push round, then stop. */
  live?: boolean;
  /** Default: every workstation collection the database has open. */
  collections?: readonly CollectionName[];
  /** Default true when the database is multi-instance: only the elected tab replicates. */
  waitForLeadership?: boolean;
  /** Initial network state (the renderer feeds navigator.onLine). Default true. */
  online?: boolean;
  /** Milliseconds between retries after a transient error. Default 5000. */
  retryTime?: number;
  /** Default 200. */
  pullBatchSize?: number;
  /**
   * Default true: never push without a session. Without one supabase-js falls back to the anon
   * key and RLS would refuse every row — that is an expired session, not a refused write.
   */
  requireSession?: boolean;
}

export type RetryOutcome = 'pushed' | 'refused-again' | 'changed-on-server' | 'already-resolved';

export interface WorkstationReplication {
  readonly state$: Observable<OverallSyncState>;
  readonly tracker: SyncStateTracker;
  readonly replications: ReadonlyMap<CollectionName, RxSupabaseReplicationState<Doc>>;
  /** navigator.onLine: pause every replication when false, resume and re-sync when true. */
  setOnline(online: boolean): Promise<void>;
  /** Session state: pause while signed out or expired; local data and pending writes stay. */
  setAuthorized(authorized: boolean): Promise<void>;
  /** Push a refused document again (after the user or the server fixed the cause). */
  retry(problemId: string): Promise<RetryOutcome>;
  /** Give up a refused write: take the server's version back, or remove a never-accepted insert. */
  discard(problemId: string): Promise<void>;
  /** Resolves when every running replication has pulled and pushed all it knows of. */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

interface CollectionWiring {
  name: CollectionName;
  collection: RxCollection<Doc>;
  state: RxSupabaseReplicationState<Doc>;
  pushOriginal?: PushHandler;
  started: boolean;
  /** Serialises pushes of this collection: RxDB's queue, retries and discards never interleave. */
  lock<T>(task: () => Promise<T>): Promise<T>;
  /** Documents being pushed right now, settled when the push is. */
  inFlight: Map<string, Promise<unknown>>;
  /** The server version last returned as a conflict, per document, until RxDB resolves it. */
  conflictServerState: Map<string, Doc>;
}

class NotSignedInError extends Error {
  constructor() {
    super('Not signed in: local changes wait until the session is renewed.');
  }
}

const CHANGED_ON_SERVER =
  "This record changed on the server since your edit. Retry to apply your version over it, or discard yours to keep the server's.";

function changedOnServer(server: Doc, local: Doc): Partial<SyncProblem> {
  return { operation: 'update', assumedMasterState: server, localDoc: local, reason: CHANGED_ON_SERVER, code: 'changed-on-server' };
}

export function replicationIdentifierFor(serverUrl: string, partnerId: string, table: CollectionName): string {
  return `siso-workstation|${serverUrl.replace(/\/+$/, '')}|${partnerId}|${table}`;
}

function createLock(): <T>(task: () => Promise<T>) => Promise<T> {
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

async function readLocal(collection: RxCollection<Doc>, docId: string): Promise<Doc | undefined> {
  const [found] = await collection.storageInstance.findDocumentsById([docId], true);
  if (!found) return undefined;
  const { _meta: _m, _rev: _r, _attachments: _a, ...doc } = found as Doc;
  return doc;
}

export async function startWorkstationReplication(options: StartWorkstationReplicationOptions): Promise<WorkstationReplication> {
  const { db, client, problems, pending } = options;
  const live = options.live ?? true;
  const requireSession = options.requireSession ?? true;
  const open = db.collections as Partial<WorkstationCollections>;
  const names = options.collections ?? COLLECTION_NAMES.filter((name) => open[name] !== undefined);
  let online = options.online ?? true;
  let authorized = true;
  const subscriptions: Subscription[] = [];

  const tracker = createSyncStateTracker({ collections: names, pending, problems, online });
  if (options.overwritten && options.onOverwritten) {
    const stopListening = options.overwritten.onOverwritten(options.onOverwritten);
    subscriptions.push(new Subscription(() => stopListening()));
  }

  async function ensureSession(): Promise<void> {
    if (!requireSession) return;
    const { data } = await client.auth.getSession();
    if (!data.session) throw new NotSignedInError();
  }

  const wirings = new Map<CollectionName, CollectionWiring>();
  for (const name of names) {
    const collection = open[name] as unknown as RxCollection<Doc> | undefined;
    if (!collection) throw new Error(`The database has no "${name}" collection open.`);
    const twoWay = WORKSTATION_COLLECTIONS[name].direction === 'two-way';
    const state = replicateSupabase<Doc>({
      collection,
      client,
      tableName: name,
      replicationIdentifier: replicationIdentifierFor(options.serverUrl, options.partnerId, name),
      modifiedField: '_modified',
      deletedField: '_deleted',
      live,
      retryTime: options.retryTime ?? 5000,
      waitForLeadership: false, // awaited below, so the push handler is wrapped before any start
      autoStart: false,
      pull: {
        batchSize: options.pullBatchSize ?? 200,
        // RxDB took a refused write for pushed, so it would let any pull of that document replace
        // the user's edit. While the problem is open the local version stands; the recorded base
        // tells a retry whether the server changed meanwhile.
        ...(twoWay ? { modifier: (doc: Doc) => keepRefusedEdit(name, collection, doc) } : {}),
      },
      ...(twoWay ? { push: { batchSize: 50 } } : {}),
    });
    const wiring: CollectionWiring = { name, collection, state, started: false, lock: createLock(), inFlight: new Map(), conflictServerState: new Map() };
    if (state.push) {
      wiring.pushOriginal = state.push.handler as PushHandler;
      state.push.handler = ((rows: Row[]) => pushRows(wiring, rows)) as typeof state.push.handler;
    }
    wirings.set(name, wiring);
    subscriptions.push(followLocalWrites(wiring));
    tracker.track(name, state as unknown as RxReplicationState<unknown, unknown>);
  }

  function keepRefusedEdit(name: CollectionName, collection: RxCollection<Doc>, pulled: Doc): WithDeleted<Doc> | Promise<WithDeleted<Doc>> {
    const docId = String(pulled.id);
    // A pull racing a push of the same document waits to learn whether the push was refused.
    const flight = wirings.get(name)?.inFlight.get(docId);
    // Synchronous for the common case: an initial pull runs this for every row.
    if (!flight && !problems.find(name, docId)) return pulled as WithDeleted<Doc>;
    return (async () => {
      if (flight) await flight.catch(() => undefined);
      if (!problems.find(name, docId)) return pulled as WithDeleted<Doc>;
      return ((await readLocal(collection, docId)) ?? pulled) as WithDeleted<Doc>;
    })();
  }

  /** Pending bookkeeping from the collection's storage events (see sync-state.ts for why). */
  function followLocalWrites(wiring: CollectionWiring): Subscription {
    return wiring.collection.storageInstance.changeStream().subscribe((bulk) => {
      if (!wiring.state.push) return;
      const fromReplication = bulk.context.startsWith('replication-');
      if (!fromReplication) {
        pending.add(wiring.name, bulk.events.map((event) => event.documentId));
        return;
      }
      for (const event of bulk.events) {
        if (bulk.context === 'replication-up-write-conflict') {
          const server = wiring.conflictServerState.get(event.documentId);
          wiring.conflictServerState.delete(event.documentId);
          // Resolved to the server's version: nothing left to push. Otherwise RxDB pushes the merge.
          if (server && sameContent(server, event.documentData as Doc)) pending.remove(wiring.name, event.documentId);
        } else if (bulk.context.startsWith('replication-downstream')) {
          const problem = problems.find(wiring.name, event.documentId);
          if (problem && !sameContent(problem.localDoc, event.documentData as Doc)) {
            // A pull computed just before the refused write slipped past keepRefusedEdit: put the
            // user's version back (it is pushed again and, if still refused, stays a problem).
            void restoreRefusedEdit(wiring, problem.localDoc);
            continue;
          }
          // RxDB only pulls over a document that has no unpushed local change.
          pending.remove(wiring.name, event.documentId);
        }
      }
    });
  }

  async function restoreRefusedEdit(wiring: CollectionWiring, localDoc: Doc): Promise<void> {
    try {
      await writeLocal(wiring, localDoc);
    } catch (error) {
      syncLog.error('Could not restore a refused local edit after a pull', { collection: wiring.name, docId: localDoc.id, error: String(error) });
    }
  }

  async function pushRows(wiring: CollectionWiring, rows: Row[]): Promise<WithDeleted<Doc>[]> {
    const conflicts: WithDeleted<Doc>[] = [];
    for (const row of rows) {
      const docId = String(row.newDocumentState.id);
      const flight = wiring.lock(() => pushOne(wiring, row));
      wiring.inFlight.set(docId, flight);
      try {
        const conflict = await flight;
        if (conflict) conflicts.push(conflict);
      } finally {
        if (wiring.inFlight.get(docId) === flight) wiring.inFlight.delete(docId);
      }
    }
    return conflicts;
  }

  async function pushOne(wiring: CollectionWiring, row: Row): Promise<WithDeleted<Doc> | undefined> {
    const push = wiring.pushOriginal as PushHandler;
    const docId = String(row.newDocumentState.id);
    if (row.newDocumentState._deleted && (await problems.takeDiscardedInsert(wiring.name, docId))) {
      pending.remove(wiring.name, docId);
      return undefined; // removing a discarded insert the server never had
    }
    const openProblem = problems.find(wiring.name, docId);
    const base = problems.serverBase(wiring.name, docId);
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
      const [conflict] = await push([effective]);
      if (!conflict) {
        if (openProblem) await problems.resolve(openProblem.id);
        if (base) await problems.setServerBase(wiring.name, docId, null);
        await forgetIfCurrent(wiring, docId, row.newDocumentState);
        return undefined;
      }
      if (sameContent(conflict, row.newDocumentState)) {
        // The server already holds exactly this version (e.g. a push whose reply was lost).
        if (openProblem) await problems.resolve(openProblem.id);
        if (base) await problems.setServerBase(wiring.name, docId, null);
        pending.remove(wiring.name, docId);
        return conflict;
      }
      if (openProblem || base) {
        // RxDB's base is the refused version, so its conflict handler would take the user's
        // refused edits for server values and drop them. Keep it as a problem: the user decides.
        if (openProblem) await problems.update(openProblem.id, changedOnServer(conflict, row.newDocumentState));
        else
          await problems.record({
            collection: wiring.name,
            docId,
            operation: 'update',
            assumedMasterState: conflict,
            localDoc: row.newDocumentState,
            reason: CHANGED_ON_SERVER,
            code: 'changed-on-server',
          });
        if (base) await problems.setServerBase(wiring.name, docId, null);
        pending.remove(wiring.name, docId);
        return undefined;
      }
      wiring.conflictServerState.set(docId, conflict);
      return conflict;
    } catch (error) {
      const verdict = classifyPushError(error);
      if (verdict.kind === 'transient') throw error;
      // RLS refusing everything because the session vanished mid-push is not the row's fault.
      if (verdict.code === '42501' && requireSession && !(await client.auth.getSession()).data.session) throw new NotSignedInError();
      await problems.record({
        collection: wiring.name,
        docId,
        operation: openProblem?.operation ?? (row.assumedMasterState ? 'update' : 'insert'),
        reason: verdict.reason,
        code: verdict.code,
        localDoc: row.newDocumentState,
        assumedMasterState: openProblem ? openProblem.assumedMasterState : ((row.assumedMasterState as Doc | undefined) ?? null),
      });
      pending.remove(wiring.name, docId);
      syncLog.warn('The server refused a local change; kept as a sync problem', { collection: wiring.name, docId, code: verdict.code });
      return undefined; // handled: the rest of the queue goes on
    }
  }

  async function forgetIfCurrent(wiring: CollectionWiring, docId: string, pushed: Doc): Promise<void> {
    const current = await readLocal(wiring.collection, docId);
    // A newer local write arrived while this one was in flight: it is still pending.
    if (!current || sameContent(current, pushed)) pending.remove(wiring.name, docId);
  }

  function wiringOf(problem: SyncProblem): CollectionWiring {
    const wiring = wirings.get(problem.collection);
    if (!wiring?.pushOriginal) throw new Error(`"${problem.collection}" is not replicated two-way here.`);
    return wiring;
  }

  async function fetchServerRow(name: CollectionName, docId: string): Promise<Doc | undefined> {
    const { data, error } = await client.from(name).select('*').eq('id', docId).limit(1);
    if (error) throw new Error(`Can't load the server's version: ${error.message}`);
    return (data as Doc[])[0];
  }

  async function writeLocal(wiring: CollectionWiring, doc: Doc): Promise<void> {
    const { _deleted: deleted, ...data } = doc;
    const existing = await wiring.collection.findOne(String(doc.id)).exec();
    if (deleted) {
      if (existing) await existing.remove();
    } else {
      await wiring.collection.upsert(data);
    }
  }

  async function resume(wiring: CollectionWiring): Promise<void> {
    if (!wiring.started) {
      wiring.started = true;
      await wiring.state.start(); // the plugin's start: also joins the Realtime channel, once
    } else {
      // Only the base start: the plugin's would join the same channel twice (realtime-js throws).
      await RxReplicationState.prototype.start.call(wiring.state);
    }
  }

  async function applyRunState(): Promise<void> {
    tracker.setOnline(online);
    tracker.setAuthorized(authorized);
    const run = online && authorized;
    await Promise.all(
      [...wirings.values()].map(async (wiring) => {
        if (run) await resume(wiring);
        else if (wiring.started) await wiring.state.pause();
      }),
    );
  }

  async function countTotals(): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        const { count, error } = await client.from(name).select('id', { count: 'exact', head: true });
        if (!error && typeof count === 'number') tracker.setTotal(name, count);
      }),
    ).catch(() => undefined);
  }

  if ((options.waitForLeadership ?? true) && db.multiInstance) await db.waitForLeadership();
  if (online) void countTotals();
  await applyRunState();

  return {
    state$: tracker.state$,
    tracker,
    replications: new Map([...wirings].map(([name, wiring]) => [name, wiring.state])),
    async setOnline(next) {
      online = next;
      await applyRunState();
    },
    async setAuthorized(next) {
      authorized = next;
      await applyRunState();
    },
    async retry(problemId) {
      const first = problems.get(problemId);
      if (!first) return 'already-resolved';
      const wiring = wiringOf(first);
      return wiring.lock(async (): Promise<RetryOutcome> => {
        const problem = problems.get(problemId);
        if (!problem) return 'already-resolved';
        const current = await readLocal(wiring.collection, problem.docId);
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
          const [conflict] = await (wiring.pushOriginal as PushHandler)([row]);
          if (!conflict || sameContent(conflict, current)) {
            await problems.resolve(problem.id);
            pending.remove(wiring.name, problem.docId);
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
    async discard(problemId) {
      const first = problems.get(problemId);
      if (!first) return;
      const wiring = wiringOf(first);
      await wiring.lock(async () => {
        const problem = problems.get(problemId);
        if (!problem) return;
        if (problem.operation === 'insert') {
          await problems.markDiscardedInsert(wiring.name, problem.docId);
          await problems.resolve(problem.id);
          await writeLocal(wiring, { id: problem.docId, _deleted: true });
          return;
        }
        const server = await fetchServerRow(wiring.name, problem.docId);
        const serverDoc = server ? rowToLocalDoc(wiring.name, server) : undefined;
        // The local write below is pushed as a no-op update against this base, which also puts
        // RxDB's idea of the server's version right again.
        if (serverDoc) await problems.setServerBase(wiring.name, problem.docId, serverDoc);
        await problems.resolve(problem.id);
        await writeLocal(wiring, serverDoc ?? { id: problem.docId, _deleted: true });
      });
    },
    async awaitInSync() {
      await Promise.all([...wirings.values()].map((wiring) => wiring.state.awaitInSync()));
    },
    async stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      tracker.stop();
      await Promise.all([...wirings.values()].map((wiring) => wiring.state.cancel()));
      await pending.flush();
    },
  };
}
