import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { JsonSchema } from 'rxdb';
import {
  COLLECTION_NAMES,
  WORKSTATION_COLLECTIONS,
  type CollectionName,
  type WorkstationDocTypes,
} from '../../sync/schema/collections';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';

const PARTNER = '00000000-0000-4000-8000-000000000a01';
const AT = '2026-03-10T09:30:00.000Z';

/** The smallest valid row of every collection: required fields only. */
const MINIMAL: { [N in CollectionName]: WorkstationDocTypes[N] } = {
  profiles: { id: PARTNER, partner_id: PARTNER, created_at: AT, display_name: 'Zoë O\'Brien', onboarding_step: 0, leaderboard_opt_in: false, currency: 'GBP', payout_automatic: false },
  leads: { id: 'lead-1', partner_id: PARTNER, created_at: AT, company: 'Żółć Logistyka', source: 'event', stage: 'new' },
  activities: { id: 'act-1', partner_id: PARTNER, created_at: AT, kind: 'note', occurred_at: AT },
  referral_links: { id: 'link-1', partner_id: PARTNER, created_at: AT, name: 'LinkedIn', destination: 'https://siso.agency/' },
  tickets: { id: 'ticket-1', partner_id: PARTNER, created_at: AT, subject: 'Logo upload', priority: 'normal', status: 'open', kind: 'support', tier_required: 'starter', locked: false, hidden: false, pinned: false, message_count: 0 },
  ticket_messages: { id: 'msg-1', partner_id: PARTNER, created_at: AT, ticket_id: 'ticket-1', author_role: 'partner', body: 'Hello', visibility: 'public', hidden: false, helpful: false },
  training_progress: { id: 'tp-1', partner_id: PARTNER, created_at: AT, kind: 'module', course_id: 'course-1', module_index: 0 },
  notifications: { id: 'n-1', partner_id: PARTNER, created_at: AT, title: 'Welcome', kind: 'info' },
  partner_status: {
    id: 'status-1', partner_id: PARTNER, created_at: AT, tier: 'active', tier_since: AT, commission_rate: 22,
    support_calls_attended: 1, history: [{ tier: 'active', from: AT, to: null }], metrics: { leads_this_month: 3 },
  },
  catalog: {
    id: 'cat-1', created_at: AT, kind: 'course', title: 'Sales Fundamentals', slug: 'sales-fundamentals', body: {},
    tier_required: 'starter', tags: ['course'], version: 1, published: true, sort_order: 1,
  },
  earnings: { id: 'e-1', partner_id: PARTNER, created_at: AT, kind: 'commission', amount: 528, currency: 'EUR', status: 'pending', history: [] },
  link_clicks: { id: 'lc-1', partner_id: PARTNER, created_at: AT, referral_link_id: 'link-1', day: '2026-03-10', clicks: 4, conversions: 1 },
  payouts: { id: 'p-1', partner_id: PARTNER, created_at: AT, amount: 120, currency: 'GBP', method: 'bank', status: 'requested' },
};

/** Schemas that have moved past version 0, each with its migration strategy (schema-migration tests those). */
const SCHEMA_VERSIONS: Partial<Record<CollectionName, number>> = { profiles: 4, leads: 1, earnings: 1, catalog: 4, training_progress: 1, tickets: 1, ticket_messages: 1, activities: 2 };

const INTERNAL_PROPERTIES = new Set(['_deleted', '_rev', '_meta', '_attachments']);

function zodShape(name: CollectionName): Record<string, z.ZodType> {
  const validator = WORKSTATION_COLLECTIONS[name].validator;
  if (!(validator instanceof z.ZodObject)) throw new Error(`${name} validator is not a zod object`);
  return validator.shape as Record<string, z.ZodType>;
}

function rxProperties(name: CollectionName): Record<string, JsonSchema> {
  return WORKSTATION_COLLECTIONS[name].schema.properties as Record<string, JsonSchema>;
}

function typesOf(property: JsonSchema): string[] {
  const type = property.type;
  return type === undefined ? [] : Array.isArray(type) ? [...type] : [type as string];
}

let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

