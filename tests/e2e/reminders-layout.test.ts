/**
 * Reminders for a real seeded account (active@siso.test, whose leads have next actions already
 * due), in a real browser at 1280×720 against the production build and a fresh local backend:
 * the top bar says how many are due and covers nothing, so every control of every partner screen
 * stays clickable; the panel opens and closes by keyboard and by a click elsewhere; Snooze (a
 * picked time must lie ahead; 1 hour) and Dismiss hide a reminder without completing it and
 * survive a reload, Done completes it, and a snooze that ends brings it back with an
 * announcement. axe finds nothing serious in either theme. Screenshots at 1280×720 and 1920×1080
 * go to /tmp/shots-reminders/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_REMINDER_STATE, nextActionReminders, remindersDueNow, type Reminder } from '../../sync/domain/reminders';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

const SHOTS = '/tmp/shots-reminders';
const SYNC_TIMEOUT = 45_000;
// The seeded profiles' time zone; the browser uses it too, so typed times mean the same to both.
const TIME_ZONE = 'Europe/London';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** The active partner's reminders due when the test starts, earliest first (as the panel lists them). */
let due: Reminder[];

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });

  const { client } = await backend.signIn('active');
  const { data, error } = await client.from('leads').select('id, company, next_action, next_action_at').eq('_deleted', false);
  if (error) throw new Error(`leads as active: ${error.message}`);
  due = remindersDueNow(nextActionReminders(data as { id: string; company: string; next_action: string | null; next_action_at: string | null }[]), EMPTY_REMINDER_STATE, new Date());

  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB', timezoneId: TIME_ZONE });
  page = await context.newPage();
  problems = collectPageProblems(page);
  await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'active', { awaitSync: SYNC_TIMEOUT });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
});

const dueLabel = (count: number) => (count === 0 ? 'No reminders due' : count === 1 ? '1 reminder due' : `${count} reminders due`);
const remindersButton = (count: number) => page.getByRole('banner').getByRole('button', { name: dueLabel(count), exact: true });
const panel = () => page.getByRole('dialog', { name: 'Reminders due' });
const announcements = () => page.getByRole('log', { name: 'Reminder announcements' });
const item = (company: string) => panel().getByRole('listitem').filter({ has: page.getByText(company, { exact: true }) });

async function openPanel(count: number): Promise<void> {
  await remindersButton(count).click();
  await panel().waitFor();
}

async function open(hash: string, heading: string): Promise<void> {
  await page.goto(new URL(hash, server.url).href);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByText(/^Loading your/).waitFor({ state: 'detached' });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/**
 * Every visible, enabled button and link in the top bar and the page: a trial click fails when
 * another element (a reminder, a panel) would receive the click instead.
 */
async function blockedControls(): Promise<string[]> {
  const blocked: string[] = [];
  const controls = page.locator('header button, header a[href], main button, main a[href], main [role="tab"]');
  const count = await controls.count();
  for (let index = 0; index < count; index += 1) {
    const control = controls.nth(index);
    if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
    try {
      await control.click({ trial: true, timeout: 2_000 });
    } catch {
      blocked.push((await control.getAttribute('aria-label')) ?? (await control.innerText()).trim());
    }
  }
  return blocked;
}

/** Points of the element that another element covers (hit-testing corners and centre). */
async function coveredPoints(locator: Locator): Promise<number> {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    // 6 px in from each corner: inside the cards' 14 px rounded corners, which hit-testing honours.
    const inset = 6;
    const points: [number, number][] = [
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ];
    return points.filter(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return !hit || !element.contains(hit);
    }).length;
  });
}

const SCREENS: { hash: string; heading: string; primary: string[] }[] = [
  { hash: '#/', heading: 'Dashboard', primary: [] },
  { hash: '#/leads', heading: 'Leads', primary: ['Export CSV', 'Board', 'List', 'New lead'] },
  { hash: '#/referrals', heading: 'Referral links', primary: [] },
  { hash: '#/proposals', heading: 'Proposals', primary: [] },
  { hash: '#/marketing-center', heading: 'Marketing center', primary: [] },
  { hash: '#/brand-kit', heading: 'Brand kit', primary: [] },
  { hash: '#/tiers', heading: 'Tier progress', primary: [] },
  { hash: '#/settings', heading: 'Settings', primary: [] },
];

