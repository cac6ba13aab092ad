/**
 * The commission center's server rules, through the real supabase-js client against the local
 * backend (PGlite): partners never write earnings; a won lead makes exactly one pending commission
 * at the partner's rate, reopening it makes a clawback, winning again a new commission; partners
 * see only their own earnings and payouts and never read back payout details; withdrawals are
 * checked against the available balance and the minimum; only admins move a payout's status; and
 * a withdrawal requested offline in a local store syncs and gets the admin's approval back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { computeBalances } from '../../sync/domain/payouts';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient } from '../fixtures/sync-clients';

interface EarningRow {
  id: string;
  partner_id: string;
  kind: string;
  lead_id: string | null;
  commission_type: string | null;
  amount: number;
  currency: string;
  rate: number | null;
  tier: string | null;
  deal_value: number | null;
  status: string;
  payout_id: string | null;
  reason: string | null;
  reverses_id: string | null;
  lead_win: number | null;
  history: { reason: string; status_from: string; status_to: string }[];
  _deleted: boolean;
}

interface PayoutRow {
  id: string;
  partner_id: string;
  amount: number;
  currency: string;
  method: string;
  status: string;
  reason: string | null;
  reference: string | null;
  _deleted: boolean;
}

const VALID_IBAN = 'GB82 WEST 1234 5698 7654 32';

let backend: TestBackend;
let performer: SupabaseClient;
let active: SupabaseClient;
let admin: SupabaseClient;
const performerId = seedUsers.performer.id;

beforeAll(async () => {
  backend = await startTestBackend();
  performer = (await backend.signIn('performer')).client;
  active = (await backend.signIn('active')).client;
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

async function linesForLead(leadId: string): Promise<EarningRow[]> {
  const { data, error } = await performer.from('earnings').select('*').eq('lead_id', leadId).order('created_at').order('lead_win');
  expect(error).toBeNull();
  return data as EarningRow[];
}

async function availableGbp(): Promise<number> {
  const [{ data: lines }, { data: payouts }] = await Promise.all([
    performer.from('earnings').select('*').eq('partner_id', performerId),
    performer.from('payouts').select('*').eq('partner_id', performerId),
  ]);
  return computeBalances(lines as EarningRow[], payouts as PayoutRow[]).find((balance) => balance.currency === 'GBP')?.available ?? 0;
}

describe('the seed', () => {
  it('gives each won lead exactly one commission (the trigger found the seeded ones) and the performer a history', async () => {
    const { data: won } = await admin.from('leads').select('id').eq('stage', 'won');
    const { data: commissions } = await admin.from('earnings').select('lead_id').not('lead_win', 'is', null);
    const wonIds = (won as { id: string }[]).map((lead) => lead.id).sort();
    const perWin = (commissions as { lead_id: string }[]).map((line) => line.lead_id).filter((id) => wonIds.includes(id)).sort();
    expect(perWin).toEqual(wonIds);
    const { data: lines } = await performer.from('earnings').select('commission_type, status');
    const types = new Set((lines as EarningRow[]).map((line) => line.commission_type));
    expect([...types]).toEqual(expect.arrayContaining(['referral', 'bonus', 'clawback']));
    const { data: payouts } = await performer.from('payouts').select('status');
    expect(new Set((payouts as PayoutRow[]).map((payout) => payout.status))).toEqual(new Set(['paid', 'approved', 'requested', 'rejected']));
    // The server's balance function and the domain module agree.
    const { data: serverAvailable } = await performer.rpc('partner_available_balance', { target_partner: performerId, balance_currency: 'GBP' });
    expect(serverAvailable).toBeCloseTo(await availableGbp(), 2);
  });
});

describe('earnings are written by the server only', () => {
  it('refuses a partner inserting or changing earnings', async () => {
    const insert = await performer.from('earnings').insert({ id: randomUUID(), partner_id: performerId, kind: 'commission', amount: 1_000_000, currency: 'GBP' });
    expect(insert.error).not.toBeNull();
    const update = await performer.from('earnings').update({ amount: 999_999 }).eq('partner_id', performerId).select('id');
    expect(update.data ?? []).toEqual([]);
    const { data } = await performer.from('earnings').select('amount').eq('amount', 999_999);
    expect(data).toEqual([]);
  });

  it('creates one pending commission at the partner rate when a lead is won, a clawback when reopened, and a new one when won again', async () => {
    const leadId = randomUUID();
    expect((await performer.from('leads').insert({ id: leadId, partner_id: performerId, company: 'Trigger Test Ltd', stage: 'proposal', estimated_value: 10_000, currency: 'GBP' })).error).toBeNull();
    expect(await linesForLead(leadId)).toEqual([]);

    await performer.from('leads').update({ stage: 'won' }).eq('id', leadId);
    await performer.from('leads').update({ stage: 'won', notes: 'Saved again as won' }).eq('id', leadId);
    const [commission, ...others] = await linesForLead(leadId);
    expect(others).toEqual([]);
    expect(commission).toMatchObject({
      kind: 'commission', commission_type: 'referral', status: 'pending', amount: 2500, rate: 25, tier: 'performer', deal_value: 10_000, currency: 'GBP', lead_win: 1,
    });

    await performer.from('leads').update({ stage: 'proposal' }).eq('id', leadId);
    const afterReopen = await linesForLead(leadId);
    expect(afterReopen).toHaveLength(2);
    expect(afterReopen.find((line) => line.id === commission!.id)?.status).toBe('reversed');
    expect(afterReopen.find((line) => line.commission_type === 'clawback')).toMatchObject({
      amount: -2500, status: 'reversed', reverses_id: commission!.id, reason: 'The lead was moved from won back to proposal, so its commission is reversed.',
    });

    await performer.from('leads').update({ stage: 'won' }).eq('id', leadId);
    const afterRewin = await linesForLead(leadId);
    expect(afterRewin).toHaveLength(3);
    expect(afterRewin.filter((line) => line.status === 'pending')).toMatchObject([{ lead_win: 2, amount: 2500 }]);
  });

  it('claws back an approved commission from the available balance, which may go negative', async () => {
    const leadId = randomUUID();
    await performer.from('leads').insert({ id: leadId, partner_id: performerId, company: 'Clawback Co', stage: 'won', estimated_value: 4_000_000, currency: 'GBP' });
    const [commission] = await linesForLead(leadId);
    expect(commission).toMatchObject({ amount: 1_000_000, status: 'pending' });

    const refused = await performer.rpc('admin_adjust_commission', { earning_id: commission!.id, reason: 'Self-approval', new_status: 'approved' });
    expect(refused.error).toMatchObject({ code: '42501', message: 'Only SISO admins can adjust commissions.' });
    const noReason = await admin.rpc('admin_adjust_commission', { earning_id: commission!.id, reason: ' ', new_status: 'approved' });
    expect(noReason.error?.message).toBe("Give a reason for the adjustment; the partner sees it in the commission's history.");
    const approved = await admin.rpc('admin_adjust_commission', { earning_id: commission!.id, reason: 'Client paid the first invoice.', new_status: 'approved' });
    expect(approved.error).toBeNull();
    const before = await availableGbp();

    await performer.from('leads').update({ stage: 'lost' }).eq('id', leadId);
    const lines = await linesForLead(leadId);
    expect(lines.find((line) => line.id === commission!.id)).toMatchObject({
      status: 'approved', history: [{ status_from: 'pending', status_to: 'approved', reason: 'Client paid the first invoice.' }],
    });
    expect(lines.find((line) => line.commission_type === 'clawback')).toMatchObject({ amount: -1_000_000, status: 'approved' });
    expect(await availableGbp()).toBeCloseTo(before - 1_000_000, 2);
    // Put it back so later tests see the seeded balance.
    await admin.rpc('admin_adjust_commission', { earning_id: lines.find((line) => line.commission_type === 'clawback')!.id, reason: 'Test clean-up.', new_status: 'reversed' });
    await admin.rpc('admin_adjust_commission', { earning_id: commission!.id, reason: 'Test clean-up.', new_status: 'reversed' });
    expect(await availableGbp()).toBeCloseTo(before - 1_000_000, 2);
  });
});

describe('privacy', () => {
  it("keeps another partner's earnings and payouts out of reach", async () => {
    const earnings = await active.from('earnings').select('id').eq('partner_id', performerId);
    expect(earnings.data).toEqual([]);
    const payouts = await active.from('payouts').select('id').eq('partner_id', performerId);
    expect(payouts.data).toEqual([]);
    const sneaky = await active.from('payouts').insert({ id: randomUUID(), partner_id: performerId, amount: 60, currency: 'GBP', method: 'bank', status: 'requested' });
    expect(sneaky.error).not.toBeNull();
  });

  it('stores full payout details server-side and only a masked summary on the profile', async () => {
    const badIban = await performer.rpc('set_payout_method', { kind: 'bank', account_holder: 'Aegean Growth Partners', iban: 'GB00 WEST 1234 5698 7654 32' });
    expect(badIban.error?.message).toBe('That IBAN is not valid. Check it against your bank statement: two letters, two check digits, then the account number.');
    const badEmail = await performer.rpc('set_payout_method', { kind: 'paypal', paypal_email: 'not-an-email' });
    expect(badEmail.error?.message).toBe('Enter the e-mail address of your PayPal account, e.g. name@example.com.');

    const saved = await performer.rpc('set_payout_method', { kind: 'bank', account_holder: 'Aegean Growth Partners', iban: VALID_IBAN, bic: 'WESTGB2L' });
    expect(saved.error).toBeNull();
    const tax = await performer.rpc('set_tax_details', { legal_name: 'Aegean Growth Partners Ltd', country: 'gb', tax_id: 'GB 123-456-789' });
    expect(tax.error).toBeNull();
    const { data: profile } = await performer.from('profiles').select('payout_method, payout_details, tax_details').eq('id', performerId).single();
    expect(profile).toMatchObject({ payout_method: 'bank' });
    expect(JSON.parse(profile!.payout_details as string)).toEqual({ kind: 'bank', account_holder: 'Aegean Growth Partners', country: 'GB', last4: '5432' });
    expect(JSON.parse(profile!.tax_details as string)).toEqual({ legal_name: 'Aegean Growth Partners Ltd', country: 'GB', tax_id_last4: '6789' });
    expect(JSON.stringify(profile)).not.toContain('WEST1234');
    expect(JSON.stringify(profile)).not.toContain('123456789');

    const readBack = await performer.from('payout_details').select('*');
    expect(readBack.data ?? []).toEqual([]);
    const adminReadBack = await admin.from('payout_details').select('*');
    expect(adminReadBack.data ?? []).toEqual([]);
    const { data: serviceRows } = await backend.serviceClient().from('payout_details').select('iban, tax_id').eq('partner_id', performerId);
    expect(serviceRows).toEqual([{ iban: 'GB82WEST12345698765432', tax_id: 'GB123456789' }]);

    const forged = await performer.from('profiles').update({ payout_details: JSON.stringify({ kind: 'bank', account_holder: 'X', country: 'GB', last4: '0000' }) }).eq('id', performerId);
    expect(forged.error?.message).toBe('Payout and tax details can only be changed under Payment management, which sends them to SISO securely.');
  });
});

describe('withdrawals', () => {
  it('refuses a request above the available balance or below the minimum, with a sentence', async () => {
    const available = await availableGbp();
    expect(available).toBeGreaterThan(50);
    const tooMuch = await performer.from('payouts').insert({ id: randomUUID(), partner_id: performerId, amount: available + 100, currency: 'GBP', method: 'bank', status: 'requested' });
    expect(tooMuch.error?.message).toBe(
      `You asked to withdraw ${(available + 100).toFixed(2)} GBP but only ${available.toFixed(2)} GBP is available. Request ${available.toFixed(2)} GBP or less, or wait for more commissions to be approved.`,
    );
    const tooLittle = await performer.from('payouts').insert({ id: randomUUID(), partner_id: performerId, amount: 20, currency: 'GBP', method: 'bank', status: 'requested' });
    expect(tooLittle.error?.message).toBe('The smallest withdrawal is 50.00 GBP, and you asked for 20.00 GBP. Wait until your available balance reaches 50.00 GBP.');
    const noPaypal = await performer.from('payouts').insert({ id: randomUUID(), partner_id: performerId, amount: 60, currency: 'GBP', method: 'paypal', status: 'requested' });
    expect(noPaypal.error?.message).toBe('There is no PayPal account on file to pay this withdrawal into. Add one under Payment management, then request the withdrawal again.');
    const preApproved = await performer.from('payouts').insert({ id: randomUUID(), partner_id: performerId, amount: 60, currency: 'GBP', method: 'bank', status: 'approved' });
    expect(preApproved.error).not.toBeNull();
  });

  it('lets only an admin approve and pay (with a reference), and notifies the partner', async () => {
    const id = randomUUID();
    expect((await performer.from('payouts').insert({ id, partner_id: performerId, amount: 50, currency: 'GBP', method: 'bank', status: 'requested' })).error).toBeNull();

    const selfApproval = await performer.from('payouts').update({ status: 'approved' }).eq('id', id);
    expect(selfApproval.error?.message).toBe('Only SISO can change a withdrawal request once it is made. You can cancel it while it is still requested.');
    const selfRpc = await performer.rpc('admin_set_payout_status', { payout_id: id, new_status: 'approved' });
    expect(selfRpc.error?.code).toBe('42501');

    expect((await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'approved' })).error).toBeNull();
    const noReference = await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'paid' });
    expect(noReference.error?.message).toBe('Give the transfer reference when marking a withdrawal paid.');
    const paid = await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'paid', reference: 'BACS-0042' });
    expect(paid.error).toBeNull();
    expect(paid.data).toMatchObject({ status: 'paid', reference: 'BACS-0042' });
    const backwards = await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'approved' });
    expect(backwards.error?.message).toBe('A withdrawal that is paid cannot become approved. Requests move from requested to approved to paid, or to rejected.');

    const { data: notes } = await performer.from('notifications').select('title, body').eq('kind', 'payout').eq('title', 'Withdrawal paid');
    expect(notes).toContainEqual({ title: 'Withdrawal paid', body: 'Your withdrawal of 50.00 GBP has been paid (reference BACS-0042).' });
  });

  it('needs a reason to reject', async () => {
    const id = randomUUID();
    await performer.from('payouts').insert({ id, partner_id: performerId, amount: 55, currency: 'GBP', method: 'bank', status: 'requested' });
    const noReason = await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'rejected' });
    expect(noReason.error?.message).toBe('Give a reason when rejecting a withdrawal; the partner sees it.');
    const rejected = await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'rejected', reason: 'Bank details are being verified.' });
    expect(rejected.data).toMatchObject({ status: 'rejected', reason: 'Bank details are being verified.' });
  });

  it('syncs a withdrawal requested offline and brings back the admin approval; a refused one becomes a sync problem', async () => {
    const client = await startClient(backend, { account: 'performer', dbName: `payouts-${randomUUID()}`, collections: ['payouts', 'profiles'], online: false });
    try {
      const id = randomUUID();
      const tooBig = randomUUID();
      const now = new Date().toISOString();
      await client.db.payouts.insert({ id, partner_id: performerId, created_at: now, updated_at: now, amount: 51, currency: 'GBP', method: 'bank', status: 'requested' });
      await client.db.payouts.insert({ id: tooBig, partner_id: performerId, created_at: now, updated_at: now, amount: 9_999_999, currency: 'GBP', method: 'bank', status: 'requested' });
      await client.replication.setOnline(true);

      await eventually(async () => (await admin.from('payouts').select('id').eq('id', id)).data?.length === 1, 'the request to reach the server');
      const problem = await eventually(() => client.problems.find('payouts', tooBig), 'the refused request to become a sync problem');
      expect(problem.reason).toMatch(/^You asked to withdraw 9999999\.00 GBP but only .* GBP is available\./);

      expect((await admin.rpc('admin_set_payout_status', { payout_id: id, new_status: 'approved' })).error).toBeNull();
      const local = await eventually(async () => {
        const doc = await client.db.payouts.findOne(id).exec();
        return doc?.status === 'approved' ? doc : null;
      }, 'the approval to arrive in the local store');
      expect(local.toJSON()).toMatchObject({ amount: 51, status: 'approved', method: 'bank' });
    } finally {
      await client.close();
    }
  });
});
