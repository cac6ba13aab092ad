/**
 * Tier progress and the dashboard for real seeded accounts, in a real browser against the
 * production build and a fresh seeded local backend: signed in from Welcome, every figure on the
 * Dashboard and Tier progress pages equals what the tier engine and dashboard stats compute from
 * the rows the partner syncs (fetched here as that partner with supabase-js); a Starter sees what
 * unlocks a locked feature and no dead control; quick actions navigate; an admin's promotion
 * reaches an open Tier progress page live; an Elite partner sees the top tier and the unlocked
 * analytics; axe finds nothing serious. Screenshots: /tmp/tiers-starter.png, /tmp/tiers-elite.png.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeDashboardStats, type EarningRowInput } from '../../sync/domain/dashboard-stats';
import { entitlement, leadFeature, LEAD_FEATURES } from '../../sync/domain/entitlements';
import { computeTierProgress, parseTierRules, type CatalogRowInput, type LeadInput, type PartnerStatusInput, type RequirementProgress, type TierPeriodInput, type TrainingInput } from '../../sync/domain/tiers';
import { screenForPath } from '../../sync/domain/screens';
import { resolveTimeZone } from '../../sync/domain/zoned-time';
import type { Tier } from '../../sync/schema/fields';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { checkA11y } from '../fixtures/browser';
import { type SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT });

// ---------------------------------------------------------------------------------------------
// What the partner's synced rows say the pages should show.

/** Every live row of a table the signed-in partner can read: what the app pulls into its store. */
async function rowsAs<T>(account: SeedAccount, table: string, equal: Record<string, string | boolean> = {}): Promise<T[]> {
  const { client } = await harness.backend.signIn(account);
  let query = client.from(table).select('*').eq('_deleted', false);
  for (const [column, value] of Object.entries(equal)) query = query.eq(column, value);
  const { data, error } = await query;
  if (error) throw new Error(`${table} as ${account}: ${error.message}`);
  return data as unknown as T[];
}

type StatusRow = PartnerStatusInput & { tier: Tier; metrics: Record<string, unknown>; history: TierPeriodInput[] };
type ProfileRow = { timezone: string | null; leaderboard_opt_in: boolean; currency?: string };

async function expectedFor(account: SeedAccount, now = new Date()) {
  const [catalog, statuses, leads, training, profiles, earnings] = await Promise.all([
    rowsAs<CatalogRowInput>(account, 'catalog', { kind: 'tier_rule', published: true }),
    rowsAs<StatusRow>(account, 'partner_status'),
    rowsAs<LeadInput>(account, 'leads'),
    rowsAs<TrainingInput>(account, 'training_progress'),
    rowsAs<ProfileRow>(account, 'profiles'),
    rowsAs<EarningRowInput>(account, 'earnings'),
  ]);
  const status = statuses[0] ?? null;
  const profile = profiles[0] ?? null;
  const timeZone = resolveTimeZone(profile?.timezone, 'UTC');
  const tierRules = parseTierRules(catalog);
  const progress = computeTierProgress({ rules: tierRules.rules, status, leads, training, now, timeZone });
  const stats = computeDashboardStats({ earnings, leads, profile, metrics: status?.metrics ?? null, now, timeZone });
  const gate = (id: string) => entitlement(tierRules.rules, status?.tier ?? null, leadFeature(id));
  return { tierRules, progress, stats, status, gate };
}

/** The requirement's figure as the tiers page writes it ("2 / 3", satisfaction to one decimal). */
function shownValue(item: RequirementProgress): string {
  const format = (value: number) => (item.key === 'satisfaction' ? value.toFixed(1) : String(value));
  return item.current === null ? `not recorded / ${format(item.target)}` : `${format(item.current)} / ${format(item.target)}`;
}

// ---------------------------------------------------------------------------------------------
// The browser side.

async function open(page: Page, hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, harness.appUrl).href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
}

/** "Current tier <badge>" in a tier summary, as read on screen. */
const currentTier = (scope: Locator) => scope.locator('p').filter({ hasText: /^Current tier/ });

async function percentInPage(page: Page, fraction: number): Promise<string> {
  return page.evaluate((value) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(value), fraction);
}

