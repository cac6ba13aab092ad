import { createContext, useContext, type ReactNode } from 'react';
import type { WorkstationDatabase } from '../../sync/schema/database';

const DatabaseContext = createContext<WorkstationDatabase | null>(null);

/** `database` is null while the store is opening or when no workspace is open. */
export function DatabaseProvider({ database, children }: { database: WorkstationDatabase | null; children: ReactNode }) {
  return <DatabaseContext value={database}>{children}</DatabaseContext>;
}

export function useDatabase(): WorkstationDatabase | null {
  return useContext(DatabaseContext);
}
