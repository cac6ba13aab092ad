/**
 * Celebrating newly met requirements. The requirements already seen as met are kept per partner
 * in localStorage, so a celebration happens once — when sync or the partner's own work turns a
 * requirement green — and not on every visit. The active celebration lives in a tiny external
 * store so the effect that detects it never sets React state directly.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { newlyMetRequirements, REQUIREMENT_LABELS, tierLabel, type RequirementKey, type TierProgress } from '../../../sync/domain/tiers';

export interface Celebration {
  id: number;
  keys: RequirementKey[];
  message: string;
}

const CELEBRATION_MS = 8_000;
const STORAGE_PREFIX = 'siso.tiers.met-requirements.';

let current: Celebration | null = null;
let nextId = 1;
let clearTimer: number | undefined;
const listeners = new Set<() => void>();

function publish(celebration: Celebration | null): void {
  current = celebration;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readRecorded(key: string): string[] | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;
  } catch {
    return null;
  }
}

function writeRecorded(key: string, ids: readonly string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(ids));
  } catch {
    // Storage full or disabled: the only loss is that a celebration may repeat.
  }
}

export function celebrationMessage(keys: readonly RequirementKey[], progress: TierProgress): string {
  if (progress.state !== 'progressing') return '';
  const names = keys.map((key) => REQUIREMENT_LABELS[key]).join(', ');
  const left = progress.requirements.filter((item) => !item.met).length;
  const tail =
    left === 0
      ? `Every requirement for the ${tierLabel(progress.next.tier)} tier is met.`
      : `${left} requirement${left === 1 ? '' : 's'} left for the ${tierLabel(progress.next.tier)} tier.`;
  return `Requirement met: ${names}. ${tail}`;
}

/** The celebration to show now, if any, for `partnerId`'s progress. */
export function useRequirementCelebration(partnerId: string | null, progress: TierProgress): Celebration | null {
  const celebration = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (!partnerId || progress.state !== 'progressing') return;
    const storageKey = STORAGE_PREFIX + partnerId;
    const { newlyMet, record } = newlyMetRequirements(readRecorded(storageKey), progress);
    writeRecorded(storageKey, record);
    if (newlyMet.length === 0) return;
    window.clearTimeout(clearTimer);
    publish({ id: nextId++, keys: newlyMet, message: celebrationMessage(newlyMet, progress) });
    clearTimer = window.setTimeout(() => publish(null), CELEBRATION_MS);
  }, [partnerId, progress]);
  return celebration;
}
