/**
 * The Clients writes against a local store filled with the demo workspace: a note is a 'note'
 * activity on the client's lead (what the lead timeline shows), a follow-up is the lead's next
 * action and time (what the reminders fire), and neither touches another lead.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace } from '../../sync/schema/demo-workspace';
import { addClientNote, scheduleFollowUp } from '../../renderer/features/clients/clients-writes';
import { nextActionReminders } from '../../sync/domain/reminders';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
let db: WorkstationDatabase;
let partnerId: string;
let clientId: string;
let count = 0;

beforeEach(async () => {
  count += 1;
  db = await openWorkstationDatabase({ name: `clients-writes-${count}`, storage: getRxStorageMemory(), devMode: true });
  await loadDemoWorkspace(db, raw, new Date('2026-06-15T12:00:00Z'));
  partnerId = (await db.profiles.findOne().exec())!.partner_id;
  const won = await db.leads.findOne({ selector: { stage: 'won' } }).exec();
  expect(won, 'the demo workspace has a won lead').not.toBeNull();
  clientId = won!.id;
});

afterEach(async () => {
  await db.close();
});

describe('addClientNote', () => {
  it('adds a note activity to the client’s timeline', async () => {
    const before = await db.activities.count().exec();
    await addClientNote(db, partnerId, clientId, { kind: 'note', body: 'Asked for a second phase.' });
    expect(await db.activities.count().exec()).toBe(before + 1);
    const notes = await db.activities.find({ selector: { lead_id: clientId, kind: 'note', body: 'Asked for a second phase.' } }).exec();
    expect(notes.map((note) => note.partner_id)).toEqual([partnerId]);
  });

  it('says so when the client is gone', async () => {
    await expect(addClientNote(db, partnerId, 'no-such-lead', { kind: 'note', body: 'x' })).rejects.toThrow(/no longer on this device/);
  });
});

describe('scheduleFollowUp', () => {
  it('sets the lead’s next action and time, which become a reminder', async () => {
    await scheduleFollowUp(db, clientId, { next_action: 'Check in on the launch', next_action_at: '2030-01-15T10:00:00.000Z' });
    const lead = (await db.leads.findOne(clientId).exec())!.toMutableJSON();
    expect(lead).toMatchObject({ next_action: 'Check in on the launch', next_action_at: '2030-01-15T10:00:00.000Z' });
    expect(nextActionReminders([lead]).map((reminder) => [reminder.leadId, reminder.action])).toEqual([[clientId, 'Check in on the launch']]);
  });

  it('refuses a time that is not a timestamp, leaving the lead as it was', async () => {
    const before = (await db.leads.findOne(clientId).exec())!.toMutableJSON();
    await expect(scheduleFollowUp(db, clientId, { next_action: 'x', next_action_at: 'tomorrow' })).rejects.toThrow();
    expect((await db.leads.findOne(clientId).exec())!.toMutableJSON()).toEqual(before);
  });
});
