/** The open workspace as features see it: its database, target and a way to close it. */
import { createContext, useContext } from 'react';
import type { OpenWorkspace } from './workspace-controller';

export interface OpenWorkspaceContextValue extends OpenWorkspace {
  /** Closes the workspace (and, for an account, signs out) and returns to Welcome. */
  close(): Promise<void>;
}

export const OpenWorkspaceContext = createContext<OpenWorkspaceContextValue | null>(null);

/** The open workspace; null outside the workspace gate (e.g. a component rendered on its own). */
export function useOpenWorkspace(): OpenWorkspaceContextValue | null {
  return useContext(OpenWorkspaceContext);
}

/** An admin session (the JWT's role; RLS is what actually refuses non-admins). */
export function useIsAdminSession(): boolean {
  const workspace = useOpenWorkspace();
  return workspace?.target.kind === 'account' && workspace.target.session.role === 'admin';
}
