/**
 * The SISO side of support and community in a real browser against the production build and a
 * fresh seeded local backend: an Active partner files a ticket over REST; the admin finds it in the
 * Support inbox (filters narrow it; the row shows its first-response target), opens it (downloads
 * the partner's attachment from the private bucket through a signed URL), adds an
 * internal note and replies, and assigns it to themself. Over REST the partner reads the reply (and
 * a notification, the ticket now "waiting") but never the note. Another partner reports a forum post;
 * the admin hides it from Reported posts and locks a thread, after which partners can no longer
 * read the post (REST) and the thread is locked on the server. The admin publishes a knowledge-base
 * article (missing fields refused with sentences) that a Starter reads as structured blocks, a group
 * call (a plain-http link refused) and raises this month's challenge target. axe finds nothing serious.
 * Screenshots (1280×720): /tmp/admin-support-inbox.png, /tmp/admin-support-ticket.png,
 * /tmp/admin-community.png, /tmp/admin-community-article.png; full page /tmp/admin-community-full.png.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { seedId } from '../../sync/server/db/seed';
import { checkA11y } from '../fixtures/browser';
import type { SeedAccount } from '../fixtures/backend';
import { realProblems } from '../fixtures/account-browser';
import { useAccountsHarness } from '../fixtures/accounts-harness';

const SYNC_TIMEOUT = 45_000;
const subject = 'Referral link shows no clicks since Monday';
const partnerBody = 'My LinkedIn referral link has shown zero clicks since Monday although I shared it twice.';
const noteBody = 'Checked the click log: the UTM campaign has a trailing space. Internal only.';
const replyBody = 'Thanks for flagging this. Your link’s campaign name had a trailing space; we fixed it and clicks now count.';
const ticketId = crypto.randomUUID();
const attachmentText = '2026-11-30 09:12 GET /r/lz-linkedin 302\n2026-11-30 09:14 GET /r/lz-linkedin 302\n';
// Elite's reply in the general forum's "custom software" thread, reported by the Active partner.
const reportedPostId = seedId('forum:explain-custom-software:post:2');
const lockedThreadSubject = 'What is your follow-up cadence after the discovery call?';

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

async function signedInWindow(account: SeedAccount): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await harness.newWindow();
  await harness.signIn(page, account);
  return { page, problems };
}

describe('support inbox and community moderation', () => {
  let admin: { page: Page; problems: string[] };

  it('shows a partner’s new ticket in the inbox; the admin adds an internal note and replies; the partner reads the reply only', async () => {
    const { client: partner, userId: partnerId } = await harness.backend.signIn('active');
    const filed = await partner.from('tickets').insert({ id: ticketId, partner_id: partnerId, kind: 'support', subject, category: 'technical', priority: 'high', status: 'open' }).select().single();
    expect(filed.error).toBeNull();
    expect(filed.data).toMatchObject({ author_tier: 'active', status: 'open' });
    // The partner's first message carries a file from the private bucket, under their own folder.
    const messageId = crypto.randomUUID();
    const attachmentPath = `${partnerId}/${ticketId}/${messageId}-click-log.txt`;
    const uploaded = await partner.storage.from('ticket-attachments').upload(attachmentPath, Buffer.from(attachmentText), { contentType: 'text/plain' });
    expect(uploaded.error).toBeNull();
    const opening = await partner.from('ticket_messages').insert({
      id: messageId, partner_id: partnerId, ticket_id: ticketId, author_role: 'partner', visibility: 'public', body: partnerBody,
      attachment_path: attachmentPath, attachment_name: 'click-log.txt', attachment_mime: 'text/plain', attachment_size: Buffer.byteLength(attachmentText),
    });
    expect(opening.error).toBeNull();

    admin = await signedInWindow('admin');
    const { page } = admin;
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('tab', { name: 'Support' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Support' });
    const inbox = panel.getByRole('table', { name: 'Support inbox' });
    const row = inbox.getByRole('row').filter({ has: page.getByRole('button', { name: subject, exact: true }) });
    await row.waitFor();
    // Active's target is 48 hours from filing, so it is due in a little under two days.
    await row.getByText(/^Due in 1 d 23 h/).waitFor();
    await expect(row.getByRole('cell', { name: seedUsers.active.displayName, exact: false }).count()).resolves.toBe(1);

    // Filters narrow the list: Elite tickets only hides it; High priority keeps it.
    await panel.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Elite' });
    await row.waitFor({ state: 'detached' });
    await panel.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'All tiers' });
    await panel.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'High' });
    await row.waitFor();
    await panel.getByRole('combobox', { name: 'Age' }).selectOption({ label: 'Over 24 hours' });
    await row.waitFor({ state: 'detached' });
    await panel.getByRole('combobox', { name: 'Age' }).selectOption({ label: 'Any age' });
    await panel.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'All priorities' });
    await row.waitFor();
    await page.screenshot({ path: '/tmp/admin-support-inbox.png' });
    expect(await checkA11y(page)).toEqual([]);

    await row.getByRole('button', { name: subject, exact: true }).focus();
    await page.keyboard.press('Enter');
    // The ticket replaces the inbox: focus moves to its title, and back to the subject on return.
    await expect.poll(() => panel.getByRole('heading', { level: 2, name: subject }).evaluate((node) => node === document.activeElement)).toBe(true);
    const conversation = panel.getByRole('list', { name: 'Conversation' });
    await conversation.getByText(partnerBody).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), conversation.getByRole('button', { name: 'Download click-log.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('click-log.txt');
    await expect(readFile(await download.path(), 'utf8')).resolves.toBe(attachmentText);

    await panel.getByRole('textbox', { name: 'Internal note' }).fill(noteBody);
    await panel.getByRole('button', { name: 'Add note' }).click();
    const note = conversation.getByRole('article', { name: /^Internal note from / });
    await note.getByText(noteBody).waitFor();
    await note.getByText('Internal note — partners never see this').waitFor();
    await expect(panel.getByRole('textbox', { name: 'Internal note' }).inputValue()).resolves.toBe('');

    await panel.getByRole('textbox', { name: 'Reply' }).fill(replyBody);
    await panel.getByRole('button', { name: 'Send reply' }).click();
    await conversation.getByRole('article', { name: /^Message from / }).filter({ hasText: replyBody }).waitFor();
    await page.getByRole('status').filter({ hasText: `Reply sent to ${seedUsers.active.displayName}.` }).waitFor();
    // The server moves an open ticket to "waiting" on a staff reply; the synced ticket shows it.
    await expect.poll(() => panel.getByRole('combobox', { name: 'Status' }).inputValue(), { timeout: SYNC_TIMEOUT }).toBe('waiting');

    await panel.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => panel.getByRole('combobox', { name: 'Assign to' }).inputValue(), { timeout: SYNC_TIMEOUT }).toBe(seedUsers.admin.id);
    await page.screenshot({ path: '/tmp/admin-support-ticket.png' });
    expect(await checkA11y(page)).toEqual([]);

    // The partner, over REST: the reply and a notification, never the internal note.
    const messages = await partner.from('ticket_messages').select('body, visibility, author_role').eq('ticket_id', ticketId).order('created_at');
    expect(messages.error).toBeNull();
    expect(messages.data?.map((message) => message.body)).toEqual([partnerBody, replyBody]);
    expect(messages.data?.every((message) => message.visibility === 'public')).toBe(true);
    const byNote = await partner.from('ticket_messages').select('id').eq('body', noteBody);
    expect(byNote.data).toEqual([]);
    const ticket = await partner.from('tickets').select('status, first_response_at, assigned_name').eq('id', ticketId).single();
    expect(ticket.data).toMatchObject({ status: 'waiting', assigned_name: seedUsers.admin.displayName });
    expect(ticket.data?.first_response_at).toBeTruthy();
    const notifications = await partner.from('notifications').select('kind, title, link').eq('link', `#/support/tickets/${ticketId}`);
    expect(notifications.data).toEqual([{ kind: 'ticket_reply', title: `SISO replied to "${subject}"`, link: `#/support/tickets/${ticketId}` }]);

    // The admin still reads the note on the server.
    const { client: adminClient } = await harness.backend.signIn('admin');
    const staffView = await adminClient.from('ticket_messages').select('body').eq('ticket_id', ticketId).eq('visibility', 'internal');
    expect(staffView.data).toEqual([{ body: noteBody }]);

    await panel.getByRole('button', { name: 'Back to inbox' }).click();
    await expect.poll(() => inbox.getByRole('button', { name: subject, exact: true }).evaluate((node) => node === document.activeElement)).toBe(true);
  }, 150_000);

  it('hides a reported forum post and locks a thread; partners can no longer read the post', async () => {
    const { client: reporter } = await harness.backend.signIn('active');
    const { client: performer } = await harness.backend.signIn('performer');
    // Before: both partners read the post.
    const before = await performer.from('ticket_messages').select('id').eq('id', reportedPostId);
    expect(before.data).toEqual([{ id: reportedPostId }]);
    const reported = await reporter.rpc('report_post', { message_id: reportedPostId, reason: 'Off-topic and dismissive of a question I asked.' });
    expect(reported.error).toBeNull();

    const { page } = admin;
    await page.getByRole('tab', { name: 'Community' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Community' });
    const reports = panel.getByRole('table', { name: 'Reported posts' });
    const reportRow = reports.getByRole('row').filter({ hasText: 'Off-topic and dismissive of a question I asked.' });
    await reportRow.waitFor();
    await reportRow.getByText(`by ${seedUsers.active.displayName}`).waitFor();
    await reportRow.getByText(/Agree with the phases/).waitFor();

    const threads = panel.getByRole('table', { name: 'Forum threads' });
    await threads.getByRole('rowheader', { name: new RegExp(`^${lockedThreadSubject.replace(/[?]/g, '\\?')}`) }).waitFor();
    await page.screenshot({ path: '/tmp/admin-community.png' });
    expect(await checkA11y(page)).toEqual([]);

    await reportRow.getByRole('button', { name: `Hide post by ${seedUsers.elite.displayName}` }).click();
    await page.getByRole('status').filter({ hasText: 'The post is hidden: partners no longer see it, and its reports are closed.' }).waitFor();
    await panel.getByText('No open reports. Posts partners report appear here.').waitFor();

    await threads.getByRole('button', { name: `Lock thread ${lockedThreadSubject}` }).click();
    await page.getByRole('status').filter({ hasText: `“${lockedThreadSubject}” is locked: partners can read it but no longer reply.` }).waitFor();
    await threads.getByRole('button', { name: `Unlock thread ${lockedThreadSubject}` }).waitFor({ timeout: SYNC_TIMEOUT });

    // After: neither the reporter nor another partner can read the post's text (devices that had it
    // receive the hidden tombstone); its thread's other posts stay.
    for (const client of [reporter, performer]) {
      const hidden = await client.from('ticket_messages').select('hidden, body').eq('id', reportedPostId);
      expect(hidden.error).toBeNull();
      expect(hidden.data).toEqual([{ hidden: true, body: 'This post was hidden by a SISO moderator.' }]);
    }
    const rest = await performer.from('ticket_messages').select('id').eq('ticket_id', seedId('forum:explain-custom-software')).eq('hidden', false);
    expect(rest.data?.length).toBe(3);
    const { client: adminClient } = await harness.backend.signIn('admin');
    const resolved = await adminClient.from('post_reports').select('resolved_at, resolved_by').eq('message_id', reportedPostId);
    expect(resolved.data).toHaveLength(1);
    expect(resolved.data?.[0]?.resolved_by).toBe(seedUsers.admin.id);
    expect(resolved.data?.[0]?.resolved_at).toBeTruthy();
    const locked = await performer.from('tickets').select('locked').eq('id', seedId('forum:follow-up-cadence')).single();
    expect(locked.data).toEqual({ locked: true });

  }, 120_000);

  it('publishes a knowledge-base article, a group call and this month’s challenge through the catalog', async () => {
    const { page } = admin;
    const panel = page.getByRole('tabpanel', { name: 'Community' });
    const articleTitle = 'Why a referral link shows no clicks';

    await panel.getByRole('button', { name: 'New article' }).click();
    const editor = panel.getByRole('region', { name: 'New article' });
    await editor.getByRole('button', { name: 'Save article' }).click();
    await editor.getByText('Give the article a title partners would search for, e.g. “How and when is commission paid?”.').waitFor();
    await editor.getByText('Write a one-sentence summary; partners see it in search results.').waitFor();
    await editor.getByText('Write this block’s text, or remove it.').waitFor();

    await editor.getByRole('textbox', { name: 'Title' }).fill(articleTitle);
    await editor.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Troubleshooting' });
    await editor.getByRole('textbox', { name: 'Topic' }).fill('Referrals');
    await editor.getByRole('textbox', { name: 'Summary' }).fill('Clicks count only when the link is opened in a browser that allows the redirect.');
    await editor.getByRole('textbox', { name: 'Block 1 text' }).fill('Open the link yourself in a private window and check the click appears within a minute.');
    await editor.getByRole('button', { name: 'Add list' }).click();
    await editor.getByRole('textbox', { name: 'Block 2 items' }).fill('Check the campaign name\nCheck the link was not shortened');
    await editor.getByRole('checkbox', { name: 'Publish' }).check();
    await editor.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/admin-community-article.png' });
    expect(await checkA11y(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save article' }).click();
    await page.getByRole('status').filter({ hasText: `Saved article “${articleTitle}” (version 1, published).` }).waitFor();
    await panel.getByRole('table', { name: 'Knowledge base' }).getByRole('row').filter({ hasText: articleTitle }).getByText('Published').waitFor({ timeout: SYNC_TIMEOUT });

    // A Starter partner reads it over REST, as structured blocks.
    const { client: starter } = await harness.backend.signIn('starter');
    const published = await starter.from('catalog').select('kind, category, body').eq('title', articleTitle).single();
    expect(published.data).toMatchObject({
      kind: 'article',
      category: 'referrals',
      body: {
        article_type: 'troubleshooting',
        blocks: [
          { type: 'paragraph', text: 'Open the link yourself in a private window and check the click appears within a minute.' },
          { type: 'list', items: ['Check the campaign name', 'Check the link was not shortened'] },
        ],
      },
    });

    await panel.getByRole('button', { name: 'Publish group call' }).click();
    const callDialog = page.getByRole('dialog', { name: 'Publish group call' });
    await callDialog.getByRole('textbox', { name: 'Host' }).fill('Priya Sharma');
    await callDialog.getByRole('textbox', { name: 'Join link' }).fill('http://meet.siso.test/december-call');
    await callDialog.getByRole('button', { name: 'Publish call' }).click();
    await callDialog.getByText('Enter the full meeting link, starting with https://.').waitFor();
    await callDialog.getByRole('textbox', { name: 'Join link' }).fill('https://meet.siso.test/december-call');
    await callDialog.getByRole('textbox', { name: 'Agenda' }).fill('The December release and your questions.');
    await callDialog.getByRole('button', { name: 'Publish call' }).click();
    await callDialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Published group call “Monthly partner group call” for Active partners and above.' }).waitFor();
    const { client: activePartner } = await harness.backend.signIn('active');
    const calls = await activePartner.from('catalog').select('body').eq('kind', 'group_call');
    const call = (calls.data ?? []).filter((row: { body: { join_url?: string } }) => row.body.join_url === 'https://meet.siso.test/december-call');
    expect(call).toHaveLength(1);
    expect(call[0]?.body).toMatchObject({ host: 'Priya Sharma', capacity: 40, duration_minutes: 45, agenda: 'The December release and your questions.' });

    // The seed set this month's challenge; the admin raises its target.
    await panel.getByRole('button', { name: 'Edit this month’s challenge' }).click();
    const challengeDialog = page.getByRole('dialog', { name: /^Edit the .* challenge$/ });
    await challengeDialog.getByRole('spinbutton', { name: 'Target' }).fill('0');
    await challengeDialog.getByRole('button', { name: 'Publish challenge' }).click();
    await challengeDialog.getByText('Enter the target as a whole number, e.g. 3.').waitFor();
    await challengeDialog.getByRole('spinbutton', { name: 'Target' }).fill('5');
    await challengeDialog.getByRole('button', { name: 'Publish challenge' }).click();
    await challengeDialog.waitFor({ state: 'detached' });
    await panel.getByRole('region', { name: 'Monthly challenge' }).getByText(/^5 helpful answers, for 50 points$/).waitFor({ timeout: SYNC_TIMEOUT });
    const month = new Date().toISOString().slice(0, 7);
    const challenge = await activePartner.from('catalog').select('body').eq('slug', `challenge-${month}`).single();
    expect(challenge.data?.body).toMatchObject({ month, target: 5, metric: 'helpful_answers' });
    await page.screenshot({ path: '/tmp/admin-community-full.png', fullPage: true });

    expect(realProblems(admin.problems)).toEqual([]);
  }, 120_000);
});
