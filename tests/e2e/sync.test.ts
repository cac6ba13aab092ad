/**
 * The account workspace syncing with the local backend, in a real browser against the production
 * build: sign in from Welcome with the backend's address, the partner's seeded leads arrive, the
 * indicator reports up to date / offline with changes waiting / up to date again, offline edits
 * reach the server and another signed-in window live, a write the server refuses shows up as a
 * sync problem (retry, then discard), and signing out with unsent changes warns first. Screenshots
 * of the indicator states go to /tmp/sync-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

let seededCompany: string;

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: null, viewport: { width: 1280, height: 800 } });

beforeAll(async () => {
  const { userId } = await harness.backend.signIn('active');
  const { data, error } = await harness.backend
    .serviceClient()
    .from('leads')
    .select('company')
    .eq('partner_id', userId)
    .eq('_deleted', false)
    .order('updated_at', { ascending: false })
    .limit(1);
  if (error || !data?.[0]) throw new Error(`No seeded lead for the active partner: ${error?.message ?? 'none found'}`);
  seededCompany = (data[0] as { company: string }).company;
});

const indicator = (page: Page, name: RegExp) => page.getByRole('button', { name });
const upToDate = /^Sync: up to date, last synced \d{2}:\d{2}$/;

async function openLeads(page: Page): Promise<void> {
  await page.goto(new URL('#/leads', harness.appUrl).href);
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
}

const rowFor = (page: Page, company: string) =>
  page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: company }) });

async function createLead(page: Page, company: string, contact?: string): Promise<void> {
  await page.getByRole('button', { name: 'New lead' }).click();
  const form = page.getByRole('dialog', { name: 'New lead' });
  await form.getByRole('textbox', { name: 'Company' }).fill(company);
  if (contact) await form.getByRole('textbox', { name: 'Contact name' }).fill(contact);
  await form.getByRole('button', { name: 'Add lead' }).click();
  await form.waitFor({ state: 'detached' });
  await rowFor(page, company).waitFor();
}

async function editContact(page: Page, company: string, contact: string): Promise<void> {
  await page.getByRole('link', { name: company, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: company }).waitFor();
  await page.getByRole('button', { name: 'Edit lead' }).click();
  const form = page.getByRole('dialog', { name: `Edit ${company}` });
  await form.getByRole('textbox', { name: 'Contact name' }).fill(contact);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByText(contact).waitFor();
}

async function serverLead(company: string): Promise<{ id: string; contact_name: string | null } | undefined> {
  const { data, error } = await harness.backend.serviceClient().from('leads').select('id, contact_name').eq('company', company).eq('_deleted', false);
  if (error) throw new Error(error.message);
  return (data as { id: string; contact_name: string | null }[])[0];
}

async function shootTopBar(page: Page, name: string): Promise<void> {
  await page.locator('header.topbar').screenshot({ path: `/tmp/sync-${name}.png` });
}

describe('account workspace sync', () => {
  it('signs in, syncs, works offline, pushes on reconnect, and another window sees it live', async () => {
    const a = await harness.newWindow();
    await harness.signIn(a.page, 'active');
    await expect(a.page.getByTestId('workspace-name').innerText()).resolves.toBe(seedUsers.active.email);
    await openLeads(a.page);
    await rowFor(a.page, seededCompany).first().waitFor({ timeout: SYNC_TIMEOUT });
    await indicator(a.page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });
    await shootTopBar(a.page, 'up-to-date');
    await expect(checkA11y(a.page)).resolves.toEqual([]);

    // A second window (its own storage: a second device) signed in to the same account.
    const b = await harness.newWindow();
    await harness.signIn(b.page, 'active');
    await openLeads(b.page);
    await indicator(b.page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });

    await a.context.setOffline(true);
    await indicator(a.page, /^Sync: offline$/).waitFor();
    await createLead(a.page, 'Harbour Offline Ltd', 'Ines Duarte');
    await editContact(a.page, 'Harbour Offline Ltd', 'Ines Duarte Silva');
    await indicator(a.page, /^Sync: offline, \d+ changes? waiting$/).waitFor();
    await shootTopBar(a.page, 'offline-waiting');
    await expect(serverLead('Harbour Offline Ltd')).resolves.toBeUndefined();

    await a.context.setOffline(false);
    await indicator(a.page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });
    await expect.poll(() => serverLead('Harbour Offline Ltd'), { timeout: SYNC_TIMEOUT }).toMatchObject({ contact_name: 'Ines Duarte Silva' });
    // The other window receives it live, without a reload.
    await rowFor(b.page, 'Harbour Offline Ltd').waitFor({ timeout: SYNC_TIMEOUT });
    await expect(rowFor(b.page, 'Harbour Offline Ltd').innerText()).resolves.toContain('Ines Duarte Silva');

    expect(realProblems(a.problems)).toEqual([]);
    expect(realProblems(b.problems)).toEqual([]);
    await b.context.close();
    await a.context.close();
  });

  it('shows a refused write as a sync problem (retry, discard) and warns before signing out with unsent changes', async () => {
    // A server rule the app does not know about: no company may start with "Refused".
    await harness.backend.ctx.engine.exec(`alter table public.leads add constraint e2e_no_refused_companies check (company not like 'Refused%') not valid;`);
    try {
      const { page, context, problems } = await harness.newWindow();
      await harness.signIn(page, 'active');
      await openLeads(page);
      await indicator(page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });

      await createLead(page, 'Refused Widgets plc');
      const problemIndicator = indicator(page, /^Sync: 1 problem$/);
      await problemIndicator.waitFor({ timeout: SYNC_TIMEOUT });
      await shootTopBar(page, 'problem');

      // Keyboard: the indicator opens the details dialog.
      await problemIndicator.focus();
      await page.keyboard.press('Enter');
      const details = page.getByRole('dialog', { name: 'Sync details' });
      await details.waitFor();
      await details.getByRole('heading', { name: 'Sync problems (1)' }).waitFor();
      await details.getByText(/The server refused this change: .*e2e_no_refused_companies/).waitFor();
      await details.getByRole('row', { name: /^Leads Needs attention/ }).waitFor();
      await page.screenshot({ path: '/tmp/sync-problems-dialog.png' });
      await expect(checkA11y(page)).resolves.toEqual([]);

      await details.getByRole('button', { name: 'Retry sending Refused Widgets plc' }).click();
      await details.getByText('The server refused the change again.', { exact: false }).waitFor();
      await details.getByRole('button', { name: 'Discard Refused Widgets plc' }).click();
      await details.getByRole('button', { name: 'Discard my version' }).click();
      await details.getByRole('heading', { name: 'Sync problems (0)' }).waitFor();
      await page.keyboard.press('Escape');
      await details.waitFor({ state: 'detached' });
      await indicator(page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });
      await expect(rowFor(page, 'Refused Widgets plc').count()).resolves.toBe(0);
      await expect(serverLead('Refused Widgets plc')).resolves.toBeUndefined();

      // Unsent changes: signing out asks first; staying keeps everything.
      await context.setOffline(true);
      await createLead(page, 'Pending Works GmbH');
      await indicator(page, /^Sync: offline, 1 change waiting$/).waitFor();
      await page.getByRole('button', { name: 'Account' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      const warning = page.getByRole('dialog', { name: 'Sign out with changes not sent?' });
      await warning.getByText('1 change made on this device has not reached the server yet.', { exact: false }).waitFor();
      await expect(checkA11y(page)).resolves.toEqual([]);
      await warning.getByRole('button', { name: 'Stay signed in' }).click();
      await warning.waitFor({ state: 'detached' });
      await page.getByRole('navigation', { name: 'Main' }).waitFor();

      await context.setOffline(false);
      await indicator(page, upToDate).waitFor({ timeout: SYNC_TIMEOUT });
      await expect.poll(() => serverLead('Pending Works GmbH'), { timeout: SYNC_TIMEOUT }).toBeDefined();
      // Nothing waiting: signing out needs no confirmation.
      await page.getByRole('button', { name: 'Account' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Partner Workstation' }).waitFor();
      expect(realProblems(problems)).toEqual([]);
      await context.close();
    } finally {
      await harness.backend.ctx.engine.exec('alter table public.leads drop constraint if exists e2e_no_refused_companies;');
    }
  });
});
