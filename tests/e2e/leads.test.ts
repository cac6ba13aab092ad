/**
 * The leads screens in the demo workspace, in a real browser against the production build: stats
 * from the demo data, filtering, creating (with a validation error first), editing, changing
 * stage, logging activity, delete with Undo, a keyboard-only create, offline use and axe checks.
 * Also takes the README screenshot (resources/screenshots/workstation.png) of the Leads page.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { projectRoot, type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

interface DemoLead {
  stage: string;
  estimated_value: number | null;
  currency: string | null;
}
const demo = JSON.parse(readFileSync(join(projectRoot, 'resources/demo/workspace.json'), 'utf8')) as {
  collections: { leads: DemoLead[] };
};
const demoLeads = demo.collections.leads;
const LOCALE = 'en-GB';

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: LOCALE });
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, context, page, problems } = session);
});

async function openLeads(): Promise<void> {
  await page.goto(new URL('#/leads', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  await page.getByRole('table').waitFor();
  // Stats and rows render once the local query answers; the demo workspace always has leads.
  await dataRows().first().waitFor();
}

const dataRows = () => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });
/** How many leads the table holds: it renders only the rows in view, but says how many there are. */
const shownLeads = async () => Number(await page.getByRole('table').getAttribute('aria-rowcount')) - 1;
const stat = (testId: string) => page.getByTestId(testId).innerText();
const dialog = (name: string | RegExp) => page.getByRole('dialog', { name });

async function createLead(company: string, extra: { contact?: string; value?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: 'New lead' }).click();
  const form = dialog('New lead');
  await form.getByRole('textbox', { name: 'Company' }).fill(company);
  if (extra.contact) await form.getByRole('textbox', { name: 'Contact name' }).fill(extra.contact);
  if (extra.value) await form.getByRole('textbox', { name: 'Estimated value' }).fill(extra.value);
  await form.getByRole('button', { name: 'Add lead' }).click();
  await form.waitFor({ state: 'detached' });
  await dataRows().filter({ hasText: company }).waitFor();
}

async function openLead(company: string): Promise<void> {
  // The list renders only the rows in view, so find the lead first, as a person would.
  await page.getByRole('searchbox', { name: 'Search' }).fill(company);
  await page.getByRole('link', { name: company, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: company }).waitFor();
}

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(amount);
}

