/**
 * The import's writes: new leads are inserted, existing leads get their patches, and a lead that
 * disappeared before the import was confirmed is reported instead of failing the whole import.
 */
import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImport } from '../../renderer/features/leads/import/import-writes';
import type { LeadDoc } from '../../sync/schema/leads.schema';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';

const open: WorkstationDatabase[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.remove()));
});

async function openDb(): Promise<WorkstationDatabase> {
  const db = await openWorkstationDatabase({
    name: `import-writes-${randomUUID().slice(0, 8)}`,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>,
    collections: ['leads'],
  });
  open.push(db);
  return db;
}

function lead(company: string): LeadDoc {
  return {
    id: randomUUID(),
    partner_id: randomUUID(),
    created_at: '2026-03-01T10:00:00.000Z',
    company,
    contact_name: `${company} contact`,
    source: 'event',
    stage: 'new',
    estimated_value: 0,
    currency: 'EUR',
  };
}

describe('applyImport', () => {
  it('inserts new leads, patches existing ones and reports a lead that no longer exists', async () => {
    const db = await openDb();
    const first = lead('First existing');
    const second = lead('Second existing');
    await db.leads.bulkInsert([first, second]);
    const added = lead('Imported');
    const goneId = randomUUID();

    const outcome = await applyImport(db, {
      inserts: [added],
      updates: [
        { id: first.id, patch: { email: 'first@example.test' }, lines: [2] },
        { id: goneId, patch: { email: 'gone@example.test' }, lines: [3, 4] },
        { id: second.id, patch: { estimated_value: 900 }, lines: [5] },
      ],
      skipped: [],
    });

    expect(outcome).toEqual({
      inserted: 1,
      updated: 2,
      failures: ['The lead that rows 3, 4 were to update no longer exists on this device, so they were not applied.'],
    });
    expect((await db.leads.findOne(first.id).exec())?.email).toBe('first@example.test');
    expect((await db.leads.findOne(second.id).exec())?.estimated_value).toBe(900);
    expect(await db.leads.findOne(added.id).exec()).not.toBeNull();
  });
});
