/**
 * Proposals v2 on the server, against the local backend with real signed-in clients: proposal
 * files stay in their partner's folder, the server decides whether a version's discount needs
 * SISO's approval (whatever the client sends), only admins decide, a version waiting for approval
 * cannot be signed, an approval covers later versions up to its discount, and the website's view
 * counter only counts known links.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { decideDiscount, listDiscountApprovals } from '../../renderer/features/admin/money/proposal-approvals-admin';

const bucket = 'proposals';
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const activeId = seedUsers.active.id;
const performerId = seedUsers.performer.id;
const eliteId = seedUsers.elite.id;

let backend: TestBackend;
let service: SupabaseClient;
let admin: SupabaseClient;
let active: SupabaseClient;
let performer: SupabaseClient;

beforeAll(async () => {
  backend = await startTestBackend();
  service = backend.serviceClient();
  admin = (await backend.signIn('admin')).client;
  active = (await backend.signIn('active')).client;
  performer = (await backend.signIn('performer')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

interface ActivityRow {
  id: string;
  kind: string;
  proposal_id: string | null;
  discount_percent: number | null;
  approval_status: string | null;
  decided_at: string | null;
  decision_note: string | null;
  meta: string | null;
}

async function serverActivity(id: string): Promise<ActivityRow | null> {
  const { data, error } = await service.from('activities').select('*').eq('id', id).maybeSingle();
  expect(error).toBeNull();
  return data as ActivityRow | null;
}

function pdfBlob(): Blob {
  return new Blob([pdfBytes], { type: 'application/pdf' });
}

/** Inserts a version as the partner would (sending whatever status it likes) and returns the server's row. */
async function addVersion(
  client: SupabaseClient, partnerId: string, proposalId: string, discount: number | null, extra: Record<string, unknown> = {},
): Promise<ActivityRow> {
  const id = typeof extra.id === 'string' ? extra.id : randomUUID();
  const { error } = await client.from('activities').insert({
    id, partner_id: partnerId, lead_id: seedId('active:lead:3'), kind: 'proposal_created', body: 'Proposal', proposal_id: proposalId,
    discount_percent: discount, meta: JSON.stringify({ version: 1, file_path: `${partnerId}/${proposalId}/${id}.pdf` }), ...extra,
  });
  expect(error).toBeNull();
  const row = await serverActivity(id);
  expect(row).not.toBeNull();
  return row!;
}

function signature(partnerId: string, proposalId: string, versionId: string) {
  return {
    id: randomUUID(), partner_id: partnerId, lead_id: seedId('active:lead:3'), kind: 'proposal_signed', body: 'Signed', proposal_id: proposalId,
    meta: JSON.stringify({ version_id: versionId, signer_name: 'Ada Client', signer_email: 'ada@client.example', method: 'typed' }),
  };
}

