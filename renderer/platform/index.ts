/**
 * The single place that decides which platform the renderer runs on: the preload bridge is
 * injected as `window.siso` in Electron and absent everywhere else.
 */
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './platform';

export function createPlatform(win: Window & typeof globalThis = window): Platform {
  return win.siso ? createElectronPlatform(win.siso) : createBrowserPlatform({ env: import.meta.env, window: win });
}

export type * from './platform';
export { checkExternalUrl } from './external-links';
export { operatingSystemLabel, runtimeLabel } from './labels';
export { PlatformProvider, usePlatform, useAppInfo, usePlatformConfig, type PlatformSnapshot } from './PlatformContext';
