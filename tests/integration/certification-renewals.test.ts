/**
 * Certificate renewal reminders on the server, against the local backend: the seeded Active
 * partner's certificate (20 days left) has its 30-day reminder as soon as the backend starts,
 * running the reminder again adds nothing, a certificate in its last week gets the 7-day reminder
 * only, a renewed certificate gets none, and partners cannot run the reminder themselves.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;
let service: SupabaseClient;
let active: { client: SupabaseClient; userId: string };

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Jan 2027" in the partner's time zone, as the reminder's title writes it. */
function expiryText(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return `${part('day')} ${MONTHS[part('month') - 1]} ${part('year')}`;
}

beforeAll(async () => {
  backend = await startTestBackend();
  service = backend.serviceClient();
  const signedIn = await backend.signIn('active');
  active = { client: signedIn.client, userId: signedIn.userId };
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

async function addCertificate(partnerId: string, course: string, expiresInDays: number): Promise<string> {
  const id = `cert-${randomUUID()}`;
  const { error } = await service.from('training_progress').insert({
    id, partner_id: partnerId, kind: 'certificate', course_id: seedId(`catalog:${course}`), module_index: 0, status: 'passed', score: 1,
    track: 'Technical', verification_code: randomUUID().slice(0, 12).toUpperCase(), issued_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + expiresInDays * DAY).toISOString(), completed_at: new Date().toISOString(),
  });
  expect(error).toBeNull();
  return id;
}

async function remindersFor(certificateId: string): Promise<string[]> {
  const { data, error } = await service.from('notifications').select('id').like('id', `certification-expiring-%-${certificateId}`);
  expect(error).toBeNull();
  return (data ?? []).map((row: { id: string }) => row.id).sort();
}

describe('certificate renewal reminders', () => {
  it('reminds the seeded Active partner 30 days ahead as soon as the backend runs, in their own words and time zone', async () => {
    const { data: certificate } = await active.client.from('training_progress').select('id, expires_at').eq('kind', 'certificate').single();
    const { data: profile } = await active.client.from('profiles').select('timezone').single();
    const cert = certificate as { id: string; expires_at: string };
    const { data, error } = await active.client.from('notifications').select('id, title, body, link, kind').eq('kind', 'certification_expiring');
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        id: `certification-expiring-30d-${cert.id}`,
        title: `Your Sales certification expires on ${expiryText(cert.expires_at, (profile as { timezone: string | null }).timezone ?? 'UTC')}`,
        body: expect.stringMatching(/^Retake the course's assessment within the next 30 days to renew it/) as unknown as string,
        link: '#/certifications',
        kind: 'certification_expiring',
      },
    ]);
  });

  it('adds nothing when it runs again', async () => {
    const { data, error } = await service.rpc('notify_expiring_certifications');
    expect(error).toBeNull();
    expect(data).toBe(0);
  });

  it('sends only the 7-day reminder in the last week, once', async () => {
    const performer = await backend.signIn('performer');
    const certificateId = await addCertificate(performer.userId, 'technical-basics', 5);
    expect((await service.rpc('notify_expiring_certifications')).data).toBe(1);
    expect(await remindersFor(certificateId)).toEqual([`certification-expiring-7d-${certificateId}`]);
    expect((await service.rpc('notify_expiring_certifications')).data).toBe(0);
    const { data } = await performer.client.from('notifications').select('title').eq('id', `certification-expiring-7d-${certificateId}`).single();
    expect((data as { title: string }).title).toMatch(/^Your Technical certification expires on \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  });

  it('does not remind about a certificate already renewed, nor one far from expiry', async () => {
    const elite = await backend.signIn('elite');
    const old = await addCertificate(elite.userId, 'advanced-techniques', 10);
    const renewed = await addCertificate(elite.userId, 'advanced-techniques', 365);
    expect((await service.rpc('notify_expiring_certifications')).data).toBe(0);
    expect(await remindersFor(old)).toEqual([]);
    expect(await remindersFor(renewed)).toEqual([]);
  });

  it('refuses partners who try to run it', async () => {
    const { error } = await active.client.rpc('notify_expiring_certifications');
    expect(error?.code).toBe('42501');
  });
});
