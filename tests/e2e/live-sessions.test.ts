/**
 * Live sessions end to end against the production build and a fresh seeded local backend: a
 * Performer sees the Performer-exclusive webinar, registers while offline, reconnects and the
 * registration reaches the server, downloads the webinar's calendar file (an RFC 5545 event), and
 * finds Elite coaching locked, naming Elite. axe in both themes. Screenshot: /tmp/live-sessions.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { seedId } from '../../sync/server/db/seed';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const downloads = mkdtempSync(join(tmpdir(), 'live-sessions-e2e-'));

const SYNC_TIMEOUT = 45_000;
const exclusiveTitle = 'Enterprise deal playbook (Performer exclusive)';
const exclusiveId = seedId('catalog:webinar-enterprise-playbook');

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function serverRegistrations(): Promise<{ id: string; _deleted: boolean }[]> {
  const { data, error } = await backend.serviceClient().from('training_progress').select('id, _deleted')
    .eq('partner_id', seedUsers.performer.id).eq('kind', 'registration').eq('course_id', exclusiveId);
  if (error) throw new Error(`training_progress: ${error.message}`);
  return data as { id: string; _deleted: boolean }[];
}

describe('live sessions for a Performer', () => {
  it('registers for the exclusive webinar offline, syncs, saves the calendar file, and sees coaching locked at Elite', async () => {
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'performer', { awaitSync: SYNC_TIMEOUT });
    await page.goto(new URL('#/live-sessions', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Live sessions' }).waitFor();

    const webinar = page.getByRole('article', { name: exclusiveTitle });
    await webinar.getByRole('heading', { name: /Enterprise deal playbook/ }).waitFor();
    await webinar.getByText('Performer+ exclusive').waitFor();
    expect(await serverRegistrations()).toEqual([]);

    await context.setOffline(true);
    await webinar.getByRole('button', { name: 'Register' }).click();
    await webinar.getByText('You are registered.').waitFor();
    await page.getByText(/You are offline: it is saved on this device/).waitFor();
    expect(await serverRegistrations()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await serverRegistrations()).map((row) => row._deleted), { timeout: SYNC_TIMEOUT }).toEqual([false]);

    const [download] = await Promise.all([page.waitForEvent('download'), webinar.getByRole('button', { name: 'Download calendar file' }).click()]);
    expect(download.suggestedFilename()).toBe('enterprise-deal-playbook-performer-exclusive.ics');
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const ics = readFileSync(file, 'utf8');
    expect(ics).toContain(`SUMMARY:${exclusiveTitle}`);
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).toContain(`UID:${exclusiveId}@siso.partners`);

    const coaching = page.getByRole('region', { name: '1-on-1 coaching (locked)' });
    await coaching.getByText('Unlocks at the Elite tier.').waitFor();
    expect(await coaching.getByRole('button', { name: 'Book' }).count()).toBe(0);

    await page.screenshot({ path: '/tmp/live-sessions.png', fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(realProblems(problems)).toEqual([]);
  }, 120_000);
});
