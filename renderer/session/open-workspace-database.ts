/**
 * Opens the local store for a workspace: the demo store (filled from the bundled demo data on
 * first open) or the signed-in account's own store. Dexie storage, i.e. IndexedDB in the renderer.
 */
import { z } from 'zod';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withBatchedDexieReads } from '../data/dexie-batched-reads';
import {
  DEMO_DATABASE_NAME,
  databaseNameForAccount,
  openWorkstationDatabase,
  type WorkstationConflictHandlers,
  type WorkstationDatabase,
} from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import type { WorkspaceSync } from './sync/workspace-sync';
import type { AccountSession } from './session-port';

export type WorkspaceTarget = { kind: 'demo' } | { kind: 'account'; session: AccountSession };

export interface OpenedDatabase {
  db: WorkstationDatabase;
  /** The partner id new rows are written with. */
  partnerId: string;
  /** Account workspaces with sync wired: stopped before the database closes. */
  sync?: WorkspaceSync;
}

export interface OpenWorkspaceDatabaseOptions {
  /** An account store's conflict handlers (RxDB fixes them when the collections are created). */
  conflictHandlers?: WorkstationConflictHandlers;
}

const demoPartnerSchema = z.object({ partner_id: z.uuid() });

export async function openWorkspaceDatabase(target: WorkspaceTarget, options: OpenWorkspaceDatabaseOptions = {}): Promise<OpenedDatabase> {
  const storage = withBatchedDexieReads(getRxStorageDexie());
  if (target.kind === 'demo') {
    // Loaded on demand so accounts never download the sample data.
    const { default: demoData } = await import('../../resources/demo/workspace.json');
    const { partner_id } = demoPartnerSchema.parse(demoData);
    const db = await openWorkstationDatabase({ name: DEMO_DATABASE_NAME, storage, devMode: import.meta.env.DEV });
    try {
      await loadDemoWorkspace(db, demoData);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, partnerId: partner_id };
  }
  const { serverUrl, userId } = target.session;
  const db = await openWorkstationDatabase({
    name: databaseNameForAccount(serverUrl, userId),
    storage,
    devMode: import.meta.env.DEV,
    ...(options.conflictHandlers ? { conflictHandlers: options.conflictHandlers } : {}),
  });
  return { db, partnerId: userId };
}
