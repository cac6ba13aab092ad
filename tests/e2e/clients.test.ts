/**
 * The Clients screen in a real browser against the production build and a seeded backend. An
 * admin sets a won lead's projects over REST; the seeded Elite partner then finds that client in
 * Clients with its projects and the commission from its lines, adds a note, schedules a follow-up
 * and downloads the white-label status report, whose pdftotext shows the client's company and the
 * partner's name (not SISO's). The Active partner sees the deal history and notes but the
 * follow-ups and the report locked, saying which tier unlocks them. An admin edits projects in the
 * Admin page's Clients tab. Screenshot: resources/screenshots/clients.png (1280×720).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAccountsHarness } from '../fixtures/accounts-harness';
import { realProblems } from '../fixtures/account-browser';
import { checkA11y } from '../fixtures/browser';
import { projectRoot } from '../fixtures/web-server';
import { parseClientProjects, type ClientProject } from '../../sync/domain/clients';

const harness = useAccountsHarness({ viewport: { width: 1280, height: 720 } });
const downloads = mkdtempSync(join(tmpdir(), 'clients-e2e-'));

afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const projects: ClientProject[] = [
  { id: 'e2e-portal', name: 'Client portal build', status: 'in_progress', value: 24000, currency: 'EUR', started_at: '2026-10-05', delivered_at: null },
  { id: 'e2e-audit', name: 'Website audit', status: 'delivered', value: null, currency: null, started_at: '2026-09-01', delivered_at: '2026-09-20' },
];

interface ChosenClient {
  id: string;
  company: string;
  commission: string;
}

let chosen: ChosenClient;

/** The first of the Elite partner's won leads whose company is not shared with another of their leads. */
beforeAll(async () => {
  const admin = (await harness.backend.signIn('admin')).client;
  const { userId: eliteId } = await harness.backend.signIn('elite');
  const leads = await admin.from('leads').select('id, company, stage').eq('partner_id', eliteId).order('id');
  if (leads.error) throw new Error(leads.error.message);
  const rows = leads.data as { id: string; company: string; stage: string }[];
  const lead = rows.find((row) => row.stage === 'won' && rows.filter((other) => other.company === row.company).length === 1);
  if (!lead) throw new Error('The seed has no won lead with a unique company for the Elite partner.');
  const lines = await admin.from('earnings').select('amount, currency, status').eq('lead_id', lead.id).eq('kind', 'commission');
  if (lines.error) throw new Error(lines.error.message);
  const commissionLines = (lines.data as { amount: number; currency: string; status: string }[]).filter((line) => line.status !== 'reversed');
  const [first] = commissionLines;
  if (!first) throw new Error('The chosen won lead has no commission line.');
  const total = commissionLines.reduce((sum, line) => sum + line.amount, 0);
  const saved = await admin.rpc('admin_set_client_projects', { lead_id: lead.id, projects });
  if (saved.error) throw new Error(saved.error.message);
  chosen = { id: lead.id, company: lead.company, commission: new Intl.NumberFormat('en-GB', { style: 'currency', currency: first.currency }).format(total) };
}, 60_000);

async function openClients(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
}

