/**
 * The dashboard and tier-progress pages in a real browser on the demo workspace: figures checked
 * against the demo data (computed here independently from the same file), a locked feature's
 * gating message, quick actions that navigate, live updates when an admin's change lands in the
 * local store, marking a notification read, the celebration's live announcement, and axe.
 *
 * The pages run in a small test build (tests/e2e/tiers-dashboard-harness) with the app's
 * providers, because the app shell does not route to them yet; screenshots go to /tmp.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { computeDashboardStats } from '../../sync/domain/dashboard-stats';
import { computeTierProgress, parseTierRules } from '../../sync/domain/tiers';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { projectRoot, startStaticServer, type StaticServer } from '../fixtures/web-server';

const harnessRoot = join(projectRoot, 'tests', 'e2e', 'tiers-dashboard-harness');
const outDir = join('/tmp', `siso-tiers-dashboard-e2e-${process.pid}`);
const demoJson: unknown = JSON.parse(readFileSync(join(projectRoot, 'resources', 'demo', 'workspace.json'), 'utf8'));

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

function expected(now = new Date()) {
  const demo = parseDemoWorkspace(demoJson, now).collections;
  const profile = demo.profiles[0] ?? null;
  const timeZone = profile?.timezone ?? 'UTC';
  const rules = parseTierRules(demo.catalog).rules;
  const progress = computeTierProgress({
    rules,
    status: demo.partner_status[0] ?? null,
    leads: demo.leads,
    training: demo.training_progress,
    now,
    timeZone,
  });
  const stats = computeDashboardStats({
    earnings: demo.earnings,
    leads: demo.leads,
    profile,
    metrics: demo.partner_status[0]?.metrics ?? null,
    now,
    timeZone,
  });
  const unread = demo.notifications.filter((item) => !item.read_at).length;
  return { demo, progress, stats, unread };
}

async function open(hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, server.url).href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // The pages render a loading line until every live query has emitted.
  await page.getByText(/^Loading/).waitFor({ state: 'detached' });
}

async function formatMoneyInPage(amount: number, currency: string): Promise<string> {
  return page.evaluate(
    ([value, code]) => new Intl.NumberFormat(undefined, { style: 'currency', currency: code }).format(value),
    [amount, currency] as const,
  );
}

/** Plays an admin publishing new Performer requirements; the change lands in the local store as sync would. */
async function setPerformerLeadsPerMonth(value: number): Promise<void> {
  await page.evaluate(async (leads) => {
    const db = window.__sisoTestDb;
    if (!db) throw new Error('test database missing');
    const rule = await db.catalog.findOne('demo-tier-performer').exec();
    if (!rule) throw new Error('performer rule missing');
    const body = structuredClone(rule.toJSON().body) as { requirements: Record<string, number> };
    body.requirements.referred_leads_per_month = leads;
    await rule.incrementalPatch({ body, version: rule.version + 1 });
  }, value);
}