describe('leads page', () => {
  it('shows stats that match the demo data and lists every lead, most recently updated first', async () => {
    await openLeads();
    const active = demoLeads.filter((lead) => ['new', 'contacted', 'qualified', 'proposal'].includes(lead.stage));
    await expect(stat('stat-active')).resolves.toBe(String(active.length));
    await expect(stat('stat-in-progress')).resolves.toBe(
      String(demoLeads.filter((lead) => ['contacted', 'qualified', 'proposal'].includes(lead.stage)).length),
    );
    await expect(stat('stat-converted')).resolves.toBe(String(demoLeads.filter((lead) => lead.stage === 'won').length));
    const totals = new Map<string, number>();
    for (const lead of active) {
      if (lead.estimated_value && lead.currency) totals.set(lead.currency, (totals.get(lead.currency) ?? 0) + lead.estimated_value);
    }
    const potential = await page.getByTestId('stat-potential').getByRole('listitem').allInnerTexts();
    expect(potential.sort()).toEqual([...totals].map(([currency, amount]) => money(amount, currency)).sort());

    await expect.poll(() => shownLeads()).toBe(demoLeads.length);
    // demo-lead-01 was updated an hour ago, the most recent of all.
    await expect(dataRows().first().getByRole('rowheader').innerText()).resolves.toBe('Żółć Logistyka Sp. z o.o.');
    expect(problems).toEqual([]);
  });

  it('filters by text (ignoring case and accents) and by stage', async () => {
    await openLeads();
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('ZOLC');
    await expect.poll(() => shownLeads()).toBe(1);
    await expect(page.getByText(`Showing 1 of ${demoLeads.length} leads`)).toBeTruthy();
    await search.fill('hernandez');
    await expect.poll(() => dataRows().allInnerTexts()).toEqual([expect.stringContaining('Hernández Arquitectos')]);
    await search.fill('');
    await page.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Won' });
    await expect.poll(() => shownLeads()).toBe(demoLeads.filter((lead) => lead.stage === 'won').length);
    await search.fill('no such lead anywhere');
    await page.getByText('No leads match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => shownLeads()).toBe(demoLeads.length);
  });

  it('shows validation messages without losing input, then creates the lead', async () => {
    await openLeads();
    const activeBefore = Number(await stat('stat-active'));
    await page.getByRole('button', { name: 'New lead' }).click();
    const form = dialog('New lead');
    await form.getByRole('textbox', { name: 'Email' }).fill('anna-at-example');
    await form.getByRole('textbox', { name: 'Estimated value' }).fill('-250');
    await form.getByRole('textbox', { name: 'Notes' }).fill('Met at the Lisbon expo.');
    await form.getByRole('button', { name: 'Add lead' }).click();

    await form.getByText('Enter a company or a contact name.').waitFor();
    await form.getByText(/Enter an email address such as/).waitFor();
    await form.getByText('The estimated value cannot be negative.').waitFor();
    await form.getByRole('alert').filter({ hasText: 'Check these fields: Company, Email, Estimated value.' }).waitFor();
    // Focus goes to the first field in error, which says so and points at its message.
    const company = form.getByRole('textbox', { name: 'Company' });
    await expect(company.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(company.getAttribute('aria-invalid')).resolves.toBe('true');
    // Nothing typed was lost.
    await expect(form.getByRole('textbox', { name: 'Email' }).inputValue()).resolves.toBe('anna-at-example');
    await expect(form.getByRole('textbox', { name: 'Estimated value' }).inputValue()).resolves.toBe('-250');
    await expect(form.getByRole('textbox', { name: 'Notes' }).inputValue()).resolves.toBe('Met at the Lisbon expo.');

    await company.fill('Lisbon Tiles Lda');
    await form.getByRole('textbox', { name: 'Email' }).fill('anna@lisbon-tiles.example');
    await form.getByRole('textbox', { name: 'Estimated value' }).fill('4,800');
    await form.getByRole('button', { name: 'Add lead' }).click();
    await form.waitFor({ state: 'detached' });

    await expect(dataRows().first().getByRole('rowheader').innerText()).resolves.toBe('Lisbon Tiles Lda');
    await expect(dataRows().first().innerText()).resolves.toContain(money(4800, 'GBP'));
    await expect.poll(() => stat('stat-active')).toBe(String(activeBefore + 1));
    await openLead('Lisbon Tiles Lda');
    await page.getByText('Met at the Lisbon expo.').waitFor();
    expect(problems).toEqual([]);
  });

  it('edits a lead, changes its stage (logged on the timeline) and logs a call', async () => {
    await openLeads();
    await createLead('Porto Ceramics', { contact: 'Rui Alves' });
    await openLead('Porto Ceramics');
    await expect(page.getByTestId('days-in-stage').innerText()).resolves.toBe('0 days in current stage');

    await page.getByRole('button', { name: 'Edit lead' }).click();
    const form = dialog('Edit Porto Ceramics');
    await expect(form.getByRole('textbox', { name: 'Contact name' }).inputValue()).resolves.toBe('Rui Alves');
    await form.getByRole('textbox', { name: 'Contact name' }).fill('Rui Alves Costa');
    await form.getByRole('textbox', { name: 'Phone' }).fill('+351 21 000 0000');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('Rui Alves Costa').waitFor();
    await page.getByText('+351 21 000 0000').waitFor();

    await page.getByRole('combobox', { name: 'Move to stage' }).selectOption({ label: 'Qualified' });
    await page.getByRole('button', { name: 'Change stage' }).click();
    const timeline = page.getByRole('list', { name: 'Activities, newest first' });
    await timeline.getByRole('listitem').filter({ hasText: 'Stage changed from New to Qualified.' }).waitFor();
    await expect(timeline.getByRole('listitem').first().innerText()).resolves.toContain('Stage change');
    await expect(page.getByTestId('days-in-stage').innerText()).resolves.toBe('0 days in current stage');

    // An empty activity is refused with a message; a real one goes to the top of the timeline.
    await page.getByRole('button', { name: 'Add to timeline' }).click();
    await page.getByText(/Write what happened/).waitFor();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Call' });
    await page.getByRole('textbox', { name: 'What happened' }).fill('Called Rui: wants a proposal by Friday.');
    await page.getByRole('button', { name: 'Add to timeline' }).click();
    await expect.poll(() => timeline.getByRole('listitem').first().innerText()).toContain('Called Rui: wants a proposal by Friday.');
    await expect(timeline.getByRole('listitem').count()).resolves.toBe(2);

    // The list reflects the change without a reload.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Leads' }).click();
    await expect(dataRows().filter({ hasText: 'Porto Ceramics' }).innerText()).resolves.toContain('Qualified');
    expect(problems).toEqual([]);
  });

  it('shows days in the current stage for demo leads', async () => {
    await openLeads();
    await openLead('Ivanov Engineering'); // stage changed 61 days ago in the demo data
    await expect(page.getByTestId('days-in-stage').innerText()).resolves.toBe('61 days in current stage');
    await expect.poll(() => page.getByRole('list', { name: 'Activities, newest first' }).getByRole('listitem').count()).toBeGreaterThan(0);
  });

  it('deletes a lead and brings it back with Undo', async () => {
    await openLeads();
    await createLead('Faro Surf Shop');
    await openLead('Faro Surf Shop');
    await page.getByRole('button', { name: 'Delete lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Deleted “Faro Surf Shop”.' }).waitFor();
    await expect.poll(() => dataRows().filter({ hasText: 'Faro Surf Shop' }).count()).toBe(0);
    await expect.poll(() => shownLeads()).toBe(demoLeads.length);

    await page.getByRole('button', { name: 'Undo' }).click();
    await dataRows().filter({ hasText: 'Faro Surf Shop' }).waitFor();
    await expect.poll(() => shownLeads()).toBe(demoLeads.length + 1);
    // Still there after a reload: the undo reached the store.
    await page.reload();
    await dataRows().filter({ hasText: 'Faro Surf Shop' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('creates a lead with the keyboard alone', async () => {
    await openLeads();
    // Past the skip link, the sidebar's links and the top bar's buttons.
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'New lead') break;
    }
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('New lead');
    await page.keyboard.press('Enter');
    const form = dialog('New lead');
    await form.waitFor();
    // The dialog puts focus on its first field.
    await expect(form.getByRole('textbox', { name: 'Company' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('Keyboard Only GmbH');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kai Tastatur');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await dataRows().filter({ hasText: 'Keyboard Only GmbH' }).waitFor();
    // Focus returns to the button that opened the dialog.
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('New lead');

    // Escape closes the dialog without saving.
    await page.keyboard.press('Enter');
    await form.waitFor();
    await page.keyboard.type('Never Saved Ltd');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect(dataRows().filter({ hasText: 'Never Saved Ltd' }).count()).resolves.toBe(0);
  });

  it('creates and edits leads while offline', async () => {
    await openLeads();
    // The app has finished loading its screens' code (it preloads them for offline use).
    await page.waitForLoadState('networkidle');
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(new URL(request.url()).pathname));
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await createLead('Offline Bakery', { value: '1200' });
    await openLead('Offline Bakery');
    await page.getByRole('button', { name: 'Edit lead' }).click();
    const form = dialog('Edit Offline Bakery');
    await form.getByRole('textbox', { name: 'Contact name' }).fill('Olga Offline');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('Olga Offline').waitFor();
    await page.getByRole('combobox', { name: 'Move to stage' }).selectOption({ label: 'Contacted' });
    await page.getByRole('button', { name: 'Change stage' }).click();
    await page.getByText('Stage changed from New to Contacted.').waitFor();
    await context.setOffline(false);
    // Only the browser's own favicon refetch may fail offline (Electron loads it from disk).
    expect(failedRequests.filter((path) => path !== '/favicon.svg')).toEqual([]);
    expect(problems.filter((problem) => !problem.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the list, the dialog and the detail, in either theme', async () => {
    const found: Record<string, unknown> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await openLeads();
      let violations = await checkA11y(page);
      if (violations.length > 0) found[`${colorScheme} list`] = violations;

      await page.getByRole('button', { name: 'New lead' }).click();
      await dialog('New lead').getByRole('button', { name: 'Add lead' }).click();
      await dialog('New lead').getByText('Enter a company or a contact name.').waitFor();
      violations = await checkA11y(page);
      if (violations.length > 0) found[`${colorScheme} dialog`] = violations;
      await dialog('New lead').getByRole('button', { name: 'Cancel' }).click();

      await openLead('Nordic Outdoor AB');
      violations = await checkA11y(page);
      if (violations.length > 0) found[`${colorScheme} detail`] = violations;
    }
    expect(found).toEqual({});
  });

  it('takes the screenshots: README (Leads page of the demo workspace) and review copies', async () => {
    await openLeads();
    const directory = join(projectRoot, 'resources', 'screenshots');
    await mkdir(directory, { recursive: true });
    await page.screenshot({ path: join(directory, 'workstation.png') });
    await page.screenshot({ path: '/tmp/leads.png', fullPage: true });
    await page.getByRole('button', { name: 'New lead' }).click();
    await dialog('New lead').getByRole('button', { name: 'Add lead' }).click();
    await dialog('New lead').getByText('Enter a company or a contact name.').waitFor();
    await page.screenshot({ path: '/tmp/lead-dialog.png' });
    await dialog('New lead').getByRole('button', { name: 'Cancel' }).click();
    await openLead('Nordic Outdoor AB');
    await page.screenshot({ path: '/tmp/lead-detail.png', fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/lead-detail-dark.png', fullPage: true });
  });
});