describe('Clients, signed in as the Elite partner', () => {
  it('lists the client with its projects and commission, and the detail page does notes, follow-ups and the report', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'elite');
    await openClients(page);

    const row = page.getByRole('table', { name: 'Clients' }).getByRole('row').filter({ has: page.getByRole('link', { name: chosen.company, exact: true }) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('1 in progress, 1 delivered');
    await expect(row.textContent()).resolves.toContain(chosen.commission);

    await page.getByRole('searchbox', { name: 'Search clients' }).fill('client portal build');
    await expect.poll(() => page.getByRole('table', { name: 'Clients' }).locator('tbody tr').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'No project yet' });
    await page.getByText('No client matches.').waitFor();
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All clients' });
    await page.getByRole('searchbox', { name: 'Search clients' }).fill('');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).focus();
    expect(await checkA11y(page)).toEqual([]);
    const shots = join(projectRoot, 'resources', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'clients.png') });

    await row.getByRole('link', { name: chosen.company, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: chosen.company }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/clients/${chosen.id}`);
    const projectList = page.getByRole('list', { name: 'Projects' });
    await expect(projectList.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringContaining('Client portal build'),
      expect.stringContaining('Website audit'),
    ]);
    await expect(projectList.getByRole('listitem').first().textContent()).resolves.toContain('In progress');
    await expect(page.getByRole('region', { name: 'Commission earned' }).textContent()).resolves.toContain(chosen.commission);
    mkdirSync('/tmp/shots-clients', { recursive: true });
    await page.screenshot({ path: '/tmp/shots-clients/client-detail.png', fullPage: true });

    // Active and up: a note lands on the client's timeline.
    await page.getByRole('textbox', { name: 'New note' }).fill('Kick-off went well; they want a second phase.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Notes, newest first' }).getByText('Kick-off went well; they want a second phase.').waitFor();

    // Performer and up: a follow-up becomes the lead's next action, which reminders fire.
    await page.getByRole('textbox', { name: 'Follow-up' }).fill('Ask about phase two');
    await page.getByLabel('When').fill('2030-01-15T10:00');
    await page.getByRole('button', { name: 'Schedule follow-up' }).click();
    await page.getByRole('status').filter({ hasText: 'Follow-up scheduled' }).waitFor();
    await page.getByText('Next: Ask about phase two').waitFor();

    // Elite: the white-label report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download client status report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-status-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await download.saveAs('/tmp/shots-clients/client-status-report.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(chosen.company);
    expect(text).toContain('Northlight Ventures');
    expect(text).toContain('Client portal build');
    expect(text).toContain('Ask about phase two');
    expect(text).not.toMatch(/SISO/);
    await page.getByRole('status').filter({ hasText: 'was saved' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
  });
});

describe('Clients by tier and for admins', () => {
  it('shows the Active partner notes but locks follow-ups and the report, naming the tier', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'active');
    await openClients(page);
    await page.getByRole('table', { name: 'Clients' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Notes' }).waitFor();
    await expect(page.getByRole('region', { name: 'Follow-ups (locked)' }).textContent()).resolves.toContain('Unlocks at the Performer tier.');
    await expect(page.getByRole('region', { name: 'Client status report (locked)' }).textContent()).resolves.toContain('Unlocks at the Elite tier.');
    await expect(page.getByRole('button', { name: 'Download client status report' }).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/shots-clients/client-detail-active.png', fullPage: true });
    expect(realProblems(problems)).toEqual([]);
  });

  it('lets an admin edit a client’s projects in the Admin page’s Clients tab', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'admin');
    await harness.open(page, '#/admin?tab=clients');
    const row = page.getByRole('row').filter({ hasText: chosen.company }).filter({ hasText: 'Client portal build' });
    await row.getByRole('button', { name: `Edit projects for ${chosen.company}` }).click();
    const dialog = page.getByRole('dialog', { name: `Projects for ${chosen.company}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add project' }).click();
    const added = dialog.getByRole('group', { name: 'Project 3' });
    await added.getByRole('textbox', { name: 'Name' }).fill('Support retainer');
    await added.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'On hold' });
    await added.getByRole('textbox', { name: 'Value' }).fill('not a number');
    await dialog.getByRole('button', { name: 'Save projects' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'is not a number' }).waitFor();
    await page.screenshot({ path: '/tmp/shots-clients/admin-projects-dialog.png' });
    await added.getByRole('textbox', { name: 'Value' }).fill('1500');
    await dialog.getByRole('button', { name: 'Save projects' }).click();
    await page.getByRole('status').filter({ hasText: `Saved 3 projects for ${chosen.company}` }).waitFor();

    const admin = (await harness.backend.signIn('admin')).client;
    const stored = await admin.from('leads').select('client_projects').eq('id', chosen.id).single();
    const read = parseClientProjects((stored.data as { client_projects: string | null } | null)?.client_projects);
    expect(read.ok && read.projects.map((project) => [project.name, project.status, project.value])).toEqual([
      ['Client portal build', 'in_progress', 24000],
      ['Website audit', 'delivered', null],
      ['Support retainer', 'on_hold', 1500],
    ]);
    expect(realProblems(problems)).toEqual([]);
  });
});
