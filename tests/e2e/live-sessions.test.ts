/**
 * Live sessions end to end against the production build and a fresh seeded local backend: a
 * Performer sees the Performer-exclusive webinar, registers while offline, reconnects and the
 * registration reaches the server, downloads the webinar's calendar file (an RFC 5545 event), and
 * finds Elite coaching locked, naming Elite; an Elite partner no longer sees a slot another partner
 * booked, books a free one and keeps seeing it as theirs, and sees SISO's refusal of a booking made
 * offline for a slot someone else took meanwhile until discarding it. axe in both themes. Screenshot: /tmp/live-sessions.png.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { seedId } from '../../sync/server/db/seed';
import { checkA11y, collectPageProblems, launchChromium } from '../fixtures/browser';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { realProblems, signInFromWelcome } from '../fixtures/account-browser';
import { startStaticServer, type StaticServer } from '../fixtures/web-server';

let backend: TestBackend;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const downloads = mkdtempSync(join(tmpdir(), 'live-sessions-e2e-'));

const SYNC_TIMEOUT = 45_000;
const exclusiveTitle = 'Enterprise deal playbook (Performer exclusive)';
const exclusiveId = seedId('catalog:webinar-enterprise-playbook');

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB', acceptDownloads: true });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function serverRegistrations(): Promise<{ id: string; _deleted: boolean }[]> {
  const { data, error } = await backend.serviceClient().from('training_progress').select('id, _deleted')
    .eq('partner_id', seedUsers.performer.id).eq('kind', 'registration').eq('course_id', exclusiveId);
  if (error) throw new Error(`training_progress: ${error.message}`);
  return data as { id: string; _deleted: boolean }[];
}

describe('live sessions for a Performer', () => {
  it('registers for the exclusive webinar offline, syncs, saves the calendar file, and sees coaching locked at Elite', async () => {
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'performer', { awaitSync: SYNC_TIMEOUT });
    await page.goto(new URL('#/live-sessions', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Live sessions' }).waitFor();

    const webinar = page.getByRole('article', { name: exclusiveTitle });
    await webinar.getByRole('heading', { name: /Enterprise deal playbook/ }).waitFor();
    await webinar.getByText('Performer+ exclusive').waitFor();
    expect(await serverRegistrations()).toEqual([]);

    await context.setOffline(true);
    await webinar.getByRole('button', { name: 'Register' }).click();
    await webinar.getByText('You are registered.').waitFor();
    await page.getByText(/You are offline: it is saved on this device/).waitFor();
    expect(await serverRegistrations()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await serverRegistrations()).map((row) => row._deleted), { timeout: SYNC_TIMEOUT }).toEqual([false]);

    const [download] = await Promise.all([page.waitForEvent('download'), webinar.getByRole('button', { name: 'Download calendar file' }).click()]);
    expect(download.suggestedFilename()).toBe('enterprise-deal-playbook-performer-exclusive.ics');
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const ics = readFileSync(file, 'utf8');
    expect(ics).toContain(`SUMMARY:${exclusiveTitle}`);
    expect(ics).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(ics).toContain(`UID:${exclusiveId}@siso.partners`);

    const coaching = page.getByRole('region', { name: '1-on-1 coaching (locked)' });
    await coaching.getByText('Unlocks at the Elite tier.').waitFor();
    expect(await coaching.getByRole('button', { name: 'Book' }).count()).toBe(0);

    await page.screenshot({ path: '/tmp/live-sessions.png', fullPage: true });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(realProblems(problems)).toEqual([]);
  }, 120_000);
});

describe('coaching slots for an Elite partner', () => {
  it('hides a slot another partner booked, keeps the partner’s own booking, and shows a booking lost to another partner until discarded', async () => {
    const eliteContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB' });
    try {
      const elitePage = await eliteContext.newPage();
      const eliteProblems = collectPageProblems(elitePage);
      // Another partner holds the first slot (placed by the service role, which the tier check lets through).
      const taken = await backend.serviceClient().from('training_progress').insert({
        id: randomUUID(), partner_id: seedUsers.performer.id, kind: 'booking', course_id: seedId('catalog:coaching-slot-1'),
        ref_id: seedId('catalog:coaching-slot-1'), module_index: 0,
      });
      expect(taken.error).toBeNull();

      await signInFromWelcome(elitePage, { appUrl: server.url, backendUrl: backend.url }, 'elite', { awaitSync: SYNC_TIMEOUT });
      await elitePage.goto(new URL('#/live-sessions', server.url).href);
      const coaching = elitePage.getByRole('region', { name: '1-on-1 coaching' });
      await coaching.getByText('1 slot already booked by other partners is not shown.').waitFor({ timeout: SYNC_TIMEOUT });
      const slots = coaching.getByRole('article');
      // Slots run in time order: Maya Patel's first slot (the taken one) would come before these two.
      const coaches = async () => (await slots.evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-label') ?? ''))).map((label) => label.split(',')[0]);
      await expect(coaches()).resolves.toEqual(['Tom Reid', 'Maya Patel']);

      const first = slots.first();
      const firstName = (await first.getAttribute('aria-label')) ?? '';
      await first.getByRole('button', { name: 'Book' }).click();
      const booked = coaching.getByRole('article', { name: firstName });
      await booked.getByText('Booked by you.').waitFor();
      // The server marks the slot booked for everyone; the partner's own booking stays on their list.
      await expect.poll(async () => {
        const { data } = await backend.serviceClient().from('catalog').select('body').eq('id', seedId('catalog:coaching-slot-2')).single();
        return (data as { body: { booked?: boolean } } | null)?.body.booked;
      }, { timeout: SYNC_TIMEOUT }).toBe(true);
      await booked.getByRole('button', { name: 'Cancel booking' }).waitFor();
      await expect(coaches()).resolves.toEqual(['Tom Reid', 'Maya Patel']);

      // Booked offline while another partner takes the same slot: SISO's refusal shows on the slot until discarded.
      const last = slots.last();
      const lastName = (await last.getAttribute('aria-label')) ?? '';
      await eliteContext.setOffline(true);
      await last.getByRole('button', { name: 'Book' }).click();
      await coaching.getByRole('article', { name: lastName }).getByText('Booked by you.').waitFor();
      const rival = await backend.serviceClient().from('training_progress').insert({
        id: randomUUID(), partner_id: seedUsers.performer.id, kind: 'booking', course_id: seedId('catalog:coaching-slot-3'),
        ref_id: seedId('catalog:coaching-slot-3'), module_index: 0,
      });
      expect(rival.error).toBeNull();
      await eliteContext.setOffline(false);
      const refused = coaching.getByRole('article', { name: lastName });
      await refused.getByRole('alert').filter({ hasText: 'SISO did not accept your booking with Maya Patel: Another partner booked this coaching slot first. Choose another slot.' })
        .waitFor({ timeout: SYNC_TIMEOUT });
      await coaching.scrollIntoViewIfNeeded();
      await elitePage.screenshot({ path: '/tmp/live-sessions-coaching.png' });
      await refused.getByRole('button', { name: 'Discard your booking with Maya Patel' }).click();
      await coaching.getByText('2 slots already booked by other partners are not shown.').waitFor({ timeout: SYNC_TIMEOUT });
      await expect(coaches()).resolves.toEqual(['Tom Reid']);
      for (const colorScheme of ['light', 'dark'] as const) {
        await elitePage.emulateMedia({ colorScheme });
        await expect(checkA11y(elitePage)).resolves.toEqual([]);
      }
      expect(realProblems(eliteProblems)).toEqual([]);
    } finally {
      await eliteContext.close();
    }
  }, 120_000);
});
