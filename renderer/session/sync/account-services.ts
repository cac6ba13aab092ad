/**
 * The app's account services: a SessionPort over the Supabase session (one session controller per
 * server, its tokens in the platform's secure store) and, for an opened account workspace, the
 * conflict log to open the database with and the sync to start on it. The demo never gets here.
 */
import { createOverwrittenLog } from '../../../sync/replication/conflicts';
import type { KeyValueSource } from '../../../sync/replication/local-document-store';
import { createSessionController, type SessionController, type TokenStore } from '../../../sync/replication/session';
import type { CollectionName } from '../../../sync/schema/collections';
import { databaseNameForAccount, type WorkstationConflictHandlers, type WorkstationDatabase } from '../../../sync/schema/database';
import { readLastWorkspace, type WorkspaceMemoryStorage } from '../last-workspace';
import type { AccountSession, SessionPort } from '../session-port';
import { startWorkspaceSync, type WorkspaceSync } from './workspace-sync';

export interface PreparedAccountSync {
  conflictHandlers: WorkstationConflictHandlers;
  start(db: WorkstationDatabase): Promise<WorkspaceSync>;
}

export interface AccountServices {
  port: SessionPort;
  /** Called before the account's database opens (the conflict handlers are fixed at open). */
  prepareSync(session: AccountSession): PreparedAccountSync;
}

export interface AccountServicesOptions {
  anonKey: string;
  tokenStore: TokenStore;
  /** Where earlier versions kept sync bookkeeping (localStorage): read once per workspace to move it into its database. */
  legacyBookkeeping?: KeyValueSource;
  memory: WorkspaceMemoryStorage | undefined;
}

const normalise = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * An admin may read every partner's rows; the admin's screens need the catalog and, for the live
 * support inbox and forum moderation, every thread and message locally (partners and usage are
 * fetched from the server when asked), so nothing else is replicated.
 */
const ADMIN_COLLECTIONS: readonly CollectionName[] = ['catalog', 'tickets', 'ticket_messages'];

export function createAccountServices(options: AccountServicesOptions): AccountServices {
  const controllers = new Map<string, SessionController>();
  let active: SessionController | null = null;

  const controllerFor = (serverUrl: string): SessionController => {
    const url = normalise(serverUrl);
    let controller = controllers.get(url);
    if (!controller) {
      controller = createSessionController({ url, anonKey: options.anonKey, tokenStore: options.tokenStore });
      controllers.set(url, controller);
    }
    return controller;
  };

  const port: SessionPort = {
    async restore() {
      const last = readLastWorkspace(options.memory);
      if (last?.kind !== 'account') return null;
      const controller = controllerFor(last.serverUrl);
      const restored = await controller.restore();
      if (!restored) return null;
      active = controller;
      // An expired session still opens the account's data; the shell asks for the password.
      return { userId: restored.userId, email: restored.email || last.email, serverUrl: normalise(last.serverUrl), role: restored.role };
    },
    async signIn({ email, password, serverUrl }) {
      const controller = controllerFor(serverUrl);
      const result = await controller.signIn(email, password);
      if (!result.ok) throw new Error(result.message);
      active = controller;
      return { userId: result.userId, email: result.email || email, serverUrl: normalise(serverUrl), role: result.role };
    },
    async signOut() {
      await active?.signOut();
      active = null;
    },
  };

  return {
    port,
    prepareSync(session) {
      const overwritten = createOverwrittenLog();
      return {
        conflictHandlers: overwritten.conflictHandlers,
        start: (db) =>
          startWorkspaceSync({
            db,
            databaseName: databaseNameForAccount(session.serverUrl, session.userId),
            session: controllerFor(session.serverUrl),
            serverUrl: session.serverUrl,
            partnerId: session.userId,
            email: session.email,
            overwritten,
            ...(options.legacyBookkeeping ? { legacyBookkeeping: options.legacyBookkeeping } : {}),
            ...(session.role === 'admin' ? { collections: ADMIN_COLLECTIONS } : {}),
          }),
      };
    },
  };
}
