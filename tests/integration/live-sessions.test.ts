/**
 * Live sessions on the server, against the local backend: webinar registrations and coaching
 * bookings above the partner's tier are refused with a sentence, a coaching slot holds one active
 * booking, a cancelled booking frees it, a booked slot shows as taken to every other partner (and
 * an admin's edit cannot clear that), a booking made offline for a slot taken meanwhile becomes a
 * sync problem rather than a retry loop, and the admin-only training report.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { seedId } from '../../sync/server/db/seed';
import { startTestBackend, type TestBackend } from '../fixtures/backend';
import { eventually, startClient } from '../fixtures/sync-clients';

let backend: TestBackend;
let starter: SupabaseClient;
let performer: SupabaseClient;
let elite: SupabaseClient;
let admin: SupabaseClient;
let starterId: string;
let performerId: string;
let eliteId: string;

const exclusiveWebinarId = seedId('catalog:webinar-enterprise-playbook');
const openWebinarId = seedId('catalog:webinar-winning-first-referral');
const slotId = seedId('catalog:coaching-slot-2');

beforeAll(async () => {
  backend = await startTestBackend();
  ({ client: starter, userId: starterId } = await backend.signIn('starter'));
  ({ client: performer, userId: performerId } = await backend.signIn('performer'));
  ({ client: elite, userId: eliteId } = await backend.signIn('elite'));
  admin = (await backend.signIn('admin')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

function sessionRow(partnerId: string, kind: 'registration' | 'booking', sessionId: string) {
  return { id: randomUUID(), partner_id: partnerId, kind, course_id: sessionId, ref_id: sessionId, module_index: 0 };
}

describe('webinar registrations', () => {
  it('refuses a Starter registering for the Performer-exclusive webinar, naming the tier', async () => {
    const { error } = await starter.from('training_progress').insert(sessionRow(starterId, 'registration', exclusiveWebinarId));
    expect(error?.message).toBe('"Enterprise deal playbook (Performer exclusive)" is for Performer partners and above; reach that tier to register.');
  });

  it('lets a Performer register for it and cancel by soft delete', async () => {
    const row = sessionRow(performerId, 'registration', exclusiveWebinarId);
    expect((await performer.from('training_progress').insert(row)).error).toBeNull();
    const cancel = await performer.from('training_progress').update({ _deleted: true }).eq('id', row.id);
    expect(cancel.error).toBeNull();
    const stored = await performer.from('training_progress').select('_deleted').eq('id', row.id).single();
    expect(stored.data?._deleted).toBe(true);
  });

  it('refuses a registration that points at something other than a webinar', async () => {
    const { error } = await starter.from('training_progress').insert(sessionRow(starterId, 'registration', slotId));
    expect(error?.message).toBe('That session is no longer offered. Sync the workstation to see the current calendar.');
    expect((await starter.from('training_progress').insert(sessionRow(starterId, 'registration', openWebinarId))).error).toBeNull();
  });
});

describe('coaching bookings', () => {
  it('refuses a Performer booking an Elite coaching slot', async () => {
    const { error } = await performer.from('training_progress').insert(sessionRow(performerId, 'booking', slotId));
    expect(error?.message).toBe('"Coaching with Tom Reid" is for Elite partners and above; reach that tier to book it.');
  });

  it('holds one active booking per slot, and frees the slot when the booking is cancelled', async () => {
    const first = sessionRow(eliteId, 'booking', slotId);
    expect((await elite.from('training_progress').insert(first)).error).toBeNull();

    // A second partner, placed by the service role (which the tier check lets through), is refused.
    const service = backend.serviceClient();
    const second = await service.from('training_progress').insert(sessionRow(performerId, 'booking', slotId));
    expect(second.error?.message).toBe('Another partner booked this coaching slot first. Choose another slot.');

    expect((await elite.from('training_progress').update({ _deleted: true }).eq('id', first.id)).error).toBeNull();
    expect((await service.from('training_progress').insert(sessionRow(performerId, 'booking', slotId))).error).toBeNull();
  });
});

describe('a booked coaching slot seen by other partners', () => {
  const otherSlotId = seedId('catalog:coaching-slot-3');

  async function slotAsSeenBy(client: SupabaseClient) {
    const { data, error } = await client.from('catalog').select('body, version').eq('id', otherSlotId).single();
    expect(error).toBeNull();
    return data as { body: { booked?: boolean }; version: number };
  }

  it('marks the slot taken for everyone once booked, refuses a second Elite partner, and frees it on cancel', async () => {
    // A second Elite partner: the seed has one, so the service role promotes the Active account.
    const service = backend.serviceClient();
    const active = await backend.signIn('active');
    expect((await service.from('partner_status').update({ tier: 'elite' }).eq('partner_id', active.userId)).error).toBeNull();

    const before = await slotAsSeenBy(active.client);
    expect(before.body.booked).toBe(false);

    const booking = sessionRow(eliteId, 'booking', otherSlotId);
    expect((await elite.from('training_progress').insert(booking)).error).toBeNull();

    const taken = await slotAsSeenBy(active.client);
    expect(taken.body.booked).toBe(true);
    // A new version is what makes every partner's pull bring the row again.
    expect(taken.version).toBeGreaterThan(before.version);
    expect((await slotAsSeenBy(elite)).body.booked).toBe(true);

    const second = await active.client.from('training_progress').insert(sessionRow(active.userId, 'booking', otherSlotId));
    expect(second.error?.message).toBe('Another partner booked this coaching slot first. Choose another slot.');
    // Not 23505: replication reads that as "the id exists" and would retry the booking for ever.
    expect(second.error?.code).toBe('23P01');

    expect((await elite.from('training_progress').update({ _deleted: true }).eq('id', booking.id)).error).toBeNull();
    expect((await slotAsSeenBy(active.client)).body.booked).toBe(false);
    expect((await active.client.from('training_progress').insert(sessionRow(active.userId, 'booking', otherSlotId))).error).toBeNull();
    expect((await slotAsSeenBy(elite)).body.booked).toBe(true);
  });

  it('keeps the flag when an admin edits the slot', async () => {
    const { data: row } = await admin.from('catalog').select('body').eq('id', otherSlotId).single();
    const body = { ...(row as { body: Record<string, unknown> }).body, booked: false, coach: 'Maya Patel (remote)' };
    expect((await admin.from('catalog').update({ body }).eq('id', otherSlotId)).error).toBeNull();
    const stored = await slotAsSeenBy(elite);
    expect(stored.body).toMatchObject({ booked: true, coach: 'Maya Patel (remote)' });
  });
});

describe('a booking made offline for a slot someone took meanwhile', () => {
  it('becomes a sync problem with the server’s sentence, and the slot arrives marked booked', async () => {
    const slot = seedId('catalog:coaching-slot-1');
    const device = await startClient(backend, { account: 'elite', dbName: `live-sessions-${randomUUID()}`, collections: ['training_progress', 'catalog'], online: false });
    try {
      const bookingId = randomUUID();
      await device.db.training_progress.insert({
        id: bookingId, partner_id: device.userId, created_at: new Date().toISOString(), kind: 'booking', course_id: slot, ref_id: slot, module_index: 0,
      });
      const service = backend.serviceClient();
      expect((await service.from('training_progress').insert(sessionRow(performerId, 'booking', slot))).error).toBeNull();

      await device.replication.setOnline(true);
      const problem = await eventually(() => device.problems.find('training_progress', bookingId), 'the refused booking recorded as a sync problem');
      expect(problem).toMatchObject({ operation: 'insert', code: '23P01', reason: 'Another partner booked this coaching slot first. Choose another slot.' });
      await eventually(async () => {
        const row = await device.db.catalog.findOne(slot).exec();
        return (row?.body as { booked?: boolean } | undefined)?.booked === true;
      }, 'the slot pulled as booked');
    } finally {
      await device.close();
    }
  });
});

describe('admin_training_report', () => {
  it('refuses partners with a sentence', async () => {
    const { error } = await performer.rpc('admin_training_report');
    expect(error?.message).toBe('Only SISO admins can see the training report.');
  });

  it('gives admins rows per course and tier with rates between 0 and 1', async () => {
    const { data, error } = await admin.rpc('admin_training_report');
    expect(error).toBeNull();
    const rows = data as { course_title: string; tier: string; partners_started: number; pass_rate: number | null }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(['starter', 'active', 'performer', 'elite']).toContain(row.tier);
      expect(Number(row.partners_started)).toBeGreaterThan(0);
      if (row.pass_rate !== null) expect(row.pass_rate).toBeGreaterThanOrEqual(0);
      if (row.pass_rate !== null) expect(row.pass_rate).toBeLessThanOrEqual(1);
    }
  });
});
