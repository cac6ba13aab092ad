/**
 * "Download course for offline" for a seeded Starter, in a real browser against the production
 * build and a fresh seeded backend: Sales Fundamentals states its videos' size, downloads them with
 * a progress bar into the verified file cache, says "Available offline", and with the connection
 * cut plays the video lesson from the device copy; removing the copy falls back to fetching it for
 * viewing (not kept) once online again. No locked course's content is requested. axe in both themes.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

const SYNC_TIMEOUT = 45_000;
const WELCOME_VIDEO = 'A short tour of the workstation you will log your introductions in';

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
});

async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(checkA11y(page)).resolves.toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Training course offline for a Starter', () => {
  it('downloads Sales Fundamentals with size and progress, then plays its video from the device offline', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB' });
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    const storageRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/storage/v1/')) storageRequests.push(decodeURIComponent(new URL(request.url()).pathname));
    });
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'starter', { awaitSync: SYNC_TIMEOUT });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Courses' }).getByRole('link', { name: 'Sales Fundamentals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sales Fundamentals' }).waitFor();

    const offline = page.getByRole('region', { name: 'Offline' });
    await offline.getByText('Download the video lessons (2 videos, 366 KB) to take the whole course offline.').waitFor();

    // Hold the second video so the progress bar can be read half way.
    let releaseSecond: () => void = () => undefined;
    const secondHeld = new Promise<void>((resolve) => (releaseSecond = resolve));
    await page.route('**/storage/v1/object/assets/training/sales-fundamentals/handover.webm', async (route: Route) => {
      await secondHeld;
      await route.continue();
    });
    await offline.getByRole('button', { name: 'Download course for offline' }).click();
    const progress = offline.getByRole('progressbar', { name: 'Downloading Sales Fundamentals for offline' });
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('50');
    await expect(progress.getAttribute('aria-valuetext')).resolves.toBe('183 KB of 366 KB (1 of 2 videos)');
    releaseSecond();
    await offline.getByText('Available offline', { exact: true }).waitFor();
    await offline.getByRole('status').filter({ hasText: 'Sales Fundamentals is available offline.' }).waitFor();
    await expect(progress.count()).resolves.toBe(0);
    await page.unroute('**/storage/v1/object/assets/training/sales-fundamentals/handover.webm');

    // Offline: the welcome module's video plays from the verified copy on the device.
    await context.setOffline(true);
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('button', { name: /^Welcome to the partner programme/ }).click();
    const player = page.getByRole('article');
    await player.getByRole('heading', { level: 2, name: /^Module 1 of 8/ }).waitFor();
    const video = player.getByLabel(WELCOME_VIDEO);
    await video.waitFor();
    await expect(video.getAttribute('src')).resolves.toMatch(/^blob:/);
    await player.getByText('Playing the copy on this device').waitFor();
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1);
    await expect(video.evaluate((element: HTMLVideoElement) => element.duration)).resolves.toBeGreaterThan(1);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/training-course-offline.png' });

    // Removing the copy offline leaves the video needing a connection; online again, it streams.
    await offline.getByRole('button', { name: 'Remove offline copy' }).click();
    await offline.getByRole('button', { name: 'Download course for offline' }).waitFor();
    await player.getByText(/^This video is not on this device\. Connect to the internet to watch it/).waitFor();
    await context.setOffline(false);
    await expect.poll(() => video.getAttribute('data-source'), { timeout: 15_000 }).toBe('network');
    await expect(video.getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState)).toBeGreaterThanOrEqual(1);
    // Watching online keeps no copy: the course still offers the download.
    await offline.getByRole('button', { name: 'Download course for offline' }).waitFor();

    // Only Sales Fundamentals' own videos were ever asked for.
    const objectPaths = storageRequests.filter((path) => path.includes('/object/'));
    expect(objectPaths.length).toBeGreaterThan(0);
    for (const path of objectPaths) expect(path).toMatch(/\/assets\/training\/sales-fundamentals\//);

    expect(realProblems(problems)).toEqual([]);
  });
});
