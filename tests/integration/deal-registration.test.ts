/**
 * Deal registration on the server, against the local backend: partners request, the server checks
 * for channel conflict across every partner's leads without naming anyone, partners can neither
 * set their own status nor decide it, admins approve (expiry = now + the configured protection
 * period) or reject with a reason, and the expiry reminders are idempotent.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

const DAY = 86_400_000;

let backend: TestBackend;
let service: SupabaseClient;
let admin: SupabaseClient;
let active: { client: SupabaseClient; userId: string };
let elite: { client: SupabaseClient; userId: string };

beforeAll(async () => {
  backend = await startTestBackend();
  service = backend.serviceClient();
  admin = (await backend.signIn('admin')).client;
  active = await backend.signIn('active');
  elite = await backend.signIn('elite');
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

interface LeadRow {
  id: string;
  partner_id: string;
  registration_requested_at: string | null;
  registration_status: string | null;
  registration_decided_at: string | null;
  registration_expires_at: string | null;
  registration_reason: string | null;
}

async function addLead(client: SupabaseClient, partnerId: string, fields: Record<string, unknown>): Promise<string> {
  const id = `lead-${randomUUID()}`;
  const { error } = await client.from('leads').insert({ id, partner_id: partnerId, company: 'Test company', source: 'event', stage: 'qualified', ...fields });
  expect(error).toBeNull();
  return id;
}

async function serverLead(id: string): Promise<LeadRow> {
  const { data, error } = await service.from('leads').select('*').eq('id', id).single();
  expect(error).toBeNull();
  return data as LeadRow;
}

async function requestRegistration(client: SupabaseClient, id: string): Promise<LeadRow> {
  const { error } = await client.from('leads').update({ registration_requested_at: new Date().toISOString(), updated_at: new Date().toISOString() }).eq('id', id);
  expect(error).toBeNull();
  return serverLead(id);
}

describe('deal registration', () => {
  it('keeps the server columns when a partner writes them, on insert and on update', async () => {
    const id = await addLead(active.client, active.userId, {
      website: 'https://self-approved.example', registration_status: 'approved', registration_expires_at: '2030-01-01T00:00:00.000Z',
      registration_reason: 'I approve myself', client_projects: '[]',
    });
    expect(await serverLead(id)).toMatchObject({ registration_status: null, registration_expires_at: null, registration_reason: null, client_projects: null });

    const { error } = await active.client.from('leads').update({ registration_status: 'approved', registration_expires_at: '2030-01-01T00:00:00.000Z', notes: 'still mine' }).eq('id', id);
    expect(error).toBeNull();
    expect(await serverLead(id)).toMatchObject({ registration_status: null, registration_expires_at: null, notes: 'still mine' });
  });

  it('answers a request on a domain another partner holds with a conflict that names no one', async () => {
    const id = seedId('active:lead:2');
    const lead = await requestRegistration(active.client, id);
    expect(lead.registration_status).toBe('conflict');
    expect(lead.registration_reason).toMatch(/^Another partner has already registered a deal with northwind-example\.com\./);
    const performer = seedUsers.performer;
    for (const secret of [performer.displayName, performer.email, performer.company, performer.id, seedId('performer:lead:0')]) {
      expect(lead.registration_reason).not.toContain(secret);
    }
    // The partner can read their own answer; nothing about the other lead.
    const { data } = await active.client.from('leads').select('registration_status, registration_reason').eq('id', id).single();
    expect(data).toEqual({ registration_status: 'conflict', registration_reason: lead.registration_reason });
  });

  it('treats a contact email at the same company domain as a conflict, but not a free-mail address', async () => {
    const sameDomain = await addLead(active.client, active.userId, { email: 'buyer@northwind-example.com' });
    expect((await requestRegistration(active.client, sameDomain)).registration_status).toBe('conflict');

    const otherGmail = await addLead(elite.client, elite.userId, { email: 'someone@gmail.com', website: 'https://gmail-user-company.example' });
    expect((await requestRegistration(elite.client, otherGmail)).registration_status).toBe('pending');
    const gmail = await addLead(active.client, active.userId, { email: 'other.person@gmail.com', website: 'https://another-company.example' });
    expect((await requestRegistration(active.client, gmail)).registration_status).toBe('pending');
  });

  it('hides other partners’ leads and registrations from a partner', async () => {
    const { data, error } = await active.client.from('leads').select('id, partner_id').eq('id', seedId('performer:lead:0'));
    expect(error).toBeNull();
    expect(data).toEqual([]);
    const { data: registered } = await active.client.from('leads').select('partner_id').not('registration_status', 'is', null);
    expect((registered ?? []).every((row: { partner_id: string }) => row.partner_id === active.userId)).toBe(true);
  });

  it('refuses a partner deciding a registration, even their own', async () => {
    const id = await addLead(active.client, active.userId, { website: 'https://own-approval.example' });
    expect((await requestRegistration(active.client, id)).registration_status).toBe('pending');
    const { error } = await active.client.rpc('admin_decide_registration', { lead_id: id, approve: true, reason: null });
    expect(error?.code).toBe('42501');
    expect((await serverLead(id)).registration_status).toBe('pending');
    // Nor can they write the period the approval uses.
    const { error: settingError } = await active.client.from('program_settings').update({ value: 3650 }).eq('key', 'deal_registration_protection_days');
    const { data: setting } = await service.from('program_settings').select('value').eq('key', 'deal_registration_protection_days').single();
    expect(settingError !== null || (setting as { value: number }).value === 90).toBe(true);
    expect((setting as { value: number }).value).toBe(90);
  });

  it('approves with expiry at now plus the configured protection period, and tells the partner', async () => {
    expect((await admin.from('program_settings').update({ value: 45 }).eq('key', 'deal_registration_protection_days')).error).toBeNull();
    const id = await addLead(active.client, active.userId, { website: 'https://approve-me.example', company: 'Approve Me Ltd' });
    await requestRegistration(active.client, id);
    const before = Date.now();
    const { data, error } = await admin.rpc('admin_decide_registration', { lead_id: id, approve: true, reason: null });
    expect(error).toBeNull();
    const decided = data as LeadRow;
    expect(decided.registration_status).toBe('approved');
    const expires = Date.parse(decided.registration_expires_at ?? '');
    expect(expires - Date.parse(decided.registration_decided_at ?? '')).toBe(45 * DAY);
    expect(Math.abs(expires - (before + 45 * DAY))).toBeLessThan(DAY);

    const { data: notes } = await active.client.from('notifications').select('title, link, kind').eq('kind', 'deal_registration').eq('link', `/leads/${id}`);
    expect(notes).toEqual([{ title: 'Deal registration approved: Approve Me Ltd', link: `/leads/${id}`, kind: 'deal_registration' }]);
    expect((await admin.from('program_settings').update({ value: 90 }).eq('key', 'deal_registration_protection_days')).error).toBeNull();

    // A partner re-requesting a live registration changes nothing.
    expect((await requestRegistration(active.client, id)).registration_status).toBe('approved');
  });

  it('needs a reason to reject, and checks a new request after rejection again', async () => {
    const id = await addLead(active.client, active.userId, { website: 'https://reject-me.example' });
    await requestRegistration(active.client, id);
    const { error: noReason } = await admin.rpc('admin_decide_registration', { lead_id: id, approve: false, reason: '  ' });
    expect(noReason?.message).toBe('Give the partner a reason for rejecting the registration.');
    const { error } = await admin.rpc('admin_decide_registration', { lead_id: id, approve: false, reason: 'SISO already works with this company directly.' });
    expect(error).toBeNull();
    expect(await serverLead(id)).toMatchObject({ registration_status: 'rejected', registration_reason: 'SISO already works with this company directly.', registration_expires_at: null });

    const again = await requestRegistration(active.client, id);
    expect(again).toMatchObject({ registration_status: 'pending', registration_reason: null });
  });

  it('reminds 14 and 3 days before expiry once each, and marks past-expiry registrations expired', async () => {
    const soon = await addLead(service, active.userId, {
      website: 'https://expiring-soon.example', registration_requested_at: new Date(Date.now() - 80 * DAY).toISOString(), registration_status: 'approved',
      registration_decided_at: new Date(Date.now() - 79 * DAY).toISOString(), registration_expires_at: new Date(Date.now() + 10 * DAY).toISOString(),
    });
    const last = await addLead(service, active.userId, {
      website: 'https://expiring-last.example', registration_requested_at: new Date(Date.now() - 88 * DAY).toISOString(), registration_status: 'approved',
      registration_decided_at: new Date(Date.now() - 87 * DAY).toISOString(), registration_expires_at: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    const gone = await addLead(service, active.userId, {
      website: 'https://expired.example', registration_requested_at: new Date(Date.now() - 100 * DAY).toISOString(), registration_status: 'approved',
      registration_decided_at: new Date(Date.now() - 99 * DAY).toISOString(), registration_expires_at: new Date(Date.now() - DAY).toISOString(),
    });
    const { data: added, error } = await service.rpc('notify_expiring_registrations');
    expect(error).toBeNull();
    expect(added).toBe(3);
    const ids = async (lead: string) => ((await service.from('notifications').select('id').eq('link', `/leads/${lead}`)).data ?? []).map((row: { id: string }) => row.id);
    expect(await ids(soon)).toEqual([expect.stringMatching(new RegExp(`^deal-registration-expiring-14d-${soon}-`))]);
    expect(await ids(last)).toEqual([expect.stringMatching(new RegExp(`^deal-registration-expiring-3d-${last}-`))]);
    expect(await ids(gone)).toEqual([expect.stringMatching(new RegExp(`^deal-registration-expired-${gone}-`))]);
    expect((await serverLead(gone)).registration_status).toBe('expired');

    const { data: again } = await service.rpc('notify_expiring_registrations');
    expect(again).toBe(0);
    const { error: partnerRun } = await active.client.rpc('notify_expiring_registrations');
    expect(partnerRun).not.toBeNull();

    // An expired registration can be requested again and is checked again.
    expect((await requestRegistration(active.client, gone)).registration_status).toBe('pending');
  });
});