describe('proposal files', () => {
  it("keeps a partner's proposal files to them and admins", async () => {
    const proposalId = randomUUID();
    const folder = `${activeId}/${proposalId}`;
    const path = `${folder}/${randomUUID()}.pdf`;
    expect((await active.storage.from(bucket).upload(path, pdfBlob())).error).toBeNull();

    const own = await active.storage.from(bucket).download(path);
    expect(own.error).toBeNull();
    expect(Buffer.from(await own.data!.arrayBuffer())).toEqual(pdfBytes);
    expect((await active.storage.from(bucket).list(folder)).data?.map((file) => file.name)).toEqual([path.split('/').pop()]);

    expect((await performer.storage.from(bucket).download(path)).error).not.toBeNull();
    expect((await performer.storage.from(bucket).list(folder)).data ?? []).toEqual([]);
    expect((await performer.storage.from(bucket).list(activeId)).data ?? []).toEqual([]);

    // A stored version is final: not even its owner can overwrite it.
    const tampered = new Blob([Buffer.from('%PDF-1.7\n% replaced\n')], { type: 'application/pdf' });
    expect((await active.storage.from(bucket).upload(path, tampered, { upsert: true })).error).not.toBeNull();
    expect(Buffer.from(await (await active.storage.from(bucket).download(path)).data!.arrayBuffer())).toEqual(pdfBytes);

    const admins = await admin.storage.from(bucket).download(path);
    expect(admins.error).toBeNull();
    expect(Buffer.from(await admins.data!.arrayBuffer())).toEqual(pdfBytes);
  });

  it("refuses an upload into another partner's folder", async () => {
    const intruding = `${activeId}/${randomUUID()}/${randomUUID()}.pdf`;
    expect((await performer.storage.from(bucket).upload(intruding, pdfBlob())).error).not.toBeNull();
    expect((await service.storage.from(bucket).list(intruding.split('/').slice(0, 2).join('/'))).data ?? []).toEqual([]);
    expect((await performer.storage.from(bucket).upload(`${performerId}/${randomUUID()}/${randomUUID()}.pdf`, pdfBlob())).error).toBeNull();
  });

  it("holds elite's seeded proposal with the bytes its version names", async () => {
    const versionId = seedId('elite:proposal:3:version:1');
    const version = await serverActivity(versionId);
    expect(version).toMatchObject({ kind: 'proposal_created', proposal_id: seedId('elite:proposal:3'), approval_status: 'not_needed' });
    const meta = JSON.parse(version!.meta!) as { file_path: string; sha256: string; size: number; version: number };
    expect(meta.version).toBe(1);
    expect(meta.file_path).toBe(`${eliteId}/${seedId('elite:proposal:3')}/${versionId}.pdf`);

    const elite = (await backend.signIn('elite')).client;
    const file = await elite.storage.from(bucket).download(meta.file_path);
    expect(file.error).toBeNull();
    const bytes = Buffer.from(await file.data!.arrayBuffer());
    expect(bytes.length).toBe(meta.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(meta.sha256);
    expect((await active.storage.from(bucket).download(meta.file_path)).error).not.toBeNull();
  });
});

describe('discount approval', () => {
  it('reads each tier\'s limit from its seeded rule, and seeds the priced template for Active and up', async () => {
    const limits: Record<string, number> = {};
    for (const account of ['starter', 'active', 'performer', 'elite'] as const) {
      const { data, error } = await admin.rpc('proposal_discount_limit', { partner_id: seedUsers[account].id });
      expect(error).toBeNull();
      limits[account] = data as number;
    }
    expect(limits).toEqual({ starter: 0, active: 5, performer: 10, elite: 15 });
    const { data: template } = await service.from('catalog').select('id, kind, tier_required, category, published, body').eq('slug', 'priced-proposal').single();
    expect(template).toMatchObject({ id: seedId('catalog:priced-proposal'), kind: 'template', tier_required: 'active', category: 'proposals', published: true });
    expect(JSON.stringify(template!.body)).toContain('"price_list"');
  });

  it('stores pending for a discount over the tier limit, whatever the partner sends or changes', async () => {
    const proposalId = randomUUID();
    const within = await addVersion(active, activeId, proposalId, 5, { approval_status: 'pending' });
    expect(within).toMatchObject({ approval_status: 'not_needed', decided_at: null });
    expect(within.discount_percent).toBe(5);

    const over = await addVersion(active, activeId, proposalId, 12, {
      approval_status: 'approved', decided_at: '2026-01-01T00:00:00.000Z', decision_note: 'Approved by myself',
    });
    expect(over).toMatchObject({ approval_status: 'pending', decided_at: null, decision_note: null });
    expect(over.discount_percent).toBe(12);

    const { error } = await active.from('activities')
      .update({ approval_status: 'approved', discount_percent: 1, proposal_id: 'another', decided_at: '2026-01-01T00:00:00.000Z', body: 'Edited' })
      .eq('id', over.id);
    expect(error).toBeNull();
    const after = await serverActivity(over.id);
    expect(after).toMatchObject({ approval_status: 'pending', proposal_id: proposalId, decided_at: null });
    expect(after!.discount_percent).toBe(12);

    const noDiscount = await addVersion(active, activeId, proposalId, null);
    expect(noDiscount.approval_status).toBe('not_needed');
    expect(noDiscount.discount_percent).toBe(0);

    const note = randomUUID();
    expect((await active.from('activities').insert({ id: note, partner_id: activeId, kind: 'note', body: 'n', discount_percent: 50, approval_status: 'approved' })).error).toBeNull();
    expect(await serverActivity(note)).toMatchObject({ discount_percent: null, approval_status: null });
  });

  it('lets only admins decide, and refuses to sign a version waiting for approval', async () => {
    const proposalId = randomUUID();
    const pending = await addVersion(active, activeId, proposalId, 20);
    expect(pending.approval_status).toBe('pending');

    const selfApproval = await active.rpc('admin_decide_proposal_discount', { p_activity_id: pending.id, p_approve: true, p_note: null });
    expect(selfApproval.error?.message).toBe('Only SISO admins decide proposal discounts.');
    expect((await serverActivity(pending.id))?.approval_status).toBe('pending');

    const signed = signature(activeId, proposalId, pending.id);
    const refused = await active.from('activities').insert(signed);
    expect(refused.error?.message).toBe("This proposal version has a discount waiting for SISO's approval, so it cannot be signed yet.");
    expect(await serverActivity(signed.id)).toBeNull();

    const unnamed = { ...signature(activeId, proposalId, pending.id), meta: null };
    expect((await active.from('activities').insert(unnamed)).error?.message).toBe('A signature must name the proposal and the version that was signed. Update the app and sign again.');
  });

  it('approves through the admin function, tells the partner, and covers later versions up to the approved discount', async () => {
    const proposalId = randomUUID();
    const company = (await service.from('leads').select('company').eq('id', seedId('active:lead:3')).single()).data!.company as string;
    const pending = await addVersion(active, activeId, proposalId, 12);
    expect(pending.approval_status).toBe('pending');

    const { data, error } = await admin.rpc('admin_decide_proposal_discount', { p_activity_id: pending.id, p_approve: true, p_note: null });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: pending.id, approval_status: 'approved' });
    const approved = await serverActivity(pending.id);
    expect(approved?.approval_status).toBe('approved');
    expect(approved?.decided_at).not.toBeNull();

    const notes = (await active.from('notifications').select('title, link, kind').eq('kind', 'proposal_discount')).data ?? [];
    expect(notes).toContainEqual({ title: `Discount approved for ${company}`, link: '/proposals', kind: 'proposal_discount' });

    const again = await admin.rpc('admin_decide_proposal_discount', { p_activity_id: pending.id, p_approve: false, p_note: 'Too late' });
    expect(again.error?.message).toBe('This discount is not waiting for a decision (it is approved). Reload the discount approvals.');

    const signed = signature(activeId, proposalId, pending.id);
    expect((await active.from('activities').insert(signed)).error).toBeNull();
    expect(await serverActivity(signed.id)).toMatchObject({ kind: 'proposal_signed', proposal_id: proposalId, approval_status: null });

    const equal = await addVersion(active, activeId, proposalId, 12);
    expect(equal).toMatchObject({ approval_status: 'approved', decided_at: approved!.decided_at });
    const smaller = await addVersion(active, activeId, proposalId, 8);
    expect(smaller.approval_status).toBe('approved');
    const bigger = await addVersion(active, activeId, proposalId, 13);
    expect(bigger.approval_status).toBe('pending');
    const otherProposal = await addVersion(active, activeId, randomUUID(), 12);
    expect(otherProposal.approval_status).toBe('pending');
  });

  it('declines only with a note, which the version keeps', async () => {
    const pending = await addVersion(active, activeId, randomUUID(), 30);
    const noNote = await admin.rpc('admin_decide_proposal_discount', { p_activity_id: pending.id, p_approve: false, p_note: '  ' });
    expect(noNote.error?.message).toBe('Give the partner a reason for declining the discount.');
    expect((await serverActivity(pending.id))?.approval_status).toBe('pending');

    const { error } = await admin.rpc('admin_decide_proposal_discount', { p_activity_id: pending.id, p_approve: false, p_note: 'Keep discounts under 15% this quarter.' });
    expect(error).toBeNull();
    expect(await serverActivity(pending.id)).toMatchObject({ approval_status: 'declined', decision_note: 'Keep discounts under 15% this quarter.' });
  });

  it("uses each partner's own tier limit", async () => {
    const performerLead = { lead_id: seedId('performer:lead:3') };
    expect((await addVersion(performer, performerId, randomUUID(), 10, performerLead)).approval_status).toBe('not_needed');
    expect((await addVersion(performer, performerId, randomUUID(), 10.5, performerLead)).approval_status).toBe('pending');
  });
});

