/**
 * What the top bar shows about sync: per collection and overall — offline, syncing, up to date,
 * a refused write waiting for the user, or paused (signed out / session expired) — with the
 * number of local changes the server has not accepted yet.
 *
 * Pending bookkeeping (why a ledger, not RxDB's internals): RxDB knows which documents still need
 * pushing only inside its replication meta instance, whose layout is private and changes between
 * versions, and it can only be read while the replication runs. The ledger instead records the id
 * of every document written by the app itself (storage events whose context is not one of RxDB's
 * `replication-*` writes) and forgets it when the push handler sees the server accept exactly the
 * current local version, when the server's version is pulled over it (RxDB only pulls over a
 * document with no unpushed changes), or when the write becomes a refused-write problem. It is
 * persisted, so after a restart with unsynced writes the count is right before any network.
 */
import { BehaviorSubject, combineLatest, Subject, type Observable, type Subscription } from 'rxjs';
import { z } from 'zod';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '../schema/collections';
import { persistedJson, type KeyValueStore } from './key-value-store';
import { syncLog } from './log';
import type { SyncProblem, SyncProblemStore } from './sync-problems';

export type CollectionSyncStatus = 'offline' | 'syncing' | 'up-to-date' | 'problem' | 'paused';

export interface CollectionSyncState {
  status: CollectionSyncStatus;
  pendingCount: number;
  problemCount: number;
  lastSyncedAt: string | null;
  error?: string;
  pulledCount: number;
}

export interface OverallSyncState {
  status: CollectionSyncStatus;
  pendingCount: number;
  problemCount: number;
  /** The oldest of the collections' last complete syncs: everything is at least this fresh. */
  lastSyncedAt: string | null;
  firstSync: { done: boolean; total?: number; pulled: number };
  collections: Partial<Record<CollectionName, CollectionSyncState>>;
}

// ---------------------------------------------------------------------------------------------
// Pure aggregation

export interface CollectionSyncInputs {
  active: boolean;
  error?: string;
  pendingCount: number;
  problemCount: number;
  lastSyncedAt: string | null;
  pulledCount: number;
  firstSyncDone: boolean;
  /** Rows the server had for this collection when sync started, if it could be counted. */
  total?: number;
}

export interface SyncInputs {
  online: boolean;
  /** False while signed out or the session has expired: replication is paused, data kept. */
  authorized: boolean;
  collections: Partial<Record<CollectionName, CollectionSyncInputs>>;
}

const precedence: readonly CollectionSyncStatus[] = ['paused', 'offline', 'problem', 'syncing', 'up-to-date'];

export function collectionStatus(inputs: CollectionSyncInputs, online: boolean, authorized: boolean): CollectionSyncStatus {
  if (!authorized) return 'paused';
  if (!online || inputs.error !== undefined) return 'offline';
  if (inputs.problemCount > 0) return 'problem';
  if (inputs.active || inputs.pendingCount > 0 || !inputs.firstSyncDone) return 'syncing';
  return 'up-to-date';
}

export function aggregateSyncState(inputs: SyncInputs): OverallSyncState {
  const collections: Partial<Record<CollectionName, CollectionSyncState>> = {};
  let status: CollectionSyncStatus = 'up-to-date';
  let pendingCount = 0;
  let problemCount = 0;
  let pulled = 0;
  let done = true;
  let total: number | undefined = 0;
  let lastSyncedAt: string | null | undefined;
  for (const [name, c] of Object.entries(inputs.collections) as [CollectionName, CollectionSyncInputs][]) {
    const own = collectionStatus(c, inputs.online, inputs.authorized);
    collections[name] = {
      status: own,
      pendingCount: c.pendingCount,
      problemCount: c.problemCount,
      lastSyncedAt: c.lastSyncedAt,
      pulledCount: c.pulledCount,
      ...(c.error !== undefined ? { error: c.error } : {}),
    };
    if (precedence.indexOf(own) < precedence.indexOf(status)) status = own;
    pendingCount += c.pendingCount;
    problemCount += c.problemCount;
    pulled += c.pulledCount;
    done &&= c.firstSyncDone;
    total = total === undefined || c.total === undefined ? undefined : total + c.total;
    if (lastSyncedAt === undefined) lastSyncedAt = c.lastSyncedAt;
    else if (lastSyncedAt !== null) lastSyncedAt = c.lastSyncedAt === null || c.lastSyncedAt < lastSyncedAt ? c.lastSyncedAt : lastSyncedAt;
  }
  return {
    status,
    pendingCount,
    problemCount,
    lastSyncedAt: lastSyncedAt ?? null,
    firstSync: { done, pulled, ...(total !== undefined ? { total } : {}) },
    collections,
  };
}

