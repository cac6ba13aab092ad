/**
 * The marketing center in the demo workspace (Active tier), in a real browser against the
 * production build: category filter and search, locked cards naming the tier that unlocks them,
 * PDF and image previews, a verified download, pinning for offline and opening offline, a damaged
 * cached copy detected and fetched again, clearing the cache, "Customize" into the proposal
 * wizard, the brand guidelines hub's copyable hex codes, and axe checks. Then, signed in to the
 * local backend: a seeded file verified from real storage, and an admin's publish, update and
 * retire reaching the open page within 2 s without a reload (the retired file leaves the cache).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAssets } from '../../sync/domain/assets';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { projectRoot, startStaticServer, type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

const demo = parseDemoWorkspace(JSON.parse(readFileSync(join(projectRoot, 'resources/demo/workspace.json'), 'utf8')));
const assets = parseAssets(demo.collections.catalog).assets;
const deck = assets.find((asset) => asset.title === 'Proposal deck')!;
const SCREENSHOTS = process.env.MARKETING_SCREENSHOTS;

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, context, page, problems } = session);
});

async function openCenter(): Promise<void> {
  await page.goto(new URL('#/marketing-center', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Marketing center' }).waitFor();
  await page.getByRole('article').first().waitFor();
}

const card = (title: string) => page.getByRole('article', { name: title });
const dialog = (title: string) => page.getByRole('dialog', { name: title });
const categories = () => page.getByRole('navigation', { name: 'Asset categories' });

async function shot(name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function previewDeck(): Promise<ReturnType<typeof dialog>> {
  await card('Proposal deck').getByRole('button', { name: 'Preview Proposal deck' }).click();
  const open = dialog('Proposal deck');
  await open.waitFor();
  return open;
}

async function corruptCachedFiles(): Promise<number> {
  return page.evaluate(async () => {
    const cache = await caches.open('siso-asset-files-v1');
    const keys = await cache.keys();
    for (const key of keys) {
      const response = await cache.match(key);
      if (!response) continue;
      await cache.put(key, new Response(new TextEncoder().encode('%PDF-1.7 damaged on disk'), { headers: response.headers }));
    }
    return keys.length;
  });
}

const offlineNoise = (problem: string) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(problem);

describe('marketing center', () => {
  it('filters by category and search, and shows which tier unlocks a locked asset', async () => {
    await openCenter();
    await expect(page.getByRole('link', { name: 'Marketing center' }).getAttribute('aria-current')).resolves.toBe('page');
    // The README's second screenshot.
    await page.screenshot({ path: join(projectRoot, 'resources', 'screenshots', 'marketing-center.png') });
    await categories().getByRole('button', { name: /^Social media, 1 asset/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Social media (1)' }).waitFor();
    await expect(page.getByRole('article').count()).resolves.toBe(1);
    const launch = card('Social media launch card');
    await expect(launch.getByText('Updated', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(launch.getByText('PNG · 5.3 KB').isVisible()).resolves.toBe(true);

    await categories().getByRole('button', { name: /^Video/ }).click();
    const video = card('Product walkthrough video');
    await video.getByText('Locked · Unlocks at Performer').waitFor();
    await expect(video.getByRole('button').count()).resolves.toBe(0);

    await categories().getByRole('button', { name: /^All assets, 8 assets/ }).click();
    await card('White-label brochure').getByText('Unlocks at Elite').waitFor();
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('logo');
    await expect(page.getByRole('article').count()).resolves.toBe(1);
    await card('SISO logo (SVG)').waitFor();
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('');
    await shot('marketing-grid');
    await expect(checkA11y(page)).resolves.toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await card('Webinar slide deck').getByText('Locked · Unlocks at Performer').waitFor();
    await shot('marketing-grid-dark');
    await expect(checkA11y(page)).resolves.toEqual([]);
    expect(problems).toEqual([]);
  });

  it('previews a PDF and an image and downloads a file that matches the catalog checksum', async () => {
    await openCenter();
    await card('SISO overview brochure').getByRole('button', { name: 'Preview SISO overview brochure' }).click();
    const brochure = dialog('SISO overview brochure');
    await brochure.getByText('Downloaded and verified against the catalog checksum.').waitFor();
    const frame = brochure.locator('iframe[title="Preview of SISO overview brochure"]');
    await expect(frame.getAttribute('src')).resolves.toMatch(/^blob:/);
    await shot('marketing-pdf-preview');
    await brochure.getByRole('button', { name: 'Close' }).click();
    await brochure.waitFor({ state: 'hidden' });

    await card('Social media launch card').getByRole('button', { name: 'Preview Social media launch card' }).click();
    const image = dialog('Social media launch card').getByRole('img', { name: 'Preview of Social media launch card' });
    await image.waitFor();
    await expect(image.evaluate((element: HTMLImageElement) => element.decode().then(() => element.naturalWidth))).resolves.toBe(1200);
    await shot('marketing-image-preview');
    await expect(checkA11y(page)).resolves.toEqual([]);
    await page.keyboard.press('Escape');
    await dialog('Social media launch card').waitFor({ state: 'hidden' });

    const [download] = await Promise.all([page.waitForEvent('download'), card('Proposal deck').getByRole('button', { name: 'Download Proposal deck' }).click()]);
    expect(download.suggestedFilename()).toBe('proposal-deck.pdf');
    const bytes = readFileSync(await download.path());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(deck.file!.sha256);
    await page.getByRole('status').filter({ hasText: 'Downloaded Proposal deck' }).waitFor();
    await card('Proposal deck').getByText('You downloaded once.').waitFor();
    expect(problems).toEqual([]);
  });

  it('opens a pinned file offline, and detects a damaged cached copy and fetches it again', async () => {
    await openCenter();
    let open = await previewDeck();
    await open.getByText('Downloaded and verified against the catalog checksum.').waitFor();
    const pin = open.getByRole('button', { name: 'Pin for offline' });
    await pin.click();
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('true');
    await open.getByRole('button', { name: 'Close' }).click();
    const offlinePanel = page.getByRole('region', { name: 'Offline files' });
    await offlinePanel.getByRole('list', { name: 'Pinned for offline' }).getByText('Ready offline').waitFor();
    await card('Proposal deck').getByText('Pinned offline').waitFor();

    await context.setOffline(true);
    await page.getByText('You are offline').waitFor();
    open = await previewDeck();
    await open.getByText('Opened the verified copy kept on this device.').waitFor();
    await expect(open.locator('iframe[title="Preview of Proposal deck"]').getAttribute('src')).resolves.toMatch(/^blob:/);
    await shot('marketing-offline-preview');
    await open.getByRole('button', { name: 'Close' }).click();

    // Damaged while offline: detected, removed, and the partner is told to reconnect.
    expect(await corruptCachedFiles()).toBeGreaterThan(0);
    open = await previewDeck();
    await open.getByRole('alert').getByText('The copy of this file on this device is damaged, so it was removed. Reconnect to fetch it again.').waitFor();
    await open.getByRole('button', { name: 'Close' }).click();

    // Back online the pinned file is fetched again and verified.
    await context.setOffline(false);
    await offlinePanel.getByText('Ready offline').waitFor();
    open = await previewDeck();
    await open.getByText('Opened the verified copy kept on this device.').waitFor();
    await open.getByRole('button', { name: 'Close' }).click();

    // Damaged while online: detected on open and replaced by a fresh, verified copy.
    expect(await corruptCachedFiles()).toBeGreaterThan(0);
    open = await previewDeck();
    await open.getByText('The copy on this device was damaged, so a fresh copy was fetched and checked.').waitFor();
    await open.getByRole('button', { name: 'Close' }).click();
    const cachedDigest = await page.evaluate(async (url) => {
      const cache = await caches.open('siso-asset-files-v1');
      const response = await cache.match(url);
      const digest = await crypto.subtle.digest('SHA-256', await response!.arrayBuffer());
      return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    }, `https://asset-cache.siso.invalid/${deck.id}/${deck.file!.sha256}`);
    expect(cachedDigest).toBe(deck.file!.sha256);
    expect(problems.filter(offlineNoise)).toEqual([]);
  });

  it('clears the offline files after confirmation', async () => {
    await openCenter();
    const open = await previewDeck();
    await open.getByText('Downloaded and verified against the catalog checksum.').waitFor();
    await open.getByRole('button', { name: 'Pin for offline' }).click();
    await open.getByRole('button', { name: 'Close' }).click();
    const panel = page.getByRole('region', { name: 'Offline files' });
    await panel.getByText(/^1 file \(5\.3 KB\) kept on this device\.$/).waitFor();
    await panel.getByRole('button', { name: 'Clear offline files' }).click();
    const confirm = page.getByRole('dialog', { name: 'Clear offline files?' });
    await shot('marketing-clear-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText(/^1 file/).waitFor();
    await panel.getByRole('button', { name: 'Clear offline files' }).click();
    await confirm.getByRole('button', { name: 'Clear files' }).click();
    await panel.getByText('No files are kept on this device yet.').waitFor();
    await panel.getByRole('status').getByText('Offline files cleared. Pinned assets were unpinned.').waitFor();
    await expect(page.evaluate(async () => (await (await caches.open('siso-asset-files-v1')).keys()).length)).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens the proposal wizard from "Customize"', async () => {
    await openCenter();
    const open = await previewDeck();
    await open.getByRole('button', { name: 'Customize' }).click();
    await page.waitForURL(/#\/proposals\/new\?template=four-page-proposal$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The wizard starts on the asset's template.
    await expect(page.getByRole('radio', { name: /^Four-page proposal with pricing/ }).isChecked()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('brand guidelines hub', () => {
  it('shows the logo variations, type and rules, and copies a hex code', async () => {
    await page.goto(new URL('#/marketing-center/brand', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Brand guidelines' }).waitFor();
    for (const variant of ['colour', 'dark', 'light']) await page.getByRole('img', { name: `SISO brand guidelines: ${variant} logo` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Typography' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Don’t' }).waitFor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy SISO Orange #FF5722' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied #FF5722' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('#FF5722');
    await shot('marketing-brand');
    await expect(checkA11y(page)).resolves.toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('marketing center signed in, with live admin changes', () => {
  let backend: TestBackend;
  let accountServer: StaticServer;
  let accountBrowser: Browser;
  let accountContext: BrowserContext;

  beforeAll(async () => {
    backend = await startTestBackend();
    accountServer = await startStaticServer({ backendUrl: backend.url });
    accountBrowser = await launchChromium();
  });

  afterAll(async () => {
    await accountContext?.close().catch(() => undefined);
    await accountBrowser?.close();
    await accountServer?.close();
    await backend?.close();
  });

  it('verifies a seeded file from storage, and shows published, updated and retired assets live', async () => {
    accountContext = await accountBrowser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
    const live = await accountContext.newPage();
    const liveProblems = collectPageProblems(live);
    await signInFromWelcome(live, { appUrl: accountServer.url, backendUrl: backend.url }, 'active', { awaitSync: 45_000 });
    await live.goto(new URL('#/marketing-center', accountServer.url).href);
    const liveCard = (title: string) => live.getByRole('article', { name: title });
    await liveCard('Proposal Deck').waitFor();
    await liveCard('Webinar Slides').getByText('Locked · Unlocks at Performer').waitFor();

    await liveCard('Proposal Deck').getByRole('button', { name: 'Preview Proposal Deck' }).click();
    const deckDialog = live.getByRole('dialog', { name: 'Proposal Deck' });
    await deckDialog.getByText('Downloaded and verified against the catalog checksum.').waitFor();
    const [download] = await Promise.all([live.waitForEvent('download'), deckDialog.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('proposal-deck.pdf');
    await deckDialog.getByRole('button', { name: 'Close' }).click();

    // The download is recorded as a usage event and reaches the server through sync.
    const { client: admin } = await backend.signIn('admin');
    await expect
      .poll(async () => {
        const { data } = await admin.from('activities').select('kind, lead_id, meta').eq('kind', 'asset_download');
        return (data ?? []).map((row: { lead_id: string | null; meta: unknown }) => {
          const meta = (typeof row.meta === 'string' ? JSON.parse(row.meta) : row.meta) as { file?: string } | null;
          return { lead: row.lead_id, file: meta?.file };
        });
      }, { timeout: 15_000 })
      .toContainEqual({ lead: null, file: 'proposals/proposal-deck.pdf' });

    const bytes = new TextEncoder().encode('Subject: Webinar invitation\n\nHi {lead.contact}, join our SISO webinar next week.\n');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const upload = await admin.storage.from('assets').upload('email_templates/webinar-invite.txt', bytes, { contentType: 'text/plain' });
    expect(upload.error).toBeNull();
    const id = 'e2e-live-asset';
    const row = {
      id, kind: 'asset', title: 'Webinar invitation email', slug: 'e2e-webinar-invite', body: { description: 'Invite contacts to a webinar.' },
      tier_required: 'starter', category: 'email_templates', tags: ['email_templates'], file_path: 'email_templates/webinar-invite.txt',
      file_sha256: sha256, file_size: bytes.length, mime_type: 'text/plain', version: 1, published: true, sort_order: 999,
      updated_at: new Date().toISOString(),
    };
    const inserted = await admin.from('catalog').insert(row);
    expect(inserted.error).toBeNull();
    await liveCard('Webinar invitation email').waitFor({ timeout: 2_000 });

    await liveCard('Webinar invitation email').getByRole('button', { name: 'Preview Webinar invitation email' }).click();
    const inviteDialog = live.getByRole('dialog', { name: 'Webinar invitation email' });
    await inviteDialog.getByText('Downloaded and verified against the catalog checksum.').waitFor();
    await inviteDialog.getByRole('button', { name: 'Pin for offline' }).click();
    await inviteDialog.getByRole('button', { name: 'Close' }).click();
    const cachedFor = (assetId: string) =>
      live.evaluate(async (prefix) => {
        const keys = await (await caches.open('siso-asset-files-v1')).keys();
        return keys.filter((key) => key.url.startsWith(prefix)).length;
      }, `https://asset-cache.siso.invalid/${assetId}/`);
    await expect.poll(() => cachedFor(id)).toBe(1);

    const renamed = await admin.from('catalog').update({ title: 'Webinar invitation email (v2)', version: 2, updated_at: new Date().toISOString() }).eq('id', id);
    expect(renamed.error).toBeNull();
    await liveCard('Webinar invitation email (v2)').waitFor({ timeout: 2_000 });

    const retired = await admin.from('catalog').update({ _deleted: true }).eq('id', id);
    expect(retired.error).toBeNull();
    await liveCard('Webinar invitation email (v2)').waitFor({ state: 'detached', timeout: 2_000 });
    await expect.poll(() => cachedFor(id), { timeout: 5_000 }).toBe(0);
    expect(realProblems(liveProblems)).toEqual([]);
  });
});
