/**
 * The proposal wizard in the demo workspace (Active tier), against the production build: choose a
 * lead and template, customise, see the worker-rendered preview, save (kept in the proposal history
 * and downloaded with the lead's name), find "Proposal created" on the lead's timeline, open the
 * kept file on /proposals and save a second version from it — with the network off after the app
 * has loaded. Also checks the saved PDFs with pdftotext and runs axe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let failedRequests: string[];
const downloads = mkdtempSync(join(tmpdir(), 'proposals-e2e-'));

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
  // Init scripts also run in the preview's blob: frame, which has no localStorage.
  await context.addInitScript(() => window.localStorage?.setItem('siso.last-workspace.v1', JSON.stringify({ kind: 'demo' })));
  page = await context.newPage();
  problems = collectPageProblems(page);
  failedRequests = [];
  page.on('requestfailed', (request) => failedRequests.push(new URL(request.url()).pathname));
});

afterEach(async () => {
  await context.close();
});

const COMPANY = 'Aegean Boutique Hotels';
const FILE_NAME = `${COMPANY} proposal.pdf`;

describe('proposal wizard', () => {
  it('previews, saves offline and logs the proposal on the lead', async () => {
    await page.goto(new URL('#/proposals/new', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'New proposal' }).waitFor();
    await page.getByRole('combobox', { name: 'Lead' }).locator('option', { hasText: COMPANY }).waitFor({ state: 'attached' });
    // Once the worker has its fonts, nothing in the wizard needs the network.
    await page.getByText('Choose a lead and a template to see the preview.').waitFor();
    // …and the app has its other screens' code (preloaded for offline use).
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);

    // The demo partner is Active: proposals yes, the Elite co-branded brochure and white-label no.
    await expect(page.getByText('Co-branded brochure: Unlocks at the Elite tier.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: /White-label/ }).count()).resolves.toBe(0);

    await page.getByRole('combobox', { name: 'Lead' }).selectOption({ label: COMPANY });
    await page.getByRole('radio', { name: /Four-page proposal with pricing/ }).check();
    await expect(page.getByRole('textbox', { name: 'Introduction' }).inputValue()).resolves.toContain('Dear Ελένη Παπαδοπούλου');
    await expect(page.getByLabel('Primary colour').inputValue()).resolves.toBe('#1f4e79');

    const preview = page.frameLocator('iframe[title="Proposal preview for Aegean Boutique Hotels"]');
    await page.getByTitle(`Proposal preview for ${COMPANY}`).waitFor();
    await page.getByText('Preview up to date.').waitFor();
    expect(preview).toBeTruthy();

    await page.getByRole('checkbox', { name: 'Our approach' }).uncheck();
    await page.getByRole('textbox', { name: 'Introduction' }).fill('Καλημέρα Ελένη — here is our proposal for Aegean Boutique Hotels.');
    await page.getByText('Preview up to date.').waitFor();

    const violations = await checkA11y(page);
    expect(violations).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download', { predicate: (event) => event.suggestedFilename() === FILE_NAME }),
      page.getByRole('button', { name: 'Save PDF' }).click(),
    ]);
    const file = join(downloads, FILE_NAME);
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Καλημέρα Ελένη');
    expect(text).toContain('€9,900.00');
    expect(text).not.toContain('Our approach');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);

    const saved = page.getByRole('status').filter({ hasText: `Saved “${FILE_NAME}”` });
    await saved.waitFor();
    await saved.getByRole('link', { name: COMPANY }).click();
    await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
    const timeline = page.getByRole('list', { name: 'Activities, newest first' });
    await timeline.getByText('Proposal created').first().waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
    const entry = page.getByRole('article', { name: COMPANY });
    await entry.waitFor();
    await expect(entry.getByText('Four-page proposal with pricing').isVisible()).resolves.toBe(true);
    await expect(entry.getByText('Ready to sign').isVisible()).resolves.toBe(true);
    const versionsButton = entry.getByRole('button', { name: `Versions of the ${COMPANY} proposal (1)` });
    await expect(versionsButton.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(entry.getByRole('button', { name: `Open ${FILE_NAME}` }).count()).resolves.toBe(0);
    await versionsButton.click();
    await expect(versionsButton.getAttribute('aria-expanded')).resolves.toBe('true');
    const versions = entry.getByRole('list', { name: `Versions of the ${COMPANY} proposal, newest first` });
    await expect(versions.getByRole('listitem').count()).resolves.toBe(1);
    await expect(versions.getByText('First version').isVisible()).resolves.toBe(true);
    await expect(checkA11y(page)).resolves.toEqual([]);

    // The file was kept on this device: it opens offline, in the app.
    await versions.getByRole('button', { name: `Open ${FILE_NAME}` }).click();
    const viewer = page.getByRole('dialog', { name: FILE_NAME });
    await viewer.getByTitle(FILE_NAME).waitFor();
    await viewer.getByRole('button', { name: 'Close' }).click();
    await viewer.waitFor({ state: 'detached' });

    // The next version starts from this one's choices and is saved under the same proposal, still
    // offline: the app's one proposal worker already has its fonts.
    await versions.getByRole('link', { name: `New version from ${FILE_NAME}` }).click();
    await page.getByRole('heading', { level: 1, name: `New version of ${COMPANY} proposal` }).waitFor();
    await page.getByText('Preview up to date.').waitFor();
    await expect(page.getByRole('textbox', { name: 'Introduction' }).inputValue()).resolves.toBe('Καλημέρα Ελένη — here is our proposal for Aegean Boutique Hotels.');
    await expect(page.getByRole('checkbox', { name: 'Our approach' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('combobox', { name: 'Lead' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('checkbox', { name: 'Our approach' }).check();
    await page.getByText('Preview up to date.').waitFor();
    const secondName = `${COMPANY} proposal v2.pdf`;
    const [second] = await Promise.all([
      page.waitForEvent('download', { predicate: (event) => event.suggestedFilename() === secondName }),
      page.getByRole('button', { name: 'Save version 2' }).click(),
    ]);
    const secondFile = join(downloads, secondName);
    await second.saveAs(secondFile);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', secondFile, '-'], { encoding: 'utf8' })).toContain('Our approach');
    await page.getByRole('status').filter({ hasText: `Saved “${secondName}” as version 2` }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
    await entry.waitFor();
    await expect(page.getByRole('article', { name: COMPANY }).count()).resolves.toBe(1);
    await entry.getByRole('button', { name: `Versions of the ${COMPANY} proposal (2)` }).click();
    const both = entry.getByRole('list', { name: `Versions of the ${COMPANY} proposal, newest first` });
    await expect(both.getByRole('listitem').first().innerText()).resolves.toContain('Sections shown again: Our approach');
    // A proposal is presented from its latest version, once per proposal.
    await expect(entry.getByRole('link', { name: /^Present/ }).count()).resolves.toBe(1);
    await expect(entry.getByRole('link', { name: `Present the ${COMPANY} proposal` }).getAttribute('href')).resolves.toMatch(/\/present$/);
    // Offline, only background requests (sync, favicon) fail; the fonts were loaded before.
    expect(failedRequests.filter((path) => path.startsWith('/assets/'))).toEqual([]);
    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
