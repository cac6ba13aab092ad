/** Finds an installed Electron binary; says why when there is none (its installer needs the internet). */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronRuntime = { available: true; path: string } | { available: false; reason: string };

export function findElectronRuntime(): ElectronRuntime {
  try {
    const require = createRequire(import.meta.url);
    const binary: unknown = require('electron');
    if (typeof binary === 'string' && existsSync(binary)) return { available: true, path: binary };
    return { available: false, reason: 'the electron package is installed but its binary is missing' };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { available: false, reason: detail ?? 'the electron package could not be loaded' };
  }
}
