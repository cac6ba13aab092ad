/**
 * Onboarding on the server: the seeded newcomer has accepted nothing while the demo partners hold
 * v1; accepting a version that doesn't exist is refused; publishing v2 tells every partner
 * (agreement_update, linking to /onboarding) and v1 can no longer be accepted; a partner writes
 * only their own onboarding progress.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { partnerAgreementV1Text } from '../../sync/server/db/seed-onboarding';
import { seedId } from '../../sync/server/db/seed';

let backend: TestBackend;
let newcomer: SupabaseClient;
let starter: SupabaseClient;
let admin: SupabaseClient;

beforeAll(async () => {
  backend = await startTestBackend();
  newcomer = (await backend.signIn('new')).client;
  starter = (await backend.signIn('starter')).client;
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function latestAgreement(client: SupabaseClient): Promise<{ id: string; version: number; text: string }> {
  const { data, error } = await client.from('catalog').select('id, body').eq('kind', 'agreement').eq('published', true);
  if (error) throw new Error(error.message);
  const rows = (data as { id: string; body: { version: number; text: string } }[]).map((row) => ({ id: row.id, ...row.body }));
  return rows.sort((a, b) => b.version - a.version)[0]!;
}

describe('the seeded accounts', () => {
  it('new@siso.test has a profile with no onboarding and no acceptance; the demo partners accepted v1', async () => {
    const profile = await newcomer.from('profiles').select('display_name, agreement_version, onboarding_completed_at, onboarding_checklist').single();
    expect(profile.data).toEqual({ display_name: seedUsers.new.displayName, agreement_version: null, onboarding_completed_at: null, onboarding_checklist: null });
    expect((await newcomer.from('agreement_acceptances').select('version')).data).toEqual([]);
    const status = await newcomer.from('partner_status').select('tier').single();
    expect(status.data).toEqual({ tier: 'starter' });

    const agreement = await latestAgreement(newcomer);
    expect(agreement.version).toBe(1);
    expect(agreement.text).toBe(partnerAgreementV1Text);
    const accepted = await admin.from('agreement_acceptances').select('partner_id, version, text_sha256').eq('partner_id', seedUsers.elite.id);
    expect(accepted.data).toEqual([{ partner_id: seedUsers.elite.id, version: 1, text_sha256: sha256(partnerAgreementV1Text) }]);
  });
});

describe('agreement acceptance and new versions', () => {
  it('refuses a version that does not exist and accepts the latest with its exact text', async () => {
    const missing = await newcomer.rpc('accept_agreement', { agreement_id: 'partner-agreement-v7', text_sha256: sha256(partnerAgreementV1Text) });
    expect(missing.error?.message).toBe('This agreement version does not exist. Reload the agreement and try again.');
    expect((await newcomer.from('profiles').select('agreement_version').single()).data).toEqual({ agreement_version: null });

    const v1 = await latestAgreement(newcomer);
    const accepted = await newcomer.rpc('accept_agreement', { agreement_id: v1.id, text_sha256: sha256(v1.text) });
    expect(accepted.error).toBeNull();
    expect(accepted.data).toMatchObject({ agreement_version: 1, agreement_sha256: sha256(v1.text) });
    const record = await admin.from('agreement_acceptances').select('version').eq('partner_id', seedUsers.new.id);
    expect(record.data).toEqual([{ version: 1 }]);
  });

  it('publishing v2 asks every partner to accept again, once, and v1 is no longer accepted', async () => {
    const text = `${partnerAgreementV1Text}\n\n8. Deal registration. Registered deals are protected for 90 days.`;
    const changes = 'Adds section 8: registered deals are protected for 90 days.';
    const row = {
      id: 'partner-agreement-v2-test', kind: 'agreement', title: 'Partner agreement', slug: 'partner-agreement-v2-test',
      body: { version: 2, text, sha256: sha256(text), changes, effective_from: '2027-01-01' }, tier_required: 'starter', tags: [], version: 1, published: true, sort_order: 0,
    };
    expect((await admin.from('catalog').insert(row)).error).toBeNull();
    // An edit of the published version is not a new version.
    expect((await admin.from('catalog').update({ title: 'Partner agreement (v2)' }).eq('id', row.id)).error).toBeNull();

    const partners = ['new', 'starter', 'active', 'performer', 'elite'] as const;
    for (const account of partners) {
      const { client } = await backend.signIn(account);
      const { data } = await client.from('notifications').select('title, body, link').eq('kind', 'agreement_update');
      expect(data, account).toEqual([
        { title: 'SISO updated the partner agreement (version 2)', body: `What changed: ${changes} Review and accept it.`, link: '/onboarding' },
      ]);
    }
    const stale = await starter.rpc('accept_agreement', { agreement_id: seedId('catalog:partner-agreement-v1'), text_sha256: sha256(partnerAgreementV1Text) });
    expect(stale.error?.message).toBe('A newer partner agreement (version 2) has been published; read and accept that one.');
    const current = await starter.rpc('accept_agreement', { agreement_id: row.id, text_sha256: sha256(text) });
    expect(current.error).toBeNull();
    expect(current.data).toMatchObject({ agreement_version: 2 });
  });
});

describe('onboarding progress', () => {
  it('is written by the partner on their own profile only', async () => {
    const own = await newcomer
      .from('profiles')
      .update({ onboarding_checklist: JSON.stringify(['first-referral-guide']), onboarding_completed_at: new Date().toISOString(), country: 'GB' })
      .eq('id', seedUsers.new.id)
      .select('onboarding_checklist');
    expect(own.error).toBeNull();
    expect(own.data).toEqual([{ onboarding_checklist: '["first-referral-guide"]' }]);

    const other = await newcomer
      .from('profiles')
      .update({ onboarding_checklist: JSON.stringify(['hijacked']), onboarding_completed_at: null })
      .eq('id', seedUsers.starter.id)
      .select('id');
    expect(other.data ?? []).toEqual([]);
    const starterProfile = await admin.from('profiles').select('onboarding_checklist, onboarding_completed_at').eq('id', seedUsers.starter.id).single();
    expect(starterProfile.data?.onboarding_checklist).toBeNull();
    expect(starterProfile.data?.onboarding_completed_at).not.toBeNull();
  });
});
