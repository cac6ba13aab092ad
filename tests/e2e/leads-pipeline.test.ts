/**
 * The leads pipeline in the demo workspace (Active tier), in a real browser against the production
 * build: the board's columns and cards, moving a lead by pointer and by keyboard (recorded on the
 * lead's timeline), Closed asking won or lost with a reason for lost, bulk move and delete with
 * one Undo, the list filters and search, and axe on the board.
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
  stage: string;
  source: string;
  estimated_value: number | null;
}
const demo = JSON.parse(readFileSync(join(projectRoot, 'resources/demo/workspace.json'), 'utf8')) as {
  collections: { leads: DemoLead[] };
};
const demoLeads = demo.collections.leads;

const session = useDemoWorkspaceBrowser({ viewport: { width: 1400, height: 900 }, colorScheme: 'light', locale: 'en-GB' });
let server: StaticServer;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, page, problems } = session);
});

const dataRows = () => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });
/** How many leads the table holds: it renders only the rows in view, but says how many there are. */
const shownLeads = async () => Number(await page.getByRole('table').getAttribute('aria-rowcount')) - 1;
const columnList = (label: string) => page.getByRole('list', { name: `${label} leads`, exact: true });
const card = (company: string) => page.getByTestId('lead-card').filter({ has: page.getByRole('link', { name: company, exact: true }) });

