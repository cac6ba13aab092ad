import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../renderer/ui/theme';
import {
  UI_PREFERENCES_KEY,
  createUiStore,
  defaultUiPreferences,
  loadUiPreferences,
  parseUiPreferences,
  type PreferenceStorage,
} from '../../renderer/ui/ui-store';

function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('UI preferences', () => {
  it('uses defaults when nothing is stored', () => {
    expect(parseUiPreferences(null)).toEqual(defaultUiPreferences);
  });

  it('reads valid stored preferences', () => {
    expect(parseUiPreferences('{"theme":"dark","sidebarCollapsed":true}')).toEqual({ theme: 'dark', sidebarCollapsed: true });
  });

  it.each(['not json', '[]', '"dark"', 'null', '42'])('falls back to defaults for %s', (raw) => {
    expect(parseUiPreferences(raw)).toEqual(defaultUiPreferences);
  });

  it('keeps the valid fields of a partly invalid entry', () => {
    expect(parseUiPreferences('{"theme":"sepia","sidebarCollapsed":true}')).toEqual({ theme: 'system', sidebarCollapsed: true });
    expect(parseUiPreferences('{"theme":"light"}')).toEqual({ theme: 'light', sidebarCollapsed: false });
  });

  it('survives storage that throws (disabled by policy)', () => {
    const throwing: PreferenceStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadUiPreferences(throwing)).toEqual(defaultUiPreferences);
    const store = createUiStore(throwing);
    expect(() => store.getState().setTheme('dark')).not.toThrow();
    expect(store.getState().theme).toBe('dark');
  });

  it('persists changes and restores them in a new store', () => {
    const storage = memoryStorage();
    const store = createUiStore(storage);
    store.getState().setTheme('dark');
    store.getState().toggleSidebar();
    expect(JSON.parse(storage.data.get(UI_PREFERENCES_KEY) ?? '{}')).toEqual({ theme: 'dark', sidebarCollapsed: true });

    const restored = createUiStore(storage);
    expect(restored.getState().theme).toBe('dark');
    expect(restored.getState().sidebarCollapsed).toBe(true);
  });
});

describe('resolveTheme', () => {
  it('uses the explicit choice, or the system setting for "system"', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
});