beforeAll(async () => {
  await build({
    root: harnessRoot,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 5000 },
  });
  server = await startStaticServer({ root: outDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterEach(async () => {
  await context.close();
});

describe('dashboard on the demo workspace', () => {
  it('shows figures that match the data, a locked feature with what unlocks it, and is axe clean', async () => {
    await open('#/dashboard', 'Dashboard');
    const { progress, stats, unread } = expected();
    if (progress.state !== 'progressing') throw new Error('the demo partner should be progressing');

    await expect(page.getByTestId('stat-active-leads').textContent()).resolves.toContain(String(stats.activeLeads));
    await expect(page.getByTestId('stat-active-leads').textContent()).resolves.toContain(`of ${stats.totalLeads} leads`);
    await expect(page.getByTestId('unread-count').textContent()).resolves.toBe(`${unread} unread`);
    await expect(page.getByTestId('tier-percent').textContent()).resolves.toBe(`${progress.overallPercent}%`);
    const ring = page.getByRole('progressbar', { name: 'Progress to the Performer tier' });
    await expect(ring.getAttribute('aria-valuenow')).resolves.toBe(String(progress.overallPercent));

    const earned = (await page.getByTestId('stat-earned').textContent()) ?? '';
    for (const row of stats.earnings.filter((item) => item.earnedThisMonth !== 0)) {
      expect(earned).toContain(await formatMoneyInPage(row.earnedThisMonth, row.currency));
    }
    const pending = (await page.getByTestId('stat-pending').textContent()) ?? '';
    for (const row of stats.earnings.filter((item) => item.pending !== 0)) {
      expect(pending).toContain(await formatMoneyInPage(row.pending, row.currency));
    }

    // Active partners have the pipeline (leads by stage), not Performer's analytics.
    await page.getByRole('img', { name: /^Leads by stage\./ }).waitFor();
    const locked = page.getByRole('region', { name: 'Conversion by lead source (locked)' });
    await expect(locked.textContent()).resolves.toContain('Unlocks at the Performer tier.');
    await locked.getByRole('link', { name: 'See what the next tier needs' }).waitFor();
    await page.getByTestId('stat-rank').getByText('Not available offline', { exact: true }).waitFor();

    await page.screenshot({ path: '/tmp/tiers-dashboard-dashboard.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('marks a notification read in the local store', async () => {
    await open('#/dashboard', 'Dashboard');
    const { unread, demo } = expected();
    const newest = [...demo.notifications].filter((item) => !item.read_at).sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
    if (!newest) throw new Error('the demo has unread notifications');
    await page.getByRole('button', { name: `Mark read: ${newest.title}` }).click();
    await page.getByTestId('unread-count').getByText(`${unread - 1} unread`).waitFor();
    const readAt = await page.evaluate(async (id) => (await window.__sisoTestDb?.notifications.findOne(id).exec())?.read_at ?? null, newest.id);
    expect(readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(problems).toEqual([]);
  });

  it('quick action: the tier card opens the tier progression page', async () => {
    await open('#/dashboard', 'Dashboard');
    await page.getByRole('link', { name: 'View tier progress' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tier progress' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/tiers');
  });
});

describe('tier progression page on the demo workspace', () => {
  it('shows the ring, requirements with progress bars, benefits, history and estimate; axe clean in both themes', async () => {
    await open('#/tiers', 'Tier progress');
    const { progress } = expected();
    if (progress.state !== 'progressing') throw new Error('the demo partner should be progressing');

    const ring = page.getByRole('progressbar', { name: 'Progress to the Performer tier' });
    await expect(ring.getAttribute('aria-valuenow')).resolves.toBe(String(progress.overallPercent));
    await expect(ring.getAttribute('aria-valuemin')).resolves.toBe('0');
    await expect(ring.getAttribute('aria-valuemax')).resolves.toBe('100');
    for (const item of progress.requirements) {
      const bar = page.getByTestId(`requirement-${item.key}`).getByRole('progressbar', { name: item.label });
      await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(String(Math.round(item.completion * 100)));
    }
    const leadsRow = progress.requirements[0];
    await expect(page.getByTestId('requirement-referred_leads').textContent()).resolves.toContain(`${leadsRow?.current} / ${leadsRow?.target}`);
    await page.getByRole('columnheader', { name: /Active \(your tier\)/ }).waitFor();
    await page.getByRole('columnheader', { name: /Elite/ }).waitFor();
    await page.getByText('Active tier (current)').waitFor();
    await page.getByText(/How this is estimated:/).waitFor();

    await page.screenshot({ path: '/tmp/tiers-dashboard-tiers-light.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await page.screenshot({ path: '/tmp/tiers-dashboard-tiers-dark.png', fullPage: true });
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('updates live when an admin changes a tier rule, offers the quick action, and celebrates when it is met again', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    problems = collectPageProblems(page);

    await open('#/tiers', 'Tier progress');
    const before = expected();
    if (before.progress.state !== 'progressing') throw new Error('the demo partner should be progressing');
    const leadsNow = before.progress.requirements[0]?.current ?? 0;

    await setPerformerLeadsPerMonth(leadsNow + 20);
    const leadsItem = page.getByTestId('requirement-referred_leads');
    await leadsItem.getByText(`${leadsNow} / ${leadsNow + 20}`).waitFor();
    await leadsItem.getByText('Refer 20 more leads before the month ends.').waitFor();
    const ring = page.getByRole('progressbar', { name: 'Progress to the Performer tier' });
    await expect(ring.getAttribute('aria-valuenow')).resolves.not.toBe(String(before.progress.overallPercent));

    // The admin relaxes the rule again: the requirement is newly met, announced politely.
    await setPerformerLeadsPerMonth(leadsNow);
    await page.getByTestId('tier-announcer').getByText(/Requirement met: Referred leads this month/).waitFor();
    await leadsItem.getByText('Newly met').waitFor();
    // Reduced motion: no confetti, no glow animation.
    await expect(leadsItem.locator('.confetti').evaluate((node) => getComputedStyle(node).display)).resolves.toBe('none');
    await page.screenshot({ path: '/tmp/tiers-dashboard-celebration.png', fullPage: false });

    // The quick action goes to the leads screen (the route the app has; outside this test build).
    await setPerformerLeadsPerMonth(leadsNow + 20);
    await leadsItem.getByRole('link', { name: 'Add a lead' }).click();
    await page.getByTestId('outside-path').getByText('/leads').waitFor();
    expect(problems).toEqual([]);
  });
});
