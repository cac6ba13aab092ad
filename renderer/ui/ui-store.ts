/**
 * UI state that is neither data nor route: theme preference and sidebar state. Persisted to
 * localStorage; what is read back is validated, so a corrupt or outdated entry falls back to
 * defaults instead of breaking the app.
 */
import { z } from 'zod';
import { create } from 'zustand';

export const themePreferences = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const uiPreferencesSchema = z.object({
  theme: z.enum(themePreferences).catch('system'),
  sidebarCollapsed: z.boolean().catch(false),
});
export type UiPreferences = z.infer<typeof uiPreferencesSchema>;

export const UI_PREFERENCES_KEY = 'siso.ui-preferences.v1';
export const defaultUiPreferences: UiPreferences = { theme: 'system', sidebarCollapsed: false };

/** The subset of `Storage` this module uses, so tests can pass a Map-backed fake. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function parseUiPreferences(raw: string | null): UiPreferences {
  if (raw === null) return defaultUiPreferences;
  try {
    const result = uiPreferencesSchema.safeParse(JSON.parse(raw));
    return result.success ? result.data : defaultUiPreferences;
  } catch {
    return defaultUiPreferences;
  }
}

export function loadUiPreferences(storage: PreferenceStorage | undefined): UiPreferences {
  try {
    return parseUiPreferences(storage?.getItem(UI_PREFERENCES_KEY) ?? null);
  } catch {
    // Storage can throw when disabled by policy; the app still works with defaults.
    return defaultUiPreferences;
  }
}

export function saveUiPreferences(storage: PreferenceStorage | undefined, preferences: UiPreferences): void {
  try {
    storage?.setItem(UI_PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // Quota or policy errors only cost persistence, never the current session.
  }
}

export interface UiState extends UiPreferences {
  setTheme(theme: ThemePreference): void;
  setSidebarCollapsed(collapsed: boolean): void;
  toggleSidebar(): void;
}

export function createUiStore(storage: PreferenceStorage | undefined) {
  const store = create<UiState>()((set) => ({
    ...loadUiPreferences(storage),
    setTheme: (theme) => set({ theme }),
    setSidebarCollapsed: (sidebarCollapsed) => set({ sidebarCollapsed }),
    toggleSidebar: () => set((state) => ({ sidebarCollapsed: !state.sidebarCollapsed })),
  }));
  store.subscribe((state, previous) => {
    if (state.theme !== previous.theme || state.sidebarCollapsed !== previous.sidebarCollapsed) {
      saveUiPreferences(storage, { theme: state.theme, sidebarCollapsed: state.sidebarCollapsed });
    }
  });
  return store;
}

function browserStorage(): PreferenceStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const useUiStore = createUiStore(browserStorage());