describe('the admin discount approvals tab', () => {
  it("lists a pending version with the lead, the partner's tier limit and the quote's total, and decides it", async () => {
    const proposalId = randomUUID();
    const id = randomUUID();
    const meta = {
      file_name: 'Priced proposal v2.pdf', template: 'priced-proposal', sha256: 'a'.repeat(64), version: 2, file_path: `${activeId}/${proposalId}/${id}.pdf`,
      size: 1000, watermarked: true, changes: ['Discount 0% → 12%'], link_id: null, tracked_url: null,
      quote: { currency: 'GBP', selection: { items: {}, discountPercent: 12 }, subtotal_minor: 1_650_000, discount_minor: 198_000, tax_minor: 290_400, total_minor: 1_742_400 },
      inputs: { template_id: 'priced-proposal', brand: { primary: '#1F6FEB', secondary: '#F5F5F0' }, intro: null, sections_off: [], white_label: false, rendered_at: new Date().toISOString() },
    };
    await addVersion(active, activeId, proposalId, 12, { id, meta: JSON.stringify(meta) });
    const company = (await service.from('leads').select('company').eq('id', seedId('active:lead:3')).single()).data!.company as string;

    const listed = (await listDiscountApprovals(admin)).find((row) => row.activityId === id);
    expect(listed).toMatchObject({
      partnerId: activeId, leadCompany: company, version: 2, discountPercent: 12, tierLimit: 5, tier: 'active', status: 'pending',
      total: { amount: 17_424, currency: 'GBP' },
    });

    await expect(decideDiscount(active, id, true, null)).rejects.toThrow('Could not approve the discount: the server says this account is not allowed to.');
    expect((await serverActivity(id))?.approval_status).toBe('pending');
    expect(await decideDiscount(admin, id, false, 'Keep it at 5%.')).toMatchObject({ status: 'declined' });
    expect((await listDiscountApprovals(admin)).find((row) => row.activityId === id)).toMatchObject({ status: 'declined', decisionNote: 'Keep it at 5%.' });
  });
});