describe('collection definitions', () => {
  it('define exactly the 13 tables of the data model (the RxDB free edition’s limit)', () => {
    expect([...COLLECTION_NAMES].sort()).toEqual(
      ['activities', 'catalog', 'earnings', 'leads', 'link_clicks', 'notifications', 'partner_status', 'payouts', 'profiles',
        'referral_links', 'ticket_messages', 'tickets', 'training_progress'],
    );
  });

  it.each(COLLECTION_NAMES)('%s: zod and RxDB declare the same fields and the same required ones', (name) => {
    const shape = zodShape(name);
    const schema = WORKSTATION_COLLECTIONS[name].schema;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(schema.properties).sort());
    const zodRequired = Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
    expect(zodRequired.sort()).toEqual([...(schema.required ?? [])].sort());
    expect(schema.primaryKey).toBe('id');
    expect(schema.version).toBe(SCHEMA_VERSIONS[name] ?? 0);
    expect(rxProperties(name).id).toEqual({ type: 'string', maxLength: 64 });
  });

  it.each(COLLECTION_NAMES)('%s: enum fields list the same values in zod and RxDB', (name) => {
    const shape = zodShape(name);
    for (const [key, property] of Object.entries(rxProperties(name))) {
      if (!property.enum) continue;
      const values = property.enum.filter((value: unknown) => value !== null);
      for (const value of values) expect(shape[key]!.safeParse(value).success).toBe(true);
      expect(shape[key]!.safeParse('not-a-listed-value').success).toBe(false);
    }
  });

  it('two-way collections hold scalar fields only (the Supabase push compares each with eq/is)', () => {
    const scalar = new Set(['string', 'number', 'integer', 'boolean', 'null']);
    const twoWay = COLLECTION_NAMES.filter((name) => WORKSTATION_COLLECTIONS[name].direction === 'two-way');
    expect(twoWay.sort()).toEqual(
      ['activities', 'leads', 'notifications', 'payouts', 'profiles', 'referral_links', 'ticket_messages', 'tickets', 'training_progress'],
    );
    for (const name of twoWay) {
      for (const [key, property] of Object.entries(rxProperties(name))) {
        const types = typesOf(property);
        expect(types.length, `${name}.${key} has a type`).toBeGreaterThan(0);
        for (const type of types) expect(scalar.has(type), `${name}.${key} is ${type}`).toBe(true);
      }
    }
  });

  it('no collection declares RxDB-internal or underscore fields', () => {
    for (const name of COLLECTION_NAMES) {
      for (const key of Object.keys(rxProperties(name))) {
        expect(INTERNAL_PROPERTIES.has(key) || key.startsWith('_'), `${name}.${key}`).toBe(false);
      }
    }
  });

  it.each(COLLECTION_NAMES)('%s: the minimal sample passes zod', (name) => {
    expect(WORKSTATION_COLLECTIONS[name].validator.safeParse(MINIMAL[name]).success).toBe(true);
  });
});

describe.each(['Dexie on fake-indexeddb', 'memory'])('openWorkstationDatabase with %s storage', (label) => {
  it('creates all 13 collections and stores and queries a row in each', async () => {
    const name = `schema-${Date.now()}`;
    db =
      label === 'memory'
        ? await openWorkstationDatabase({ name, storage: getRxStorageMemory(), devMode: true })
        : await openWorkstationDatabase({ name, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), devMode: true });
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    for (const name of COLLECTION_NAMES) {
      await insertSample(db, name);
      const found = await db.collections[name].findOne(MINIMAL[name].id).exec();
      expect(found?.toJSON()).toEqual(MINIMAL[name]);
    }
    const newLeads = await db.collections.leads.find({ selector: { stage: 'new' }, sort: [{ created_at: 'desc' }] }).exec();
    expect(newLeads.map((lead) => lead.company)).toEqual(['Żółć Logistyka']);
    const courses = await db.collections.catalog.find({ selector: { kind: 'course' }, sort: [{ sort_order: 'asc' }] }).exec();
    expect(courses).toHaveLength(1);
  });
});

async function insertSample<N extends CollectionName>(database: WorkstationDatabase, name: N): Promise<void> {
  const collection = database.collections[name] as unknown as {
    insert(doc: WorkstationDocTypes[N]): Promise<unknown>;
  };
  await collection.insert(MINIMAL[name]);
}

describe('RxDB refuses what zod refuses (dev-mode validation)', () => {
  it.each(COLLECTION_NAMES)('%s: a row missing a required field or with a value outside an enum', async (name) => {
    db = await openWorkstationDatabase({ name: `refuse-${name}`, storage: getRxStorageMemory(), devMode: true });
    const collection = db.collections[name] as unknown as { insert(doc: Record<string, unknown>): Promise<unknown> };
    const schema = WORKSTATION_COLLECTIONS[name].schema;
    const validator = WORKSTATION_COLLECTIONS[name].validator;
    const bad: Record<string, unknown>[] = [];
    for (const key of schema.required ?? []) {
      if (key === 'id') continue;
      const { [key]: _dropped, ...rest } = MINIMAL[name] as Record<string, unknown>;
      bad.push({ ...rest, id: `missing-${key}` });
    }
    for (const [key, property] of Object.entries(rxProperties(name))) {
      if (property.enum) bad.push({ ...MINIMAL[name], id: `bad-${key}`, [key]: 'not-a-listed-value' });
    }
    bad.push({ ...MINIMAL[name], id: 'x'.repeat(65) });
    for (const doc of bad) {
      expect(validator.safeParse(doc).success, `zod accepts ${String(doc.id)}`).toBe(false);
      await expect(collection.insert(doc), `RxDB accepts ${String(doc.id)}`).rejects.toThrow();
    }
  });
});
