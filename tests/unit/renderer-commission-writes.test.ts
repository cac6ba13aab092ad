/**
 * The Commission center's writes: a withdrawal request is stored as `requested` for this partner;
 * the yearly goal is kept per year and currency in a local document and read back through zod; the
 * payout method and tax RPCs get the validated arguments and return only the masked summary, and a
 * refusal becomes a sentence.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import { payoutMethodInputSchema } from '../../sync/domain/payouts';
import { createPaymentDetailsWrites, observeEarningsGoals, requestWithdrawal, saveEarningsGoal } from '../../renderer/features/commissions/commission-writes';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
let db: WorkstationDatabase;
let partnerId: string;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = await openWorkstationDatabase({ name: `commission-writes-${count}`, storage: getRxStorageMemory(), devMode: true });
  await loadDemoWorkspace(db, raw, new Date('2026-06-15T12:00:00Z'));
  partnerId = (await db.profiles.findOne().exec())!.partner_id;
});

afterEach(async () => {
  await db.close();
});

describe('requestWithdrawal', () => {
  it('stores a requested payout for this partner', async () => {
    const before = await db.payouts.count().exec();
    const payout = await requestWithdrawal(db, partnerId, { amount: 75.5, currency: 'GBP', method: 'bank' });
    expect(await db.payouts.count().exec()).toBe(before + 1);
    const stored = (await db.payouts.findOne(payout.id).exec())!.toJSON();
    expect(stored).toMatchObject({ partner_id: partnerId, amount: 75.5, currency: 'GBP', method: 'bank', status: 'requested' });
  });
});

describe('earnings goal', () => {
  it('keeps one goal per year and currency and reads back only valid ones', async () => {
    await expect(firstValueFrom(observeEarningsGoals(db, partnerId))).resolves.toEqual([]);
    await saveEarningsGoal(db, partnerId, { year: 2026, amount: 20_000, currency: 'GBP' });
    await saveEarningsGoal(db, partnerId, { year: 2026, amount: 5_000, currency: 'EUR' });
    await saveEarningsGoal(db, partnerId, { year: 2026, amount: 25_000, currency: 'GBP' });
    const goals = await firstValueFrom(observeEarningsGoals(db, partnerId));
    expect(goals).toHaveLength(2);
    expect(goals).toContainEqual({ year: 2026, amount: 25_000, currency: 'GBP' });
    await expect(saveEarningsGoal(db, partnerId, { year: 2026, amount: -1, currency: 'GBP' })).rejects.toThrow();

    await db.upsertLocal(`commission-goal.${partnerId}`, { goals: [{ year: 'soon', amount: 'lots' }] });
    await expect(firstValueFrom(observeEarningsGoals(db, partnerId))).resolves.toEqual([]);
  });
});

describe('payment details RPCs', () => {
  function fakeClient(reply: { data: unknown; error: { message: string } | null }) {
    const calls: { name: string; args: unknown }[] = [];
    const client = {
      rpc: (name: string, args: unknown) => {
        calls.push({ name, args });
        return Promise.resolve(reply);
      },
    } as unknown as SupabaseClient;
    return { client, calls };
  }

  it('sends the normalised bank details and returns only the masked summary', async () => {
    const { client, calls } = fakeClient({ data: JSON.stringify({ kind: 'bank', account_holder: 'Pat', country: 'GB', last4: '5432' }), error: null });
    const input = payoutMethodInputSchema.parse({ kind: 'bank', account_holder: 'Pat', iban: 'gb82 west 1234 5698 7654 32' });
    await expect(createPaymentDetailsWrites(client).setPayoutMethod(input)).resolves.toEqual({ kind: 'bank', account_holder: 'Pat', country: 'GB', last4: '5432' });
    expect(calls).toEqual([{ name: 'set_payout_method', args: { kind: 'bank', account_holder: 'Pat', iban: 'GB82WEST12345698765432', bic: null } }]);
  });

  it('turns a refusal or an unreadable reply into a sentence', async () => {
    const refused = fakeClient({ data: null, error: { message: 'Sign in to save a payout method.' } });
    await expect(createPaymentDetailsWrites(refused.client).setPayoutMethod({ kind: 'paypal', paypal_email: 'a@b.co' })).rejects.toThrow(
      'Could not save the payout method: Sign in to save a payout method.',
    );
    const offline = fakeClient({ data: null, error: { message: 'TypeError: Failed to fetch' } });
    await expect(createPaymentDetailsWrites(offline.client).setTaxDetails({ legal_name: 'Pat', country: 'GB', tax_id: 'AB12345' })).rejects.toThrow(/could not be reached.*still in the form/);
    const garbled = fakeClient({ data: '{"oops":1}', error: null });
    await expect(createPaymentDetailsWrites(garbled.client).setTaxDetails({ legal_name: 'Pat', country: 'GB', tax_id: 'AB12345' })).rejects.toThrow(/reply could not be read/);
  });
});
