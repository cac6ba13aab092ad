/** How the workspace gate reaches the account sync: provided by the app, absent in the demo-only build. */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { AccountServices } from './account-services';

export type PrepareAccountSync = AccountServices['prepareSync'];

const AccountSyncContext = createContext<PrepareAccountSync | null>(null);

export function AccountSyncProvider({ prepare, children }: { prepare: PrepareAccountSync; children: ReactNode }) {
  return createElement(AccountSyncContext.Provider, { value: prepare }, children);
}

export function useAccountSync(): PrepareAccountSync | null {
  return useContext(AccountSyncContext);
}
