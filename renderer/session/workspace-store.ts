/**
 * Which workspace the shell shows as open, for the top bar and the workspace page. The app starts
 * signed out; the workspace controller (workspace-controller.ts) sets it when a sign-in or the demo
 * opens a workspace and clears it when the workspace closes.
 */
import { create } from 'zustand';

export type WorkspaceIdentity =
  | { mode: 'signed-out' }
  | { mode: 'demo' }
  | { mode: 'account'; accountName: string; email: string };

export interface WorkspaceState {
  workspace: WorkspaceIdentity;
  setWorkspace(workspace: WorkspaceIdentity): void;
}

export const useWorkspaceStore = create<WorkspaceState>()((set) => ({
  workspace: { mode: 'signed-out' },
  setWorkspace: (workspace) => set({ workspace }),
}));

/** The label the top bar and overview use for the open workspace. */
export function workspaceLabel(workspace: WorkspaceIdentity): string {
  switch (workspace.mode) {
    case 'signed-out':
      return 'Not signed in';
    case 'demo':
      return 'Demo workspace';
    case 'account':
      return workspace.accountName;
  }
}
