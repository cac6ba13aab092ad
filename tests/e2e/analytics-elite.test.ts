/**
 * The Elite custom dashboard on /analytics: the Elite partner rearranges widgets with the keyboard
 * alone, adds a KPI with a target and saves; a second device (a fresh browser context) signs in and
 * shows the same layout from the synced profile; the executive report downloads and its pdftotext
 * shows the partner's name, the won deals count and the forecast (expected closes with their range)
 * the screen shows. A Starter sees what unlocks it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { useAccountsHarness } from '../fixtures/accounts-harness';
import { realProblems } from '../fixtures/account-browser';
import { checkA11y } from '../fixtures/browser';
import { parseDashboardLayout } from '../../sync/domain/analytics-layout';

const harness = useAccountsHarness({ viewport: { width: 1280, height: 720 } });
const downloads = mkdtempSync(join(tmpdir(), 'analytics-elite-e2e-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

let partnerName = '';
let eliteId = '';

beforeAll(async () => {
  const elite = await harness.backend.signIn('elite');
  eliteId = elite.userId;
  const profile = await elite.client.from('profiles').select('company, display_name').eq('id', eliteId).single();
  if (profile.error) throw new Error(profile.error.message);
  const row = profile.data as { company: string | null; display_name: string };
  partnerName = row.company?.trim() || row.display_name.trim();
}, 60_000);

async function openAnalytics(page: Page) {
  await harness.open(page, '#/analytics');
  await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
}

const widgetOrder = (page: Page) => page.getByRole('list', { name: 'Dashboard widgets' }).getByRole('heading', { level: 3 }).allTextContents();
const announced = (page: Page, text: string) => page.locator('[id^="DndLiveRegion"]').filter({ hasText: text }).waitFor({ state: 'attached' });

describe('Analytics, Elite custom dashboard', () => {
  it('rearranges widgets by keyboard, adds a KPI, saves, and a second device shows the saved layout', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'elite');
    await openAnalytics(page);
    const dashboard = page.getByRole('region', { name: 'Your custom dashboard' });
    await dashboard.waitFor();
    expect(await widgetOrder(page)).toEqual(['Key metrics', 'Monthly trend', 'Funnel by stage', 'Sources', 'Forecast', 'Custom KPIs']);

    // Keyboard drag: pick up the trend, move it right onto the funnel's place, drop.
    await page.getByRole('button', { name: 'Drag Monthly trend' }).focus();
    await page.keyboard.press('Space');
    await announced(page, 'Picked up Monthly trend, at position 2 of 6.');
    await page.keyboard.press('ArrowRight');
    await announced(page, 'Monthly trend is over position 3 of 6.');
    await page.keyboard.press('Space');
    await announced(page, 'Monthly trend dropped at position 3 of 6.');
    await expect.poll(() => widgetOrder(page)).toEqual(['Key metrics', 'Funnel by stage', 'Monthly trend', 'Sources', 'Forecast', 'Custom KPIs']);

    // The move buttons and the width toggle, by keyboard.
    await page.getByRole('button', { name: 'Move Custom KPIs up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => widgetOrder(page)).toEqual(['Key metrics', 'Funnel by stage', 'Monthly trend', 'Sources', 'Custom KPIs', 'Forecast']);
    await page.getByRole('button', { name: 'Full width: Sources' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Full width: Sources' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // A KPI with a target.
    const kpiForm = page.getByRole('form', { name: 'Add a KPI' });
    await kpiForm.getByRole('textbox', { name: 'KPI name' }).fill('Zamknięte — Q4 Ω');
    await kpiForm.getByRole('combobox', { name: 'Measures' }).selectOption({ label: 'Won deals this period' });
    await kpiForm.getByRole('textbox', { name: 'Target (optional)' }).fill('40');
    await kpiForm.getByRole('button', { name: 'Add KPI' }).click();
    await page.getByRole('progressbar', { name: 'Zamknięte — Q4 Ω progress' }).waitFor();

    const wonOnScreen = (await dashboard.locator('dt', { hasText: /^Won deals$/ }).locator('xpath=following-sibling::dd').textContent())?.trim() ?? '';
    expect(wonOnScreen).toMatch(/^\d+$/);

    await page.getByRole('button', { name: 'Save dashboard' }).click();
    await page.getByRole('status').filter({ hasText: 'Dashboard saved.' }).waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: join('resources', 'screenshots', 'analytics-elite.png') });

    // The layout reaches the server (replication push) before the second device signs in.
    await vi.waitFor(
      async () => {
        const { data, error } = await harness.backend.serviceClient().from('profiles').select('dashboard_layout').eq('id', eliteId).single();
        if (error) throw new Error(error.message);
        const saved = parseDashboardLayout((data as { dashboard_layout: string | null }).dashboard_layout);
        if (saved.kpis.length !== 1) throw new Error('not pushed yet');
      },
      { timeout: 30_000, interval: 250 },
    );

    const second = await harness.newWindow();
    await harness.signIn(second.page, 'elite');
    await openAnalytics(second.page);
    await expect.poll(() => widgetOrder(second.page), { timeout: 30_000 }).toEqual(['Key metrics', 'Funnel by stage', 'Monthly trend', 'Sources', 'Custom KPIs', 'Forecast']);
    await second.page.getByRole('progressbar', { name: 'Zamknięte — Q4 Ω progress' }).waitFor();
    await expect(second.page.getByRole('button', { name: 'Full width: Sources' }).getAttribute('aria-pressed')).resolves.toBe('true');

    // The forecast on screen (the Analytics page's Forecast section), to find again in the report.
    const forecastSection = second.page.getByRole('region', { name: 'Forecast' });
    const horizons = forecastSection.getByRole('table', { name: /^Expected from your \d+ open leads/ });
    const tooLittleHistory = forecastSection.getByText(/^Not enough history to forecast yet/);
    await horizons.or(tooLittleHistory).waitFor();
    const forecastOnScreen = (await horizons.count())
      ? await horizons.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''))
      : [((await tooLittleHistory.textContent()) ?? '').trim()];
    expect(forecastOnScreen.length).toBeGreaterThan(0);

    // The executive report, from the second device.
    const [download] = await Promise.all([second.page.waitForEvent('download'), second.page.getByRole('button', { name: 'Download executive report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^executive-report-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(partnerName);
    expect(text).toContain(`Won deals ${wonOnScreen}`);
    expect(text).toContain('Zamknięte — Q4 Ω');
    expect(text).toContain(`${wonOnScreen} of 40`);
    for (const figure of forecastOnScreen) expect(text).toContain(figure.replace(/\s+/g, ' '));
    expect(text).not.toMatch(/SISO/);
    expect(realProblems(problems)).toEqual([]);
    expect(realProblems(second.problems)).toEqual([]);
  });

  it('shows a Starter partner what unlocks the custom dashboard', async () => {
    const { page, problems } = await harness.newWindow();
    await harness.signIn(page, 'starter');
    await openAnalytics(page);
    const locked = page.getByRole('region', { name: 'Custom dashboard and executive report (locked)' });
    await expect(locked.textContent()).resolves.toContain('Unlocks at the Elite tier.');
    await expect(page.getByRole('button', { name: 'Download executive report' }).count()).resolves.toBe(0);
    expect(realProblems(problems)).toEqual([]);
  });
});
