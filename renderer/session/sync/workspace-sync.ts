/**
 * Sync for one open account workspace: the refused-write store and pending ledger (kept in the
 * workspace database's local documents, so they move and go with it), the replication (started in the background — with several windows open only
 * the elected one replicates), network and session changes fed in, and the state the top bar
 * shows. `stop()` ends the replication; the caller closes the database afterwards.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Subscription } from 'rxjs';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { OverwrittenLog, OverwrittenRecord } from '../../../sync/replication/conflicts';
import type { KeyValueStore } from '../../../sync/replication/key-value-store';
import { createLocalDocumentStore, moveKeyValueEntries, type KeyValueSource } from '../../../sync/replication/local-document-store';
import { startWorkstationReplication, type RetryOutcome, type WorkstationReplication } from '../../../sync/replication/replicate';
import type { SessionController, SessionState } from '../../../sync/replication/session';
import { openSyncProblemStore, type SyncProblem } from '../../../sync/replication/sync-problems';
import { openPendingLedger, type OverallSyncState } from '../../../sync/replication/sync-state';
import type { CollectionName } from '../../../sync/schema/collections';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { errorMessage } from '../../ui/error-message';

export interface WorkspaceSyncSnapshot {
  /** null until the replication runs. */
  state: OverallSyncState | null;
  session: SessionState;
  online: boolean;
  problems: readonly SyncProblem[];
  overwritten: readonly OverwrittenRecord[];
  /** Why sync could not start, as a sentence. */
  startError: string | null;
}

export interface WorkspaceSync {
  readonly store: StoreApi<WorkspaceSyncSnapshot>;
  readonly email: string;
  /** The signed-in Supabase client, for online-only work (storage files, admin writes). */
  readonly client: SupabaseClient;
  /** Local changes the server has not accepted yet (0 until known). */
  pendingCount(): number;
  retry(problemId: string): Promise<RetryOutcome>;
  discard(problemId: string): Promise<void>;
  dismissOverwritten(recordId: string): void;
  /** Renews an expired session with the password; rejects with a sentence to show. */
  signInAgain(password: string): Promise<void>;
  stop(): Promise<void>;
}

export interface StartWorkspaceSyncOptions {
  db: WorkstationDatabase;
  databaseName: string;
  session: SessionController;
  serverUrl: string;
  partnerId: string;
  email: string;
  overwritten: OverwrittenLog;
  /** Default: the database's local documents. */
  bookkeeping?: KeyValueStore;
  /** Where earlier versions kept this workspace's bookkeeping (localStorage): moved in once, then deleted. */
  legacyBookkeeping?: KeyValueSource;
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Pick<Navigator, 'onLine'> };
  /** Collections to replicate; default all. */
  collections?: readonly CollectionName[];
}

/** Keys in the workspace's own store: one workspace per database, so no database name in them. */
export const SYNC_PROBLEMS_KEY = 'sync-problems';
export const SYNC_PENDING_KEY = 'sync-pending';

function sentence(error: unknown): string {
  const text = errorMessage(error);
  return text.trim() || 'An unknown error occurred.';
}

export async function startWorkspaceSync(options: StartWorkspaceSyncOptions): Promise<WorkspaceSync> {
  const win = options.win ?? window;
  const { session, overwritten } = options;
  const bookkeeping = options.bookkeeping ?? createLocalDocumentStore(options.db);
  if (options.legacyBookkeeping) {
    await moveKeyValueEntries(options.legacyBookkeeping, bookkeeping, [
      { from: `sync-problems:${options.databaseName}`, to: SYNC_PROBLEMS_KEY },
      { from: `sync-pending:${options.databaseName}`, to: SYNC_PENDING_KEY },
    ]);
  }
  const problems = await openSyncProblemStore({ store: bookkeeping, key: SYNC_PROBLEMS_KEY });
  const pending = await openPendingLedger({ store: bookkeeping, key: SYNC_PENDING_KEY });

  const store = createStore<WorkspaceSyncSnapshot>(() => ({
    state: null,
    session: session.current(),
    online: win.navigator.onLine,
    problems: problems.list(),
    overwritten: overwritten.list(),
    startError: null,
  }));
  const subscriptions: Subscription[] = [
    problems.problems$.subscribe((list) => store.setState({ problems: list })),
    overwritten.records$.subscribe((list) => store.setState({ overwritten: list })),
  ];

  let replication: WorkstationReplication | null = null;
  let stopped = false;
  const authorized = () => session.current().status === 'signed-in';

  const onNetwork = () => {
    store.setState({ online: win.navigator.onLine });
    void replication?.setOnline(win.navigator.onLine);
  };
  win.addEventListener('online', onNetwork);
  win.addEventListener('offline', onNetwork);
  subscriptions.push(
    session.state$.subscribe((state) => {
      store.setState({ session: state });
      void replication?.setAuthorized(state.status === 'signed-in');
    }),
  );

  void (async () => {
    try {
      const running = await startWorkstationReplication({
        db: options.db,
        client: session.client,
        serverUrl: options.serverUrl,
        partnerId: options.partnerId,
        problems,
        pending,
        overwritten,
        // Not authorized yet (expired session): start paused, nothing is sent with the anon key.
        online: win.navigator.onLine && authorized(),
        waitForLeadership: true,
        ...(options.collections ? { collections: options.collections } : {}),
      });
      if (stopped) {
        await running.stop();
        return;
      }
      replication = running;
      subscriptions.push(running.state$.subscribe((state) => store.setState({ state })));
      await running.setAuthorized(authorized());
      await running.setOnline(win.navigator.onLine);
    } catch (error) {
      if (!stopped) store.setState({ startError: `Sync could not start: ${sentence(error)} Your data on this device is safe; restart the app to try again.` });
    }
  })();

  const running = (): WorkstationReplication => {
    if (!replication) throw new Error('Sync is not running in this window yet. Try again in a moment.');
    return replication;
  };

  return {
    store,
    email: options.email,
    client: session.client,
    pendingCount: () => store.getState().state?.pendingCount ?? 0,
    retry: (problemId) => running().retry(problemId),
    discard: (problemId) => running().discard(problemId),
    dismissOverwritten: (recordId) => overwritten.dismiss(recordId),
    async signInAgain(password) {
      const result = await session.signIn(options.email, password);
      if (!result.ok) throw new Error(result.message);
      if (result.userId !== options.partnerId) {
        throw new Error(`${options.email} now belongs to a different account. Sign out and sign in again to open it.`);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      win.removeEventListener('online', onNetwork);
      win.removeEventListener('offline', onNetwork);
      for (const subscription of subscriptions) subscription.unsubscribe();
      // Waiting for leadership can last as long as another window holds it: don't wait for that.
      if (replication) await replication.stop();
      await pending.flush();
    },
  };
}