describe('reminders due, at 1280×720', () => {
  it('has reminders due for the seeded account (what the rest of this file needs)', async () => {
    expect(due.length).toBeGreaterThanOrEqual(3);
    await remindersButton(due.length).waitFor();
    await expect.poll(() => announcements().innerText()).toContain('due');
    await page.screenshot({ path: `${SHOTS}/signed-in-1280x720.png` });
  });

  it('keeps every control of every partner screen clickable while reminders are due', async () => {
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await open(screen.hash, screen.heading);
      await remindersButton(due.length).waitFor();
      for (const name of screen.primary) {
        await page.getByRole('main').getByRole('button', { name, exact: true }).click({ trial: true, timeout: 5_000 });
      }
      const blocked = await blockedControls();
      if (blocked.length > 0) found[screen.heading] = blocked;
    }
    expect(found).toEqual({});

    await open('#/', 'Dashboard');
    await expect(coveredPoints(page.getByTestId('stat-conversion'))).resolves.toBe(0);
    // The check does notice a covering element: the open panel reaches over the card's right edge.
    await openPanel(due.length);
    await expect(coveredPoints(page.getByTestId('stat-conversion'))).resolves.toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    expect(realProblems(problems)).toEqual([]);
  });

  it('lists what is due in a panel that the keyboard and a click elsewhere close', async () => {
    await open('#/leads', 'Leads');
    const button = remindersButton(due.length);
    await button.focus();
    await page.keyboard.press('Enter');
    await panel().waitFor();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(isFocused(panel().getByRole('heading', { name: 'Reminders due' }))).resolves.toBe(true);
    const companies = await panel().getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('p')?.textContent ?? ''));
    expect(companies).toEqual(due.map((reminder) => reminder.company));
    const first = item(due[0]!.company);
    await expect(first.innerText()).resolves.toContain(due[0]!.action);
    await expect(first.getByRole('link', { name: 'Open lead' }).getAttribute('href')).resolves.toBe(`#/leads/${due[0]!.leadId}`);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await panel().waitFor({ state: 'detached' });
    await expect(isFocused(button)).resolves.toBe(true);

    await openPanel(due.length);
    // A point left of the panel, on the page heading.
    await page.getByRole('heading', { level: 1, name: 'Leads' }).click({ position: { x: 8, y: 8 } });
    await panel().waitFor({ state: 'detached' });
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  it('takes screenshots with reminders due and the panel open, at 1280×720 and 1920×1080', async () => {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      for (const [hash, heading, name] of [
        ['#/', 'Dashboard', 'dashboard'],
        ['#/leads', 'Leads', 'leads'],
      ] as const) {
        await open(hash, heading);
        await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png` });
        await openPanel(due.length);
        await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}-panel.png` });
        await page.keyboard.press('Escape');
        await panel().waitFor({ state: 'detached' });
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('has no serious or critical accessibility violations, panel closed and open, in either theme', async () => {
    const found: Record<string, unknown> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await open('#/leads', 'Leads');
      let violations = await checkA11y(page);
      if (violations.length > 0) found[`${colorScheme} closed`] = violations;
      await openPanel(due.length);
      await item(due[0]!.company).getByRole('button', { name: 'Snooze', exact: true }).click();
      violations = await checkA11y(page);
      if (violations.length > 0) found[`${colorScheme} open`] = violations;
      if (colorScheme === 'dark') await page.screenshot({ path: `${SHOTS}/leads-1280x720-panel-dark.png` });
      await page.keyboard.press('Escape');
      await panel().waitFor({ state: 'detached' });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual({});
  });

  it('snoozes: a picked time must lie ahead; 1 hour takes it out of the due count, also after a reload', async () => {
    const [first] = due as [Reminder];
    await open('#/leads', 'Leads');
    await openPanel(due.length);
    const reminder = item(first.company);
    await reminder.getByRole('button', { name: 'Snooze', exact: true }).click();
    const picker = reminder.getByLabel('Or pick a time');
    await picker.fill('2020-01-01T09:00');
    await reminder.getByRole('button', { name: 'Snooze until then' }).click();
    await reminder.getByText('That time has already passed. Choose a time later than now.').waitFor();
    await expect(picker.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(isFocused(picker)).resolves.toBe(true);

    await reminder.getByRole('button', { name: 'For 1 hour' }).click();
    await reminder.waitFor({ state: 'detached' });
    await panel().getByText(`${first.company} snoozed until`).waitFor();
    await remindersButton(due.length - 1).waitFor();
    // Focus stays in the panel after the item leaves it.
    await expect(isFocused(panel().getByRole('heading', { name: 'Reminders due' }))).resolves.toBe(true);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
    await remindersButton(due.length - 1).waitFor();
    await openPanel(due.length - 1);
    await item(due[1]!.company).waitFor();
    await expect(item(first.company).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    expect(realProblems(problems)).toEqual([]);
  });

  it('dismisses without completing: the lead keeps its next action, and it stays hidden after a reload', async () => {
    const second = due[1]!;
    await open('#/leads', 'Leads');
    await openPanel(due.length - 1);
    await item(second.company).getByRole('button', { name: 'Dismiss' }).click();
    await item(second.company).waitFor({ state: 'detached' });
    await remindersButton(due.length - 2).waitFor();

    await open(`#/leads/${second.leadId}`, second.company);
    await expect.poll(() => page.getByTestId('next-action-current').innerText()).toContain(second.action);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: second.company }).waitFor();
    await remindersButton(due.length - 2).waitFor();
    expect(realProblems(problems)).toEqual([]);
  });

  it('Done completes the next action and logs it on the timeline', async () => {
    const third = due[2]!;
    await open(`#/leads/${third.leadId}`, third.company);
    await openPanel(due.length - 2);
    await item(third.company).getByRole('button', { name: 'Done' }).click();
    await item(third.company).waitFor({ state: 'detached' });
    await remindersButton(due.length - 3).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('next-action-current').innerText()).toBe('No next action is set.');
    await page.getByRole('list', { name: 'Activities, newest first' }).getByText(`Done: ${third.action}`).waitFor();
    expect(realProblems(problems)).toEqual([]);
  });

  it('brings a snoozed reminder back when the snooze ends, with an announcement', async () => {
    const [first] = due as [Reminder];
    await page.clock.install();
    // The fake clock drives timers set from now on: reload so the scheduler's timer is one of them.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await remindersButton(due.length - 3).waitFor();
    await page.clock.fastForward('01:01:00');
    await remindersButton(due.length - 2).waitFor();
    await expect.poll(() => announcements().innerText()).toContain(`Reminder due: ${first.company}.`);
    await openPanel(due.length - 2);
    await item(first.company).waitFor();
    expect(realProblems(problems)).toEqual([]);
  });
});
