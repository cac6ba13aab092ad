/**
 * Priced proposals for an Active partner against the local backend: the pricing editor (optional
 * lines, quantities, a discount above the tier's 5% limit, commission preview), the saved version
 * kept on the device and uploaded to the private `proposals` bucket with the recorded checksum,
 * the server's "pending" approval on /proposals, and the client's views of the tracked link
 * (recorded through record_proposal_view) on /proposals and on the lead's timeline.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';
import { seedUsers } from '../../sync/server/db/seed-accounts';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const downloads = mkdtempSync(join(tmpdir(), 'proposals-pricing-e2e-'));

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(downloads, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterEach(async () => {
  await context.close();
});

describe('priced proposals', () => {
  it('prices, asks for approval above the tier limit, uploads the kept file and shows views', async () => {
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'active', { awaitSync: 60_000 });
    await page.goto(new URL('#/proposals/new', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'New proposal' }).waitFor();
    const leadSelect = page.getByRole('combobox', { name: 'Lead' });
    await leadSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    const company = (await leadSelect.locator('option').nth(1).innerText()).trim();
    await leadSelect.selectOption({ label: company });
    await page.getByRole('radio', { name: /Priced proposal/ }).check();
    await page.getByText('Preview up to date.').waitFor();

    await expect(page.getByText('Your tier allows up to 5% without approval.').isVisible()).resolves.toBe(true);
    const totals = page.getByRole('table', { name: 'Totals' }).getByRole('row', { name: /^Total / });
    const totalBefore = await totals.innerText();
    await page.getByRole('checkbox', { name: 'Include Training day' }).check();
    const quantity = page.getByRole('spinbutton', { name: 'Quantity of Training day' });
    await quantity.fill('0');
    await page.getByText('Enter a whole number from 1 to 999 as the quantity of Training day.').waitFor();
    await expect(page.getByRole('button', { name: 'Save PDF' }).isDisabled()).resolves.toBe(true);
    await quantity.fill('2');
    await expect(page.getByText('Enter a whole number from 1 to 999 as the quantity of Training day.').count()).resolves.toBe(0);
    await expect(totals.innerText()).resolves.not.toBe(totalBefore);

    await page.getByRole('spinbutton', { name: 'Discount (%)' }).fill('12');
    await page.getByText('12% is more than your tier allows', { exact: false }).waitFor();
    await expect(page.getByText(/^Your commission at 22%: /).isVisible()).resolves.toBe(true);
    await page.getByText('Preview up to date.').waitFor();
    await expect(checkA11y(page)).resolves.toEqual([]);

    const fileName = `${company} proposal.pdf`;
    const [download] = await Promise.all([
      page.waitForEvent('download', { predicate: (event) => event.suggestedFilename() === fileName }),
      page.getByRole('button', { name: 'Save PDF' }).click(),
    ]);
    const file = join(downloads, 'v1.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Training day');
    expect(text).toContain('Draft — pending approval');
    await page.getByRole('status').filter({ hasText: `Saved “${fileName}” as version 1` }).waitFor();

    // The version row as the server stored it: its own trigger decided "pending".
    const partnerId = seedUsers.active.id;
    const service = backend.serviceClient();
    let row: { id: string; proposal_id: string; approval_status: string; meta: string } | null = null;
    await expect
      .poll(async () => {
        const { data } = await service.from('activities').select('id, proposal_id, approval_status, meta').eq('partner_id', partnerId).eq('kind', 'proposal_created').not('proposal_id', 'is', null);
        row = (data?.[0] as typeof row) ?? null;
        return row?.approval_status ?? null;
      }, { timeout: 30_000 })
      .toBe('pending');
    if (!row) throw new Error('no version row');
    const stored: { id: string; proposal_id: string; meta: string } = row;
    const meta = JSON.parse(stored.meta) as { file_path: string; sha256: string };
    expect(meta.file_path).toBe(`${partnerId}/${stored.proposal_id}/${stored.id}.pdf`);
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(meta.sha256).toBe(sha256);

    // The kept file uploads in the background to its path in the private bucket, byte for byte.
    await expect
      .poll(async () => {
        const { data } = await service.storage.from('proposals').download(meta.file_path);
        return data ? createHash('sha256').update(new Uint8Array(await data.arrayBuffer())).digest('hex') : null;
      }, { timeout: 30_000 })
      .toBe(sha256);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
    const entry = page.getByRole('article', { name: company });
    await entry.getByText("Waiting for SISO's approval of a 12% discount").waitFor();
    await expect(entry.getByText('Not opened yet').isVisible()).resolves.toBe(true);

    // The client opens the PDF's tracked link twice: SISO's site records the views.
    const content = `proposal-${stored.proposal_id.slice(0, 8)}`;
    for (let view = 0; view < 2; view += 1) {
      const { error } = await backend.anonClient().rpc('record_proposal_view', { p_ref: partnerId, p_content: content });
      expect(error).toBeNull();
    }
    await entry.getByText(/^Opened 2 times, last on /).waitFor({ timeout: 60_000 });
    await expect(checkA11y(page)).resolves.toEqual([]);

    await entry.getByRole('link', { name: company, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    const timeline = page.getByRole('list', { name: 'Activities, newest first' });
    await timeline.getByText('Proposal viewed 2 times').waitFor();
    await expect(timeline.getByText('Proposal created').count()).resolves.toBeGreaterThan(0);
    expect(realProblems(problems)).toEqual([]);
  }, 240_000);
});
