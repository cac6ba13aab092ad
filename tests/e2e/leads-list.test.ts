/**
 * The leads list with 10,000 more leads than the demo workspace holds, imported through the CSV
 * import page as a partner would, in a real browser against the production build: only a window
 * of rows is in the DOM, the table still says how many rows it has, and both the keyboard and
 * scrolling reach the last lead. Axe on the long list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { projectRoot, type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

interface DemoLead {
  company: string;
  updated_at: string;
}
const demoLeads = (
  JSON.parse(readFileSync(join(projectRoot, 'resources/demo/workspace.json'), 'utf8')) as { collections: { leads: DemoLead[] } }
).collections.leads;

/** "@now-58d2h" → hours before now; the demo workspace's times are relative to when it opens. */
function hoursAgo(stamp: string): number {
  const match = /^@now-(?:(\d+)d)?(?:(\d+)h)?$/.exec(stamp);
  if (!match) throw new Error(`unexpected demo time ${stamp}`);
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0);
}

const IMPORTED = 10_000;
const TOTAL = IMPORTED + demoLeads.length;
// Imported leads are the newest, so the list (most recently updated first) ends with the oldest demo lead.
const lastCompany = [...demoLeads].sort((a, b) => hoursAgo(b.updated_at) - hoursAgo(a.updated_at))[0]!.company;

function bulkCsv(): Buffer {
  const lines = ['Company,Contact,Email,Value,Currency'];
  for (let i = 1; i <= IMPORTED; i += 1) {
    const n = String(i).padStart(5, '0');
    lines.push(`Bulk Lead ${n},Contact ${n},bulk-${n}@example.com,${100 + i},EUR`);
  }
  return Buffer.from(lines.join('\n'));
}

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'en-GB' });
let server: StaticServer;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, page, problems } = session);
});

const table = () => page.getByRole('table', { name: /^Leads, most recently updated first/ });
const dataRows = () => table().getByRole('row').filter({ has: page.getByRole('rowheader') });
/** The aria-rowindex of the row holding focus (the header row is 1), or null. */
const focusedRowIndex = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? null);

async function importBulkLeads(): Promise<void> {
  await page.goto(new URL('#/leads/import', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Import leads from CSV' }).waitFor();
  await page.getByLabel('CSV file').setInputFiles({ name: 'many-leads.csv', mimeType: 'text/csv', buffer: bulkCsv() });
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await page.getByRole('button', { name: `Import ${IMPORTED} leads` }).click();
  await page.getByRole('heading', { level: 2, name: 'Import finished' }).waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Back to Leads' }).click();
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  await page.getByRole('status').filter({ hasText: `${TOTAL} leads` }).waitFor({ timeout: 30_000 });
}

describe('leads list with many leads', () => {
  it('renders only a window of rows, says how many there are, and reaches the last lead by keyboard and by scrolling', async () => {
    await importBulkLeads();
    await expect(table().getAttribute('aria-rowcount')).resolves.toBe(String(TOTAL + 1));
    const rendered = await dataRows().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await expect(page.getByRole('rowheader', { name: lastCompany, exact: true }).count()).resolves.toBe(0);

    // Keyboard: Down moves to the next lead, Ctrl+End to the last one, which is rendered on the way.
    await dataRows().first().getByRole('link').focus();
    await expect(focusedRowIndex()).resolves.toBe('2');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedRowIndex).toBe('3');
    await page.keyboard.press('Control+End');
    await expect.poll(focusedRowIndex).toBe(String(TOTAL + 1));
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(lastCompany);
    expect(await dataRows().count()).toBeLessThan(100);
    // Enter on the focused link opens that lead.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: lastCompany }).waitFor();
    await page.goBack();
    await page.getByRole('status').filter({ hasText: `${TOTAL} leads` }).waitFor();

    // Scrolling: the end of the scroll area shows the last lead; the start shows the first again.
    const area = page.getByRole('region', { name: /^Leads, most recently updated first/ });
    await area.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => page.getByRole('rowheader', { name: lastCompany, exact: true }).isVisible()).toBe(true);
    expect(await dataRows().count()).toBeLessThan(100);
    await area.evaluate((element) => element.scrollTo({ top: 0 }));
    await expect.poll(() => dataRows().first().getAttribute('aria-rowindex')).toBe('2');

    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
