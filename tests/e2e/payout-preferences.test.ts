/**
 * Payout preferences end to end against the production build and a fresh seeded backend: a
 * Performer's withdrawal dialog offers only the account currency and names the tier that unlocks
 * more; the "Pay my available balance automatically" switch names the tier's schedule, reaches the
 * server online and is disabled with the reason offline; an admin's "Create scheduled payouts"
 * says how many it created, matching the rows the server made. In the demo workspace the switch is
 * disabled and says it needs a SISO account.
 */
import { describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
const performer = seedUsers.performer;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT });

async function serverPayoutAutomatic(): Promise<boolean> {
  const { data, error } = await harness.backend.serviceClient().from('profiles').select('payout_automatic').eq('id', performer.id).single();
  if (error) throw new Error(`profiles: ${error.message}`);
  return (data as { payout_automatic: boolean }).payout_automatic;
}

async function payoutCount(): Promise<number> {
  const { count, error } = await harness.backend.serviceClient().from('payouts').select('id', { count: 'exact', head: true });
  if (error) throw new Error(`payouts: ${error.message}`);
  return count ?? 0;
}

describe('payout preferences', () => {
  it('limits a Performer to the account currency, switches automatic withdrawals online only, and lets an admin create the scheduled payouts', async () => {
    const partner = await harness.newWindow();
    const { page } = partner;
    await harness.signIn(page, 'performer');
    await page.goto(new URL('#/commissions', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Commission center' }).waitFor();

    await page.getByRole('button', { name: 'Request withdrawal' }).click();
    const request = page.getByRole('dialog', { name: 'Request withdrawal' });
    const currency = request.getByRole('combobox', { name: 'Currency' });
    await expect(currency.locator('option').allTextContents()).resolves.toEqual(['GBP']);
    await expect(currency.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).textContent())).resolves.toContain(
      'Withdrawals in other currencies than your account currency (GBP) come with the Elite tier.',
    );
    await request.getByRole('button', { name: 'Cancel' }).click();

    const automatic = page.getByRole('checkbox', { name: 'Pay my available balance automatically' });
    await expect(automatic.isChecked()).resolves.toBe(false);
    await expect(automatic.getAttribute('aria-describedby').then((ids) => page.locator(`[id="${ids!.split(' ')[0]}"]`).textContent())).resolves.toContain(
      'On Performer, SISO pays your available balance every week',
    );
    await automatic.check();
    await page.getByRole('status').filter({ hasText: 'Automatic withdrawals are on.' }).waitFor();
    await expect(serverPayoutAutomatic()).resolves.toBe(true);

    await partner.context.setOffline(true);
    await page.getByText('You are offline. This setting is kept by SISO’s server', { exact: false }).waitFor();
    await expect(automatic.isDisabled()).resolves.toBe(true);
    await expect(automatic.isChecked()).resolves.toBe(true);
    expect(await checkA11y(page)).toEqual([]);
    await partner.context.setOffline(false);

    // Elite is paid in real time, so with a payout method, the switch on and a balance it is due.
    const elite = (await harness.backend.signIn('elite')).client;
    expect((await elite.rpc('set_payout_method', { kind: 'bank', account_holder: 'Elite Partner Ltd', iban: 'GB82 WEST 1234 5698 7654 32' })).error).toBeNull();
    expect((await elite.rpc('set_payout_schedule', { automatic: true })).error).toBeNull();
    const { client: adminClient } = await harness.backend.signIn('admin');
    expect((await adminClient.rpc('admin_record_commission', { target_partner: seedUsers.elite.id, commission_type: 'bonus', amount: 240, currency: 'EUR', reason: 'E2E: scheduled payout' })).error).toBeNull();

    const admin = await harness.newWindow();
    await harness.signIn(admin.page, 'admin');
    await admin.page.goto(new URL('#/admin?tab=payouts', harness.appUrl).href);
    await admin.page.getByRole('table', { name: 'Payout requests' }).waitFor();
    const before = await payoutCount();
    await admin.page.getByRole('button', { name: 'Create scheduled payouts' }).click();
    const created = admin.page.getByRole('status').filter({ hasText: /^Created \d+ scheduled payouts? for partners paid automatically/ });
    await created.waitFor();
    const count = Number(/^Created (\d+)/.exec((await created.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await expect(payoutCount()).resolves.toBe(before + count);

    await admin.page.getByRole('button', { name: 'Create scheduled payouts' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'No scheduled payouts were due' }).waitFor();

    expect(realProblems(partner.problems)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  });

  it('explains in the demo workspace that automatic withdrawals need a SISO account', async () => {
    const { context, page, problems } = await harness.newWindow();
    await context.addInitScript(() => window.localStorage?.setItem('siso.last-workspace.v1', JSON.stringify({ kind: 'demo' })));
    await page.goto(new URL('#/commissions', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Commission center' }).waitFor();
    const automatic = page.getByRole('checkbox', { name: 'Pay my available balance automatically' });
    await expect(automatic.isDisabled()).resolves.toBe(true);
    const reasonId = (await automatic.getAttribute('aria-describedby'))?.split(' ')[1];
    await expect(page.locator(`[id="${reasonId}"]`).textContent()).resolves.toContain('needs a SISO account');
    expect(realProblems(problems)).toEqual([]);
  });
});
