/**
 * Wires every local collection to its Supabase table through RxDB's `replication-supabase`
 * plugin, and owns what the plugin does not do: pending local changes are counted, a pull never
 * replaces an edit the server refused, and online/offline or an expired session pause the
 * replications without touching local data. What is pushed, and how refusals become recorded
 * problems, is push.ts.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RxCollection, WithDeleted } from 'rxdb';
import { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateSupabase, type RxSupabaseReplicationState } from 'rxdb/plugins/replication-supabase';
import { Subscription, type Observable } from 'rxjs';
import { COLLECTION_NAMES, WORKSTATION_COLLECTIONS, type CollectionName, type WorkstationCollections } from '../schema/collections';
import type { WorkstationDatabase } from '../schema/database';
import { sameContent, type OverwrittenLog, type OverwrittenRecord } from './conflicts';
import { syncLog } from './log';
import { createLock, createPushPath, readLocal, writeLocal, type Doc, type PushHandler, type PushTarget, type RetryOutcome } from './push';
import type { SyncProblem, SyncProblemStore } from './sync-problems';
import { createSyncStateTracker, type OverallSyncState, type PendingLedger, type SyncStateTracker } from './sync-state';

export type { RetryOutcome } from './push';

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
  /** Rows per push request (new rows go up in bulk inserts of this size). Default 500. */
  pushBatchSize?: number;
  /**
   * Default true: never push without a session. Without one supabase-js falls back to the anon
   * key and RLS would refuse every row — that is an expired session, not a refused write.
   */
  requireSession?: boolean;
}

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
  /** Set for two-way collections: what the push path needs. */
  push?: PushTarget;
  started: boolean;
}

/**
 * Children the server checks against their parent row (RLS and a foreign key): a message written
 * offline with its new ticket must not reach the server first, so the child's push waits for the
 * parent's pending rows — at most PARENT_WAIT_MS, after which a refusal is recorded as usual.
 */
const PUSH_AFTER: Partial<Record<CollectionName, CollectionName>> = { ticket_messages: 'tickets' };
const PARENT_WAIT_MS = 15_000;

async function settledOrTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export function replicationIdentifierFor(serverUrl: string, partnerId: string, table: CollectionName): string {
  return `siso-workstation|${serverUrl.replace(/\/+$/, '')}|${partnerId}|${table}`;
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

  const pushBatchSize = options.pushBatchSize ?? 500;
  const pushPath = createPushPath({ client, problems, pending, requireSession, maxRowsPerRequest: pushBatchSize });

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
      ...(twoWay ? { push: { batchSize: pushBatchSize } } : {}),
    });
    const wiring: CollectionWiring = { name, collection, state, started: false };
    if (state.push) {
      const target: PushTarget = {
        name,
        collection,
        pushOriginal: state.push.handler as PushHandler,
        lock: createLock(),
        inFlight: new Map(),
        conflictServerState: new Map(),
        latestLocal: new Map(),
      };
      wiring.push = target;
      const parentName = PUSH_AFTER[name];
      state.push.handler = (async (rows: Parameters<PushHandler>[0]) => {
        const parent = parentName ? wirings.get(parentName) : undefined;
        if (parent?.started) await settledOrTimeout(parent.state.awaitInSync(), PARENT_WAIT_MS);
        return pushPath.pushRows(target, rows);
      }) as typeof state.push.handler;
    }
    wirings.set(name, wiring);
    subscriptions.push(followLocalWrites(wiring));
    tracker.track(name, state as unknown as RxReplicationState<unknown, unknown>);
  }

  function keepRefusedEdit(name: CollectionName, collection: RxCollection<Doc>, pulled: Doc): WithDeleted<Doc> | Promise<WithDeleted<Doc>> {
    const docId = String(pulled.id);
    // A pull racing a push of the same document waits to learn whether the push was refused.
    const flight = wirings.get(name)?.push?.inFlight.get(docId);
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
      const target = wiring.push;
      if (!target) return;
      const fromReplication = bulk.context.startsWith('replication-');
      for (const event of bulk.events) {
        if (!fromReplication || target.latestLocal.has(event.documentId)) target.latestLocal.set(event.documentId, event.documentData as Doc);
      }
      if (!fromReplication) {
        pending.add(wiring.name, bulk.events.map((event) => event.documentId));
        return;
      }
      for (const event of bulk.events) {
        if (bulk.context === 'replication-up-write-conflict') {
          const server = target.conflictServerState.get(event.documentId);
          target.conflictServerState.delete(event.documentId);
          // Resolved to the server's version: nothing left to push. Otherwise RxDB pushes the merge.
          if (server && sameContent(server, event.documentData as Doc)) {
            pending.remove(wiring.name, event.documentId);
            target.latestLocal.delete(event.documentId);
          }
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
          target.latestLocal.delete(event.documentId);
        }
      }
    });
  }

  async function restoreRefusedEdit(wiring: CollectionWiring, localDoc: Doc): Promise<void> {
    try {
      await writeLocal(wiring.collection, localDoc);
    } catch (error) {
      syncLog.error('Could not restore a refused local edit after a pull', { collection: wiring.name, docId: localDoc.id, error: String(error) });
    }
  }

  function pushTargetOf(problem: SyncProblem): PushTarget {
    const target = wirings.get(problem.collection)?.push;
    if (!target) throw new Error(`"${problem.collection}" is not replicated two-way here.`);
    return target;
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
      const problem = problems.get(problemId);
      if (!problem) return 'already-resolved';
      return pushPath.retry(pushTargetOf(problem), problemId);
    },
    async discard(problemId) {
      const problem = problems.get(problemId);
      if (!problem) return;
      await pushPath.discard(pushTargetOf(problem), problemId);
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
