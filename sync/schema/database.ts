/**
 * Opens the workstation's local store: all 13 collections, with migration strategies, on an
 * injected storage (Dexie in the app; memory or Dexie on fake-indexeddb in tests).
 */
import { addRxPlugin, createRxDatabase, type RxCollectionCreator, type RxConflictHandler, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  COLLECTION_NAMES,
  WORKSTATION_COLLECTIONS,
  type CollectionName,
  type WorkstationCollections,
  type WorkstationDocTypes,
} from './collections';
import { WORKSTATION_MIGRATION_STRATEGIES, type WorkstationMigrationStrategies } from './migrations';

export { DEMO_DATABASE_NAME, databaseNameForAccount } from './database-name';
export type { CollectionName, WorkstationCollections } from './collections';

export type WorkstationDatabase = RxDatabase<WorkstationCollections>;

/** Per-collection conflict handlers (sync/replication/conflicts.ts builds them); RxDB's default elsewhere. */
export type WorkstationConflictHandlers = { [N in CollectionName]?: RxConflictHandler<WorkstationDocTypes[N]> };

export interface OpenWorkstationDatabaseOptions<Internals, InstanceCreationOptions> {
  /** From databaseNameForAccount() or DEMO_DATABASE_NAME. */
  name: string;
  storage: RxStorage<Internals, InstanceCreationOptions>;
  /**
   * Default false: one renderer window owns a store. Set true when several windows or tabs open
   * the same store, so they share change events and elect one replication leader.
   */
  multiInstance?: boolean;
  /** Tests only: allow the same name to be opened twice in one process. */
  ignoreDuplicate?: boolean;
  /** Development and tests: RxDB dev-mode checks and ajv validation of every write. Never in production. */
  devMode?: boolean;
  /** Overridable so a test can prove a schema bump migrates stored data. */
  migrationStrategies?: WorkstationMigrationStrategies;
  /** How the replication resolves a push conflict, per collection. Fixed when the collection opens. */
  conflictHandlers?: WorkstationConflictHandlers;
  /**
   * Tests only: open just these collections, so two clients fit in one process under the free
   * edition's 13-collection limit. The returned type still lists all 13; touch only the ones opened.
   */
  collections?: readonly CollectionName[];
}

type WorkstationCollectionCreators = { [N in CollectionName]: RxCollectionCreator<WorkstationDocTypes[N]> };

export async function openWorkstationDatabase<Internals, InstanceCreationOptions>(
  options: OpenWorkstationDatabaseOptions<Internals, InstanceCreationOptions>,
): Promise<WorkstationDatabase> {
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  let storage = options.storage;
  if (options.devMode) {
    const { enableDevModeChecks } = await import('./dev-mode');
    storage = enableDevModeChecks(storage);
  }

  const db = await createRxDatabase<WorkstationCollections>({
    name: options.name,
    storage,
    multiInstance: options.multiInstance ?? false,
    ignoreDuplicate: options.ignoreDuplicate ?? false,
    eventReduce: true,
    localDocuments: true,
  });

  try {
    await db.addCollections(
      collectionCreators(
        options.migrationStrategies ?? WORKSTATION_MIGRATION_STRATEGIES,
        options.conflictHandlers ?? {},
        options.collections ?? COLLECTION_NAMES,
      ),
    );
  } catch (error) {
    // A half-opened database would hold collections against the free edition's limit of 13.
    await db.close();
    throw error;
  }
  return db;
}

function collectionCreators(
  strategies: WorkstationMigrationStrategies,
  conflictHandlers: WorkstationConflictHandlers,
  names: readonly CollectionName[],
): WorkstationCollectionCreators {
  const entries = names.map((name) => [name, creatorFor(name, strategies, conflictHandlers)] as const);
  return Object.fromEntries(entries) as WorkstationCollectionCreators;
}

function creatorFor<N extends CollectionName>(
  name: N,
  strategies: WorkstationMigrationStrategies,
  conflictHandlers: WorkstationConflictHandlers,
): RxCollectionCreator<WorkstationDocTypes[N]> {
  const creator: RxCollectionCreator<WorkstationDocTypes[N]> = {
    schema: WORKSTATION_COLLECTIONS[name].schema,
    migrationStrategies: strategies[name],
    autoMigrate: true,
  };
  const conflictHandler = conflictHandlers[name];
  if (conflictHandler) creator.conflictHandler = conflictHandler;
  return creator;
}
