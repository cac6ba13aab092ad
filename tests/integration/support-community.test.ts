/**
 * Support and community on the server, against the local backend: support tickets and internal
 * notes stay private, forum reading and posting follow the category's tier, locked threads and
 * staff-only categories refuse posts, server-owned columns and points cannot be written by
 * partners, helpful answers award points, staff replies notify, other partners show only their
 * public identity, ticket attachments stay in the owner's folder, and group calls fill up.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { classifyPushError } from '../../sync/replication/sync-problems';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient, type WorkstationClient } from '../fixtures/sync-clients';

let backend: TestBackend;
let starter: SupabaseClient;
let active: SupabaseClient;
let performer: SupabaseClient;
let elite: SupabaseClient;
let admin: SupabaseClient;

const activeId = seedUsers.active.id;
const performerId = seedUsers.performer.id;
const activeTicketId = seedId('active:ticket:0');
const performerTicketId = seedId('performer:ticket:0');
const internalNoteId = seedId('active:ticket:internal-note');
const lockedThreadId = seedId('forum:statement-clawbacks');
const generalThreadId = seedId('forum:explain-custom-software');
const pngBytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  backend = await startTestBackend();
  starter = (await backend.signIn('starter')).client;
  active = (await backend.signIn('active')).client;
  performer = (await backend.signIn('performer')).client;
  elite = (await backend.signIn('elite')).client;
  admin = (await backend.signIn('admin')).client;
}, 60_000);

const clients: WorkstationClient[] = [];

afterAll(async () => {
  for (const client of clients) await client.close();
  await backend?.close();
});

async function startThread(client: SupabaseClient, authorId: string, category: string, subject: string, body = 'What do you all think?') {
  const id = randomUUID();
  const thread = await client.from('tickets').insert({ id, partner_id: authorId, kind: 'forum', category, subject, priority: 'normal', status: 'open' });
  if (thread.error) return { id, error: thread.error };
  const first = await client.from('ticket_messages').insert({ id: randomUUID(), partner_id: authorId, ticket_id: id, author_role: 'partner', visibility: 'public', body });
  return { id, error: first.error };
}

async function reply(client: SupabaseClient, authorId: string, ticketId: string, body: string, extra: Record<string, unknown> = {}) {
  const id = randomUUID();
  const { error } = await client.from('ticket_messages').insert({ id, partner_id: authorId, ticket_id: ticketId, author_role: 'partner', visibility: 'public', body, ...extra });
  return { id, error };
}

async function communityOf(partnerId: string): Promise<{ points: number; helpful_answers: number; badges: string[] }> {
  const { data, error } = await admin.from('partner_status').select('metrics').eq('partner_id', partnerId).single();
  expect(error).toBeNull();
  return (data as { metrics: { community: { points: number; helpful_answers: number; badges: string[] } } }).metrics.community;
}

describe('support tickets stay private', () => {
  it("does not show a partner another partner's tickets or their messages", async () => {
    const tickets = await active.from('tickets').select('id, partner_id').eq('kind', 'support');
    expect(tickets.error).toBeNull();
    expect(tickets.data!.length).toBeGreaterThan(0);
    expect(new Set(tickets.data!.map((row) => row.partner_id))).toEqual(new Set([activeId]));
    expect((await active.from('tickets').select('id').eq('id', performerTicketId)).data).toEqual([]);
    expect((await active.from('ticket_messages').select('id').eq('ticket_id', performerTicketId)).data).toEqual([]);
    expect((await performer.from('ticket_messages').select('id').eq('ticket_id', performerTicketId)).data!.length).toBeGreaterThan(0);
  });

  it('never lets the partner read internal notes on their own ticket, while staff do', async () => {
    const own = await active.from('ticket_messages').select('id, visibility').eq('ticket_id', activeTicketId);
    expect(own.error).toBeNull();
    expect(own.data!.length).toBeGreaterThan(0);
    expect(own.data!.every((row) => row.visibility === 'public')).toBe(true);
    expect(own.data!.map((row) => row.id)).not.toContain(internalNoteId);
    const staff = await admin.from('ticket_messages').select('id, visibility').eq('id', internalNoteId);
    expect(staff.data).toEqual([{ id: internalNoteId, visibility: 'internal' }]);
  });

  it("refuses a partner's message on another partner's ticket or written as support", async () => {
    expect((await reply(active, activeId, performerTicketId, 'Hello from someone else')).error).not.toBeNull();
    expect((await reply(active, activeId, activeTicketId, 'Pretending to be SISO', { author_role: 'support' })).error).not.toBeNull();
    expect((await reply(active, activeId, activeTicketId, 'A note to myself', { visibility: 'internal' })).error).not.toBeNull();
    const misfiled = await reply(active, activeId, activeTicketId, 'See attached', { attachment_path: `${performerId}/${activeTicketId}/x-shot.png` });
    expect(misfiled.error?.message).toBe('Attachments are stored under the ticket\'s folder. Attach the file again.');
  });

  it('answers a message that arrives before its ticket with an error the workstation retries, not a refusal', async () => {
    const early = await reply(active, activeId, randomUUID(), 'Written offline, pushed before the ticket');
    expect(early.error?.code).toBe('55000');
    expect(classifyPushError(early.error).kind).toBe('transient');
    expect(classifyPushError((await reply(active, activeId, performerTicketId, 'Not my ticket')).error).kind).toBe('refused');
  });

  it('notifies the owner and starts the SLA clock when staff reply publicly; internal notes stay silent', async () => {
    const ticketId = randomUUID();
    const subject = 'Payout shows the wrong currency';
    const opened = await active.from('tickets').insert({ id: ticketId, partner_id: activeId, kind: 'support', subject, category: 'billing', priority: 'high', status: 'open' });
    expect(opened.error).toBeNull();
    expect((await reply(active, activeId, ticketId, 'My last payout was sent in EUR, not GBP.')).error).toBeNull();

    const filed = await active.from('tickets').select('tier_required, author_name, author_tier, response_due_at, first_response_at, message_count').eq('id', ticketId).single();
    expect(filed.data).toMatchObject({ tier_required: 'starter', author_name: seedUsers.active.displayName, author_tier: 'active', first_response_at: null, message_count: 1 });
    const dueInHours = (Date.parse(filed.data!.response_due_at as string) - Date.now()) / 3_600_000;
    expect(dueInHours).toBeGreaterThan(47);
    expect(dueInHours).toBeLessThanOrEqual(48);

    const note = await admin.from('ticket_messages').insert({ id: randomUUID(), partner_id: activeId, ticket_id: ticketId, author_role: 'support', visibility: 'internal', body: 'Check the payout batch of the 28th.' });
    expect(note.error).toBeNull();
    expect((await active.from('notifications').select('id').eq('link', `#/support/tickets/${ticketId}`)).data).toEqual([]);

    const answer = await admin.from('ticket_messages').insert({ id: randomUUID(), partner_id: activeId, ticket_id: ticketId, author_role: 'support', visibility: 'public', body: 'We have corrected the currency and will resend it.' });
    expect(answer.error).toBeNull();
    const after = await active.from('tickets').select('status, first_response_at, message_count').eq('id', ticketId).single();
    expect(after.data).toMatchObject({ status: 'waiting', message_count: 2 });
    expect(after.data!.first_response_at).not.toBeNull();
    const notifications = await active.from('notifications').select('title, kind, link').eq('link', `#/support/tickets/${ticketId}`);
    expect(notifications.data).toEqual([{ title: `SISO replied to "${subject}"`, kind: 'ticket_reply', link: `#/support/tickets/${ticketId}` }]);
    const conversation = await active.from('ticket_messages').select('author_name, visibility').eq('ticket_id', ticketId).order('created_at');
    expect(conversation.data).toEqual([
      { author_name: seedUsers.active.displayName, visibility: 'public' },
      { author_name: 'SISO Support', visibility: 'public' },
    ]);
  });

  it('lets the partner resolve or reopen their ticket but not set staff statuses or SLA fields', async () => {
    const resolved = await active.from('tickets').update({ status: 'resolved', first_response_at: null, assigned_name: 'Me' }).eq('id', activeTicketId).select('status, first_response_at, assigned_name').single();
    expect(resolved.error).toBeNull();
    expect(resolved.data!.status).toBe('resolved');
    expect(resolved.data!.first_response_at).not.toBeNull();
    expect(resolved.data!.assigned_name).toBeNull();
    const waiting = await active.from('tickets').update({ status: 'waiting' }).eq('id', activeTicketId).select();
    expect(waiting.error?.message).toBe('You can mark a ticket resolved or closed, or reopen it; SISO sets the other statuses.');
    const reopened = await active.from('tickets').update({ status: 'open' }).eq('id', activeTicketId).select('status').single();
    expect(reopened.data).toEqual({ status: 'open' });
  });
});

describe('forum tier gates', () => {
  it('shows each partner only the threads their tier reaches', async () => {
    const tiersSeenBy = async (client: SupabaseClient) => {
      const { data, error } = await client.from('tickets').select('tier_required').eq('kind', 'forum');
      expect(error).toBeNull();
      return new Set(data!.map((row) => row.tier_required));
    };
    expect(await tiersSeenBy(starter)).toEqual(new Set(['starter']));
    expect(await tiersSeenBy(active)).toEqual(new Set(['starter', 'active']));
    expect(await tiersSeenBy(elite)).toEqual(new Set(['starter', 'active', 'performer', 'elite']));
    expect((await starter.from('ticket_messages').select('id').eq('ticket_id', generalThreadId)).data).toEqual([]);
  });

  it('refuses threads in categories the tier does not reach and in the staff-only category', async () => {
    const general = await startThread(starter, seedUsers.starter.id, 'general', 'Can I post here?');
    expect(general.error?.message).toBe('"General discussion" is for Active partners and above; reach that tier to post there.');
    const mastermind = await startThread(active, activeId, 'mastermind', 'Pricing help');
    expect(mastermind.error?.message).toBe('"Performer mastermind" is for Performer partners and above; reach that tier to post there.');
    const updates = await startThread(active, activeId, 'siso-updates', 'My own announcement');
    expect(updates.error?.message).toBe('Only the SISO team starts threads in "SISO updates and announcements". Reply to an announcement or post in another category.');
    expect((await reply(starter, seedUsers.starter.id, generalThreadId, 'Sneaking in a reply')).error).not.toBeNull();
    const story = await startThread(starter, seedUsers.starter.id, 'success-stories', 'My second deal', 'A bakery chain signed phase one.');
    expect(story.error).toBeNull();
  });

  it('refuses replies on a locked thread', async () => {
    const locked = await reply(active, activeId, lockedThreadId, 'One more question');
    expect(locked.error?.message).toBe('This thread is locked, so it takes no new replies. Start a new thread if you need to.');
  });
});

describe('what partners cannot write', () => {
  it('keeps server-owned columns of threads and posts whatever the partner sends', async () => {
    const id = randomUUID();
    const created = await active.from('tickets').insert({
      id, partner_id: activeId, kind: 'forum', category: 'general', subject: 'Forged thread', priority: 'urgent', status: 'resolved',
      tier_required: 'starter', author_name: 'SISO Support', author_company: 'SISO', locked: true, pinned: true, hidden: false,
      message_count: 99, helpful_message_id: 'forged', first_response_at: new Date().toISOString(),
    });
    expect(created.error).toBeNull();
    const post = await reply(active, activeId, id, 'Opening post', { helpful: true, author_name: 'SISO Support', edited_at: new Date().toISOString() });
    expect(post.error).toBeNull();
    const thread = await active.from('tickets').select('tier_required, author_name, author_company, author_tier, locked, pinned, message_count, helpful_message_id, first_response_at, priority, status').eq('id', id).single();
    expect(thread.data).toEqual({
      tier_required: 'active', author_name: seedUsers.active.displayName, author_company: seedUsers.active.company, author_tier: 'active',
      locked: false, pinned: false, message_count: 1, helpful_message_id: null, first_response_at: null, priority: 'normal', status: 'open',
    });
    const stored = await active.from('ticket_messages').select('helpful, author_name, edited_at').eq('id', post.id).single();
    expect(stored.data).toEqual({ helpful: false, author_name: seedUsers.active.displayName, edited_at: null });

    const promoted = await active.from('ticket_messages').update({ helpful: true, hidden: false, author_name: 'Someone else' }).eq('id', post.id).select('helpful, author_name').single();
    expect(promoted.data).toEqual({ helpful: false, author_name: seedUsers.active.displayName });
  });

  it('refuses awarding points: the ledger, partner_status and marking your own post helpful', async () => {
    const before = await communityOf(activeId);
    const ledger = await active.from('community_points').insert({ partner_id: activeId, points: 1000, reason: 'helpful' });
    expect(ledger.error).not.toBeNull();
    expect((await active.from('community_points').select('*')).data ?? []).toEqual([]);
    const status = await active.from('partner_status').update({ metrics: { community: { points: 1000, month_points: 1000, helpful_answers: 50, badges: ['Top contributor'] } } }).eq('partner_id', activeId).select();
    expect(status.data ?? []).toEqual([]);

    const thread = await startThread(active, activeId, 'general', 'Self-help question');
    expect(thread.error).toBeNull();
    const own = await reply(active, activeId, thread.id, 'Answering myself');
    const selfMark = await active.rpc('mark_helpful_answer', { message_id: own.id });
    expect(selfMark.error?.message).toBe('Mark a reply from someone else as the helpful answer, not your own post.');
    const points = await communityOf(activeId);
    expect(points.helpful_answers).toBe(before.helpful_answers);
    // The new thread (5) and the reply (2) are the only new points.
    expect(points.points).toBe(before.points + 7);
  });

  it("refuses edits to another partner's forum post and lets the author edit their own", async () => {
    const thread = await startThread(active, activeId, 'general', 'Edit rights');
    const answer = await reply(performer, performerId, thread.id, 'Original answer');
    expect(answer.error).toBeNull();
    const hijack = await active.from('ticket_messages').update({ body: 'Rewritten by someone else' }).eq('id', answer.id).select();
    expect(hijack.data ?? []).toEqual([]);
    const edited = await performer.from('ticket_messages').update({ body: 'Corrected answer' }).eq('id', answer.id).select('body, edited_at').single();
    expect(edited.data!.body).toBe('Corrected answer');
    expect(edited.data!.edited_at).not.toBeNull();
    const removed = await active.from('ticket_messages').update({ _deleted: true }).eq('id', answer.id).select();
    expect(removed.data ?? []).toEqual([]);
  });
});

describe('helpful answers and reputation', () => {
  it("awards 15 points to the answer's author when the thread's author marks it, and only the author may", async () => {
    const thread = await startThread(active, activeId, 'technical-troubleshooting', 'Proposal PDF will not open');
    const answer = await reply(performer, performerId, thread.id, 'Regenerate it after updating your logo; an old cached PDF is the usual cause.');
    expect(answer.error).toBeNull();
    const before = await communityOf(performerId);

    const stranger = await elite.rpc('mark_helpful_answer', { message_id: answer.id });
    expect(stranger.error?.message).toBe('Only the person who started the thread can mark the helpful answer.');
    const marked = await active.rpc('mark_helpful_answer', { message_id: answer.id });
    expect(marked.error).toBeNull();

    const after = await communityOf(performerId);
    expect(after.points).toBe(before.points + 15);
    expect(after.helpful_answers).toBe(before.helpful_answers + 1);
    expect(after.badges).toContain('Helpful');
    const thread_ = await active.from('tickets').select('helpful_message_id').eq('id', thread.id).single();
    expect(thread_.data!.helpful_message_id).toBe(answer.id);
    const own = await performer.from('partner_status').select('metrics').eq('partner_id', performerId).single();
    expect((own.data!.metrics as { community: { points: number } }).community.points).toBe(after.points);
  });

  it("rewards this month's challenge once, when its target of helpful answers is met", async () => {
    const challenge = await performer.from('catalog').select('body').eq('kind', 'challenge').single();
    const target = (challenge.data!.body as { target: number; reward_points: number }).target;
    const reward = (challenge.data!.body as { target: number; reward_points: number }).reward_points;
    const before = await communityOf(seedUsers.elite.id);
    for (let index = 0; index < target; index += 1) {
      const thread = await startThread(active, activeId, 'marketing-tips', `Event follow-up question ${index + 1}`);
      const answer = await reply(elite, seedUsers.elite.id, thread.id, 'Send the recap within 24 hours with one concrete next step.');
      expect((await active.rpc('mark_helpful_answer', { message_id: answer.id })).error).toBeNull();
    }
    const after = await communityOf(seedUsers.elite.id);
    // Seeded answers may already have met the target late in a month; the reward is paid once either way.
    expect(after.points).toBe(before.points + target * (2 + 15) + (before.badges.includes('Challenge winner') ? 0 : reward));
    expect(after.badges).toContain('Challenge winner');
    const oneMore = await startThread(active, activeId, 'marketing-tips', 'One more question');
    const answer = await reply(elite, seedUsers.elite.id, oneMore.id, 'Same advice again.');
    await active.rpc('mark_helpful_answer', { message_id: answer.id });
    expect((await communityOf(seedUsers.elite.id)).points).toBe(after.points + 17);
  });

  it('takes the points of a deleted or hidden post away', async () => {
    const thread = await startThread(active, activeId, 'general', 'Points for deleted posts');
    const answer = await reply(performer, performerId, thread.id, 'A reply I will delete.');
    const withReply = await communityOf(performerId);
    expect((await performer.from('ticket_messages').update({ _deleted: true }).eq('id', answer.id).select()).error).toBeNull();
    expect((await communityOf(performerId)).points).toBe(withReply.points - 2);
    const second = await reply(performer, performerId, thread.id, 'A reply SISO will hide.');
    expect((await communityOf(performerId)).points).toBe(withReply.points);
    expect((await admin.rpc('admin_moderate_post', { message_id: second.id, hidden: true })).error).toBeNull();
    expect((await communityOf(performerId)).points).toBe(withReply.points - 2);
  });

  it('shows other partners by display name, company and tier only', async () => {
    const rows = await performer.from('ticket_messages').select('*').eq('ticket_id', generalThreadId);
    expect(rows.error).toBeNull();
    const fromActive = rows.data!.filter((row) => row.partner_id === activeId);
    expect(fromActive.length).toBeGreaterThan(0);
    expect(fromActive[0]).toMatchObject({ author_name: seedUsers.active.displayName, author_company: seedUsers.active.company, author_tier: 'active' });
    const threads = await performer.from('tickets').select('*').eq('kind', 'forum');
    for (const row of [...rows.data!, ...threads.data!]) {
      expect(Object.keys(row).filter((column) => /email|phone|payout|earning|lead/i.test(column))).toEqual([]);
      expect(JSON.stringify(row)).not.toContain('@siso.test');
    }
    expect((await performer.from('profiles').select('id').eq('partner_id', activeId)).data).toEqual([]);
    const directory = await performer.from('catalog').select('body').eq('slug', 'directory').single();
    expect(JSON.stringify(directory.data)).not.toContain('@');
    expect(JSON.stringify(directory.data)).toContain(seedUsers.active.company);
  });

  it('lists opted-in partners in the directory with their country, and drops them when they opt out', async () => {
    const entryFor = async (company: string) => {
      const { data } = await starter.from('catalog').select('body').eq('slug', 'directory').single();
      return (data!.body as { entries: { company: string | null; country: string | null; tier: string }[] }).entries.find((entry) => entry.company === company);
    };
    expect((await active.from('profiles').update({ country: 'PL' }).eq('partner_id', activeId).select()).error).toBeNull();
    expect(await entryFor(seedUsers.active.company)).toMatchObject({ country: 'PL', tier: 'active' });
    expect((await active.from('profiles').update({ leaderboard_opt_in: false }).eq('partner_id', activeId).select()).error).toBeNull();
    expect(await entryFor(seedUsers.active.company)).toBeUndefined();
    await active.from('profiles').update({ leaderboard_opt_in: true }).eq('partner_id', activeId);
  });

  it('stores a report for admins only', async () => {
    const reportId = await performer.rpc('report_post', { message_id: seedId('forum:explain-custom-software:post:2'), reason: 'Off topic' });
    expect(reportId.error).toBeNull();
    expect((await performer.from('post_reports').select('*')).data ?? []).toEqual([]);
    const seen = await admin.from('post_reports').select('reason, reporter_id').eq('id', reportId.data as string);
    expect(seen.data).toEqual([{ reason: 'Off topic', reporter_id: performerId }]);
    const hidden = await admin.rpc('admin_moderate_post', { message_id: seedId('forum:explain-custom-software:post:2'), hidden: true });
    expect(hidden.error).toBeNull();
    // Devices that synced the post learn it is hidden; its text stays on the server for staff.
    const tombstone = await performer.from('ticket_messages').select('hidden, body').eq('id', seedId('forum:explain-custom-software:post:2'));
    expect(tombstone.data).toEqual([{ hidden: true, body: 'This post was hidden by a SISO moderator.' }]);
    const shown = await admin.rpc('admin_moderate_post', { message_id: seedId('forum:explain-custom-software:post:2'), hidden: false });
    expect(shown.error).toBeNull();
    const restored = await performer.from('ticket_messages').select('hidden, body').eq('id', seedId('forum:explain-custom-software:post:2')).single();
    expect(restored.data?.hidden).toBe(false);
    expect(restored.data?.body).not.toBe('This post was hidden by a SISO moderator.');
  });

  it('takes a hidden thread and its posts off every device, and brings them back when shown', async () => {
    const { data: thread } = await admin.from('tickets').select('id, subject').eq('kind', 'forum').eq('category', 'success-stories').limit(1).single();
    const threadId = (thread as { id: string; subject: string }).id;
    const subject = (thread as { id: string; subject: string }).subject;
    const before = await starter.from('ticket_messages').select('id, body').eq('ticket_id', threadId).order('created_at');
    expect(before.data?.length).toBeGreaterThan(0);
    expect((await admin.from('tickets').update({ hidden: true }).eq('id', threadId)).error).toBeNull();
    expect((await starter.from('tickets').select('subject, hidden').eq('id', threadId).single()).data).toEqual({ subject: 'Hidden thread', hidden: true });
    const hiddenPosts = await starter.from('ticket_messages').select('hidden, body').eq('ticket_id', threadId);
    expect(new Set(hiddenPosts.data?.map((post) => `${post.hidden}:${post.body}`))).toEqual(new Set(['true:This post was hidden by a SISO moderator.']));
    expect((await starter.from('ticket_messages').insert({ id: randomUUID(), partner_id: seedUsers.starter.id, ticket_id: threadId, author_role: 'partner', body: 'Still here?', visibility: 'public', hidden: false, helpful: false })).error).not.toBeNull();

    expect((await admin.from('tickets').update({ hidden: false }).eq('id', threadId)).error).toBeNull();
    expect((await starter.from('tickets').select('subject').eq('id', threadId).single()).data?.subject).toBe(subject);
    const after = await starter.from('ticket_messages').select('id, body').eq('ticket_id', threadId).order('created_at');
    expect(after.data).toEqual(before.data);
  });
});

describe('ticket attachments', () => {
  const bucket = 'ticket-attachments';

  it("keeps a partner's attachment to them and staff", async () => {
    const path = `${activeId}/${activeTicketId}/${randomUUID()}-screenshot.png`;
    const upload = await active.storage.from(bucket).upload(path, new Blob([pngBytes], { type: 'image/png' }));
    expect(upload.error).toBeNull();
    expect((await active.storage.from(bucket).download(path)).error).toBeNull();
    expect((await admin.storage.from(bucket).download(path)).error).toBeNull();
    expect((await performer.storage.from(bucket).download(path)).error).not.toBeNull();
    const intrusion = await performer.storage.from(bucket).upload(`${activeId}/${activeTicketId}/evil.png`, new Blob([pngBytes], { type: 'image/png' }));
    expect(intrusion.error).not.toBeNull();
  });

  it('refuses types and sizes the bucket does not allow', async () => {
    const folder = `${activeId}/${activeTicketId}`;
    const program = await active.storage.from(bucket).upload(`${folder}/tool.exe`, new Blob([Buffer.from('MZ')], { type: 'application/x-msdownload' }));
    expect(program.error).not.toBeNull();
    const large = await active.storage.from(bucket).upload(`${folder}/large.zip`, new Blob([Buffer.alloc(10 * 1024 * 1024 + 1)], { type: 'application/zip' }));
    expect(large.error).not.toBeNull();
  });
});

describe('group calls', () => {
  it('books group calls by tier and refuses a full call', async () => {
    const activeCallId = seedId('catalog:group-call-active-monthly-1');
    const booking = (partnerId: string, callId: string) => ({ id: randomUUID(), partner_id: partnerId, kind: 'registration', course_id: callId, ref_id: callId, module_index: 0 });
    const refused = await starter.from('training_progress').insert(booking(seedUsers.starter.id, activeCallId));
    expect(refused.error?.message).toBe('"Monthly partner group call" is for Active partners and above; reach that tier to register.');
    expect((await active.from('training_progress').insert(booking(activeId, activeCallId))).error).toBeNull();

    const smallCallId = randomUUID();
    const published = await admin.from('catalog').insert({
      id: smallCallId, kind: 'group_call', title: 'Small group call', slug: `small-call-${smallCallId}`, tier_required: 'active', published: true,
      body: { starts_at: new Date(Date.now() + 86_400_000).toISOString(), duration_minutes: 30, host: 'SISO', join_url: 'https://meet.siso.test/small', capacity: 1, agenda: '' },
    });
    expect(published.error).toBeNull();
    expect((await performer.from('training_progress').insert(booking(performerId, smallCallId))).error).toBeNull();
    const full = await elite.from('training_progress').insert(booking(seedUsers.elite.id, smallCallId));
    expect(full.error?.message).toBe('"Small group call" is full. Choose another group call.');
  });
});

describe('tickets and threads on a workstation', () => {
  it('sends a ticket filed offline, then pulls the staff reply and the forum its tier reaches, never internal notes', async () => {
    const device = await startClient(backend, { account: 'active', dbName: `support-${randomUUID()}`, collections: ['tickets', 'ticket_messages'], online: false, retryTime: 200 });
    clients.push(device);
    const ticketId = randomUUID();
    const now = new Date().toISOString();
    // The message is written first, so it may reach the server before its ticket.
    await device.db.ticket_messages.insert({
      id: randomUUID(), partner_id: device.userId, ticket_id: ticketId, created_at: now, author_role: 'partner', body: 'The proposal PDF fails to open on my iPad.',
      visibility: 'public', hidden: false, helpful: false,
    });
    await device.db.tickets.insert({
      id: ticketId, partner_id: device.userId, created_at: now, kind: 'support', subject: 'Proposal PDF does not open', category: 'technical', priority: 'normal',
      status: 'open', tier_required: 'starter', locked: false, hidden: false, pinned: false, message_count: 0,
    });
    await device.replication.setOnline(true);

    const filed = await eventually(async () => {
      const ticket = await device.db.tickets.findOne(ticketId).exec();
      return ticket?.message_count === 1 ? ticket.toJSON() : null;
    }, 'the ticket and its message on the server, pulled back with the server-filled columns');
    expect(filed).toMatchObject({ author_name: seedUsers.active.displayName, author_tier: 'active', status: 'open' });
    expect(filed.response_due_at).toBeTruthy();
    expect(device.problems.list()).toEqual([]);

    await admin.from('ticket_messages').insert({ id: randomUUID(), partner_id: activeId, ticket_id: ticketId, author_role: 'support', visibility: 'internal', body: 'Known iPad issue.' });
    await admin.from('ticket_messages').insert({ id: randomUUID(), partner_id: activeId, ticket_id: ticketId, author_role: 'support', visibility: 'public', body: 'Fixed in today\'s release; please try again.' });
    await eventually(async () => (await device.db.tickets.findOne(ticketId).exec())?.status === 'waiting', 'the ticket waiting on the partner');
    const conversation = await eventually(async () => {
      const messages = await device.db.ticket_messages.find({ selector: { ticket_id: ticketId } }).exec();
      return messages.length === 2 ? messages.map((message) => message.toJSON()) : null;
    }, 'the staff reply pulled');
    expect(conversation.map((message) => [message.author_name, message.visibility]).sort()).toEqual([['SISO Support', 'public'], [seedUsers.active.displayName, 'public']]);
    expect(await device.db.ticket_messages.findOne(internalNoteId).exec()).toBeNull();

    const forum = await device.db.tickets.find({ selector: { kind: 'forum' } }).exec();
    expect(forum.length).toBeGreaterThan(0);
    expect(new Set(forum.map((thread) => thread.tier_required))).toEqual(new Set(['starter', 'active']));

    const live = await reply(performer, performerId, generalThreadId, 'One more angle: ask which report they dread building each month.');
    expect(live.error).toBeNull();
    const arrived = await eventually(() => device.db.ticket_messages.findOne(live.id).exec(), "another partner's reply arriving live");
    expect(arrived.toJSON()).toMatchObject({ author_name: seedUsers.performer.displayName, author_company: seedUsers.performer.company, author_tier: 'performer' });
  });
});
