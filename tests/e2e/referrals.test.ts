/**
 * The referral links screen in the demo workspace (Active tier), in a real browser against the
 * production build: creating a link (a bad destination first), the live URL preview, the QR code
 * downloaded as PNG and decoded back to the link, per-link figures checked against the domain
 * functions run on workspace.json, the attribution charts and an axe check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/main/navigation-guard';
import { checkExternalUrl } from '../../renderer/platform/external-links';
import { emailShareUrl, linkedInShareUrl, xShareUrl } from '../../renderer/features/referrals/share-targets';
import { computeLinkPerformance } from '../../sync/domain/attribution';
import { buildReferralUrl, referralUrlForLink } from '../../sync/domain/referral-links';
import { parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import { checkA11y } from '../fixtures/browser';
import { projectRoot, type StaticServer } from '../fixtures/web-server';
import { useDemoWorkspaceBrowser } from '../fixtures/demo-workspace-browser';

const LOCALE = 'en-GB';
const rawDemo: unknown = JSON.parse(readFileSync(join(projectRoot, 'resources/demo/workspace.json'), 'utf8'));
const demo = parseDemoWorkspace(rawDemo);
const PARTNER_ID = demo.partner_id;

const session = useDemoWorkspaceBrowser({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: LOCALE, acceptDownloads: true });
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(() => {
  ({ server, context, page, problems } = session);
});

async function openReferrals(): Promise<void> {
  await page.goto(new URL('#/referrals', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Referral links' }).waitFor();
  await page.getByRole('table').getByRole('rowheader').first().waitFor();
}

const creator = () => page.getByRole('region', { name: 'Create a referral link' });

async function decodeDownloadedPng(trigger: () => Promise<void>): Promise<{ name: string; text: string | null }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  const png = PNG.sync.read(readFileSync(path));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return { name: download.suggestedFilename(), text: code?.data ?? null };
}

describe('referral links page', () => {
  it('creates a link after a bad destination, previews it and downloads a QR code that decodes to it', async () => {
    await openReferrals();
    const form = creator();
    await form.getByRole('textbox', { name: 'Link name' }).fill('Spring post');
    const destination = form.getByRole('textbox', { name: 'Destination page' });
    await destination.fill('https://siso.agency.evil.com/platform');
    await form.getByRole('textbox', { name: 'Campaign source (utm_source)' }).fill('LinkedIn');
    await form.getByRole('textbox', { name: 'Campaign medium (utm_medium)' }).fill('social');
    await form.getByRole('textbox', { name: 'Campaign name (utm_campaign)' }).fill('Spring 2026');
    await expect(page.getByTestId('referral-preview').innerText()).resolves.toMatch(/Fill in a valid destination/);

    await form.getByRole('button', { name: 'Create link' }).click();
    await form.getByRole('alert').filter({ hasText: 'The link was not created' }).waitFor();
    await expect(form.getByText(/can only point to siso\.agency/).isVisible()).resolves.toBe(true);
    await expect(destination.inputValue()).resolves.toBe('https://siso.agency.evil.com/platform');
    await expect(destination.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(destination.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await destination.fill('https://siso.agency/platform?plan=pro');
    const expected = buildReferralUrl({
      destination: 'https://siso.agency/platform?plan=pro',
      utm: { source: 'linkedin', medium: 'social', campaign: 'spring-2026' },
      partnerRef: PARTNER_ID,
    });
    if (!expected.ok) throw new Error('the expected URL should build');
    const previewUrl = new URL(await page.getByTestId('referral-preview').innerText());
    expect(previewUrl.href).toBe(expected.url);
    expect(previewUrl.searchParams.get('plan')).toBe('pro');
    expect(previewUrl.searchParams.get('utm_source')).toBe('linkedin');
    expect(previewUrl.searchParams.get('utm_campaign')).toBe('spring-2026');
    expect(previewUrl.searchParams.get('ref')).toBe(PARTNER_ID);

    await form.getByRole('button', { name: 'Create link' }).click();
    await page.getByRole('status').filter({ hasText: 'Created “Spring post”' }).waitFor();
    await page.getByRole('table').getByRole('rowheader', { name: /Spring post/ }).waitFor();
    await expect(form.getByRole('textbox', { name: 'Link name' }).inputValue()).resolves.toBe('');

    // The new link is selected: its QR code is named by its URL.
    const share = page.getByRole('region', { name: 'Share “Spring post”' });
    await share.getByRole('img', { name: `QR code for ${expected.url}` }).waitFor();

    const png = await decodeDownloadedPng(() => share.getByRole('button', { name: 'Download PNG' }).click());
    expect(png.name).toBe('referral-spring-post-qr.png');
    expect(png.text).toBe(expected.url);
    await share.getByRole('status').filter({ hasText: 'Saved the QR code as PNG' }).waitFor();

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), share.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('referral-spring-post-qr.svg');
    expect(readFileSync(await svgDownload.path(), 'utf8')).toContain('<svg xmlns="http://www.w3.org/2000/svg"');

    // Email share needs a recipient: a clear message, not a dead button.
    await share.getByRole('button', { name: 'Share by email' }).click();
    await share.getByText('Enter the email address to share the link with.').waitFor();

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await share.getByRole('button', { name: 'Copy link' }).click();
    await share.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected.url);

    // Share dialogs open in a new window (the browser build's openExternal); answer them locally.
    await context.route(/^https:\/\/(www\.linkedin\.com|x\.com)\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }));
    for (const [button, target] of [
      ['Share on LinkedIn', linkedInShareUrl(expected.url)],
      ['Share on X', xShareUrl(expected.url, 'Spring post')],
    ] as const) {
      const [popup] = await Promise.all([context.waitForEvent('page'), share.getByRole('button', { name: button }).click()]);
      await popup.waitForLoadState();
      expect(popup.url()).toBe(target);
      await popup.close();
    }

    // Print shows only the QR code and its URL.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'true');
    });
    await share.getByRole('button', { name: 'Print' }).click();
    await expect(page.locator('body').getAttribute('data-printed')).resolves.toBe('true');
    await expect(page.locator('html').getAttribute('data-print')).resolves.toBe('referral-qr');
    await page.emulateMedia({ media: 'print' });
    // (The share region itself is not displayed in print, so these look from the page.)
    await expect(page.getByRole('img', { name: `QR code for ${expected.url}` }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('referral-url').innerText()).resolves.toBe(expected.url);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await expect(page.getByText('Create a referral link').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { level: 1, name: 'Referral links' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).isVisible()).resolves.toBe(false);
    // Once printing ends the page prints normally again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.getByRole('heading', { level: 1, name: 'Referral links' }).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  });

  it('builds share links that both the renderer and the Electron main allow-lists accept', () => {
    const url = `https://siso.agency/platform?utm_source=a&utm_medium=b&utm_campaign=c&ref=${PARTNER_ID}`;
    for (const target of [linkedInShareUrl(url), xShareUrl(url, 'Spring post'), emailShareUrl('friend@example.com', 'Spring post', url)]) {
      expect(checkExternalUrl(target).allowed, target).toBe(true);
      expect(isAllowedExternalUrl(target), target).toBe(true);
    }
  });

  it('shows per-link figures that match the demo data, and the attribution charts', async () => {
    await openReferrals();
    const performance = computeLinkPerformance(demo.collections.referral_links, demo.collections.leads, demo.collections.link_clicks);
    const rate = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
    for (const linkId of ['demo-link-01', 'demo-link-02']) {
      const expected = performance.find((row) => row.linkId === linkId);
      if (!expected) throw new Error(`${linkId} is in the demo data`);
      const cells = await page.getByTestId(`referral-row-${linkId}`).getByRole('cell').allInnerTexts();
      expect(cells.slice(0, 4)).toEqual([
        String(expected.clicks),
        String(expected.leads),
        String(expected.conversions),
        expected.conversionRate === null ? 'No clicks yet' : rate.format(expected.conversionRate),
      ]);
    }
    expect(performance.find((row) => row.linkId === 'demo-link-01')?.conversions).toBeGreaterThan(0);

    // Selecting a demo link shows its QR code.
    const link = demo.collections.referral_links.find((row) => row.id === 'demo-link-01');
    if (!link) throw new Error('demo-link-01 is in the demo data');
    const url = referralUrlForLink(link, PARTNER_ID);
    await page.getByRole('button', { name: `QR & share for ${link.name}` }).click();
    await page.getByRole('img', { name: `QR code for ${url}` }).waitFor();

    const analytics = page.getByTestId('attribution-analytics');
    for (const name of ['Traffic source breakdown', 'Conversion funnel', 'Won value per channel', 'Trend over the last 12 weeks']) {
      await analytics.getByRole('heading', { level: 3, name }).waitFor();
    }
    await analytics.getByRole('img', { name: /^Leads by source\./ }).waitFor();
    await analytics.getByRole('img', { name: /^Referral link conversion funnel\. Clicks: / }).waitFor();
    await analytics.getByRole('img', { name: /^Referral link clicks per week\./ }).waitFor();
    await expect(page.getByTestId('locked-feature').count()).resolves.toBe(0);

    const violations = await checkA11y(page);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations in the dark theme with a link selected', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openReferrals();
    await page.getByRole('button', { name: /^QR & share for / }).first().click();
    await page.getByRole('img', { name: /^QR code for https:\/\/siso\.agency/ }).waitFor();
    await page.getByTestId('attribution-analytics').waitFor();
    await expect(checkA11y(page)).resolves.toEqual([]);
    expect(problems).toEqual([]);
  });
});
