/**
 * Onboarding end to end against the production build and a fresh seeded backend: new@siso.test
 * signs in for the first time and is taken to onboarding, fills the profile, reads and accepts the
 * partner agreement, leaves payouts for later (a checklist reminder), ticks a first-week item and
 * finishes; the dashboard keeps the checklist. The server holds the acceptance and the progress,
 * and an admin sees the accepted version and date in the Partners tab.
 */
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { partnerAgreementV1Text } from '../../sync/server/db/seed-onboarding';

const harness = useAccountsHarness({ viewport: { width: 1280, height: 720 } });
const SYNC_MS = 15_000;

describe('onboarding', () => {
  it('takes a new partner from first sign-in to an accepted agreement and a finished onboarding the admin can see', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'new');
    await page.getByRole('heading', { level: 1, name: 'Welcome to SISO' }).waitFor();
    await page.getByRole('progressbar', { name: 'Onboarding progress' }).waitFor();
    // Before accepting, every screen reminds the partner; not on onboarding itself.
    await expect(page.getByRole('region', { name: 'Partner agreement', exact: true }).count()).resolves.toBe(0);
    await page.getByText('As a Starter partner you earn 20%').waitFor();
    await page.getByRole('button', { name: 'Get started' }).click();

    await page.getByRole('heading', { level: 2, name: 'Your profile' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe(seedUsers.new.displayName);
    await page.getByRole('textbox', { name: 'Company' }).fill('Raman Digital');
    await page.getByRole('textbox', { name: 'Country' }).fill('United Kingdom');
    await page.getByRole('textbox', { name: 'Phone' }).fill('not a phone');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('Enter a phone number with digits').waitFor();
    await page.getByRole('textbox', { name: 'Phone' }).fill('+44 20 7946 0999');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await page.getByRole('heading', { level: 2, name: 'Partner agreement' }).waitFor();
    // Progress is on the profile: after quitting (a reload here), onboarding resumes at the first unfinished step.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome to SISO' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Partner agreement' }).waitFor();
    await page.getByRole('button', { name: 'Profile (done)' }).waitFor();
    const text = page.getByRole('region', { name: 'Partner agreement text' });
    await text.getByText(/^2\. Commissions by tier\./).waitFor();
    await expect(text.locator('p').count()).resolves.toBeGreaterThan(5);
    const accept = page.getByRole('button', { name: 'Accept agreement' });
    await expect(accept.isDisabled()).resolves.toBe(true);
    // Offline, acceptance (recorded by the server) waits, and the app says so.
    await page.context().setOffline(true);
    await page.getByText(/^You are offline\. Accepting the partner agreement is recorded by SISO’s server/).waitFor();
    await page.getByRole('checkbox', { name: 'I have read and accept the partner agreement' }).check();
    await expect(accept.isDisabled()).resolves.toBe(true);
    await page.context().setOffline(false);
    await expect.poll(() => accept.isEnabled(), { timeout: SYNC_MS }).toBe(true);
    await page.screenshot({ path: 'resources/screenshots/onboarding.png' });
    await checkA11y(page);
    await accept.click();
    await page.getByRole('status').filter({ hasText: 'You accepted version 1' }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    await page.getByRole('heading', { level: 2, name: 'Payout setup' }).waitFor();
    await page.getByRole('button', { name: 'Later' }).click();

    await page.getByRole('heading', { level: 2, name: 'Your first week' }).waitFor();
    await page.getByRole('checkbox', { name: 'Set up how you are paid' }).waitFor();
    await page.getByRole('checkbox', { name: 'Follow the first referral guide' }).check();
    await page.getByRole('link', { name: /^Open Leads/ }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();

    await page.getByRole('heading', { level: 2, name: 'Finish' }).waitFor();
    await page.getByRole('button', { name: 'Finish onboarding' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const card = page.getByRole('region', { name: 'Your first week' });
    await expect(card.getByRole('checkbox', { name: 'Follow the first referral guide' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Partner agreement', exact: true }).count()).resolves.toBe(0);

    const service = harness.backend.serviceClient();
    await expect
      .poll(
        async () => {
          const { data } = await service
            .from('profiles')
            .select('company, country, phone, agreement_version, onboarding_checklist, onboarding_completed_at')
            .eq('id', seedUsers.new.id)
            .single();
          return data ? { ...data, onboarding_completed_at: data.onboarding_completed_at !== null } : null;
        },
        { timeout: SYNC_MS },
      )
      .toEqual({
        company: 'Raman Digital', country: 'United Kingdom', phone: '+44 20 7946 0999', agreement_version: 1,
        onboarding_checklist: JSON.stringify(['payout-later', 'first-referral-guide']), onboarding_completed_at: true,
      });
    const { data: acceptance } = await service.from('agreement_acceptances').select('version, accepted_at').eq('partner_id', seedUsers.new.id).single();
    expect(acceptance?.version).toBe(1);

    const adminWindow = await harness.newWindow();
    await harness.signIn(adminWindow.page, 'admin');
    await harness.open(adminWindow.page, '#/admin?tab=partners');
    const agreementSection = adminWindow.page.getByRole('region', { name: 'Partner agreement', exact: true });
    const row = agreementSection.getByRole('row', { name: new RegExp(seedUsers.new.displayName) });
    await row.getByRole('cell', { name: 'Version 1', exact: true }).waitFor();
    // The browser context's locale is en-GB: the date the server recorded, as the admin's screen writes it.
    const acceptedOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).format(new Date(String(acceptance?.accepted_at)));
    await row.getByRole('cell', { name: acceptedOn, exact: true }).waitFor();

    // The admin publishes version 2: the partner's open app asks for a new acceptance and says what changed.
    const admin = adminWindow.page;
    await admin.getByRole('textbox', { name: 'Agreement text' }).fill(`${partnerAgreementV1Text}\n\n8. Deal registration. A registered deal is protected for 90 days.`);
    await admin.getByRole('button', { name: 'Publish version 2' }).click();
    await admin.getByText('Say what changed: partners see it when asked to accept again.').waitFor();
    await admin.getByRole('textbox', { name: 'What changed' }).fill('Adds section 8: registered deals are protected for 90 days.');
    await admin.getByRole('button', { name: 'Publish version 2' }).click();
    await row.getByRole('cell', { name: 'Version 1 (asked to accept version 2)' }).waitFor({ timeout: SYNC_MS });

    const notice = page.getByRole('region', { name: 'Partner agreement', exact: true });
    await notice.getByText('SISO updated the partner agreement: review and accept it.').waitFor({ timeout: SYNC_MS });
    await notice.getByRole('link', { name: 'Review the agreement' }).click();
    await page.getByRole('heading', { level: 3, name: 'What changed' }).waitFor();
    await page.getByText('You accepted version 1. Adds section 8: registered deals are protected for 90 days.').waitFor();
    await page.getByRole('region', { name: 'Partner agreement text' }).getByText(/^8\. Deal registration\./).waitFor();
    await page.getByRole('checkbox', { name: 'I have read and accept the partner agreement' }).check();
    await page.getByRole('button', { name: 'Accept agreement' }).click();
    await page.getByRole('status').filter({ hasText: 'You accepted version 2' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await expect.poll(() => notice.count(), { timeout: SYNC_MS }).toBe(0);
    expect(realProblems(problems)).toEqual([]);
    expect(realProblems(adminWindow.problems)).toEqual([]);
  });
});