// ---------------------------------------------------------------------------------------------
// The pending ledger

const pendingSchema = z.object({
  pending: z.record(z.string(), z.array(z.string())),
  lastSyncedAt: z.record(z.string(), z.string()),
});
type PendingData = z.infer<typeof pendingSchema>;

export interface PendingLedger {
  readonly changes$: Observable<void>;
  count(collection: CollectionName): number;
  has(collection: CollectionName, docId: string): boolean;
  ids(collection: CollectionName): readonly string[];
  add(collection: CollectionName, docIds: readonly string[]): void;
  remove(collection: CollectionName, docId: string): void;
  removeMany(collection: CollectionName, docIds: readonly string[]): void;
  lastSyncedAt(collection: CollectionName): string | null;
  setLastSyncedAt(collection: CollectionName, at: string): void;
  /** Resolves when everything recorded so far is persisted. */
  flush(): Promise<void>;
}

export async function openPendingLedger(options: { store: KeyValueStore; key: string }): Promise<PendingLedger> {
  const persisted = persistedJson<PendingData>(options.store, options.key, pendingSchema, () => ({ pending: {}, lastSyncedAt: {} }));
  const loaded = await persisted.load();
  const pending = new Map<string, Set<string>>(Object.entries(loaded.pending).map(([name, ids]) => [name, new Set(ids)]));
  const synced = new Map<string, string>(Object.entries(loaded.lastSyncedAt));
  const changes = new Subject<void>();
  let lastSave: Promise<void> = Promise.resolve();
  let saveScheduled = false;

  const setOf = (collection: string) => {
    let set = pending.get(collection);
    if (!set) pending.set(collection, (set = new Set()));
    return set;
  };
  // One save per turn of the event loop: a bulk push settles thousands of ids one by one, and
  // each save writes the whole ledger.
  const changed = () => {
    changes.next();
    if (saveScheduled) return;
    saveScheduled = true;
    lastSave = Promise.resolve().then(() => {
      saveScheduled = false;
      return persisted.save({
        pending: Object.fromEntries([...pending].map(([name, ids]) => [name, [...ids]])),
        lastSyncedAt: Object.fromEntries(synced),
      });
    }).catch((error: unknown) => {
      // The count in memory stays right; a restart recounts from whatever was saved last.
      syncLog.warn('Could not save the pending-changes ledger', { error: String(error) });
    });
  };

  return {
    changes$: changes.asObservable(),
    count: (collection) => pending.get(collection)?.size ?? 0,
    has: (collection, docId) => pending.get(collection)?.has(docId) ?? false,
    ids: (collection) => [...(pending.get(collection) ?? [])],
    add(collection, docIds) {
      const set = setOf(collection);
      const before = set.size;
      for (const id of docIds) set.add(id);
      if (set.size !== before) changed();
    },
    remove(collection, docId) {
      if (pending.get(collection)?.delete(docId)) changed();
    },
    removeMany(collection, docIds) {
      const set = pending.get(collection);
      if (!set) return;
      const before = set.size;
      for (const id of docIds) set.delete(id);
      if (set.size !== before) changed();
    },
    lastSyncedAt: (collection) => synced.get(collection) ?? null,
    setLastSyncedAt(collection, at) {
      synced.set(collection, at);
      changed();
    },
    flush: () => lastSave.catch(() => undefined),
  };
}

// ---------------------------------------------------------------------------------------------
// The live tracker

