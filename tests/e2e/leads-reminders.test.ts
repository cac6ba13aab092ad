/**
 * Next-action reminders, automation rules and referral-link attribution in the demo workspace, in
 * a real browser against the production build. The page clock is faked so a reminder due in a few
 * minutes fires without waiting; headless Chromium has no notification permission, so reminders
 * are announced in-app and listed in the top bar's reminders panel.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, collectPageProblems } from '../fixtures/browser';
import { type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

// The demo profile's time zone; the browser uses it too, so typed times mean the same to both.
const TIME_ZONE = 'Europe/London';

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', timezoneId: TIME_ZONE });
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, context, page, problems } = session);
});

async function openLead(id: string, company: string): Promise<void> {
  await page.goto(new URL(`#/leads/${id}`, server.url).href);
  await page.getByRole('heading', { level: 1, name: company }).waitFor();
}

/** "YYYY-MM-DDTHH:mm" in the demo time zone, `offsetMs` from the page's (fake) now. */
async function localTime(offsetMs: number): Promise<string> {
  const now = await page.evaluate(() => Date.now());
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(now + offsetMs))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const remindersButton = (label: string) => page.getByRole('banner').getByRole('button', { name: label, exact: true });
const panel = () => page.getByRole('dialog', { name: 'Reminders due' });
const announcements = () => page.getByRole('log', { name: 'Reminder announcements' });

describe('next-action reminders', () => {
  it('reminds in-app when the next action falls due, and Done clears it and logs a note', async () => {
    await page.clock.install();
    await openLead('demo-lead-02', "O'Brien & Daughters Bakery");
    const action = 'Call Siobhan about the bread order';
    await page.getByRole('textbox', { name: 'What to do next' }).fill(action);
    await page.getByLabel('Remind me at').fill(await localTime(5 * 60_000));
    await page.getByRole('button', { name: 'Save next action' }).click();
    await page.getByText('Next action saved. You will be reminded when it is due.').waitFor();
    await expect.poll(() => page.getByTestId('next-action-current').innerText()).toContain(action);
    await remindersButton('No reminders due').waitFor();

    await page.clock.fastForward('06:00');
    await remindersButton('1 reminder due').click();
    await expect.poll(() => announcements().innerText()).toBe(`Reminder due: O'Brien & Daughters Bakery. ${action}`);
    const reminder = panel().getByRole('listitem').filter({ hasText: "O'Brien & Daughters Bakery" });
    await reminder.waitFor();
    await expect(reminder.innerText()).resolves.toContain(action);
    await expect(reminder.getByRole('link', { name: 'Open lead' }).getAttribute('href')).resolves.toBe('#/leads/demo-lead-02');
    expect(await checkA11y(page)).toEqual([]);

    await reminder.getByRole('button', { name: 'Done' }).click();
    await reminder.waitFor({ state: 'detached' });
    await panel().getByText(`Done: ${action} (O'Brien & Daughters Bakery).`).waitFor();
    await remindersButton('No reminders due').waitFor();
    const timeline = page.getByRole('list', { name: 'Activities, newest first' });
    await timeline.getByText(`Done: ${action}`).waitFor();
    await expect.poll(() => page.getByTestId('next-action-current').innerText()).toBe('No next action is set.');

    // It fired once: more time passing brings nothing back.
    await page.clock.fastForward('10:00');
    await remindersButton('No reminders due').waitFor();
    expect(problems).toEqual([]);
  });

  it('fires a reminder that fell due while the app was closed on the next start, once', async () => {
    await page.clock.install();
    await openLead('demo-lead-04', 'Ivanov Engineering');
    await page.getByRole('textbox', { name: 'What to do next' }).fill('Ask for the site plans');
    await page.getByLabel('Remind me at').fill(await localTime(5 * 60_000));
    await page.getByRole('button', { name: 'Save next action' }).click();
    await page.getByText('Next action saved. You will be reminded when it is due.').waitFor();
    const closedAt = await page.evaluate(() => Date.now());
    await page.close();

    // An hour later the app starts again: the missed reminder shows straight away.
    await context.clock.setSystemTime(closedAt + 60 * 60_000);
    page = await context.newPage();
    problems = collectPageProblems(page);
    await openLead('demo-lead-04', 'Ivanov Engineering');
    await remindersButton('1 reminder due').waitFor();
    await expect.poll(() => announcements().innerText()).toBe('Reminder due: Ivanov Engineering. Ask for the site plans');

    // Started once more, it is not announced again, but stays listed until done, snoozed or dismissed.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ivanov Engineering' }).waitFor();
    await page.getByTestId('next-action-current').getByText('Ask for the site plans', { exact: false }).waitFor();
    await remindersButton('1 reminder due').click();
    await panel().getByRole('listitem').filter({ hasText: 'Ask for the site plans' }).waitFor();
    await page.clock.fastForward('00:05');
    // Give the scheduler's own query time to answer; a repeat would show by then.
    await page.waitForTimeout(1000);
    await expect(announcements().innerText()).resolves.toBe('');
    expect(problems).toEqual([]);
  });

  it('refuses a due time in the past with a message', async () => {
    await openLead('demo-lead-03', 'Aegean Boutique Hotels');
    await page.getByRole('textbox', { name: 'What to do next' }).fill('Send the brochure');
    const due = page.getByLabel('Remind me at');
    await due.fill(await localTime(-60 * 60_000));
    await page.getByRole('button', { name: 'Save next action' }).click();
    await page.getByText('That time has already passed. Choose a due date and time later than now.').waitFor();
    await expect(due.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(due.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // The stored next action is unchanged.
    await expect(page.getByTestId('next-action-current').innerText()).resolves.toContain('Share case study');
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('automation rules and attribution', () => {
  it('shows automation rules as locked for the Active tier, naming the tier that unlocks them', async () => {
    await page.goto(new URL('#/settings', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const locked = page.getByRole('region', { name: 'Automation rules (locked)' });
    await locked.waitFor();
    await expect(locked.innerText()).resolves.toContain('Unlocks at the Performer tier.');
    await expect(page.getByRole('button', { name: 'Add rule' }).count()).resolves.toBe(0);
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the referral link a lead came from', async () => {
    await openLead('demo-lead-07', 'Watanabe Precision Tools');
    const link = page.getByTestId('lead-referral-link');
    await link.waitFor();
    const text = await link.innerText();
    expect(text).toContain('Newsletter footer');
    expect(text).toContain('https://siso.agency/platform');
    expect(await checkA11y(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
