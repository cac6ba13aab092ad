/**
 * The Analytics page in a real browser against the production build and a fresh seeded backend:
 * a Starter sees basic metrics for the period with the previous period, and the Active and
 * Performer sections locked naming their tier; an Active partner sees the charts and the program
 * comparison from the published aggregate of their tier; a Performer sees cohorts and the forecast
 * with a range and the method in words. axe finds nothing serious.
 * Screenshots (1280×720, Performer): resources/screenshots/analytics.png (top), /tmp/analytics-forecast.png; Active: /tmp/analytics-active.png, /tmp/analytics-active-program.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import type { SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const harness = useAccountsHarness({ viewport: { width: 1280, height: 720 } });

async function openAnalytics(account: SeedAccount): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await harness.newWindow();
  await harness.signIn(page, account);
  await harness.open(page, '#/analytics');
  await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Basic metrics' }).waitFor();
  return { page, problems };
}

describe('analytics', () => {
  it('shows a Starter basic metrics with the previous period, and names the tiers that unlock the rest', async () => {
    const { page, problems } = await openAnalytics('starter');
    const basic = page.getByRole('region', { name: 'Basic metrics' });
    for (const term of ['Referrals sent', 'Leads', 'Conversions', 'Conversion rate', 'Earnings']) {
      await expect(basic.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).count()).resolves.toBe(1);
    }
    await expect(basic.getByText(/compared with/).textContent()).resolves.toMatch(/^\d{4}-\d{2}-01 to .*, compared with \d{4}-\d{2}-01 to /);

    const charts = page.getByRole('region', { name: 'Performance charts and program comparison (Locked)' });
    await expect(charts.getByText('Unlocks at the Active tier.').count()).resolves.toBe(1);
    const advanced = page.getByRole('region', { name: 'Cohorts and forecast (Locked)' });
    await expect(advanced.getByText('Unlocks at the Performer tier.').count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Trends', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Forecast', exact: true }).count()).resolves.toBe(0);

    // Another period recomputes against its own previous period.
    await page.getByRole('combobox', { name: 'Period' }).selectOption('year');
    await expect(basic.getByText(/compared with/).textContent()).resolves.toMatch(/^\d{4}-01-01 to \d{4}-12-31, compared with \d{4}-01-01 to \d{4}-12-31\.$/);
    expect(realProblems(problems)).toEqual([]);
  });

  it('shows an Active partner the charts and the program comparison for their tier', async () => {
    const { page, problems } = await openAnalytics('active');
    await page.getByRole('heading', { level: 2, name: 'Trends' }).waitFor();
    await expect(page.getByRole('img', { name: /^Leads and conversions per week/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Leads created in the period, by furthest stage reached/ }).count()).resolves.toBe(1);
    const program = page.getByRole('region', { name: 'Compared with the program' });
    const table = program.getByRole('table', { name: /against Active partners$/ });
    await table.waitFor();
    const leadsRow = table.getByRole('row', { name: /^Leads / });
    await expect(leadsRow.getByRole('cell').count()).resolves.toBe(4);
    await expect(program.getByText(/never another partner’s own numbers/).count()).resolves.toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Trends' }).scrollIntoViewIfNeeded();
    // The plots are drawn once recharts' lazy chunk has loaded; the text alternatives are there before.
    await page.locator('.recharts-surface').first().waitFor();
    await page.screenshot({ path: '/tmp/analytics-active.png' });
    await program.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/analytics-active-program.png' });
    await expect(page.getByRole('region', { name: 'Cohorts and forecast (Locked)' }).getByText('Unlocks at the Performer tier.').count()).resolves.toBe(1);
    expect(realProblems(problems)).toEqual([]);
  });

  it('shows a Performer cohorts and a forecast with a range and the method', async () => {
    const { page, problems } = await openAnalytics('performer');
    const forecast = page.getByRole('region', { name: 'Forecast' });
    await forecast.waitFor();
    const table = forecast.getByRole('table', { name: /^Expected from your \d+ open leads \(90% range\)$/ });
    for (const days of [30, 60, 90]) {
      await expect(table.getByRole('row', { name: new RegExp(`^${days} days `) }).textContent()).resolves.toMatch(/\(range [\d.]+ to [\d.]+\)/);
    }
    await forecast.getByText('How the forecast is worked out').click();
    await expect(forecast.getByText(/90% interval/).isVisible()).resolves.toBe(true);
    await expect(forecast.getByRole('heading', { level: 3, name: 'Next tier' }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: /^Share of each month’s leads won/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: 'Compared with the program' }).count()).resolves.toBe(1);

    await forecast.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/analytics-forecast.png' });
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'resources/screenshots/analytics.png' });
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
  });
});