async function moneyInPage(page: Page, amount: number, currency: string): Promise<string> {
  return page.evaluate(
    ([value, code]) => new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(value),
    [amount, currency] as const,
  );
}

/** Every link and button in `scope` leads somewhere in this build or does something: none disabled, no href to nowhere. */
async function expectNoDeadControls(scope: Locator): Promise<void> {
  const links = await scope.getByRole('link').all();
  for (const link of links) {
    const href = (await link.getAttribute('href')) ?? '';
    expect(href, `link "${await link.innerText()}"`).toMatch(/^#\//);
    const path = href.slice(1).split(/[?#]/)[0] ?? '';
    expect(screenForPath(path), `link "${await link.innerText()}" leads to ${path}, a screen of this build`).not.toBeNull();
  }
  for (const button of await scope.getByRole('button').all()) {
    await expect(button.isEnabled(), `button "${await button.innerText()}"`).resolves.toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------

describe('tiers and dashboard for seeded accounts', () => {
  it('starter: figures match the synced rows, locked features say what unlocks them, quick actions navigate, promotion arrives live', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'starter');
    const expected = await expectedFor('starter');
    expect(expected.tierRules.problems, 'the seeded tier rules are readable by the app').toEqual([]);
    const { progress, stats } = expected;
    if (progress.state !== 'progressing') throw new Error(`the starter should be progressing, not ${progress.state}`);
    expect(progress.current.tier).toBe('starter');
    expect(progress.next.tier).toBe('active');

    // Dashboard.
    await open(page, '#/', 'Dashboard');
    const tierCard = page.getByRole('region', { name: 'Tier progress' });
    await expect(currentTier(tierCard).textContent()).resolves.toMatch(/^Current tier\s*Starter$/);
    const ring = tierCard.getByRole('progressbar', { name: 'Progress to the Active tier' });
    await expect(ring.getAttribute('aria-valuenow')).resolves.toBe(String(progress.overallPercent));
    await expect(tierCard.getByTestId('tier-percent').textContent()).resolves.toBe(`${progress.overallPercent}%`);
    await tierCard.getByText(`${progress.current.commission_rate}% commission · ${progress.daysInTier} days in tier`).waitFor();

    const activeLeads = page.getByRole('region', { name: 'Active leads' });
    await expect(activeLeads.textContent()).resolves.toContain(String(stats.activeLeads));
    await expect(activeLeads.textContent()).resolves.toContain(`of ${stats.totalLeads} leads in total`);
    // Conversion rate belongs to the pipeline, which Starter does not have.
    expect(expected.gate(LEAD_FEATURES.pipeline).allowed).toBe(false);
    await expect(page.getByRole('region', { name: 'Conversion rate' }).count()).resolves.toBe(0);

    // Next steps: one per unmet requirement.
    const nextSteps = page.getByRole('region', { name: 'Next steps to Active' });
    for (const item of progress.requirements) {
      await expect(nextSteps.getByText(item.label, { exact: true }).count()).resolves.toBe(item.met ? 0 : 1);
    }

    // Locked: leads by stage unlocks at Active, with what Active still needs; no dead control.
    const stagesLocked = page.getByRole('region', { name: 'Leads by stage (locked)' });
    await stagesLocked.getByText('Unlocks at the Active tier.', { exact: true }).waitFor();
    await stagesLocked.getByText('Still needed for Active:').waitFor();
    for (const item of progress.requirements.filter((requirement) => !requirement.met)) {
      await stagesLocked.getByRole('listitem').filter({ hasText: `${item.label}: ${item.current ?? 'not recorded'} of ${item.target}` }).waitFor();
    }
    await expect(page.getByRole('img', { name: /^Leads by stage\./ }).count()).resolves.toBe(0);
    await expectNoDeadControls(stagesLocked);
    // Analytics: Performer, after Active.
    const sourcesLocked = page.getByRole('region', { name: 'Conversion by lead source (locked)' });
    await sourcesLocked.getByText('Unlocks at the Performer tier.', { exact: true }).waitFor();
    await sourcesLocked.getByText('Reach Active first; Performer comes after it.').waitFor();
    await expectNoDeadControls(sourcesLocked);

    await page.screenshot({ path: '/tmp/tiers-starter-dashboard.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    // The locked chart's link and the next-step quick action go where they say.
    await stagesLocked.getByRole('link', { name: 'See what the next tier needs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tier progress' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/tiers');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const leadsRequirement = progress.requirements.find((item) => item.key === 'referred_leads');
    if (leadsRequirement && !leadsRequirement.met) {
      await nextSteps.getByRole('link', { name: 'Add a lead' }).click();
      await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/leads');
    }

    // Tier progress page.
    await open(page, '#/tiers', 'Tier progress');
    const status = page.getByRole('region', { name: 'Tier status' });
    await expect(currentTier(status).textContent()).resolves.toMatch(/^Current tier\s*Starter$/);
    const bigRing = status.getByRole('progressbar', { name: 'Progress to the Active tier' });
    await expect(bigRing.getAttribute('aria-valuenow')).resolves.toBe(String(progress.overallPercent));
    const met = progress.requirements.filter((item) => item.met).length;
    await expect(bigRing.getAttribute('aria-valuetext')).resolves.toBe(`${progress.overallPercent}%, ${met} of 5 requirements met`);
    await status.getByText(`Next: Active at ${progress.next.commission_rate}% commission`, { exact: false }).waitFor();

    const requirements = page.getByRole('region', { name: 'Requirements for Active' });
    for (const item of progress.requirements) {
      const row = requirements.getByRole('listitem').filter({ hasText: item.label });
      await expect(row.textContent()).resolves.toContain(shownValue(item));
      await expect(row.textContent()).resolves.toContain(item.met ? 'Met:' : 'Not met yet:');
      const bar = row.getByRole('progressbar', { name: item.label });
      await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(String(Math.round(item.completion * 100)));
    }
    await expectNoDeadControls(requirements);
    await page.getByRole('columnheader', { name: 'Starter (your tier)' }).waitFor();
    await page.getByRole('columnheader', { name: 'Active (next)' }).waitFor();
    await page.getByRole('columnheader', { name: 'Elite (top tier)' }).waitFor();
    await page.getByText('Starter tier (current)').waitFor();
    await page.screenshot({ path: '/tmp/tiers-starter.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);

    // Live: the admin promotes the starter to Active while the page is open.
    const { client: admin } = await harness.backend.signIn('admin');
    const promotedAt = new Date().toISOString();
    const history = [
      ...(expected.status?.history ?? []).map((period) =>
        period.to === null ? { ...period, to: promotedAt } : period,
      ),
      { tier: 'active', from: promotedAt, to: null },
    ];
    const { error } = await admin
      .from('partner_status')
      .update({ tier: 'active', tier_since: promotedAt, commission_rate: 22, history })
      .eq('partner_id', seedUsers.starter.id);
    expect(error).toBeNull();

    await expect
      .poll(() => currentTier(status).textContent(), { timeout: SYNC_TIMEOUT })
      .toMatch(/^Current tier\s*Active$/);
    const promoted = await expectedFor('starter');
    if (promoted.progress.state !== 'progressing') throw new Error('an Active partner should be progressing');
    const performerRing = status.getByRole('progressbar', { name: 'Progress to the Performer tier' });
    await expect(performerRing.getAttribute('aria-valuenow')).resolves.toBe(String(promoted.progress.overallPercent));
    await status.getByText('22% commission · 0 days in tier').waitFor();
    await page.getByRole('region', { name: 'Requirements for Performer' }).waitFor();
    await page.getByText('Active tier (current)').waitFor();

    // Still no reload: the Dashboard now has Active's pipeline (conversion rate, leads by stage).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(promoted.gate(LEAD_FEATURES.pipeline).allowed).toBe(true);
    if (promoted.stats.conversionRate === null) throw new Error('the starter has leads');
    const conversion = page.getByRole('region', { name: 'Conversion rate' });
    await conversion.getByText(await percentInPage(page, promoted.stats.conversionRate), { exact: true }).waitFor();
    await conversion.getByText(`${promoted.stats.wonLeads} won of ${promoted.stats.totalLeads}`).waitFor();
    await page.getByRole('img', { name: /^Leads by stage\./ }).waitFor();
    const stillLocked = page.getByRole('region', { name: 'Conversion by lead source (locked)' });
    await stillLocked.getByText('Unlocks at the Performer tier.', { exact: true }).waitFor();
    await stillLocked.getByText('Still needed for Performer:').waitFor();
    expect(realProblems(problems)).toEqual([]);
  });

  it('elite: the top tier with no next tier, and the richer analytics unlocked on the dashboard', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'elite');
    const { progress, stats, tierRules, gate } = await expectedFor('elite');
    expect(tierRules.problems, 'the seeded tier rules are readable by the app').toEqual([]);
    if (progress.state !== 'top') throw new Error(`the elite partner should hold the top tier, not ${progress.state}`);

    await open(page, '#/tiers', 'Tier progress');
    const status = page.getByRole('region', { name: 'Tier status' });
    await expect(currentTier(status).textContent()).resolves.toMatch(/^Current tier\s*Elite$/);
    const ring = status.getByRole('progressbar', { name: 'Elite is the highest tier' });
    await expect(ring.getAttribute('aria-valuenow')).resolves.toBe('100');
    await expect(ring.getAttribute('aria-valuetext')).resolves.toBe('100%, highest tier reached');
    await status.getByText('You hold the highest tier. There is no next tier.').waitFor();
    await status.getByText(`${progress.current.commission_rate}% commission · ${progress.daysInTier} days in tier`).waitFor();
    await expect(page.getByRole('region', { name: /^Requirements for/ }).count()).resolves.toBe(0);
    await expect(page.getByText(/^Time to /).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/tiers-elite.png', fullPage: true });
    await page.getByRole('columnheader', { name: 'Elite (your tier)' }).waitFor();
    // Only Elite is the top tier; the tier below it must not be labelled so.
    await expect(page.getByRole('columnheader', { name: /^(Starter|Active|Performer) \(top tier\)$/ }).count()).resolves.toBe(0);
    expect(await checkA11y(page)).toEqual([]);

    await open(page, '#/', 'Dashboard');
    const tierCard = page.getByRole('region', { name: 'Tier progress' });
    await expect(tierCard.getByTestId('tier-percent').textContent()).resolves.toBe('100%');
    await page.getByRole('region', { name: 'Next steps' }).getByText('You hold the highest tier. Nothing is needed to move up.').waitFor();
    const activeLeads = page.getByRole('region', { name: 'Active leads' });
    await expect(activeLeads.textContent()).resolves.toContain(`of ${stats.totalLeads} leads in total`);
    await expect(activeLeads.getByText(String(stats.activeLeads), { exact: true }).count()).resolves.toBe(1);
    const earned = (await page.getByRole('region', { name: 'Earned this month' }).textContent()) ?? '';
    const pending = (await page.getByRole('region', { name: 'Pending commission' }).textContent()) ?? '';
    const paid = (await page.getByRole('region', { name: 'Commission paid' }).textContent()) ?? '';
    for (const row of stats.earnings) {
      if (row.earnedThisMonth !== 0) expect(earned).toContain(await moneyInPage(page, row.earnedThisMonth, row.currency));
      if (row.pending !== 0) expect(pending).toContain(await moneyInPage(page, row.pending, row.currency));
      if (row.paid !== 0) expect(paid).toContain(await moneyInPage(page, row.paid, row.currency));
    }
    expect(gate(LEAD_FEATURES.pipeline).allowed).toBe(true);
    expect(gate(LEAD_FEATURES.analytics).allowed).toBe(true);
    if (stats.conversionRate === null) throw new Error('the elite partner has leads');
    const conversion = page.getByRole('region', { name: 'Conversion rate' });
    await conversion.getByText(await percentInPage(page, stats.conversionRate), { exact: true }).waitFor();
    await conversion.getByText(`${stats.wonLeads} won of ${stats.totalLeads}`).waitFor();

    await expect(page.getByTestId('locked-feature').count()).resolves.toBe(0);
    await page.getByRole('img', { name: /^Leads by stage\./ }).waitFor();
    const sources = page.getByRole('img', { name: /^Conversion by lead source \(won ÷ leads\)\./ });
    const top = stats.leadsBySource[0];
    if (!top) throw new Error('the elite partner has lead sources');
    await expect(sources.getAttribute('aria-label')).resolves.toContain(`(${top.won} of ${top.total} won)`);
    await page.screenshot({ path: '/tmp/tiers-elite-dashboard.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
  });
});