async function openList(): Promise<void> {
  await page.goto(new URL('#/leads', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  await dataRows().first().waitFor();
}

async function openBoard(): Promise<void> {
  await openList();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Board' }).click();
  await columnList('New').getByRole('listitem').first().waitFor();
}

/** Waits for the drag-and-drop live region to say `text`. */
async function announced(text: string): Promise<void> {
  await page.locator('[id^="DndLiveRegion"]').filter({ hasText: text }).waitFor({ state: 'attached' });
}

async function expectOnTimeline(company: string, entry: string): Promise<void> {
  await page.getByRole('link', { name: company, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: company }).waitFor();
  const timeline = page.getByRole('list', { name: 'Activities, newest first' });
  await timeline.getByRole('listitem').filter({ hasText: entry }).waitFor();
}

describe('pipeline board', () => {
  it('shows five columns with every lead, cards with value, days in stage and source, and passes axe', async () => {
    await openBoard();
    for (const [label, stages] of [
      ['New', ['new']],
      ['Contacted', ['contacted']],
      ['Qualified', ['qualified']],
      ['Proposal', ['proposal']],
      ['Closed', ['won', 'lost']],
    ] as const) {
      const count = demoLeads.filter((lead) => (stages as readonly string[]).includes(lead.stage)).length;
      await expect(
        page.getByRole('region', { name: new RegExp(`^${label} ${count}$`) }).count(),
        label,
      ).resolves.toBe(1);
    }
    const first = card('Żółć Logistyka Sp. z o.o.');
    await expect(first.innerText()).resolves.toMatch(/€7,500/);
    await expect(first.innerText()).resolves.toMatch(/0 days in stage · Referral link/);
    await expect(columnList('Closed').getByText(/^(Won|Lost)$/).first().isVisible()).resolves.toBe(true);
    // The view is in the URL, so it survives a reload.
    await page.reload();
    await columnList('New').getByRole('listitem').first().waitFor();

    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('moves a card by pointer and records the stage change on the timeline', async () => {
    await openBoard();
    const source = card('Żółć Logistyka Sp. z o.o.');
    const from = await source.locator('.lead-card__meta').boundingBox();
    const to = await page.getByRole('region', { name: /^Qualified / }).boundingBox();
    if (!from || !to) throw new Error('card or column not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();

    await columnList('Qualified').getByRole('link', { name: 'Żółć Logistyka Sp. z o.o.', exact: true }).waitFor();
    await expect(columnList('New').getByRole('link', { name: 'Żółć Logistyka Sp. z o.o.', exact: true }).count()).resolves.toBe(0);
    await expectOnTimeline('Żółć Logistyka Sp. z o.o.', 'Stage changed from New to Qualified.');
    expect(problems).toEqual([]);
  });

  it('moves a card with the keyboard alone, announcing each step', async () => {
    await openBoard();
    const company = "O'Brien & Daughters Bakery";
    await page.getByRole('button', { name: `Move ${company}`, exact: true }).focus();
    await page.keyboard.press('Space');
    await announced(`Picked up ${company}, in New.`);
    await page.keyboard.press('ArrowRight');
    await announced(`${company} is over Contacted.`);
    await page.keyboard.press('ArrowRight');
    await announced(`${company} is over Qualified.`);
    await page.keyboard.press('Space');
    await announced(`Moved ${company} to Qualified.`);

    await columnList('Qualified').getByRole('link', { name: company, exact: true }).waitFor();
    // Focus follows the card to its new column, so the next move can start right away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Move ${company}`);
    await expectOnTimeline(company, 'Stage changed from New to Qualified.');
    expect(problems).toEqual([]);
  });

  it('asks won or lost when a lead is closed, and will not mark it lost without a reason', async () => {
    await openBoard();
    const handle = columnList('Proposal').getByRole('button', { name: /^Move / }).first();
    const company = ((await handle.getAttribute('aria-label')) ?? '').replace(/^Move /, '');
    await handle.focus();
    await page.keyboard.press('Space');
    await announced(`Picked up ${company}`);
    await page.keyboard.press('ArrowRight');
    await announced(`${company} is over Closed.`);
    await page.keyboard.press('Space');

    const dialog = page.getByRole('dialog', { name: `Close “${company}”` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Lost' }).check();
    await dialog.getByRole('button', { name: 'Close lead' }).click();
    await dialog.getByText('Say why the lead was lost, e.g. “Chose another agency”.').waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Why was it lost?' }).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Why was it lost?' }).fill('Went with an in-house team');
    await dialog.getByRole('button', { name: 'Close lead' }).click();
    await dialog.waitFor({ state: 'detached' });

    const closed = columnList('Closed').getByTestId('lead-card').filter({ has: page.getByRole('link', { name: company, exact: true }) });
    await closed.getByText('Lost', { exact: true }).waitFor();
    await closed.getByText('Went with an in-house team').waitFor();
    await expectOnTimeline(company, 'Stage changed from Proposal to Lost. Reason: Went with an in-house team');
    expect(problems).toEqual([]);
  });
});

describe('leads list', () => {
  it('moves selected leads in bulk', async () => {
    await openList();
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'Event' });
    const events = demoLeads.filter((lead) => lead.source === 'event' && lead.stage !== 'contacted');
    await page.getByRole('checkbox', { name: `Select ${events[0]?.company}`, exact: true }).check();
    await page.getByRole('checkbox', { name: `Select ${events[1]?.company}`, exact: true }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions' });
    await bulk.getByText('2 leads selected').waitFor();
    await bulk.getByRole('button', { name: 'Move' }).click();
    await bulk.getByText('Choose the stage to move the selected leads to.').waitFor();
    await bulk.getByRole('combobox', { name: 'Move selected to' }).selectOption({ label: 'Contacted' });
    await bulk.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('status').filter({ hasText: 'Moved 2 leads to Contacted.' }).waitFor();
    for (const lead of events.slice(0, 2)) {
      const row = dataRows().filter({ has: page.getByRole('rowheader', { name: lead.company, exact: true }) });
      await expect.poll(() => row.getByText('Contacted', { exact: true }).count()).toBe(1);
    }
    await expectOnTimeline(events[0]?.company ?? '', `Stage changed from`);
    expect(problems).toEqual([]);
  });

  it('deletes the selected leads and restores the whole batch with one Undo', async () => {
    await openList();
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'Website' });
    const websites = demoLeads.filter((lead) => lead.source === 'website').length;
    await expect.poll(() => shownLeads()).toBe(websites);
    await page.getByRole('checkbox', { name: 'Select all shown leads' }).check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByText(`${websites} leads selected`).waitFor();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByRole('status').filter({ hasText: `Deleted ${websites} leads.` }).waitFor();
    await page.getByText('No leads match these filters.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => shownLeads()).toBe(websites);
    await page.getByRole('button', { name: 'Clear filters' }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'All sources' });
    await expect.poll(() => shownLeads()).toBe(demoLeads.length);
    expect(problems).toEqual([]);
  });

  it('exports the filtered leads and the selection as CSV, and links to the import', async () => {
    await openList();
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'Event' });
    const events = demoLeads.filter((lead) => lead.source === 'event');
    await expect.poll(() => shownLeads()).toBe(events.length);
    const readDownload = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8').replace(/^\ufeff/, '') };
    };
    const filteredCsv = await readDownload(() => page.getByRole('button', { name: 'Export filtered as CSV' }).click());
    expect(filteredCsv.name).toMatch(/^siso-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = filteredCsv.text.trim().split('\r\n');
    expect(lines).toHaveLength(events.length + 1);
    for (const lead of events) expect(filteredCsv.text).toContain(lead.company);
    await page.getByRole('status').filter({ hasText: `Exported ${events.length} filtered leads as CSV.` }).waitFor();

    await page.getByRole('checkbox', { name: `Select ${events[0]?.company}`, exact: true }).check();
    const selectedCsv = await readDownload(() => page.getByRole('button', { name: 'Export selected as CSV' }).click());
    expect(selectedCsv.text.trim().split('\r\n')).toHaveLength(2);
    expect(selectedCsv.text).toContain(events[0]?.company ?? '');

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/leads/import');
    expect(problems).toEqual([]);
  });

  it('filters by source, stage and value, explains bad input, and searches as you type', async () => {
    await openList();
    const count = () => shownLeads();
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'Cold outreach' });
    await expect.poll(count).toBe(demoLeads.filter((lead) => lead.source === 'cold_outreach').length);
    await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption({ label: 'Won' });
    await expect.poll(count).toBe(demoLeads.filter((lead) => lead.source === 'cold_outreach' && lead.stage === 'won').length);
    await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption({ label: 'All stages' });
    await page.getByRole('combobox', { name: 'Source', exact: true }).selectOption({ label: 'All sources' });

    const min = page.getByRole('textbox', { name: 'Minimum value' });
    await min.fill('lots');
    await page.getByText('Enter a number, e.g. 1000.').waitFor();
    await expect(min.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(count).toBe(demoLeads.length);
    await min.fill('10,000');
    await expect.poll(count).toBe(demoLeads.filter((lead) => (lead.estimated_value ?? 0) >= 10_000).length);
    await page.getByRole('textbox', { name: 'Maximum value' }).fill('5000');
    await page.getByText('The maximum value is below the minimum.').waitFor();
    await page.getByRole('textbox', { name: 'Maximum value' }).fill('20000');
    await expect
      .poll(count)
      .toBe(demoLeads.filter((lead) => (lead.estimated_value ?? 0) >= 10_000 && (lead.estimated_value ?? 0) <= 20_000).length);
    await min.fill('');
    await page.getByRole('textbox', { name: 'Maximum value' }).fill('');

    await page.getByLabel('Created from').fill('2099-01-01');
    await page.getByText('No leads match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe(demoLeads.length);

    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('hernand');
    await expect.poll(() => dataRows().allInnerTexts()).toEqual([expect.stringContaining('Hernández Arquitectos')]);
    await search.fill('Hernandes');
    await expect.poll(() => dataRows().allInnerTexts()).toEqual([expect.stringContaining('Hernández Arquitectos')]);
    await search.fill('BJÖRN');
    await expect.poll(() => dataRows().allInnerTexts()).toEqual([expect.stringContaining('Nordic Outdoor AB')]);
    // Notes are searched too: every demo note says how the lead was met.
    await search.fill('website');
    await expect.poll(count).toBe(demoLeads.filter((lead) => lead.source === 'website').length);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
