/**
 * The Commission center in a real browser against the production build. Signed in as the seeded
 * Performer (local backend): the overview and charts by role and name, filtering and sorting the
 * "Commission lines" table, a line's explanation, a statement PDF whose pdftotext shows the lines,
 * a payout method saved through the RPC (only its mask is visible afterwards), CSV exports (formula
 * guarded), axe in both themes. In the demo workspace: a withdrawal request saved locally and the
 * payout method refused with the reason. Screenshots: /tmp/shots-commissions/ and the README's
 * resources/screenshots/commission-center.png (1280×720).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { projectRoot, startStaticServer, type StaticServer } from '../fixtures/web-server';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'commissions-e2e-'));
const SHOTS = '/tmp/shots-commissions';
const SYNC_TIMEOUT = 45_000;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(downloads, { recursive: true, force: true });
});

let page: Page;
let problems: string[];

afterEach(async () => {
  expect(realProblems(problems)).toEqual([]);
});

async function newPage(options: { demo?: boolean; width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 720 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
  contexts.push(context);
  if (options.demo) await context.addInitScript(() => window.localStorage?.setItem('siso.last-workspace.v1', JSON.stringify({ kind: 'demo' })));
  page = await context.newPage();
  problems = collectPageProblems(page);
  return page;
}

async function openCommissions(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Commissions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Commission center' }).waitFor();
  await page.getByRole('table', { name: 'Commission lines' }).waitFor();
}

async function saveDownload(click: () => Promise<void>): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

const dialog = (name: string) => page.getByRole('dialog', { name });

describe('Commission center, signed in as the Performer', () => {
  it('shows the overview and charts, filters and explains lines, downloads a statement, saves a masked payout method and exports CSV', async () => {
    await newPage();
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'performer', { awaitSync: SYNC_TIMEOUT });
    await openCommissions();

    // Overview and charts, by role and name.
    const overview = page.getByRole('region', { name: 'Earnings in GBP' });
    for (const term of ['This month', 'Pending', 'Paid', 'Available to withdraw', 'Bonus this month']) {
      await expect(overview.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).count()).resolves.toBe(1);
    }
    await expect(page.getByRole('img', { name: /^Monthly earnings in GBP, last 12 months\./ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Earnings by commission type in GBP, \d{4}\..*Referral/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Earnings so far in \d{4} in GBP\./ }).count()).resolves.toBe(1);

    // A goal puts a reference line into the year-to-date chart's text alternative.
    const year = new Date().getUTCFullYear();
    await page.getByRole('spinbutton', { name: `Earnings goal for ${year} (GBP)` }).fill('50000');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await page.getByRole('status').filter({ hasText: 'Goal saved on this device' }).waitFor();
    await page.getByRole('img', { name: new RegExp(`Goal for ${year}`) }).waitFor();
    await page.getByRole('heading', { name: 'Projection' }).waitFor();

    // The table: every line at first, then only the filtered ones.
    const table = page.getByRole('table', { name: 'Commission lines' });
    const total = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(3);
    await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Bonus' });
    await page.getByRole('status').filter({ hasText: /of \d+ lines match the filters/ }).waitFor();
    const bonusRows = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(bonusRows).toBeGreaterThan(0);
    expect(bonusRows).toBeLessThan(total);
    for (const cell of await table.locator('tbody tr[data-index] td:nth-child(3)').allInnerTexts()) expect(cell).toMatch(/^Bonus/);
    await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'All types' });
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('annual plan');
    await page.getByRole('textbox', { name: 'Minimum amount' }).fill('0');
    const searched = Number(await table.getAttribute('aria-rowcount')) - 1;
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThan(total);

    // Sorting by amount, both ways.
    await table.getByRole('button', { name: 'Amount' }).click();
    await expect(table.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).resolves.toBe('descending');
    const amounts = async () => (await table.locator('tbody tr[data-index] td.numeric').allInnerTexts()).map((text) => Number(text.replace(/[^0-9.-]/g, '')));
    const descending = await amounts();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await table.getByRole('button', { name: 'Amount' }).click();
    await expect(table.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort')).resolves.toBe('ascending');

    // A line's explanation.
    const first = table.locator('tbody tr[data-index]').first().getByRole('button');
    const client = (await first.innerText()).replace(/\s*, explain this line$/, '').trim();
    await first.click();
    const explanation = dialog(`Commission: ${client}`);
    await explanation.waitFor();
    const steps = explanation.getByRole('list', { name: 'How this line was worked out' });
    await expect(steps.getByText(/^Lead: /).count()).resolves.toBe(1);
    await expect(steps.getByText(/^Rate at the time: \d+(\.\d+)?% \(your tier then: \w+\)\.$/).count()).resolves.toBe(1);
    await expect(steps.getByText(/^Amount: .* × .* = /).count()).resolves.toBe(1);
    await explanation.getByRole('button', { name: 'Close' }).click();
    await explanation.waitFor({ state: 'detached' });
    // Focus came back to the row's button; Down moves to the next row's.
    await expect(page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))).resolves.toBe('2');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))).resolves.toBe('3');

    // CSV export of the shown lines: the header and the same number of rows.
    const csv = await saveDownload(() => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.download.suggestedFilename()).toMatch(/^siso-commission-lines-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvLines = readFileSync(csv.file, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('Date,Client / project,Type,Rate %,Amount,Currency,Status,Payment date');
    expect(csvLines).toHaveLength(searched + 1);

    // Statement PDF for a month that has lines.
    const month = await page.evaluate(() => new Date().toISOString().slice(0, 7));
    await page.getByRole('combobox', { name: 'Statement month' }).selectOption(month);
    const statement = await saveDownload(() => page.getByRole('button', { name: 'Download statement' }).click());
    expect(readFileSync(statement.file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', statement.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Monthly performance bonus');
    expect(text).toMatch(/annual plan/);

    // Payout method: saved through the RPC; afterwards only the mask is shown, never the IBAN.
    const iban = 'GB82 WEST 1234 5698 7654 32';
    await page.getByRole('button', { name: 'Set payout method' }).click();
    const methodDialog = dialog('Payout method');
    await methodDialog.getByRole('radio', { name: 'Bank account' }).check();
    await methodDialog.getByRole('textbox', { name: 'Account holder' }).fill('Pat Performer');
    await methodDialog.getByRole('textbox', { name: 'IBAN' }).fill('GB00 0000');
    await methodDialog.getByRole('button', { name: 'Save payout method' }).click();
    await methodDialog.getByText('That IBAN is not valid.', { exact: false }).waitFor();
    await methodDialog.getByRole('textbox', { name: 'IBAN' }).fill(iban);
    await methodDialog.getByRole('button', { name: 'Save payout method' }).click();
    await methodDialog.waitFor({ state: 'detached' });
    await page.getByText('Bank account GB •••• 5432 (Pat Performer)').first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('GB82');
    expect(body.replace(/\s/g, '')).not.toContain(iban.replace(/\s/g, ''));

    // Payout history with its statuses and export.
    const history = page.getByRole('table', { name: 'Payout history' });
    await history.getByText('Paid', { exact: true }).first().waitFor();
    await history.getByText('Rejected', { exact: true }).first().waitFor();
    const historyCsv = await saveDownload(() => page.getByRole('button', { name: 'Export payout history' }).click());
    expect(readFileSync(historyCsv.file, 'utf8')).toContain('Requested,Amount,Currency,Method,Status,Paid on,Reference,Reason');

    // axe in both themes, with the explanation dialog open in dark.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('Commission center in the demo workspace', () => {
  it('requests a withdrawal locally, explains why a payout method needs an account, and takes the screenshots', async () => {
    await newPage({ demo: true });
    await page.goto(server.url);
    await openCommissions();

    await page.getByRole('button', { name: 'Request withdrawal' }).click();
    const request = dialog('Request withdrawal');
    await request.getByRole('combobox', { name: 'Currency' }).selectOption('GBP');
    await request.getByRole('textbox', { name: 'Amount' }).fill('10');
    await request.getByRole('button', { name: 'Send request' }).click();
    await request.getByText(/^The smallest withdrawal is 50\.00 GBP, and you asked for 10\.00 GBP\./).waitFor();
    await request.getByRole('textbox', { name: 'Amount' }).fill('50');
    await request.getByRole('button', { name: 'Send request' }).click();
    await request.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Withdrawal of £50.00 requested' }).waitFor();
    const row = page.getByRole('table', { name: 'Payout history' }).getByRole('row').filter({ hasText: '£50.00' });
    await row.getByText('Requested', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Set payout method' }).click();
    const methodDialog = dialog('Payout method');
    await methodDialog.getByText('needs a SISO account', { exact: false }).waitFor();
    await expect(methodDialog.getByRole('button', { name: 'Save payout method' }).isDisabled()).resolves.toBe(true);
    await methodDialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('heading', { level: 1, name: 'Commission center' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'commission-center-1280x720.png') });
    await page.screenshot({ path: join(SHOTS, 'commission-center-1280-full.png'), fullPage: true });
    const directory = join(projectRoot, 'resources', 'screenshots');
    mkdirSync(directory, { recursive: true });
    await page.screenshot({ path: join(directory, 'commission-center.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SHOTS, 'commission-center-1920x1080.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SHOTS, 'commission-center-1920-dark-full.png'), fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
  });
});
