/**
 * Elite API access in a real browser against the production build and a fresh seeded backend: the
 * Elite partner reaches API access from Settings, creates a token and sees its secret once, uses it
 * from outside the app (exchange, then REST) to read only their own leads, revokes it in the UI, and
 * the next exchange — and the access token minted before — gets 401. A Starter sees the lock.
 * Screenshot (1280×720): /tmp/api-access.png.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const harness = useAccountsHarness({ syncTimeout: 45_000, viewport: { width: 1280, height: 720 } });

async function exchange(secret: string): Promise<{ status: number; accessToken: string | null }> {
  const response = await fetch(`${harness.backend.url}/functions/v1/api-token`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
  const body = (await response.json()) as { access_token?: unknown };
  return { status: response.status, accessToken: typeof body.access_token === 'string' ? body.access_token : null };
}

async function readLeads(accessToken: string): Promise<{ status: number; partnerIds: string[] }> {
  const response = await fetch(`${harness.backend.url}/rest/v1/leads?select=id,partner_id`, {
    headers: { apikey: harness.backend.anonKey, authorization: `Bearer ${accessToken}` },
  });
  const body: unknown = await response.json();
  const partnerIds = Array.isArray(body) ? body.map((row: { partner_id?: unknown }) => String(row.partner_id)) : [];
  return { status: response.status, partnerIds };
}

describe('API access', () => {
  it('lets an Elite partner create a token, use it read-only for their own leads, and revoke it', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'elite');
    const { userId: eliteId } = await harness.backend.signIn('elite');

    await harness.open(page, '#/settings');
    await page.getByRole('link', { name: 'Manage API tokens' }).click();
    await page.getByRole('heading', { name: 'Create a token' }).waitFor();
    await page.getByText('You have no API tokens yet. Create one above.').waitFor();

    await page.getByRole('textbox', { name: 'Token name' }).fill('CRM export');
    await page.getByRole('checkbox', { name: 'Earnings' }).check();
    await page.getByRole('combobox', { name: 'Expires after' }).selectOption({ label: '90 days' });
    await page.getByRole('button', { name: 'Create token' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your new token “CRM export”' });
    await dialog.waitFor();
    await expect(dialog.getByText('it is shown only once').isVisible()).resolves.toBe(true);
    const secret = await dialog.getByRole('textbox', { name: 'Token secret' }).inputValue();
    expect(secret).toMatch(/^siso_pat_[0-9a-f]{40}$/);
    await dialog.getByRole('button', { name: 'Copy token' }).waitFor();
    await page.screenshot({ path: '/tmp/api-access-secret.png' });
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Once closed, the secret is nowhere on the page.
    expect(await page.content()).not.toContain(secret);

    const row = page.getByRole('row', { name: /CRM export/ });
    await row.waitFor();
    await expect(row.getByRole('cell', { name: 'leads, earnings' }).count()).resolves.toBe(1);
    // The documentation shows this server's address.
    await expect(page.getByRole('region', { name: 'Using your token' }).getByText(`${harness.backend.url}/functions/v1/api-token`).count()).resolves.toBe(1);

    const exchanged = await exchange(secret);
    expect(exchanged.status).toBe(200);
    const accessToken = exchanged.accessToken ?? '';
    const leads = await readLeads(accessToken);
    expect(leads.status).toBe(200);
    expect(leads.partnerIds.length).toBeGreaterThan(0);
    expect(new Set(leads.partnerIds)).toEqual(new Set([eliteId]));

    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/api-access.png' });

    await row.getByRole('button', { name: 'Revoke CRM export' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “CRM export”?' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('“CRM export” is revoked').waitFor();
    await row.getByRole('cell', { name: 'Revoked' }).waitFor();

    expect((await exchange(secret)).status).toBe(401);
    expect((await readLeads(accessToken)).status).toBe(401);
    expect(realProblems(problems)).toEqual([]);
  });

  it('shows a Starter what unlocks API access instead of the page', async () => {
    const { page } = await harness.newWindow();
    await harness.signIn(page, 'starter');
    await harness.open(page, '#/api-access');
    const locked = page.getByRole('region', { name: 'API access (locked)' });
    await locked.waitFor();
    await expect(locked.getByText('Elite').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Create token' }).count()).resolves.toBe(0);
    await harness.open(page, '#/settings');
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    await expect(page.getByRole('link', { name: 'Manage API tokens' }).count()).resolves.toBe(0);
  });
});
