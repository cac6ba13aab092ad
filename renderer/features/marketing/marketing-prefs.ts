/**
 * What this device remembers about the marketing center per workspace: the assets pinned for
 * offline use and the version of each asset the partner last opened (for the "Updated" badge).
 * Local only (localStorage); what is read back is validated, so a damaged entry starts empty.
 */
import { useSyncExternalStore } from 'react';
import { z } from 'zod';

const prefsSchema = z.object({
  pinned: z.array(z.string().min(1).max(64)).catch([]),
  seen: z.record(z.string(), z.int().min(1)).catch({}),
});
export type MarketingPrefs = z.infer<typeof prefsSchema>;

const EMPTY: MarketingPrefs = { pinned: [], seen: {} };
const snapshots = new Map<string, MarketingPrefs>();
const listeners = new Map<string, Set<() => void>>();

function storageKey(workspaceKey: string): string {
  return `siso.marketing.v1:${workspaceKey}`;
}

function read(workspaceKey: string): MarketingPrefs {
  const cached = snapshots.get(workspaceKey);
  if (cached) return cached;
  let value = EMPTY;
  try {
    const raw = window.localStorage.getItem(storageKey(workspaceKey));
    if (raw) {
      const parsed = prefsSchema.safeParse(JSON.parse(raw));
      if (parsed.success) value = parsed.data;
    }
  } catch {
    // Storage disabled or damaged: start empty rather than fail the page.
  }
  snapshots.set(workspaceKey, value);
  return value;
}

export function updateMarketingPrefs(workspaceKey: string, change: (prefs: MarketingPrefs) => MarketingPrefs): void {
  const next = change(read(workspaceKey));
  snapshots.set(workspaceKey, next);
  try {
    window.localStorage.setItem(storageKey(workspaceKey), JSON.stringify(next));
  } catch {
    // Kept for this session even when it cannot be saved.
  }
  for (const listener of listeners.get(workspaceKey) ?? []) listener();
}

export function useMarketingPrefs(workspaceKey: string): MarketingPrefs {
  return useSyncExternalStore(
    (onChange) => {
      const set = listeners.get(workspaceKey) ?? new Set();
      set.add(onChange);
      listeners.set(workspaceKey, set);
      return () => set.delete(onChange);
    },
    () => read(workspaceKey),
  );
}

export function setPinned(workspaceKey: string, assetId: string, pinned: boolean): void {
  updateMarketingPrefs(workspaceKey, (prefs) => ({
    ...prefs,
    pinned: pinned ? [...new Set([...prefs.pinned, assetId])] : prefs.pinned.filter((id) => id !== assetId),
  }));
}

export function markSeen(workspaceKey: string, assetId: string, version: number): void {
  if (read(workspaceKey).seen[assetId] === version) return;
  updateMarketingPrefs(workspaceKey, (prefs) => ({ ...prefs, seen: { ...prefs.seen, [assetId]: version } }));
}
