/** Resolves the theme preference ('system' follows the OS) and applies it to <html data-theme>. */
import { useEffect, useSyncExternalStore } from 'react';
import { useUiStore, type ThemePreference } from './ui-store';

export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

export function applyTheme(theme: ResolvedTheme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

/** Keeps <html data-theme> in step with the stored preference and, for 'system', with the OS. */
export function useAppliedTheme(): ResolvedTheme {
  const preference = useUiStore((state) => state.theme);
  const prefersDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark, () => false);
  const resolved = resolveTheme(preference, prefersDark);
  useEffect(() => applyTheme(resolved), [resolved]);
  return resolved;
}

/** Called once before the first render so the first paint already has the right colours. */
export function applyInitialTheme(): void {
  applyTheme(resolveTheme(useUiStore.getState().theme, systemPrefersDark()));
}
