/**
 * Provides the platform to React. App info and config are loaded once at startup (main.tsx), so
 * pages read them synchronously instead of each showing its own loading state.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { AppInfo, Platform, PlatformConfig } from './platform';

export interface PlatformSnapshot {
  platform: Platform;
  appInfo: AppInfo;
  config: PlatformConfig;
}

const PlatformContext = createContext<PlatformSnapshot | null>(null);

export function PlatformProvider({ value, children }: { value: PlatformSnapshot; children: ReactNode }) {
  return <PlatformContext.Provider value={value}>{children}</PlatformContext.Provider>;
}

function usePlatformSnapshot(): PlatformSnapshot {
  const snapshot = useContext(PlatformContext);
  if (!snapshot) throw new Error('usePlatform() was called outside <PlatformProvider>.');
  return snapshot;
}

export function usePlatform(): Platform {
  return usePlatformSnapshot().platform;
}

export function useAppInfo(): AppInfo {
  return usePlatformSnapshot().appInfo;
}

export function usePlatformConfig(): PlatformConfig {
  return usePlatformSnapshot().config;
}
