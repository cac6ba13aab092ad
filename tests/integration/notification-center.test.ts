/**
 * The notification center and agreement acceptance on the server: tier changes and assets an
 * admin publishes arrive as notifications for the partners they concern (and not for others);
 * notification preferences and quiet hours are the partner's own columns, checked; the accepted
 * agreement is written only by accept_agreement, which refuses a version that doesn't exist, an
 * older version and a text that isn't SISO's.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;
let starter: SupabaseClient;
let active: SupabaseClient;
let admin: SupabaseClient;
let starterId: string;
let activeId: string;

beforeAll(async () => {
  backend = await startTestBackend();
  ({ client: starter, userId: starterId } = await backend.signIn('starter'));
  ({ client: active, userId: activeId } = await backend.signIn('active'));
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

async function notificationsOf(client: SupabaseClient, kind: string): Promise<{ title: string; body: string | null; link: string | null }[]> {
  const { data, error } = await client.from('notifications').select('title, body, link').eq('kind', kind).order('created_at');
  if (error) throw new Error(error.message);
  return data as { title: string; body: string | null; link: string | null }[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function agreementRow(version: number, text: string) {
  return {
    id: `agreement-test-v${version}`, kind: 'agreement', title: `Partner agreement v${version}`, slug: `partner-agreement-test-v${version}`,
    body: { version, text, sha256: sha256(text), changes: version > 1 ? 'Commission protection now lasts 90 days.' : '', effective_from: '2026-12-01' },
    tier_required: 'starter', tags: [], version: 1, published: true, sort_order: 0,
  };
}

describe('server events become notifications', () => {
  it('tells a partner promoted by an admin, with the new rate and a link to the tier page', async () => {
    const { error } = await admin.from('partner_status').update({ tier: 'performer', commission_rate: 25 }).eq('partner_id', activeId);
    expect(error).toBeNull();
    expect(await notificationsOf(active, 'tier_change')).toContainEqual({ title: 'You reached Performer', body: 'Your commission rate is now 25%.', link: '/tiers' });
    expect(await notificationsOf(starter, 'tier_change')).not.toContainEqual(expect.objectContaining({ title: 'You reached Performer' }));
  });

  it('announces an asset an admin publishes to the partners whose tier reaches it, once per version', async () => {
    const id = `asset-${randomUUID()}`;
    const asset = {
      id, kind: 'asset', title: 'Performer case study deck', slug: id, body: { category: 'proposals', description: 'Case studies.', format: 'PDF' },
      tier_required: 'performer', tags: [], version: 1, published: true, sort_order: 0,
    };
    expect((await admin.from('catalog').insert(asset)).error).toBeNull();
    expect(await notificationsOf(active, 'asset_update')).toContainEqual({ title: 'New asset: Performer case study deck', body: 'It is in the Marketing center.', link: '/marketing-center' });
    expect(await notificationsOf(starter, 'asset_update')).toEqual([]);

    expect((await admin.from('catalog').update({ title: 'Performer case study deck (typo fixed)' }).eq('id', id)).error).toBeNull();
    expect((await admin.from('catalog').update({ version: 2 }).eq('id', id)).error).toBeNull();
    const titles = (await notificationsOf(active, 'asset_update')).map((n) => n.title);
    expect(titles).toEqual(['New asset: Performer case study deck', 'Updated asset: Performer case study deck (typo fixed)']);
  });
});

describe('notification preferences', () => {
  it('are the partner’s to set, and quiet hours must be 24-hour times', async () => {
    const prefs = JSON.stringify({ assets: 'off', support: 'desktop' });
    const saved = await starter.from('profiles').update({ notification_prefs: prefs, quiet_hours_start: '22:00', quiet_hours_end: '07:00' }).eq('id', starterId).select('notification_prefs, quiet_hours_start').single();
    expect(saved.error).toBeNull();
    expect(saved.data).toEqual({ notification_prefs: prefs, quiet_hours_start: '22:00' });
    const bad = await starter.from('profiles').update({ quiet_hours_start: '25:00' }).eq('id', starterId);
    expect(bad.error).not.toBeNull();
  });
});

describe('agreement acceptance', () => {
  const v1 = 'SISO partner agreement, version 1.\n\nPartners refer clients in good faith. Zoë’s clause: commissions follow the tier rules.';
  const v2 = `${v1}\n\nCommission protection for registered deals lasts 90 days.`;

  it('cannot be written to the profile directly', async () => {
    const { error } = await starter.from('profiles').update({ agreement_version: 1, agreement_accepted_at: new Date().toISOString() }).eq('id', starterId);
    expect(error?.message).toBe('The partner agreement is accepted from the agreement screen, while online.');
  });

  it('refuses a version that does not exist', async () => {
    const { error } = await starter.rpc('accept_agreement', { agreement_id: 'agreement-v99', text_sha256: sha256('anything') });
    expect(error?.message).toBe('This agreement version does not exist. Reload the agreement and try again.');
  });

  it('records the version, time and text hash only for SISO’s exact text of the latest version', async () => {
    // new@siso.test: the other seeded partners have already accepted the seeded version 1.
    const { client: starter, userId: starterId } = await backend.signIn('new');
    expect((await admin.from('catalog').insert(agreementRow(1, v1))).error).toBeNull();
    const wrongText = await starter.rpc('accept_agreement', { agreement_id: 'agreement-test-v1', text_sha256: sha256(`${v1} (edited)`) });
    expect(wrongText.error?.message).toBe('The agreement text you accepted differs from SISO\'s version 1. Reload it, read it and accept again.');

    const accepted = await starter.rpc('accept_agreement', { agreement_id: 'agreement-test-v1', text_sha256: sha256(v1) });
    expect(accepted.error).toBeNull();
    expect(accepted.data).toMatchObject({ agreement_version: 1, agreement_sha256: sha256(v1) });
    const record = await admin.from('agreement_acceptances').select('version, text_sha256').eq('partner_id', starterId);
    expect(record.data).toEqual([{ version: 1, text_sha256: sha256(v1) }]);
    // Another partner's acceptances are not theirs to read.
    expect((await active.from('agreement_acceptances').select('version').eq('partner_id', starterId)).data).toEqual([]);

    expect((await admin.from('catalog').insert(agreementRow(2, v2))).error).toBeNull();
    const stale = await active.rpc('accept_agreement', { agreement_id: 'agreement-test-v1', text_sha256: sha256(v1) });
    expect(stale.error?.message).toBe('A newer partner agreement (version 2) has been published; read and accept that one.');
  });
});
