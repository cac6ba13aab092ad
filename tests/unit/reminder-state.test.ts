/**
 * Reminder state in the workspace's local database (RxDB local documents): claims fire each
 * reminder once, snoozes and dismissals persist and are read back through zod, a corrupt document
 * reads as empty, and the fired log an earlier version kept in localStorage is carried over once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { nextActionReminders, remindersDueNow } from '../../sync/domain/reminders';
import { observeReminderState, reminderStateId } from '../../renderer/features/reminders/reminder-state';
import { claimDueReminders, dismissReminder, snoozeReminder } from '../../renderer/features/reminders/reminder-writes';

const PARTNER = '00000000-0000-4000-8000-000000000b01';
let db: WorkstationDatabase | null = null;
let count = 0;

afterEach(async () => {
  await db?.remove();
  db = null;
  vi.unstubAllGlobals();
});

async function open(): Promise<WorkstationDatabase> {
  count += 1;
  db = await openWorkstationDatabase({ name: `reminder-state-${count}`, storage: getRxStorageMemory(), devMode: true, collections: ['leads', 'activities'] });
  return db;
}

const reminders = nextActionReminders([
  { id: 'a', company: 'Aegean Boutique Hotels', next_action: 'Send the brochure', next_action_at: '2026-03-01T10:00:00Z' },
  { id: 'b', company: 'Ivanov Engineering', next_action: 'Ask for the site plans', next_action_at: '2026-03-02T09:00:00Z' },
]);
const now = new Date('2026-03-02T12:00:00Z');
const state = (database: WorkstationDatabase) => firstValueFrom(observeReminderState(database, PARTNER));

describe('reminder state in the local database', () => {
  it('claims due reminders once, also when two claims race', async () => {
    const database = await open();
    const [first, second] = await Promise.all([
      claimDueReminders(database, PARTNER, reminders, now),
      claimDueReminders(database, PARTNER, reminders, now),
    ]);
    expect([...first, ...second].map((r) => r.key).sort()).toEqual(['next:a', 'next:b']);
    expect(await claimDueReminders(database, PARTNER, reminders, now)).toEqual([]);
    expect((await state(database)).fired).toHaveLength(2);
  });

  it('keeps snoozes and dismissals, and fires a snoozed reminder again when the snooze ends', async () => {
    const database = await open();
    await claimDueReminders(database, PARTNER, reminders, now);
    const [a, b] = reminders;
    await snoozeReminder(database, PARTNER, a!, '2026-03-02T13:00:00.000Z');
    await dismissReminder(database, PARTNER, b!);
    const stored = await state(database);
    expect(remindersDueNow(reminders, stored, now)).toEqual([]);
    expect((await claimDueReminders(database, PARTNER, reminders, new Date('2026-03-02T13:00:00Z'))).map((r) => r.key)).toEqual(['next:a']);
    expect(remindersDueNow(reminders, await state(database), new Date('2026-03-02T13:00:00Z')).map((r) => r.key)).toEqual(['next:a']);
  });

  it('reads a corrupt document as empty rather than failing', async () => {
    const database = await open();
    await database.upsertLocal(reminderStateId(PARTNER), { fired: 'nonsense', snoozed: [{ key: 'next:a' }] });
    expect(await state(database)).toEqual({ fired: [], snoozed: [], dismissed: [] });
    expect((await claimDueReminders(database, PARTNER, reminders, now)).map((r) => r.key)).toEqual(['next:a', 'next:b']);
  });

  it("carries over an earlier version's fired log from localStorage, once", async () => {
    const items = new Map<string, string>([[`siso.reminders-fired.v1.${PARTNER}`, JSON.stringify([{ key: 'next:a', dueAt: '2026-03-01T10:00:00.000Z' }])]]);
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    });
    const database = await open();
    expect((await claimDueReminders(database, PARTNER, reminders, now)).map((r) => r.key)).toEqual(['next:b']);
    expect(items.size).toBe(0);
  });
});
