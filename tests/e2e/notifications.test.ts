/**
 * The notification center end to end against the production build and a fresh seeded backend: an
 * admin promotes an Active partner whose workstation is open, and the bell's unread count goes up
 * live; the panel lists it under Today and opens the tier page; Mark all read clears the count;
 * on /notifications the partner turns asset news off and sets quiet hours (a bad time is refused
 * with a sentence), and the preferences reach the server; at 1280×720 and 1920×1080 no select cuts off
 * an option.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const harness = useAccountsHarness({ viewport: { width: 1280, height: 720 } });
const LIVE_MS = 15_000;

describe('notification center', () => {
  it('shows an admin’s action live with the unread count, opens it, and keeps the partner’s preferences', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'active');
    const bell = page.getByRole('button', { name: /^Notifications, / });
    await bell.waitFor();
    const before = Number((/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? (await bell.innerText())) ?? [])[1] ?? 0);

    const { client: admin } = await harness.backend.signIn('admin');
    const { userId } = await harness.backend.signIn('active');
    const { error } = await admin.from('partner_status').update({ tier: 'performer', commission_rate: 25 }).eq('partner_id', userId);
    expect(error).toBeNull();
    await page.getByRole('button', { name: `Notifications, ${before + 1} unread` }).waitFor({ timeout: LIVE_MS });

    await page.getByRole('button', { name: `Notifications, ${before + 1} unread` }).click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const today = panel.getByRole('region', { name: 'Today' });
    await today.getByText('You reached Performer').waitFor();
    await page.screenshot({ path: 'resources/screenshots/notifications-panel.png' });
    await checkA11y(page);
    await panel.getByRole('link', { name: 'Open: You reached Performer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tier progress' }).waitFor();
    await expect(panel.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: `Notifications, ${plural(before)}` }).waitFor();

    await page.getByRole('button', { name: /^Notifications, / }).click();
    if (before > 0) {
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    }
    await panel.getByRole('link', { name: 'All notifications and preferences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();

    await page.getByRole('combobox', { name: 'Delivery of new and updated assets' }).selectOption('off');
    await page.getByRole('checkbox', { name: /Hold desktop notifications during quiet hours/ }).check();
    await page.getByRole('textbox', { name: 'From' }).or(page.getByLabel('From')).fill('22:00');
    await page.getByLabel('Until').fill('22:00');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Quiet hours need a different start and end.').waitFor();
    await page.getByLabel('Until').fill('07:30');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Preferences saved. They sync to your other devices.').waitFor();
    await checkA11y(page);
    await page.screenshot({ path: 'resources/screenshots/notifications.png', fullPage: true });

    // Every select (each delivery, "Desktop and in-app" the longest option) reads in full at both window sizes.
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      expect(await cutSelects(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/notifications-${viewport.width}.png` });
    }

    await expect
      .poll(
        async () => {
          const { data } = await harness.backend.serviceClient().from('profiles').select('notification_prefs, quiet_hours_start, quiet_hours_end').eq('id', userId).single();
          return data;
        },
        { timeout: LIVE_MS },
      )
      .toEqual({ notification_prefs: '{"assets":"off"}', quiet_hours_start: '22:00', quiet_hours_end: '07:30' });
    expect(realProblems(problems)).toEqual([]);
  });
});

/** Names of the selects drawn narrower than their longest option (measured on an unstyled-width copy in place). */
function cutSelects(page: Page): Promise<string[]> {
  return page.locator('select').evaluateAll((selects: HTMLSelectElement[]) =>
    selects.flatMap((select) => {
      const probe = select.cloneNode(true) as typeof select;
      probe.removeAttribute('id');
      probe.style.cssText = 'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none';
      select.after(probe);
      const natural = probe.getBoundingClientRect().width;
      probe.remove();
      return select.getBoundingClientRect().width + 0.5 < natural ? [select.getAttribute('aria-label') ?? select.labels?.[0]?.textContent ?? 'unnamed select'] : [];
    }),
  );
}

function plural(count: number): string {
  return count === 0 ? 'none unread' : `${count} unread`;
}
