/**
 * Publish → partner screen: an admin publishes (REST insert, as the admin area does) and a
 * partner's open Marketing center in Chromium, against the production build, shows the new card.
 * The REST round trip alone is the floor it is compared with.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from '../fixtures/browser';
import { signInFromWelcome } from '../fixtures/account-browser';
import { startTestBackend } from '../fixtures/backend';
import { rendererBuildDir, startStaticServer } from '../fixtures/web-server';
import { percentile } from './support/pull-baseline';

export const name = 'publish → partner screen (Chromium)';

const PUBLISHES = 20;

export async function run(): Promise<void> {
  if (!existsSync(join(rendererBuildDir, 'index.html'))) {
    console.log(`skipped: no renderer build in ${rendererBuildDir} (npm run bench builds it first)`);
    return;
  }
  const backend = await startTestBackend();
  const server = await startStaticServer({ backendUrl: backend.url });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'active', { awaitSync: 60_000 });
    await page.goto(new URL('#/marketing-center', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Marketing center' }).waitFor();
    const { client: admin } = await backend.signIn('admin');

    const onScreen: number[] = [];
    const rest: number[] = [];
    for (let i = 0; i < PUBLISHES; i += 1) {
      const id = randomUUID();
      const title = `Bench brochure ${i} ${id.slice(0, 6)}`;
      const start = performance.now();
      const { error } = await admin.from('catalog').insert({
        id, kind: 'asset', title, slug: `bench-${id}`, body: { description: 'Published by the benchmark.' },
        tier_required: 'starter', category: 'brochures', tags: ['bench'], version: 1, published: true, sort_order: -1 - i,
      });
      rest.push(performance.now() - start);
      if (error) throw new Error(error.message);
      await page.getByText(title, { exact: true }).first().waitFor({ timeout: 10_000 });
      onScreen.push(performance.now() - start);
    }
    rest.sort((a, b) => a - b);
    onScreen.sort((a, b) => a - b);
    const figures = (list: number[]) => `p50 ${percentile(list, 50).toFixed(0)} ms, p95 ${percentile(list, 95).toFixed(0)} ms`;
    console.log(`admin REST insert round trip:        ${figures(rest)} (the floor)`);
    console.log(`publish → card on partner's screen:  ${figures(onScreen)} (${PUBLISHES} assets; goal p95 < 2000 ms; ${(percentile(onScreen, 95) / percentile(rest, 95)).toFixed(1)}× the floor)`);
  } finally {
    await browser.close();
    await server.close();
    await backend.close();
  }
}
