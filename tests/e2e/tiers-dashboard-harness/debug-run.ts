// Temporary debugging script (deleted before hand-off).
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium } from '../../fixtures/browser';
import { projectRoot, startStaticServer } from '../../fixtures/web-server';

const outDir = '/tmp/siso-dbg/out';
if (!process.argv.includes('--nobuild')) {
  await build({ root: join(projectRoot, 'tests/e2e/tiers-dashboard-harness'), configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 5000 } });
}
const server = await startStaticServer({ root: outDir });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 500)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.url + (process.argv[2] ?? '#/dashboard'));
await page.waitForTimeout(5000);
console.log((await page.locator('body').innerText()).slice(0, 1500));
await page.screenshot({ path: '/tmp/siso-dbg/shot.png', fullPage: true });
await browser.close();
await server.close();
