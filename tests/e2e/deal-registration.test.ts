/**
 * Deal registration end to end, in two browser windows against the production build and a fresh
 * seeded local backend: the Active partner registers, offline, a deal for a lead whose website is
 * the domain the Performer partner holds an approved registration for; on reconnecting the
 * server's answer is "Conflict: …" without naming the Performer. Another lead registers as
 * "Pending SISO approval"; the admin, who sees who holds the conflicting domain, approves it under
 * Admin → Deal registrations and the partner's open lead page shows "Approved — protected until …"
 * without a reload. Screenshots: /tmp/deal-registration-conflict.png, /tmp/deal-registration-list.png,
 * /tmp/deal-registration-card.png, /tmp/admin-deal-registrations.png, /tmp/deal-registration-approved.png.
 */
import { describe, expect, it } from 'vitest';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
/** An admin's decision reaches the partner's open screen within a few seconds. */
const LIVE_MS = 10_000;
const active = seedUsers.active;
const performer = seedUsers.performer;
const NORTHWIND_LEAD = seedId('active:lead:2');
const KINGFISHER_LEAD = seedId('active:lead:3');

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT });

async function serverDecidedAt(leadId: string): Promise<string | null> {
  const { data, error } = await harness.backend.serviceClient().from('leads').select('registration_decided_at').eq('id', leadId).single();
  if (error) throw new Error(`leads: ${error.message}`);
  return (data as { registration_decided_at: string | null }).registration_decided_at;
}

async function serverStatus(leadId: string): Promise<string | null> {
  const { data, error } = await harness.backend.serviceClient().from('leads').select('registration_status').eq('id', leadId).single();
  if (error) throw new Error(`leads: ${error.message}`);
  return (data as { registration_status: string | null }).registration_status;
}

describe('deal registration with an admin in a second window', () => {
  it('registers offline, hits a conflict without learning who, and sees another registration approved live', async () => {
    const partner = await harness.newWindow();
    const { page } = partner;
    await harness.signIn(page, 'active');
    await harness.open(page, `#/leads/${NORTHWIND_LEAD}`);
    await page.getByRole('heading', { level: 1, name: 'Northwind Traders' }).waitFor();
    const section = page.getByRole('region', { name: 'Deal registration' });
    await section.getByText('SISO checks northwind-example.com against other partners’ registrations.').waitFor();

    // Offline: the request is kept and says it waits for sync.
    await partner.context.setOffline(true);
    await section.getByRole('button', { name: 'Register deal' }).click();
    await section.getByRole('status').filter({ hasText: 'Registration requested — waiting to sync' }).waitFor();
    expect(await serverStatus(NORTHWIND_LEAD)).toBeNull();

    // Online: the server's answer arrives, naming the domain but not who holds it.
    await partner.context.setOffline(false);
    const conflict = section.getByRole('status').filter({ hasText: /^Conflict: / });
    await conflict.waitFor({ timeout: SYNC_TIMEOUT });
    const conflictText = (await conflict.textContent()) ?? '';
    expect(conflictText).toBe('Conflict: Another partner has already registered a deal with northwind-example.com. Contact SISO if you believe this lead is yours.');
    const pageText = (await page.locator('body').textContent()) ?? '';
    for (const secret of [performer.displayName, performer.email, performer.company]) expect(pageText).not.toContain(secret);
    await section.getByRole('button', { name: 'Register again' }).waitFor();
    // Answered once: the server's stamp on the request does not send it round again.
    const conflictDecidedAt = await serverDecidedAt(NORTHWIND_LEAD);
    expect(conflictDecidedAt).not.toBeNull();
    await page.screenshot({ path: '/tmp/deal-registration-conflict.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    // The list shows the conflict as a badge.
    await harness.open(page, '#/leads');
    const listRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Northwind Traders' }) });
    await listRow.getByText('Registration conflict').waitFor();
    await page.screenshot({ path: '/tmp/deal-registration-list.png' });
    // And on the pipeline board's card.
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Board' }).click();
    const card = page.getByTestId('lead-card').filter({ has: page.getByRole('link', { name: 'Northwind Traders' }) });
    await card.getByText('Registration conflict').waitFor();
    await card.screenshot({ path: '/tmp/deal-registration-card.png' });

    // Another lead registers as pending.
    await harness.open(page, `#/leads/${KINGFISHER_LEAD}`);
    await page.getByRole('heading', { level: 1, name: 'Kingfisher Estates' }).waitFor();
    await section.getByRole('button', { name: 'Register deal' }).click();
    await section.getByRole('status').filter({ hasText: 'Pending SISO approval' }).waitFor({ timeout: SYNC_TIMEOUT });
    expect(await serverStatus(KINGFISHER_LEAD)).toBe('pending');

    // The admin sees both requests, who holds the conflicting domain, and approves the pending one.
    const admin = await harness.newWindow();
    await harness.signIn(admin.page, 'admin');
    await harness.open(admin.page, '#/admin?tab=registrations');
    const requests = admin.page.getByRole('table', { name: 'Registration requests' });
    const conflictRow = requests.getByRole('row').filter({ hasText: 'Northwind Traders' }).filter({ has: admin.page.getByRole('rowheader', { name: new RegExp(active.displayName) }) });
    await conflictRow.getByText(`northwind-example.com: ${performer.displayName} · ${performer.company} (Northwind Traders, approved)`).waitFor({ timeout: 20_000 });
    const pendingRow = requests.getByRole('row').filter({ hasText: 'Kingfisher Estates' });
    await pendingRow.getByRole('button', { name: /^Approve/ }).click();
    await admin.page.getByRole('status').filter({ hasText: `Approved ${active.displayName} · ${active.company}’s registration for Kingfisher Estates, protected until` }).waitFor({ timeout: 20_000 });
    await expect.poll(() => serverStatus(KINGFISHER_LEAD)).toBe('approved');
    await admin.page.getByRole('textbox', { name: 'Protection period (days)' }).waitFor();
    await admin.page.screenshot({ path: '/tmp/admin-deal-registrations.png', fullPage: true });
    expect(await checkA11y(admin.page)).toEqual([]);

    // The partner's open lead page shows the approval, no reload.
    await section.getByRole('status').filter({ hasText: /^Approved — protected until \d{1,2} [A-Z][a-z]{2,3} \d{4}$/ }).waitFor({ timeout: LIVE_MS });
    await page.screenshot({ path: '/tmp/deal-registration-approved.png', fullPage: true });

    expect(await serverDecidedAt(NORTHWIND_LEAD)).toBe(conflictDecidedAt);
    expect(await serverStatus(NORTHWIND_LEAD)).toBe('conflict');
    expect(realProblems(partner.problems)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  }, 180_000);
});
