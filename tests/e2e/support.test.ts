/**
 * Support end to end against the production build and a fresh seeded local backend: an Active
 * partner's hub names their level, offers group calls but not Slack; offline they file a ticket
 * with a PNG attachment, see it queued with the file waiting to upload; back online the ticket, its
 * first message and the file reach the server; an admin replies through the REST API (with an
 * internal note beside it) and the reply appears live with "Waiting on you", the note never; the
 * "Book a group call" action books a call the tier reaches. An Elite partner opens the Slack
 * community in the browser and reaches 1-on-1 scheduling. axe in both themes. Screenshot: resources/screenshots/support.png (1280x720).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
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

const SYNC_TIMEOUT = 45_000;
const SUBJECT = 'Proposal PDF shows the old logo';
// A 1×1 PNG: the attachment is checked by its bytes, so it must really be one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const REPLY = 'Thanks for the screenshot. Could you tell us which proposal template you used?';
const NOTE = 'Internal: partner is on the Active tier, check the brand cache first.';

beforeAll(async () => {
  backend = await startTestBackend();
  server = await startStaticServer({ backendUrl: backend.url });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB' });
  page = await context.newPage();
  problems = collectPageProblems(page);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await backend?.close();
});

interface ServerMessage {
  id: string;
  ticket_id: string;
  body: string;
  attachment_path: string | null;
}

async function serverTicket(): Promise<{ id: string; status: string } | null> {
  const { data, error } = await backend.serviceClient().from('tickets').select('id, status').eq('partner_id', seedUsers.active.id).eq('subject', SUBJECT);
  if (error) throw new Error(`tickets: ${error.message}`);
  return (data as { id: string; status: string }[])[0] ?? null;
}

async function serverMessages(ticketId: string): Promise<ServerMessage[]> {
  const { data, error } = await backend.serviceClient().from('ticket_messages').select('id, ticket_id, body, attachment_path').eq('ticket_id', ticketId);
  if (error) throw new Error(`ticket_messages: ${error.message}`);
  return data as ServerMessage[];
}

async function storedFile(path: string): Promise<Buffer | null> {
  const { data, error } = await backend.serviceClient().storage.from('ticket-attachments').download(path);
  return error || !data ? null : Buffer.from(await data.arrayBuffer());
}

describe('support for an Active partner', () => {
  it('shows the support level with group calls but no Slack, files a ticket offline with a PNG, syncs it, and sees the admin reply live', async () => {
    await signInFromWelcome(page, { appUrl: server.url, backendUrl: backend.url }, 'active', { awaitSync: SYNC_TIMEOUT });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support' }).click();
    await page.getByRole('heading', { level: 1, name: 'Support' }).waitFor();

    const level = page.getByRole('region', { name: 'Your support level' });
    await level.getByText(/You are at the Active tier\./).waitFor();
    await level.getByText('48 h', { exact: true }).waitFor();
    await level.getByText(/Performer:.*Slack community/).waitFor();
    await page.getByRole('button', { name: 'Book a group call' }).waitFor();
    expect(await page.getByRole('button', { name: 'Join the Slack community' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Schedule a 1-on-1' }).count()).toBe(0);
    const tickets = page.getByRole('table', { name: 'Your tickets' });
    await tickets.getByRole('row', { name: /Commission missing for a won deal/ }).getByText('Waiting on you').waitFor();

    // Offline: the ticket and its attachment are saved here and queued.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('button', { name: 'Send ticket' }).click();
    await dialog.getByRole('alert').getByText(/The ticket was not sent/).waitFor();
    await dialog.getByText('Enter a subject: a few words saying what the problem is.').waitFor();
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption('technical');
    await dialog.getByRole('combobox', { name: 'Priority' }).selectOption('high');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Proposals made today still carry the logo I replaced last week.');
    // A file that only claims to be a PNG is refused with the reason.
    await dialog.getByLabel('Attachment').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\x00 not an image') });
    await dialog.getByText(/“fake\.png” is a program \(Windows executable\), which support tickets do not accept\./).waitFor();
    await dialog.getByLabel('Attachment').setInputFiles({ name: 'old logo.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByText(/“old logo\.png” \(\d+ bytes\) will be attached\./).waitFor();
    await dialog.getByRole('button', { name: 'Send ticket' }).click();

    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const conversation = page.getByRole('list', { name: 'Conversation' });
    await conversation.getByText('Proposals made today still carry the logo I replaced last week.').waitFor();
    await conversation.getByRole('button', { name: 'Download old logo.png' }).waitFor();
    await conversation.getByText('Attachment waiting to upload').waitFor();
    expect(await serverTicket()).toBeNull();

    // Online: the ticket, its first message and the file reach the server.
    await context.setOffline(false);
    await expect.poll(async () => (await serverTicket())?.status ?? null, { timeout: SYNC_TIMEOUT }).toBe('open');
    const ticketId = (await serverTicket())!.id;
    expect(page.url()).toContain(`#/support/tickets/${ticketId}`);
    await expect.poll(async () => (await serverMessages(ticketId)).length, { timeout: SYNC_TIMEOUT }).toBe(1);
    const [first] = await serverMessages(ticketId);
    expect(first!.attachment_path).toBe(`${seedUsers.active.id}/${ticketId}/${first!.id}-old-logo.png`);
    await expect.poll(async () => (await storedFile(first!.attachment_path!))?.equals(PNG) ?? false, { timeout: SYNC_TIMEOUT }).toBe(true);
    await conversation.getByText('Attachment waiting to upload').waitFor({ state: 'detached', timeout: SYNC_TIMEOUT });

    // SISO answers through the REST API, with an internal note the partner must never see.
    const admin = await backend.signIn('admin');
    const inserted = await admin.client.from('ticket_messages').insert([
      { id: crypto.randomUUID(), partner_id: seedUsers.active.id, ticket_id: ticketId, author_role: 'support', body: NOTE, visibility: 'internal' },
      { id: crypto.randomUUID(), partner_id: seedUsers.active.id, ticket_id: ticketId, author_role: 'support', body: REPLY, visibility: 'public' },
    ]);
    expect(inserted.error).toBeNull();
    await conversation.getByText(REPLY).waitFor({ timeout: SYNC_TIMEOUT });
    await page.getByText('Waiting on you.').waitFor({ timeout: SYNC_TIMEOUT });
    await expect(conversation.getByRole('article').evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-label')?.split(',')[0]))).resolves.toEqual([
      'Łukasz Żółć',
      'SISO Support',
    ]);
    expect(await page.getByText(NOTE).count()).toBe(0);
    await page.screenshot({ path: '/tmp/support-ticket.png', fullPage: true });

    // The hub lists it as waiting on the partner, answered within the Active target.
    await page.getByRole('link', { name: 'Back to Support' }).click();
    const row = tickets.getByRole('row', { name: new RegExp(SUBJECT) });
    await row.getByText('Waiting on you').waitFor();
    await row.getByText(/First reply after .* \(within target\)/).waitFor();
    expect(await page.getByText(NOTE).count()).toBe(0);
    await page.screenshot({ path: 'resources/screenshots/support.png' });

    // Book a group call: the quick action leads to the calls the Active tier reaches; booking is a registration row.
    await page.getByRole('button', { name: 'Book a group call' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Group calls');
    const calls = page.getByRole('region', { name: 'Group calls' }).getByRole('article');
    await expect(calls.count()).resolves.toBeGreaterThan(0);
    const call = calls.first();
    const { data: callRows } = await backend.serviceClient().from('catalog').select('id').eq('kind', 'group_call');
    const callIds = (callRows as { id: string }[]).map((row) => row.id);
    expect(callIds.length).toBeGreaterThan(0);
    const registrations = async () => {
      const { data } = await backend.serviceClient().from('training_progress').select('id')
        .eq('partner_id', seedUsers.active.id).eq('kind', 'registration').in('course_id', callIds).eq('_deleted', false);
      return (data ?? []).length;
    };
    expect(await registrations()).toBe(0);
    await call.getByRole('button', { name: 'Book' }).click();
    await call.getByText('You are booked.').waitFor();
    await expect.poll(registrations, { timeout: SYNC_TIMEOUT }).toBe(1);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(checkA11y(page)).resolves.toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: /^Sync: up to date/ }).waitFor({ timeout: SYNC_TIMEOUT });
    expect(realProblems(problems)).toEqual([]);
  }, 180_000);
});

describe('support for an Elite partner', () => {
  it('offers Slack (opened in the browser through the URL policy) and a 1-on-1 leading to Live sessions', async () => {
    const eliteContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light', locale: 'en-GB' });
    try {
      const elitePage = await eliteContext.newPage();
      const eliteProblems = collectPageProblems(elitePage);
      // The Slack host is not served here: answer the popup locally so nothing leaves the machine.
      await eliteContext.route('https://siso-partners.slack.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Slack</title>' }));
      await signInFromWelcome(elitePage, { appUrl: server.url, backendUrl: backend.url }, 'elite', { awaitSync: SYNC_TIMEOUT });
      await elitePage.goto(new URL('#/support', server.url).href);
      const level = elitePage.getByRole('region', { name: 'Your support level' });
      await level.getByText(/You are at the Elite tier\./).waitFor();
      await level.getByText('You have every support channel SISO offers.').waitFor();
      await elitePage.getByText(/Your account manager: Priya Sharma\./).waitFor();

      const [popup] = await Promise.all([eliteContext.waitForEvent('page'), elitePage.getByRole('button', { name: 'Join the Slack community' }).click()]);
      await popup.waitForLoadState();
      expect(new URL(popup.url()).hostname).toBe('siso-partners.slack.com');
      await popup.close();
      expect(await elitePage.getByRole('alert').count()).toBe(0);

      await elitePage.getByRole('link', { name: 'Schedule a 1-on-1' }).click();
      await elitePage.getByRole('heading', { level: 1, name: 'Live sessions' }).waitFor();
      expect(realProblems(eliteProblems)).toEqual([]);
    } finally {
      await eliteContext.close();
    }
  }, 120_000);
});
