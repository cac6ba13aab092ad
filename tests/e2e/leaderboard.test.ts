/**
 * The monthly leaderboard for a real seeded account, in a real browser against the production
 * build and a fresh seeded local backend: the Active partner (opted in by the seed) sees their rank
 * from the published board on the dashboard and in the Commission center, turns the Settings
 * switch off, and is gone from the server's board at once and shown how to opt back in.
 * Screenshots: /tmp/leaderboard-{dashboard,commissions,settings}.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leaderboardBodySchema } from '../../sync/schema/analytics-bodies';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';
import { eventually } from '../fixtures/sync-clients';

const harness = useAccountsHarness({ syncTimeout: 45_000, viewport: { width: 1280, height: 720 } });

async function open(page: Page, hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, harness.appUrl).href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
}

async function serverBoard() {
  const { client } = await harness.backend.signIn('starter');
  const month = new Date().toISOString().slice(0, 7);
  const { data, error } = await client.from('catalog').select('body').eq('slug', `leaderboard-${month}`).single();
  if (error) throw new Error(error.message);
  return leaderboardBodySchema.parse(data.body);
}

describe('leaderboard', () => {
  it('shows the opted-in partner their rank, and opting out in Settings removes them everywhere', async () => {
    const board = await serverBoard();
    const own = board.entries.find((entry) => entry.display_name === seedUsers.active.displayName);
    if (!own) throw new Error('The seed should put the Active partner on the leaderboard');

    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'active');

    await open(page, '#/', 'Dashboard');
    const dashboardRank = page.getByRole('region', { name: 'Leaderboard rank' });
    await dashboardRank.getByText(`#${own.rank}`).waitFor();
    await expect(dashboardRank.textContent()).resolves.toContain(`of ${board.entries.length}`);
    const monthName = await page.evaluate((month) => new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`)), board.month);
    await expect(dashboardRank.textContent()).resolves.toContain(`${own.score === 1 ? '1 deal' : `${own.score} deals`} won in ${monthName}`);
    await page.screenshot({ path: '/tmp/leaderboard-dashboard.png' });

    await open(page, '#/commissions', 'Commission center');
    const commissionRank = page.getByRole('region', { name: 'Leaderboard rank' });
    await commissionRank.getByText(`#${own.rank}`).waitFor();
    await page.screenshot({ path: '/tmp/leaderboard-commissions.png' });

    await open(page, '#/settings', 'Settings');
    const optIn = page.getByRole('switch', { name: 'Show me on the monthly leaderboard' });
    await expect(optIn.isChecked()).resolves.toBe(true);
    await page.getByText(/other partners will see your display name \(Łukasz Żółć\), your tier,\s+your rank and how many deals you won/).waitFor();
    await page.screenshot({ path: '/tmp/leaderboard-settings.png' });
    expect(await checkA11y(page)).toEqual([]);
    await optIn.focus();
    await page.keyboard.press('Space');
    await page.getByRole('switch', { name: 'Show me on the monthly leaderboard', checked: false }).waitFor();

    await eventually(
      async () => !(await serverBoard()).entries.some((entry) => entry.display_name === seedUsers.active.displayName),
      'the server board to drop the partner who opted out',
    );

    await open(page, '#/commissions', 'Commission center');
    await page.getByRole('region', { name: 'Leaderboard rank' }).getByText(/You are not on the leaderboard — opt in under/).waitFor();
    await open(page, '#/', 'Dashboard');
    const optedOut = page.getByRole('region', { name: 'Leaderboard rank' });
    await optedOut.getByText(/You are not on the leaderboard — opt in under/).waitFor();
    await optedOut.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(realProblems(problems)).toEqual([]);
  });
});