describe('tracked proposal views', () => {
  const linkId = seedId('elite:proposal:3:link');
  const today = () => new Date().toISOString().slice(0, 10);

  async function clicksToday(): Promise<number> {
    const { data, error } = await service.from('link_clicks').select('clicks').eq('referral_link_id', linkId).eq('day', today());
    expect(error).toBeNull();
    return (data ?? []).reduce((sum, row: { clicks: number }) => sum + row.clicks, 0);
  }

  async function eliteClicks(): Promise<number> {
    const { data } = await service.from('link_clicks').select('clicks').eq('partner_id', eliteId);
    return (data ?? []).reduce((sum, row: { clicks: number }) => sum + row.clicks, 0);
  }

  it('counts a view of a known link for that day, from anyone', async () => {
    const content = `proposal-${seedId('elite:proposal:3').slice(0, 8)}`;
    const anon = backend.anonClient();
    const before = await clicksToday();
    expect((await anon.rpc('record_proposal_view', { p_ref: eliteId, p_content: content })).error).toBeNull();
    expect(await clicksToday()).toBe(before + 1);
    expect((await anon.rpc('record_proposal_view', { p_ref: eliteId, p_content: content })).error).toBeNull();
    expect(await clicksToday()).toBe(before + 2);
  });

  it('ignores unknown links and other partners', async () => {
    const anon = backend.anonClient();
    const before = await eliteClicks();
    expect((await anon.rpc('record_proposal_view', { p_ref: eliteId, p_content: 'proposal-unknown' })).error).toBeNull();
    expect((await anon.rpc('record_proposal_view', { p_ref: activeId, p_content: `proposal-${seedId('elite:proposal:3').slice(0, 8)}` })).error).toBeNull();
    expect((await anon.rpc('record_proposal_view', { p_ref: 'not-a-partner', p_content: 'main' })).error).toBeNull();
    expect(await eliteClicks()).toBe(before);
  });
});
