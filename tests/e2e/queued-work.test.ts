/**
 * Work kept offline goes out whichever screen is open, against the production build and a fresh
 * seeded backend: the Active partner, offline, reports a forum post and files a support ticket with
 * a PNG attached, then goes to the Dashboard; back online, with the Dashboard still shown, the
 * report reaches the server's post_reports and the file the private ticket-attachments bucket.
 * Coming back to Support and Community afterwards shows nothing left waiting.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
const SUBJECT = 'Referral link opens the old landing page';
const REASON = 'Shares a client’s details: please check.';
// A 1×1 PNG: the attachment is checked by its bytes, so it must really be one.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const THREAD = seedId('forum:dental-portal');
const REPORTED_POST = seedId('forum:dental-portal:post:0');
const active = seedUsers.active;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

async function serverReports(): Promise<{ reason: string }[]> {
  const { data, error } = await harness.backend.serviceClient().from('post_reports').select('reason').eq('message_id', REPORTED_POST).eq('reporter_id', active.id);
  if (error) throw new Error(`post_reports: ${error.message}`);
  return data as { reason: string }[];
}

async function serverAttachmentPath(): Promise<string | null> {
  const service = harness.backend.serviceClient();
  const tickets = await service.from('tickets').select('id').eq('partner_id', active.id).eq('subject', SUBJECT);
  if (tickets.error) throw new Error(`tickets: ${tickets.error.message}`);
  const ticket = (tickets.data as { id: string }[])[0];
  if (!ticket) return null;
  const messages = await service.from('ticket_messages').select('attachment_path').eq('ticket_id', ticket.id);
  if (messages.error) throw new Error(`ticket_messages: ${messages.error.message}`);
  return (messages.data as { attachment_path: string | null }[])[0]?.attachment_path ?? null;
}

async function storedFile(path: string): Promise<Buffer | null> {
  const { data, error } = await harness.backend.serviceClient().storage.from('ticket-attachments').download(path);
  return error || !data ? null : Buffer.from(await data.arrayBuffer());
}

async function goTo(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('work kept offline', () => {
  it('sends a forum report and uploads a ticket attachment made offline while the Dashboard is shown', async () => {
    const { context, page, problems } = await harness.newWindow();
    await harness.signIn(page, 'active');
    await harness.open(page, `#/community/threads/${THREAD}`);
    const reported = page.getByRole('list', { name: 'Posts' }).getByRole('listitem').first();
    await reported.getByRole('button', { name: 'Report' }).waitFor();

    // Offline: the report waits on this device.
    await context.setOffline(true);
    await reported.getByRole('button', { name: 'Report' }).click();
    const reportDialog = page.getByRole('dialog', { name: 'Report post' });
    await reportDialog.getByRole('textbox', { name: 'Reason' }).fill(REASON);
    await reportDialog.getByRole('button', { name: 'Send report' }).click();
    await reported.getByRole('status').filter({ hasText: 'Your report of this post is kept on this device and sent to the SISO team when you are back online.' }).waitFor();

    // Offline: a ticket with a PNG attached is saved here, its file waiting to upload.
    await goTo(page, 'Support', 'Support');
    await page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByRole('textbox', { name: 'Subject' }).fill(SUBJECT);
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption('technical');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Links shared this week still land on the spring landing page.');
    await dialog.getByLabel('Attachment').setInputFiles({ name: 'landing page.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByText(/“landing page\.png” \(\d+ bytes\) will be attached\./).waitFor();
    await dialog.getByRole('button', { name: 'Send ticket' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByRole('list', { name: 'Conversation' }).getByText('Attachment waiting to upload').waitFor();

    // To the Dashboard, then back online: both go out with no Support or Community screen open.
    await goTo(page, 'Dashboard', 'Dashboard');
    expect(await serverReports()).toEqual([]);
    expect(await serverAttachmentPath()).toBeNull();
    await context.setOffline(false);
    await expect.poll(serverReports, { timeout: SYNC_TIMEOUT }).toEqual([{ reason: REASON }]);
    await expect.poll(serverAttachmentPath, { timeout: SYNC_TIMEOUT }).toMatch(new RegExp(`^${active.id}/[^/]+/[^/]+-landing-page\\.png$`));
    const path = (await serverAttachmentPath())!;
    await expect.poll(async () => (await storedFile(path))?.equals(PNG) ?? false, { timeout: SYNC_TIMEOUT }).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // Nothing is left waiting when the partner looks again.
    await goTo(page, 'Support', 'Support');
    await page.getByRole('table', { name: 'Your tickets' }).getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByRole('list', { name: 'Conversation' }).getByRole('button', { name: 'Download landing page.png' }).waitFor();
    expect(await page.getByText('Attachment waiting to upload').count()).toBe(0);
    await goTo(page, 'Community', 'Community');
    await page.getByRole('region', { name: 'Success stories', exact: true }).getByRole('link', { name: /dental group became a £48k patient portal/ }).click();
    await page.getByRole('status').filter({ hasText: '1 report you made offline was sent to the SISO team.' }).waitFor();
    expect(await page.getByText(/Your report of this post is kept/).count()).toBe(0);

    expect(realProblems(problems)).toEqual([]);
  });
});
