/**
 * The renderer shell in a real browser: landmarks and names, keyboard navigation, theme switching,
 * the not-found page, and an axe check of every page in both themes. Runs against the production
 * build in out/renderer, served with a strict CSP. The README screenshot is taken by leads.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

const pages = [
  { path: '#/', heading: 'Dashboard' },
  { path: '#/tiers', heading: 'Tier progress' },
  { path: '#/workspace', heading: 'Workspace' },
  { path: '#/settings', heading: 'Settings' },
  { path: '#/no-such-screen', heading: 'Page not found' },
] as const;

async function open(path: string): Promise<void> {
  await page.goto(new URL(path, server.url).href);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function chooseTheme(label: 'Light' | 'Dark' | 'Match system'): Promise<void> {
  await open('#/settings');
  await page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
}

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await newShellContext('light');
  page = await context.newPage();
  problems = collectPageProblems(page);
});

/** The shell shows once a workspace is open: start as a returning demo user (welcome.test.ts covers Welcome). */
async function newShellContext(colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  await created.addInitScript(() => localStorage.setItem('siso.last-workspace.v1', JSON.stringify({ kind: 'demo' })));
  return created;
}

afterEach(async () => {
  await context.close();
});

describe('app shell', () => {
  it('shows the landmarks, the main navigation and the workspace overview', async () => {
    await open('#/workspace');
    await expect(page.title()).resolves.toBe('Workspace · SISO Partner Workstation');
    await page.getByRole('banner').waitFor();
    await page.getByRole('main').waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links.map((text) => text.trim())).toEqual(['Dashboard', 'Tier progress', 'Leads', 'Clients', 'Commissions', 'Analytics', 'Training', 'Support', 'Community', 'Referral links', 'Marketing center', 'Proposals', 'Brand kit', 'Workspace', 'Settings']);
    await expect(nav.getByRole('link', { name: 'Workspace' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).resolves.toBeNull();

    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Workspace');
    await expect(page.getByTestId('workspace-name').innerText()).resolves.toBe('Demo workspace');
    await expect(page.getByRole('status').innerText()).resolves.toContain('Online');
    expect(await page.getByTestId('app-version').innerText()).toMatch(/^\d+\.\d+\.\d+/);
    expect(problems).toEqual([]);
  });

  it('reports Offline honestly when the network goes away', async () => {
    await open('#/');
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Online' }).waitFor();
  });

  it('is usable with the keyboard: skip link, then links by Tab and Enter', async () => {
    await open('#/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    await expect(skipLink.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    expect(new URL(page.url()).hash).toBe('#/');

    // From the top again: skip link, then the sidebar links Dashboard, Tier progress, Leads, Clients, Commissions, Analytics, Training, Support, Community, Referral links,
    // Marketing center, Proposals, Brand kit, Workspace, Settings.
    await open('#/workspace');
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    for (let i = 0; i < 16; i++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/settings');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    // Focus follows navigation to the new page's heading.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  });

  it('switches to the dark theme and back, and remembers the choice', async () => {
    await open('#/settings');
    const html = page.locator('html');
    await expect(page.getByRole('radio', { name: /^Match system/ }).isChecked()).resolves.toBe(true);
    await expect(html.getAttribute('data-theme')).resolves.toBe('light');

    await page.getByRole('radio', { name: /^Dark/ }).check();
    await expect(html.getAttribute('data-theme')).resolves.toBe('dark');
    await expect(page.getByRole('radio', { name: /^Dark/ }).isChecked()).resolves.toBe(true);
    const darkBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect(html.getAttribute('data-theme')).resolves.toBe('dark');
    await expect(page.getByRole('radio', { name: /^Dark/ }).isChecked()).resolves.toBe(true);

    await page.getByRole('radio', { name: /^Light/ }).check();
    await expect(html.getAttribute('data-theme')).resolves.toBe('light');
    await expect(page.getByRole('radio', { name: /^Light/ }).isChecked()).resolves.toBe(true);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(lightBackground).not.toBe(darkBackground);
  });

  it('follows the system theme when set to Match system', async () => {
    await context.close();
    context = await newShellContext('dark');
    page = await context.newPage();
    await open('#/settings');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('shows the configured server on Settings', async () => {
    await open('#/settings');
    expect(await page.getByTestId('supabase-url').innerText()).toMatch(/^https?:\/\//);
    await page.getByRole('heading', { level: 2, name: 'About' }).waitFor();
  });

  it('shows "Page not found" with a way home for an unknown route', async () => {
    await open('#/no-such-screen');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect(page.getByRole('main').innerText()).resolves.toContain('/no-such-screen');
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
  });

  it('collapses and expands the sidebar without losing link names', async () => {
    await open('#/');
    await page.getByRole('button', { name: 'Collapse sidebar' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).waitFor();
    expect((await nav.boundingBox())?.width).toBeLessThan(100);
    await page.getByRole('button', { name: 'Expand sidebar' }).click();
    expect((await nav.boundingBox())?.width).toBeGreaterThan(200);
  });

  it('has no serious or critical accessibility violations on any page, in either theme', async () => {
    const found: Record<string, unknown> = {};
    for (const theme of ['Light', 'Dark'] as const) {
      await chooseTheme(theme);
      for (const { path, heading } of pages) {
        await open(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        const violations = await checkA11y(page);
        if (violations.length > 0) found[`${theme} ${path}`] = violations;
      }
    }
    expect(found).toEqual({});
  });
});
