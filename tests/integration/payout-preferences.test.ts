/**
 * Payout preferences on the server, through supabase-js against the local backend: automatic
 * withdrawals are switched only through set_payout_schedule; only admins run
 * admin_create_scheduled_payouts, which pays each due partner's available balance once; and
 * withdrawals in other currencies than the account's need Elite.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { PAYOUT_MINIMUM } from '../../sync/domain/payouts';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

const VALID_IBAN = 'GB82 WEST 1234 5698 7654 32';
const OTHER_CURRENCY_REFUSAL = 'Withdrawals in other currencies than your account currency (GBP) come with the Elite tier.';
const DAY = 24 * 60 * 60 * 1000;

let backend: TestBackend;
let active: SupabaseClient;
let elite: SupabaseClient;
let admin: SupabaseClient;
const activeId = seedUsers.active.id;
const eliteId = seedUsers.elite.id;

beforeAll(async () => {
  backend = await startTestBackend();
  active = (await backend.signIn('active')).client;
  elite = (await backend.signIn('elite')).client;
  admin = (await backend.signIn('admin')).client;
  for (const partner of [active, elite]) {
    expect((await partner.rpc('set_payout_method', { kind: 'bank', account_holder: 'Test Partner Ltd', iban: VALID_IBAN })).error).toBeNull();
  }
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

async function recordApproved(partnerId: string, amount: number, currency: string): Promise<void> {
  const { error } = await admin.rpc('admin_record_commission', {
    target_partner: partnerId, commission_type: 'bonus', amount, currency, reason: 'Payout preference test.',
  });
  expect(error).toBeNull();
}

async function payoutIds(): Promise<Set<string>> {
  const { data, error } = await admin.from('payouts').select('id');
  expect(error).toBeNull();
  return new Set((data as { id: string }[]).map((row) => row.id));
}

describe('automatic withdrawals preference', () => {
  it('is written only through set_payout_schedule, for the caller’s own profile', async () => {
    const direct = await active.from('profiles').update({ payout_automatic: true }).eq('id', activeId);
    expect(direct.error?.message).toBe('Automatic withdrawals can only be switched on or off under Payment management, while online.');
    expect((await active.from('profiles').select('payout_automatic').eq('id', activeId).single()).data).toEqual({ payout_automatic: false });

    const switched = await active.rpc('set_payout_schedule', { automatic: true });
    expect(switched).toMatchObject({ error: null, data: true });
    expect((await active.from('profiles').select('payout_automatic').eq('id', activeId).single()).data).toEqual({ payout_automatic: true });
    // The RPC touched only the caller's profile.
    expect((await admin.from('profiles').select('payout_automatic').eq('id', eliteId).single()).data).toEqual({ payout_automatic: false });
  });
});

describe('admin_create_scheduled_payouts', () => {
  it('refuses partners', async () => {
    const refused = await active.rpc('admin_create_scheduled_payouts');
    expect(refused.error).toMatchObject({ code: '42501', message: 'Only SISO admins can create scheduled payouts.' });
  });

  it('pays each due partner’s available balance in the currencies their tier allows, once', async () => {
    expect((await elite.rpc('set_payout_schedule', { automatic: true })).error).toBeNull();
    expect((await active.rpc('set_payout_schedule', { automatic: true })).error).toBeNull();
    // Elite is paid in real time, so it is always due; this gives it a balance in a second currency.
    await recordApproved(eliteId, 420, 'EUR');
    await recordApproved(activeId, 310, 'EUR');

    const { data: recent } = await admin.from('payouts').select('partner_id, created_at').eq('partner_id', activeId).eq('_deleted', false);
    const activeDue = !(recent as { created_at: string }[]).some((row) => Date.parse(row.created_at) > Date.now() - 14 * DAY);
    const expected: { partner_id: string; currency: string; amount: number }[] = [];
    for (const [partnerId, currencies] of [[eliteId, ['EUR', 'GBP', 'USD']], [activeId, activeDue ? ['GBP'] : []]] as const) {
      for (const currency of currencies) {
        const { data: available } = await admin.rpc('partner_available_balance', { target_partner: partnerId, balance_currency: currency });
        if ((available as number) >= PAYOUT_MINIMUM) expected.push({ partner_id: partnerId, currency, amount: available as number });
      }
    }
    expect(expected).toContainEqual({ partner_id: eliteId, currency: 'EUR', amount: expect.any(Number) });

    const before = await payoutIds();
    const first = await admin.rpc('admin_create_scheduled_payouts');
    expect(first).toMatchObject({ error: null, data: expected.length });
    const { data: all } = await admin.from('payouts').select('id, partner_id, currency, amount, status, method');
    const created = (all as { id: string; partner_id: string; currency: string; amount: number; status: string; method: string }[]).filter((row) => !before.has(row.id));
    const byKey = (row: { partner_id: string; currency: string }) => `${row.partner_id}|${row.currency}`;
    expect(created.map((row) => ({ partner_id: row.partner_id, currency: row.currency, amount: row.amount })).sort((a, b) => byKey(a).localeCompare(byKey(b))))
      .toEqual([...expected].sort((a, b) => byKey(a).localeCompare(byKey(b))));
    expect(created.every((row) => row.status === 'requested' && row.method === 'bank')).toBe(true);
    // Below Elite, never in another currency, even with a balance in it.
    expect(created.some((row) => row.partner_id === activeId && row.currency === 'EUR')).toBe(false);

    const second = await admin.rpc('admin_create_scheduled_payouts');
    expect(second).toMatchObject({ error: null, data: 0 });
  });
});

describe('multi-currency withdrawals are Elite', () => {
  it('refuses a non-Elite partner’s request in another currency with a sentence, and accepts an Elite’s', async () => {
    await recordApproved(activeId, 200, 'EUR');
    const refused = await active.from('payouts').insert({ id: randomUUID(), partner_id: activeId, amount: 60, currency: 'EUR', method: 'bank', status: 'requested' });
    expect(refused.error?.message).toBe(OTHER_CURRENCY_REFUSAL);

    await recordApproved(eliteId, 200, 'EUR');
    const id = randomUUID();
    const accepted = await elite.from('payouts').insert({ id, partner_id: eliteId, amount: 60, currency: 'EUR', method: 'bank', status: 'requested' });
    expect(accepted.error).toBeNull();
    expect((await elite.from('payouts').select('currency, amount, status').eq('id', id).single()).data).toEqual({ currency: 'EUR', amount: 60, status: 'requested' });
  });
});

describe('the withdrawal helper functions', () => {
  it('answer a partner only about themselves', async () => {
    const own = await active.rpc('partner_available_balance', { target_partner: activeId, balance_currency: 'GBP' });
    expect(own.error).toBeNull();
    expect(typeof own.data).toBe('number');

    const balance = await active.rpc('partner_available_balance', { target_partner: eliteId, balance_currency: 'GBP' });
    expect(balance).toMatchObject({ data: null, error: { message: 'You can only see your own balance.' } });
    const method = await active.rpc('partner_has_payout_method', { target_partner: eliteId, payout_method: 'bank' });
    expect(method).toMatchObject({ data: null, error: { message: 'You can only see your own payout details.' } });
    const currency = await active.rpc('partner_may_withdraw_in', { target_partner: eliteId, payout_currency: 'EUR' });
    expect(currency).toMatchObject({ data: null, error: { message: 'You can only see your own withdrawal options.' } });
  });

  it('answer an admin about any partner', async () => {
    const balance = await admin.rpc('partner_available_balance', { target_partner: eliteId, balance_currency: 'GBP' });
    expect(balance.error).toBeNull();
    expect(typeof balance.data).toBe('number');
  });
});
