/**
 * The community forum in real browsers against the production build and a fresh seeded backend: an
 * Active partner starts a thread in General discussion, a Performer in a second browser context sees
 * it arrive live and replies, the Active partner sees the reply arrive live and marks it helpful,
 * and the Performer's points go up once sync brings their standing back. A Starter sees General
 * locked ("Unlocks at Active") and reads success stories. axe in both themes. Screenshot:
 * resources/screenshots/community.png (1280×720).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import type { SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { projectRoot } from '../fixtures/web-server';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

async function signedIn(account: SeedAccount): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await harness.newWindow();
  await harness.signIn(page, account);
  return { page, problems };
}

async function openCommunity(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Community' }).click();
  await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
  await page.getByText('Loading the community…').waitFor({ state: 'detached' });
}

const category = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const standingPoints = async (page: Page) =>
  Number(await page.getByRole('region', { name: 'Your standing' }).locator('dt', { hasText: /^Points$/ }).locator('+ dd').textContent());

async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(checkA11y(page)).resolves.toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Community forum', () => {
  it('a thread posted by an Active partner is answered live from a second context, marked helpful, and earns the answer points', async () => {
    const active = await signedIn('active');
    const performer = await signedIn('performer');
    const subject = `Which discovery question opens up budget? ${Date.now()}`;

    // The Active partner: categories in catalog order, locked ones with their tier, the reputation panels.
    await openCommunity(active.page);
    const general = category(active.page, 'General discussion');
    await general.getByText(/^\d+ threads?/).waitFor();
    await category(active.page, 'Performer mastermind').getByText('Unlocks at Performer').waitFor();
    await expect(category(active.page, 'Performer mastermind').getByRole('link').count()).resolves.toBe(0);
    await active.page.getByRole('region', { name: 'Monthly challenge' }).getByRole('progressbar').waitFor();
    await active.page.getByRole('region', { name: 'Partner directory' }).getByText('Łukasz Żółć').waitFor();
    await active.page.getByRole('region', { name: 'Top contributors' }).waitFor();

    const directory = join(projectRoot, 'resources', 'screenshots');
    mkdirSync(directory, { recursive: true });
    await active.page.screenshot({ path: join(directory, 'community.png') });
    await expectAccessible(active.page);

    // The dialog offers only categories the Active partner can post in: not SISO updates, not the mastermind.
    await active.page.getByRole('button', { name: 'New thread', exact: true }).click();
    const dialog = active.page.getByRole('dialog', { name: 'New thread' });
    const options = await dialog.getByRole('combobox', { name: 'Category' }).locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Success stories', 'General discussion']));
    expect(options).not.toContain('SISO updates and announcements');
    expect(options).not.toContain('Performer mastermind');
    await dialog.getByRole('button', { name: 'Post thread' }).click();
    await dialog.getByText('Give the thread a title that says what it is about.').waitFor();
    await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'General discussion' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(subject);
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Mine is "what does this cost you each month today?" What works for you?');
    await dialog.getByRole('button', { name: 'Post thread' }).click();
    await active.page.getByRole('heading', { level: 1, name: subject }).waitFor();

    // Own posts: delete after a confirmation (a soft delete that syncs).
    const activePosts = active.page.getByRole('list', { name: 'Posts' });
    await active.page.getByRole('textbox', { name: 'Reply' }).fill('Posted twice by mistake.');
    await active.page.getByRole('button', { name: 'Post reply' }).click();
    const mistake = activePosts.getByRole('listitem').filter({ hasText: 'Posted twice by mistake.' });
    await mistake.getByRole('button', { name: /^Delete/ }).click();
    await mistake.getByRole('group', { name: 'Delete this post?' }).getByRole('button', { name: 'Delete post' }).click();
    await mistake.waitFor({ state: 'detached' });

    // The Performer sees it arrive live, without reloading, and replies.
    await openCommunity(performer.page);
    const pointsBefore = await standingPoints(performer.page);
    const threadLink = category(performer.page, 'General discussion').getByRole('link', { name: subject });
    await threadLink.waitFor({ timeout: SYNC_TIMEOUT });
    await threadLink.click();
    await performer.page.getByRole('heading', { level: 1, name: subject }).waitFor();
    const performerPosts = performer.page.getByRole('list', { name: 'Posts' });
    await performerPosts.getByText('What works for you?').waitFor();
    const opening = performerPosts.getByRole('listitem').first();
    await opening.getByText('Łukasz Żółć').waitFor({ timeout: SYNC_TIMEOUT });
    await expect(opening.getByRole('button', { name: /^Edit/ }).count()).resolves.toBe(0);
    await opening.getByRole('button', { name: 'Report' }).waitFor();
    await expect(opening.getByRole('button', { name: 'Mark as helpful answer' }).count()).resolves.toBe(0);
    await performer.page.getByRole('textbox', { name: 'Reply' }).fill('Ask what happens if nothing changes for a year. The cost of waiting opens the budget.');
    await performer.page.getByRole('button', { name: 'Post reply' }).click();
    await performer.page.getByRole('status').filter({ hasText: 'Reply posted.' }).waitFor();
    const ownReply = performerPosts.getByRole('listitem').filter({ hasText: 'The cost of waiting' });
    await ownReply.getByRole('button', { name: /^Edit/ }).click();
    await ownReply.getByRole('textbox', { name: 'Edit your post' }).fill('Ask what happens if nothing changes for a year. The cost of waiting opens the budget, every time.');
    await ownReply.getByRole('button', { name: 'Save' }).click();
    await ownReply.getByRole('status').filter({ hasText: 'Post updated.' }).waitFor();
    await ownReply.getByText(/every time\.$/).waitFor();
    await expect(ownReply.getByRole('button', { name: /^Edit/ }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    // The Active partner sees the reply (and its edit) arrive live and marks it as the helpful answer.
    const reply = activePosts.getByRole('listitem').filter({ hasText: 'The cost of waiting' });
    await reply.waitFor({ timeout: SYNC_TIMEOUT });
    await reply.getByText(/every time\.$/).waitFor({ timeout: SYNC_TIMEOUT });
    await expect(activePosts.getByText('Posted twice by mistake.').count()).resolves.toBe(0);
    await reply.getByText('Eleni Papadopoulou').waitFor({ timeout: SYNC_TIMEOUT });
    await expect(reply.getByRole('button', { name: /^Edit/ }).count()).resolves.toBe(0);
    // Marking goes straight to the server: offline the button says why it cannot be used.
    await active.page.context().setOffline(true);
    await reply.getByText(/Marking a helpful answer goes straight to SISO, so it needs a connection/).waitFor();
    await expect(reply.getByRole('button', { name: 'Mark as helpful answer' }).isDisabled()).resolves.toBe(true);
    await active.page.context().setOffline(false);
    await reply.getByRole('button', { name: 'Mark as helpful answer' }).click();
    await reply.getByText('Helpful answer', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT });
    await expectAccessible(active.page);
    const threadId = new URL(active.page.url()).hash.split('/').pop() ?? '';

    // Offline, a report waits on this device and the reply is queued; meanwhile SISO locks the thread.
    await active.page.context().setOffline(true);
    await reply.getByRole('button', { name: 'Report' }).click();
    const report = active.page.getByRole('dialog', { name: 'Report post' });
    await report.getByText(/You are offline\. The report is kept on this device/).waitFor();
    await report.getByRole('button', { name: 'Send report' }).click();
    await report.getByText(/Say in a few words what is wrong/).waitFor();
    await report.getByRole('textbox', { name: 'Reason' }).fill('Testing the report path: please ignore.');
    await report.getByRole('button', { name: 'Send report' }).click();
    await reply.getByRole('status').filter({ hasText: /Your report of this post is kept on this device/ }).waitFor();
    await active.page.getByRole('textbox', { name: 'Reply' }).fill('Thanks, trying that on Monday.');
    await active.page.getByRole('button', { name: 'Post reply' }).click();
    await active.page.getByRole('status').filter({ hasText: 'Reply saved on this device; it is posted when you are back online.' }).waitFor();
    await expect(active.page.getByRole('textbox', { name: 'Reply' }).evaluate((field) => field === document.activeElement)).resolves.toBe(true);
    const admin = await harness.backend.signIn('admin');
    const locked = await admin.client.from('tickets').update({ locked: true }).eq('id', threadId).select('id');
    expect(locked.error).toBeNull();
    expect(locked.data).toHaveLength(1);

    // Back online: the report is sent, and the refused reply is shown on the thread with the server's reason.
    await active.page.context().setOffline(false);
    await active.page.getByRole('status').filter({ hasText: '1 report you made offline was sent to the SISO team.' }).waitFor({ timeout: SYNC_TIMEOUT });
    const refused = active.page.getByRole('alert').filter({ has: active.page.getByRole('heading', { name: 'Not posted' }) });
    await refused.getByText(/SISO did not accept your post “Thanks, trying that on Monday\.”: This thread is locked/).waitFor({ timeout: SYNC_TIMEOUT });
    await activePosts.getByRole('listitem').filter({ hasText: 'Thanks, trying that on Monday.' }).getByText(/^Not posted/).waitFor();
    await active.page.getByText(/The SISO team locked this thread, so it takes no new replies/).waitFor({ timeout: SYNC_TIMEOUT });
    await expect(active.page.getByRole('button', { name: 'Post reply' }).isDisabled()).resolves.toBe(true);
    const reports = await admin.client.from('post_reports').select('reason').eq('ticket_id', threadId);
    expect(reports.error).toBeNull();
    expect(reports.data).toEqual([{ reason: 'Testing the report path: please ignore.' }]);
    const deleted = await admin.client.from('ticket_messages').select('_deleted').eq('ticket_id', threadId).eq('body', 'Posted twice by mistake.');
    expect(deleted.data).toEqual([{ _deleted: true }]);
    await active.page.screenshot({ path: '/tmp/community-thread.png', fullPage: true });
    await reply.getByText(/Your report of this post is kept/).waitFor({ state: 'detached' });

    // The Performer sees the mark, and their standing grows by the reply and the helpful answer.
    await performerPosts.getByRole('listitem').filter({ hasText: 'The cost of waiting' }).getByText('Helpful answer', { exact: true }).waitFor({ timeout: SYNC_TIMEOUT });
    await performer.page.getByRole('link', { name: 'Back to Community' }).click();
    await performer.page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    await expect.poll(() => standingPoints(performer.page), { timeout: SYNC_TIMEOUT }).toBe(pointsBefore + 2 + 15);

    expect(realProblems(active.problems)).toEqual([]);
    expect(realProblems(performer.problems)).toEqual([]);
  });

  it('shows a Starter the discussions locked until Active and lets them read success stories', async () => {
    const starter = await signedIn('starter');
    await openCommunity(starter.page);
    const general = category(starter.page, 'General discussion');
    await general.getByText('Unlocks at Active').waitFor();
    await expect(general.getByRole('link').count()).resolves.toBe(0);
    await expect(general.getByRole('button').count()).resolves.toBe(0);

    const stories = category(starter.page, 'Success stories');
    const story = stories.getByRole('link', { name: /dental group became a £48k patient portal/ });
    await story.click();
    await starter.page.getByRole('heading', { level: 1, name: /dental group became a £48k patient portal/ }).waitFor();
    const posts = starter.page.getByRole('list', { name: 'Posts' });
    await posts.getByText(/I never pitched software/).waitFor();
    await expect(posts.getByRole('listitem').count()).resolves.toBeGreaterThan(1);
    await starter.page.getByRole('textbox', { name: 'Reply' }).waitFor();
    await expectAccessible(starter.page);

    // A success story written offline is kept and reaches the server with its opening post once back online.
    const title = `Offline story ${Date.now()}`;
    await starter.page.getByRole('link', { name: 'Back to Community' }).click();
    await starter.page.context().setOffline(true);
    await starter.page.getByRole('button', { name: 'New thread', exact: true }).click();
    const dialog = starter.page.getByRole('dialog', { name: 'New thread' });
    await expect(dialog.getByRole('combobox', { name: 'Category' }).locator('option').allTextContents()).resolves.toEqual(['Success stories']);
    await dialog.getByText(/You are offline\. The thread is saved on this device/).waitFor();
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Message' }).fill('Closed a bakery chain’s ordering app while on a train with no signal.');
    await dialog.getByRole('button', { name: 'Post thread' }).click();
    await starter.page.getByRole('heading', { level: 1, name: title }).waitFor();
    await starter.page.getByRole('list', { name: 'Posts' }).getByText(/bakery chain/).waitFor();
    await starter.page.context().setOffline(false);
    const { client } = await harness.backend.signIn('starter');
    const onServer = async () => {
      const thread = await client.from('tickets').select('id').eq('subject', title).maybeSingle();
      if (!thread.data) return [];
      const messages = await client.from('ticket_messages').select('body').eq('ticket_id', thread.data.id);
      return (messages.data ?? []).map((message) => message.body as string);
    };
    await expect.poll(onServer, { timeout: SYNC_TIMEOUT }).toEqual(['Closed a bakery chain’s ordering app while on a train with no signal.']);
    await expect(starter.page.getByRole('heading', { name: 'Not posted' }).count()).resolves.toBe(0);

    expect(realProblems(starter.problems)).toEqual([]);
  });
});
