/**
 * The workspace lifecycle as a small state machine: starting → (reopen the last workspace) →
 * welcome | opening → open | failed; open → closing → welcome. Side effects live only in the
 * actions, never in render, so React's double-invoked effects cannot open a store twice.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WorkstationDatabase } from '../../sync/schema/database';
import type { WorkspaceSync } from './sync/workspace-sync';
import { useWorkspaceStore, type WorkspaceIdentity } from './workspace-store';
import { readLastWorkspace, rememberLastWorkspace, type WorkspaceMemoryStorage } from './last-workspace';
import type { OpenedDatabase, WorkspaceTarget } from './open-workspace-database';
import type { SessionPort, SignInInput } from './session-port';
import { errorMessage } from '../ui/error-message';

export interface OpenWorkspace {
  target: WorkspaceTarget;
  db: WorkstationDatabase;
  partnerId: string;
  /** Present for an account workspace whose sync is running. */
  sync?: WorkspaceSync;
}

export type GateState =
  | { status: 'starting' }
  | { status: 'welcome'; notice: string | null; lastEmail: string | null }
  | { status: 'opening'; target: WorkspaceTarget }
  | { status: 'open'; workspace: OpenWorkspace }
  | { status: 'failed'; target: WorkspaceTarget; message: string }
  | { status: 'closing' };

export interface WorkspaceControllerDeps {
  port: SessionPort | null;
  memory: WorkspaceMemoryStorage | undefined;
  openDatabase(target: WorkspaceTarget): Promise<OpenedDatabase>;
  setIdentity(identity: WorkspaceIdentity): void;
}

export interface WorkspaceController {
  store: StoreApi<GateState>;
  /** Reopens the last workspace, or shows Welcome. Only the first call does anything. */
  start(): Promise<void>;
  openDemo(): Promise<void>;
  /** Resolves once signed in (opening then continues); rejects with the server's message. */
  signIn(input: SignInInput): Promise<void>;
  retry(): Promise<void>;
  /** Leaves a failed open for the Welcome screen. */
  backToWelcome(): void;
  /** Closes the store; for an account also ends the session. */
  close(options?: { signOut?: boolean }): Promise<void>;
}

export function describeError(error: unknown): string {
  const message = errorMessage(error);
  return message.trim() || 'An unknown error occurred.';
}

export function createWorkspaceController(deps: WorkspaceControllerDeps): WorkspaceController {
  const store = createStore<GateState>(() => ({ status: 'starting' }));
  let started = false;

  const welcome = (notice: string | null = null) => {
    const last = readLastWorkspace(deps.memory);
    store.setState({ status: 'welcome', notice, lastEmail: last?.kind === 'account' ? last.email : null }, true);
    deps.setIdentity({ mode: 'signed-out' });
  };

  async function open(target: WorkspaceTarget): Promise<void> {
    const state = store.getState();
    if (state.status === 'opening' || state.status === 'open' || state.status === 'closing') return;
    store.setState({ status: 'opening', target }, true);
    try {
      const { db, partnerId, sync } = await deps.openDatabase(target);
      store.setState({ status: 'open', workspace: { target, db, partnerId, ...(sync ? { sync } : {}) } }, true);
      if (target.kind === 'demo') {
        rememberLastWorkspace(deps.memory, { kind: 'demo' });
        deps.setIdentity({ mode: 'demo' });
      } else {
        const { email, serverUrl } = target.session;
        rememberLastWorkspace(deps.memory, { kind: 'account', email, serverUrl });
        deps.setIdentity({ mode: 'account', accountName: email, email });
      }
    } catch (error) {
      store.setState({ status: 'failed', target, message: describeError(error) }, true);
    }
  }

  return {
    store,
    async start() {
      if (started) return;
      started = true;
      const last = readLastWorkspace(deps.memory);
      if (last?.kind === 'demo') return open({ kind: 'demo' });
      if (last?.kind === 'account' && deps.port) {
        let session = null;
        try {
          session = await deps.port.restore();
        } catch (error) {
          welcome(`Your previous session could not be restored: ${describeError(error)}`);
          return;
        }
        if (session) return open({ kind: 'account', session });
        welcome('Your session has ended. Sign in again to open your workspace.');
        return;
      }
      welcome();
    },
    openDemo: () => open({ kind: 'demo' }),
    async signIn(input) {
      if (!deps.port) throw new Error('Signing in is not available in this build. Open the demo workspace instead.');
      const session = await deps.port.signIn(input);
      void open({ kind: 'account', session });
    },
    async retry() {
      const state = store.getState();
      if (state.status !== 'failed') return;
      store.setState({ status: 'welcome', notice: null, lastEmail: null }, true);
      await open(state.target);
    },
    backToWelcome() {
      if (store.getState().status === 'failed') welcome();
    },
    async close(options = {}) {
      const state = store.getState();
      if (state.status !== 'open') return;
      const { db, target, sync } = state.workspace;
      // Unmount every screen before the store closes, so no live query reads a closed database.
      store.setState({ status: 'closing' }, true);
      let notice: string | null = null;
      try {
        // Replication stops first: nothing may write to or read from the store while it closes.
        await sync?.stop();
      } catch (error) {
        notice = `Sync stopped with a problem: ${describeError(error)}`;
      }
      try {
        await db.close();
      } catch (error) {
        notice = `The workspace closed with a problem: ${describeError(error)}`;
      }
      if (target.kind === 'account' && options.signOut && deps.port) {
        try {
          await deps.port.signOut();
        } catch (error) {
          notice = `You are signed out on this device, but the server was not told: ${describeError(error)}`;
        }
      }
      // Closed on purpose: the next start shows Welcome instead of reopening it.
      rememberLastWorkspace(deps.memory, null);
      welcome(notice);
    },
  };
}

/** The app's identity store, as the controller's default sink. */
export function setShellIdentity(identity: WorkspaceIdentity): void {
  useWorkspaceStore.getState().setWorkspace(identity);
}
