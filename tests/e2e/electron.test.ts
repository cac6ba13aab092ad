/**
 * The real Electron app through playwright-core's `_electron`. Electron's binary is downloaded by
 * the `electron` package's postinstall; where that never happened (offline CI, this dev box) the
 * test is skipped with the reason printed, and the browser e2e suite covers the renderer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../electron/dev/electron-runtime';
import { projectRoot } from '../fixtures/web-server';

function findElectronBinary(): { path: string } | { reason: string } {
  const runtime = findElectronRuntime();
  if (!runtime.available) return { reason: `Electron runtime unavailable: ${runtime.reason}` };
  const mainEntry = join(projectRoot, 'out', 'main', 'index.js');
  if (!existsSync(mainEntry)) return { reason: `No main-process build at ${mainEntry}; run "npx electron-vite build"` };
  return { path: runtime.path };
}

const electronBinary = findElectronBinary();
const skipReason = 'reason' in electronBinary ? electronBinary.reason : null;
if (skipReason) console.log(`[e2e/electron] skipped: ${skipReason}`);

describe('Electron app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it.skipIf(skipReason !== null)('opens the workstation window with only the narrow preload API', async () => {
    if (!('path' in electronBinary)) return;
    app = await electron.launch({
      executablePath: electronBinary.path,
      args: [join(projectRoot, 'out', 'main', 'index.js')],
      cwd: projectRoot,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1', ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' },
    });
    const window = await app.firstWindow();
    await window.getByRole('navigation', { name: 'Main' }).waitFor();

    expect(await window.title()).toContain('SISO Partner Workstation');
    const globals = await window.evaluate(() => ({
      siso: typeof (window as unknown as { siso?: unknown }).siso,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(globals).toEqual({ siso: 'object', require: 'undefined', process: 'undefined' });

    // The renderer picked the Electron platform: the overview says so.
    await expect(window.getByRole('main').innerText()).resolves.toContain('Desktop app');
  });
});