export interface SyncStateTracker {
  readonly state$: Observable<OverallSyncState>;
  current(): OverallSyncState;
  setOnline(online: boolean): void;
  setAuthorized(authorized: boolean): void;
  /** Follows one collection's replication. */
  track(collection: CollectionName, replication: RxReplicationState<unknown, unknown>): void;
  setTotal(collection: CollectionName, total: number): void;
  stop(): void;
}

interface LiveCollection {
  active: boolean;
  error?: string;
  pulledCount: number;
  firstSyncDone: boolean;
  total?: number;
}

export function describeReplicationError(error: unknown): string {
  const parameters = (error as { parameters?: { errors?: unknown[] } } | null)?.parameters;
  const inner = parameters?.errors?.[0];
  const message = (inner as { message?: unknown } | undefined)?.message ?? (error instanceof Error ? error.message : String(error));
  const text = String(message);
  if (/fetch failed|ECONNREFUSED|NetworkError|Failed to fetch|socket/i.test(text)) return "Can't reach the server; retrying.";
  return text;
}

export function createSyncStateTracker(options: {
  collections: readonly CollectionName[];
  pending: PendingLedger;
  problems: SyncProblemStore;
  online: boolean;
  authorized?: boolean;
  now?: () => Date;
}): SyncStateTracker {
  const now = options.now ?? (() => new Date());
  const live = new Map<CollectionName, LiveCollection>(
    options.collections.map((name) => [name, { active: false, pulledCount: 0, firstSyncDone: false }]),
  );
  const flags = new BehaviorSubject({ online: options.online, authorized: options.authorized ?? true });
  const compute = (): OverallSyncState => {
    const problems: readonly SyncProblem[] = options.problems.list();
    const collections: Partial<Record<CollectionName, CollectionSyncInputs>> = {};
    for (const [name, c] of live) {
      collections[name] = {
        active: c.active,
        pendingCount: options.pending.count(name),
        problemCount: problems.filter((p) => p.collection === name).length,
        lastSyncedAt: options.pending.lastSyncedAt(name),
        pulledCount: c.pulledCount,
        firstSyncDone: c.firstSyncDone,
        ...(c.error !== undefined ? { error: c.error } : {}),
        ...(c.total !== undefined ? { total: c.total } : {}),
      };
    }
    return aggregateSyncState({ ...flags.getValue(), collections });
  };
  const state = new BehaviorSubject<OverallSyncState>(compute());
  // Coalesced: an initial pull reports thousands of received documents in one go.
  let scheduled = false;
  let stopped = false;
  const refresh = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!stopped) state.next(compute());
    });
  };
  const subscriptions: Subscription[] = [
    combineLatest([flags, options.problems.problems$]).subscribe(refresh),
    options.pending.changes$.subscribe(refresh),
  ];

  return {
    state$: state.asObservable(),
    current: () => state.getValue(),
    setOnline: (online) => flags.next({ ...flags.getValue(), online }),
    setAuthorized: (authorized) => flags.next({ ...flags.getValue(), authorized }),
    setTotal(collection, total) {
      const c = live.get(collection);
      if (c) c.total = total;
      refresh();
    },
    track(collection, replication) {
      const c = live.get(collection) ?? { active: false, pulledCount: 0, firstSyncDone: false };
      live.set(collection, c);
      subscriptions.push(
        replication.active$.subscribe((active) => {
          const wasActive = c.active;
          c.active = active;
          // Idle after work, not paused: every pull and push of this round went through.
          if (wasActive && !active && !replication.isStoppedOrPaused()) {
            delete c.error;
            options.pending.setLastSyncedAt(collection, now().toISOString());
          }
          refresh();
        }),
        replication.error$.subscribe((error) => {
          c.error = describeReplicationError(error);
          refresh();
        }),
        replication.received$.subscribe(() => {
          c.pulledCount += 1;
          refresh();
        }),
      );
      replication
        .awaitInitialReplication()
        .then(() => {
          c.firstSyncDone = true;
          delete c.error;
          options.pending.setLastSyncedAt(collection, now().toISOString());
          refresh();
        })
        .catch(() => undefined);
    },
    stop() {
      stopped = true;
      for (const subscription of subscriptions) subscription.unsubscribe();
      state.complete();
    },
  };
}
