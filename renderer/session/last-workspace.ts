/**
 * The workspace opened last on this device, so the next start reopens it at once. Only what is
 * needed to choose: the account's session itself comes from SessionPort.restore(). Read back
 * through zod; anything unreadable counts as "none".
 */
import { z } from 'zod';

export const LAST_WORKSPACE_KEY = 'siso.last-workspace.v1';

export const lastWorkspaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('account'), email: z.email(), serverUrl: z.url({ protocol: /^https?$/ }) }),
]);
export type LastWorkspace = z.infer<typeof lastWorkspaceSchema>;

export type WorkspaceMemoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readLastWorkspace(storage: WorkspaceMemoryStorage | undefined): LastWorkspace | null {
  try {
    const raw = storage?.getItem(LAST_WORKSPACE_KEY);
    if (!raw) return null;
    const result = lastWorkspaceSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export function rememberLastWorkspace(storage: WorkspaceMemoryStorage | undefined, value: LastWorkspace | null): void {
  try {
    if (value === null) storage?.removeItem(LAST_WORKSPACE_KEY);
    else storage?.setItem(LAST_WORKSPACE_KEY, JSON.stringify(lastWorkspaceSchema.parse(value)));
  } catch {
    // Storage disabled or full: the workspace still opens, it just is not reopened next time.
  }
}

export function browserWorkspaceMemory(): WorkspaceMemoryStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
