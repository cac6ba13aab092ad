/**
 * Withdrawals end to end, in two browser contexts against the production build and a fresh seeded
 * local backend: a Performer, offline, requests a withdrawal in the Commission center (an amount
 * above the available balance is refused by the form), sees it as Requested in Payout history,
 * reconnects and it reaches the server; an admin approves it under Admin → Payouts and the
 * partner's open Commission center shows Approved without a reload. Then the server's own check:
 * a request that fits the partner's stale local balance but not the server's is refused and shows
 * in Sync problems with the reason. Screenshots: /tmp/commissions-requested.png,
 * /tmp/commissions-approved.png, /tmp/admin-payouts.png, /tmp/commissions-sync-problem.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
/** An admin's decision reaches the partner's open screen within a few seconds. */
const LIVE_MS = 10_000;
const performer = seedUsers.performer;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT });

/** What the server says the performer can withdraw in GBP (partner_available_balance). */
async function serverAvailable(): Promise<number> {
  const { data, error } = await harness.backend.serviceClient().rpc('partner_available_balance', { target_partner: performer.id, balance_currency: 'GBP' });
  if (error) throw new Error(`partner_available_balance: ${error.message}`);
  return Number(data);
}

async function serverPayouts(amount: number): Promise<{ id: string; status: string }[]> {
  const { data, error } = await harness.backend.serviceClient().from('payouts').select('id, status').eq('partner_id', performer.id).eq('amount', amount);
  if (error) throw new Error(`payouts: ${error.message}`);
  return data as { id: string; status: string }[];
}

function money(page: Page, amount: number): Promise<string> {
  return page.evaluate((value) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'GBP' }).format(value), amount);
}

describe('commission center withdrawals with an admin in a second window', () => {
  it('requests offline, syncs, is approved by an admin and shows Approved live; the server refuses more than the balance', async () => {
    const { client: adminClient } = await harness.backend.signIn('admin');
    const partner = await harness.newWindow();
    const { page } = partner;
    await harness.signIn(page, 'performer');
    await page.goto(new URL('#/commissions', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Commission center' }).waitFor();

    // A bonus the partner's app pulls now; later it is reversed while the app is offline, so the
    // app's balance is stale and only the server can refuse.
    const before = await serverAvailable();
    const bonus = await adminClient.rpc('admin_record_commission', {
      target_partner: performer.id, commission_type: 'bonus', amount: 500, currency: 'GBP', reason: 'E2E: a bonus reversed later', deal_name: 'E2E stale bonus',
    });
    expect(bonus.error).toBeNull();
    const bonusId = (bonus.data as { id: string }).id;
    expect(await serverAvailable()).toBeCloseTo(before + 500, 2);
    // Partners cannot record commissions for themselves.
    const { client: performerClient } = await harness.backend.signIn('performer');
    const selfBonus = await performerClient.rpc('admin_record_commission', {
      target_partner: performer.id, commission_type: 'bonus', amount: 1000, currency: 'GBP', reason: 'I deserve it',
    });
    expect(selfBonus.error?.message).toBe('Only SISO admins can record commissions.');

    await page.getByRole('button', { name: 'Request withdrawal' }).click();
    let dialog = page.getByRole('dialog', { name: 'Request withdrawal' });
    // The local balance equals the server's once the bonus has arrived.
    await dialog.getByText(`${await money(page, before + 500)} available`, { exact: false }).waitFor({ timeout: SYNC_TIMEOUT });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Offline: a request above the balance is refused by the form; one within it is kept and listed.
    await partner.context.setOffline(true);
    await page.getByRole('button', { name: 'Request withdrawal' }).click();
    dialog = page.getByRole('dialog', { name: 'Request withdrawal' });
    await dialog.getByRole('combobox', { name: 'Currency' }).selectOption('GBP');
    const tooMuch = Math.round((before + 500 + 100) * 100) / 100;
    await dialog.getByRole('textbox', { name: 'Amount' }).fill(tooMuch.toFixed(2));
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByText(/^You asked to withdraw .* but only .* is available\./).waitFor();
    const requested = 51.37;
    await dialog.getByRole('textbox', { name: 'Amount' }).fill(requested.toFixed(2));
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = page.getByRole('table', { name: 'Payout history' });
    const shown = await money(page, requested);
    const row = history.getByRole('row').filter({ hasText: shown });
    await row.getByText('Requested', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/commissions-requested.png', fullPage: true });
    expect(await serverPayouts(requested)).toEqual([]);

    // Online: it reaches the server as a request.
    await partner.context.setOffline(false);
    await expect.poll(async () => (await serverPayouts(requested)).map((payout) => payout.status), { timeout: SYNC_TIMEOUT }).toEqual(['requested']);

    // The admin approves it in a second window.
    const admin = await harness.newWindow();
    await harness.signIn(admin.page, 'admin');
    await admin.page.goto(new URL('#/admin?tab=payouts', harness.appUrl).href);
    const requests = admin.page.getByRole('table', { name: 'Payout requests' });
    const request = requests.getByRole('row').filter({ has: admin.page.getByRole('rowheader', { name: performer.displayName }) }).filter({ hasText: shown });
    await request.getByRole('button', { name: /^Approve/ }).click();
    await admin.page.getByRole('status').filter({ hasText: `Approved ${shown} for ${performer.displayName}.` }).waitFor({ timeout: 20_000 });
    await request.getByText('Approved', { exact: true }).waitFor();
    await admin.page.screenshot({ path: '/tmp/admin-payouts.png', fullPage: true });
    expect(await checkA11y(admin.page)).toEqual([]);

    // The partner's open Commission center shows it, no reload.
    await row.getByText('Approved', { exact: true }).waitFor({ timeout: LIVE_MS });
    await page.screenshot({ path: '/tmp/commissions-approved.png', fullPage: true });
    expect(await serverPayouts(requested)).toEqual([expect.objectContaining({ status: 'approved' })]);

    // The server's check: offline, the bonus is reversed on the server; the app still counts it.
    await partner.context.setOffline(true);
    const reversed = await adminClient.rpc('admin_adjust_commission', { earning_id: bonusId, reason: 'E2E: reversed while the partner is offline', new_status: 'reversed' });
    expect(reversed.error).toBeNull();
    const serverLeft = await serverAvailable();
    const stale = Math.max(50, Math.round((serverLeft + 100) * 100) / 100);
    expect(stale).toBeGreaterThan(serverLeft);
    await page.getByRole('button', { name: 'Request withdrawal' }).click();
    dialog = page.getByRole('dialog', { name: 'Request withdrawal' });
    await dialog.getByRole('combobox', { name: 'Currency' }).selectOption('GBP');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill(stale.toFixed(2));
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    await partner.context.setOffline(false);

    await page.getByRole('button', { name: /^Sync: 1 problem$/ }).click({ timeout: SYNC_TIMEOUT });
    const details = page.getByRole('dialog', { name: 'Sync details' });
    await details.getByRole('heading', { name: 'Sync problems (1)' }).waitFor();
    await details.getByText(/You asked to withdraw .* GBP but only .* GBP is available/).waitFor();
    await page.screenshot({ path: '/tmp/commissions-sync-problem.png' });
    expect(await serverPayouts(stale)).toEqual([]);

    expect(realProblems(partner.problems)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
  }, 180_000);
});
