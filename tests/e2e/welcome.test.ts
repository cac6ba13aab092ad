/**
 * The workspace gate in a real browser: Welcome when nothing is open, the demo workspace opening,
 * reopening at once after a reload, and closing from the account menu by keyboard. Account sign-in
 * and sync are covered in sync.test.ts.
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

const welcomeHeading = () => page.getByRole('heading', { level: 1, name: 'Partner Workstation' });
const demoButton = () => page.getByRole('button', { name: 'Open demo workspace' });

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', locale: 'en-GB' });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterEach(async () => {
  await context.close();
});

describe('welcome and the workspace gate', () => {
  it('shows Welcome with SISO branding, the demo offer and the sign-in form', async () => {
    await page.goto(server.url);
    await welcomeHeading().waitFor();
    await expect(page.title()).resolves.toBe('Welcome · SISO Partner Workstation');
    await expect(page.getByRole('main').innerText()).resolves.toContain('SISO');
    await page.getByText('Explore with demo data — nothing is sent anywhere').waitFor();
    // The demo button is described by that promise.
    const description = await demoButton().evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    expect(description).toContain('nothing is sent anywhere');
    // Account sign-in is wired: the form is offered, prefilled with the configured server.
    await page.getByRole('textbox', { name: 'Email' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Server address' }).inputValue()).resolves.toBe('http://127.0.0.1:54321');
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await page.screenshot({ path: '/tmp/welcome.png' });
    expect(problems).toEqual([]);
  });

  it('opens the demo workspace, reopens it at once after a reload, and closes it from the account menu', async () => {
    await page.goto(server.url);
    await demoButton().click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect(page.getByTestId('workspace-name').innerText()).resolves.toBe('Demo workspace');

    await page.reload();
    const started = Date.now();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(demoButton().count()).resolves.toBe(0);
    await expect(page.getByTestId('workspace-name').innerText()).resolves.toBe('Demo workspace');

    // Keyboard only: focus the menu button, open with Enter, the item takes focus, Enter closes the workspace.
    const accountButton = page.getByRole('button', { name: 'Account' });
    await accountButton.focus();
    await expect(accountButton.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: 'Close workspace' });
    await item.waitFor();
    await expect(accountButton.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes the menu and returns focus to its button.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu').count()).resolves.toBe(0);
    await expect(accountButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await welcomeHeading().waitFor();

    // Closed on purpose: a reload stays on Welcome.
    await page.reload();
    await welcomeHeading().waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps the demo data between openings', async () => {
    await page.goto(`${server.url}#/leads`);
    await demoButton().click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    // The list renders after the local query answers: wait for a data row, not only the heading.
    const dataRows = page.getByRole('table').getByRole('row');
    await dataRows.nth(1).waitFor();
    const rows = await dataRows.count();
    expect(rows).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Close workspace' }).click();
    await demoButton().click();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await dataRows.nth(rows - 1).waitFor();
    await expect(dataRows.count()).resolves.toBe(rows);
  });

  it('has no serious or critical accessibility violations on Welcome, in either theme', async () => {
    const found: Record<string, unknown> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(server.url);
      await welcomeHeading().waitFor();
      const violations = await checkA11y(page);
      if (violations.length > 0) found[colorScheme] = violations;
    }
    expect(found).toEqual({});
  });
});
