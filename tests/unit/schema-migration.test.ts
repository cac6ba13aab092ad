import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxJsonSchema } from 'rxdb';
import { leadsRxSchema, type LeadDoc } from '../../sync/schema/leads.schema';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import {
  WORKSTATION_MIGRATION_STRATEGIES,
  missingMigrationVersions,
  type WorkstationMigrationStrategies,
} from '../../sync/schema/migrations';
import { COLLECTION_NAMES, WORKSTATION_COLLECTIONS } from '../../sync/schema/collections';

const PARTNER = '00000000-0000-4000-8000-000000000a01';
const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });

let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

describe('schema migrations', () => {
  it('every collection has a strategy for each version above 0', () => {
    for (const name of COLLECTION_NAMES) {
      const version = WORKSTATION_COLLECTIONS[name].schema.version;
      expect(missingMigrationVersions(version, WORKSTATION_MIGRATION_STRATEGIES[name]), name).toEqual([]);
    }
    expect(missingMigrationVersions(2, { 1: (doc: unknown) => doc })).toEqual([2]);
  });

  it('migrates stored v0 leads to a v1 schema on reopen, keeping every row', async () => {
    const name = `migration-${Date.now()}`;
    const v0 = await openWorkstationDatabase({ name, storage, devMode: true });
    await v0.collections.leads.bulkInsert(
      ['Ελένη Παπαδοπούλου', 'Дмитрий Иванов'].map((contact, i) => ({
        id: `lead-${i}`,
        partner_id: PARTNER,
        created_at: `2026-02-0${i + 1}T10:00:00.000Z`,
        company: `Company ${i}`,
        contact_name: contact,
        source: 'website' as const,
        stage: 'qualified' as const,
        estimated_value: 1000 * (i + 1),
        currency: 'EUR',
      })),
    );
    await v0.close();

    // A test-local v1: estimated_value becomes integer minor units (cents), as a real bump might.
    type LeadV1 = Omit<LeadDoc, 'estimated_value'> & { estimated_value_minor?: number | null };
    const { estimated_value: _removed, ...v0Properties } = leadsRxSchema.properties;
    const leadsV1: RxJsonSchema<LeadV1> = {
      ...(leadsRxSchema as unknown as RxJsonSchema<LeadV1>),
      version: 1,
      properties: { ...v0Properties, estimated_value_minor: { type: ['integer', 'null'] } },
    };
    const strategies: WorkstationMigrationStrategies = {
      ...WORKSTATION_MIGRATION_STRATEGIES,
      leads: {
        1: (old: LeadDoc) => {
          const { estimated_value, ...rest } = old;
          return { ...rest, estimated_value_minor: estimated_value == null ? null : Math.round(estimated_value * 100) };
        },
      },
    };
    const original = WORKSTATION_COLLECTIONS.leads.schema;
    (WORKSTATION_COLLECTIONS.leads as { schema: unknown }).schema = leadsV1;
    try {
      db = await openWorkstationDatabase({ name, storage, devMode: true, migrationStrategies: strategies });
    } finally {
      (WORKSTATION_COLLECTIONS.leads as { schema: unknown }).schema = original;
    }
    const rows = (await db.collections.leads.find({ sort: [{ created_at: 'asc' }] }).exec()).map(
      (doc) => doc.toJSON() as unknown as LeadV1,
    );
    expect(rows.map((row) => [row.contact_name, row.estimated_value_minor, row.stage])).toEqual([
      ['Ελένη Παπαδοπούλου', 100000, 'qualified'],
      ['Дмитрий Иванов', 200000, 'qualified'],
    ]);
  });
});
