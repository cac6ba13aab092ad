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
import { catalogRxSchema, type CatalogDoc } from '../../sync/schema/catalog.schema';
import { promotionBodySchema } from '../../sync/schema/catalog-bodies';
import { trainingProgressRxSchema, type TrainingProgressDoc } from '../../sync/schema/training-progress.schema';
import { ticketsRxSchema, type TicketDoc } from '../../sync/schema/tickets.schema';
import { ticketMessagesRxSchema, type TicketMessageDoc } from '../../sync/schema/ticket-messages.schema';
import { ACTIVITY_KINDS, activitiesRxSchema, type ActivityDoc } from '../../sync/schema/activities.schema';
import { proposalHistories } from '../../sync/domain/proposals/version';

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

  it('gives a stored v1 profile automatic withdrawals off, as the server defaults, keeping what it had', () => {
    const toV2 = WORKSTATION_MIGRATION_STRATEGIES.profiles[2] as (doc: Record<string, unknown>) => unknown;
    expect(toV2({ id: PARTNER, currency: 'EUR', tax_details: null })).toEqual({ id: PARTNER, currency: 'EUR', tax_details: null, payout_automatic: false });
    expect(toV2({ id: PARTNER, payout_automatic: true })).toEqual({ id: PARTNER, payout_automatic: true });
  });

  it('gives a stored v3 profile no custom dashboard, keeping a layout it already had', () => {
    const toV4 = WORKSTATION_MIGRATION_STRATEGIES.profiles[4] as (doc: Record<string, unknown>) => unknown;
    expect(toV4({ id: PARTNER, leaderboard_opt_in: true })).toEqual({ id: PARTNER, leaderboard_opt_in: true, dashboard_layout: null });
    expect(toV4({ id: PARTNER, dashboard_layout: '{"widgets":[],"kpis":[]}' })).toEqual({ id: PARTNER, dashboard_layout: '{"widgets":[],"kpis":[]}' });
  });

  it('migrates stored leads to a newer schema on reopen, keeping every row', async () => {
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

    // A test-local next version: estimated_value becomes integer minor units (cents), as a real bump might.
    type LeadV1 = Omit<LeadDoc, 'estimated_value'> & { estimated_value_minor?: number | null };
    const { estimated_value: _removed, ...v0Properties } = leadsRxSchema.properties;
    const leadsV1: RxJsonSchema<LeadV1> = {
      ...(leadsRxSchema as unknown as RxJsonSchema<LeadV1>),
      version: leadsRxSchema.version + 1,
      properties: { ...v0Properties, estimated_value_minor: { type: ['integer', 'null'] } },
    };
    const strategies: WorkstationMigrationStrategies = {
      ...WORKSTATION_MIGRATION_STRATEGIES,
      leads: {
        ...WORKSTATION_MIGRATION_STRATEGIES.leads,
        [leadsRxSchema.version + 1]: (old: LeadDoc) => {
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

  it('opens a store written with catalog v0 (before promotions) at the latest version, keeping every row, and then accepts promotions', async () => {
    const name = `catalog-migration-${Date.now()}`;
    const v0Kinds = ['asset', 'template', 'course', 'article', 'tier_rule', 'announcement', 'brand_guideline'];
    const catalogV0 = {
      ...catalogRxSchema,
      version: 0,
      properties: { ...catalogRxSchema.properties, kind: { type: 'string', enum: v0Kinds, maxLength: 100 } },
    } as RxJsonSchema<CatalogDoc>;
    const entry = (id: string, kind: CatalogDoc['kind'], body: CatalogDoc['body']): CatalogDoc => ({
      id, created_at: '2026-11-01T10:00:00.000Z', kind, title: `Entry ${id}`, slug: id, body, tier_required: 'starter',
      tags: [], version: 1, published: true, sort_order: 0,
    });
    const original = WORKSTATION_COLLECTIONS.catalog.schema;
    (WORKSTATION_COLLECTIONS.catalog as { schema: unknown }).schema = catalogV0;
    try {
      const v0 = await openWorkstationDatabase({ name, storage, devMode: true, migrationStrategies: { ...WORKSTATION_MIGRATION_STRATEGIES, catalog: {} } });
      await v0.collections.catalog.bulkInsert([entry('note', 'announcement', { markdown: 'Ωμέγα news' }), entry('deck', 'template', { id: 'deck' })]);
      await expect(v0.collections.catalog.insert(entry('old-promo', 'promotion', {}))).rejects.toThrow();
      await v0.close();
    } finally {
      (WORKSTATION_COLLECTIONS.catalog as { schema: unknown }).schema = original;
    }

    db = await openWorkstationDatabase({ name, storage, devMode: true });
    expect(db.collections.catalog.schema.version).toBe(catalogRxSchema.version);
    const kept = await db.collections.catalog.find({ sort: [{ id: 'asc' }] }).exec();
    expect(kept.map((doc) => [doc.id, doc.kind, doc.body])).toEqual([
      ['deck', 'template', { id: 'deck' }],
      ['note', 'announcement', { markdown: 'Ωμέγα news' }],
    ]);
    const body = promotionBodySchema.parse({ headline: 'Spring sprint', reward: '€100 bonus', starts_at: '2026-12-01T00:00:00.000Z', ends_at: '2027-01-01T00:00:00.000Z' });
    await db.collections.catalog.insert(entry('promo', 'promotion', body));
    expect((await db.collections.catalog.findOne('promo').exec())?.body).toMatchObject({ headline: 'Spring sprint', description: '' });
  });

  it('opens training_progress written at v0 (module progress only) at v1, as module rows with the new fields empty', async () => {
    const name = `training-migration-${Date.now()}`;
    const { kind: _kind, module_id: _moduleId, position_seconds: _position, answers: _answers, status: _status, track: _track,
      verification_code: _code, issued_at: _issued, expires_at: _expires, ref_id: _ref, ...v0Properties } = trainingProgressRxSchema.properties;
    const trainingV0 = {
      ...trainingProgressRxSchema,
      version: 0,
      properties: v0Properties,
      required: ['id', 'partner_id', 'created_at', 'course_id', 'module_index'],
    } as unknown as RxJsonSchema<TrainingProgressDoc>;
    const original = WORKSTATION_COLLECTIONS.training_progress.schema;
    (WORKSTATION_COLLECTIONS.training_progress as { schema: unknown }).schema = trainingV0;
    try {
      const v0 = await openWorkstationDatabase({ name, storage, devMode: true, migrationStrategies: { ...WORKSTATION_MIGRATION_STRATEGIES, training_progress: {} } });
      await v0.collections.training_progress.insert({
        id: 'tp-old', partner_id: '00000000-0000-4000-8000-000000000001', created_at: '2026-11-01T10:00:00.000Z',
        course_id: 'course-1', module_index: 2, completed_at: '2026-11-02T10:00:00.000Z', score: 90,
      } as unknown as TrainingProgressDoc);
      await v0.close();
    } finally {
      (WORKSTATION_COLLECTIONS.training_progress as { schema: unknown }).schema = original;
    }

    db = await openWorkstationDatabase({ name, storage, devMode: true });
    expect(db.collections.training_progress.schema.version).toBe(1);
    const kept = (await db.collections.training_progress.findOne('tp-old').exec())?.toJSON();
    expect(kept).toMatchObject({ kind: 'module', course_id: 'course-1', module_index: 2, score: 90, status: null, verification_code: null, position_seconds: null });
  });

  it('opens tickets and messages written at v0 at v1, as support threads with public messages and the server fields empty', async () => {
    const name = `threads-migration-${Date.now()}`;
    const partner = '00000000-0000-4000-8000-000000000001';
    const pick = (properties: Record<string, unknown>, keep: string[]) => Object.fromEntries(keep.map((key) => [key, properties[key]]));
    const base = ['id', 'partner_id', 'created_at', 'updated_at', '_deleted'];
    const ticketsV0 = {
      ...ticketsRxSchema, version: 0, indexes: ['created_at', ['status', 'created_at']],
      properties: pick(ticketsRxSchema.properties, [...base, 'subject', 'category', 'priority', 'status']),
      required: ['id', 'partner_id', 'created_at', 'subject', 'priority', 'status'],
    } as unknown as RxJsonSchema<TicketDoc>;
    const messagesV0 = {
      ...ticketMessagesRxSchema, version: 0,
      properties: pick(ticketMessagesRxSchema.properties, [...base, 'ticket_id', 'author_role', 'body']),
      required: ['id', 'partner_id', 'created_at', 'ticket_id', 'author_role', 'body'],
    } as unknown as RxJsonSchema<TicketMessageDoc>;
    const originals = [WORKSTATION_COLLECTIONS.tickets.schema, WORKSTATION_COLLECTIONS.ticket_messages.schema] as const;
    (WORKSTATION_COLLECTIONS.tickets as { schema: unknown }).schema = ticketsV0;
    (WORKSTATION_COLLECTIONS.ticket_messages as { schema: unknown }).schema = messagesV0;
    try {
      const v0 = await openWorkstationDatabase({
        name, storage, devMode: true,
        migrationStrategies: { ...WORKSTATION_MIGRATION_STRATEGIES, tickets: {}, ticket_messages: {} },
      });
      await v0.collections.tickets.insert({
        id: 't-old', partner_id: partner, created_at: '2026-11-01T10:00:00.000Z', subject: 'Łódź logo upload', priority: 'high', status: 'waiting',
      } as unknown as TicketDoc);
      await v0.collections.ticket_messages.insert({
        id: 'm-old', partner_id: partner, created_at: '2026-11-01T10:00:00.000Z', ticket_id: 't-old', author_role: 'support', body: 'Which file?',
      } as unknown as TicketMessageDoc);
      await v0.close();
    } finally {
      (WORKSTATION_COLLECTIONS.tickets as { schema: unknown }).schema = originals[0];
      (WORKSTATION_COLLECTIONS.ticket_messages as { schema: unknown }).schema = originals[1];
    }

    db = await openWorkstationDatabase({ name, storage, devMode: true });
    expect((await db.collections.tickets.findOne('t-old').exec())?.toJSON()).toMatchObject({
      kind: 'support', subject: 'Łódź logo upload', status: 'waiting', priority: 'high', tier_required: 'starter', locked: false, hidden: false, message_count: 0, first_response_at: null,
    });
    expect((await db.collections.ticket_messages.findOne('m-old').exec())?.toJSON()).toMatchObject({
      body: 'Which file?', author_role: 'support', visibility: 'public', hidden: false, helpful: false, attachment_path: null,
    });
  });

  it('opens leads written at v0 at v1, keeping every field, with no website and no registration', async () => {
    const name = `leads-registration-migration-${Date.now()}`;
    const registrationFields = ['website', 'registration_requested_at', 'registration_status', 'registration_decided_at', 'registration_expires_at', 'registration_reason', 'client_projects'];
    const leadsV0 = {
      ...leadsRxSchema, version: 0,
      properties: Object.fromEntries(Object.entries(leadsRxSchema.properties).filter(([key]) => !registrationFields.includes(key))),
    } as unknown as RxJsonSchema<LeadDoc>;
    const original = WORKSTATION_COLLECTIONS.leads.schema;
    (WORKSTATION_COLLECTIONS.leads as { schema: unknown }).schema = leadsV0;
    try {
      const v0 = await openWorkstationDatabase({ name, storage, devMode: true, migrationStrategies: { ...WORKSTATION_MIGRATION_STRATEGIES, leads: {} } });
      await v0.collections.leads.insert({
        id: 'lead-old', partner_id: PARTNER, created_at: '2026-11-01T10:00:00.000Z', company: 'Šiauliai Šviesa', email: 'ona@siauliai.example', source: 'event', stage: 'proposal',
      });
      await expect(v0.collections.leads.insert({
        id: 'lead-new', partner_id: PARTNER, created_at: '2026-11-01T10:00:00.000Z', company: 'Too new', source: 'event', stage: 'new', registration_status: 'approved',
      })).rejects.toThrow();
      await v0.close();
    } finally {
      (WORKSTATION_COLLECTIONS.leads as { schema: unknown }).schema = original;
    }

    db = await openWorkstationDatabase({ name, storage, devMode: true });
    expect(db.collections.leads.schema.version).toBe(1);
    expect((await db.collections.leads.findOne('lead-old').exec())?.toJSON()).toMatchObject({
      company: 'Šiauliai Šviesa', email: 'ona@siauliai.example', stage: 'proposal',
      website: null, registration_requested_at: null, registration_status: null, registration_reason: null, registration_expires_at: null, client_projects: null,
    });
    await db.collections.leads.insert({
      id: 'lead-registered', partner_id: PARTNER, created_at: '2026-11-02T10:00:00.000Z', company: 'Registered', source: 'event', stage: 'new',
      website: 'https://registered.example', registration_requested_at: '2026-11-02T10:00:00.000Z', registration_status: 'pending',
    });
    await expect(db.collections.leads.insert({
      id: 'lead-bad', partner_id: PARTNER, created_at: '2026-11-02T10:00:00.000Z', company: 'Bad', source: 'event', stage: 'new',
      registration_status: 'granted' as LeadDoc['registration_status'],
    })).rejects.toThrow();
  });

  it('opens activities written at v1 at v2, keeping legacy proposals as they were, and then accepts versions and signatures', async () => {
    const name = `activities-proposals-migration-${Date.now()}`;
    const proposalFields = ['proposal_id', 'discount_percent', 'approval_status', 'decided_at', 'decision_note'];
    const v1Kinds = ACTIVITY_KINDS.filter((kind) => kind !== 'proposal_signed');
    const activitiesV1 = {
      ...activitiesRxSchema, version: 1,
      properties: {
        ...Object.fromEntries(Object.entries(activitiesRxSchema.properties).filter(([key]) => !proposalFields.includes(key))),
        kind: { type: 'string', enum: v1Kinds, maxLength: 100 },
      },
    } as unknown as RxJsonSchema<ActivityDoc>;
    const legacyMeta = JSON.stringify({ file_name: 'Żółć proposal.pdf', template: 'four-page-proposal', sha256: 'ab'.repeat(32) });
    const original = WORKSTATION_COLLECTIONS.activities.schema;
    (WORKSTATION_COLLECTIONS.activities as { schema: unknown }).schema = activitiesV1;
    try {
      const v1 = await openWorkstationDatabase({ name, storage, devMode: true, migrationStrategies: { ...WORKSTATION_MIGRATION_STRATEGIES, activities: { 1: (doc: unknown) => doc } } });
      await v1.collections.activities.bulkInsert([
        { id: 'act-proposal', partner_id: PARTNER, created_at: '2026-11-01T10:00:00.000Z', lead_id: 'lead-1', kind: 'proposal_created', body: 'Four-page proposal saved', occurred_at: '2026-11-01T10:00:00.000Z', meta: legacyMeta },
        { id: 'act-note', partner_id: PARTNER, created_at: '2026-11-02T10:00:00.000Z', lead_id: 'lead-1', kind: 'note', body: 'Ελένη called back', occurred_at: '2026-11-02T10:00:00.000Z' },
      ]);
      await v1.close();
    } finally {
      (WORKSTATION_COLLECTIONS.activities as { schema: unknown }).schema = original;
    }

    db = await openWorkstationDatabase({ name, storage, devMode: true });
    expect(db.collections.activities.schema.version).toBe(2);
    const rows = (await db.collections.activities.find({ sort: [{ occurred_at: 'asc' }] }).exec()).map((doc) => doc.toJSON());
    expect(rows).toEqual([
      expect.objectContaining({ id: 'act-proposal', kind: 'proposal_created', meta: legacyMeta, proposal_id: null, discount_percent: null, approval_status: null, decided_at: null, decision_note: null }),
      expect.objectContaining({ id: 'act-note', body: 'Ελένη called back', proposal_id: null, approval_status: null }),
    ]);
    expect(proposalHistories(rows as ActivityDoc[]).map((history) => [history.proposalId, history.latest.legacy])).toEqual([['act-proposal', true]]);
    await db.collections.activities.insert({
      id: 'act-signed', partner_id: PARTNER, created_at: '2026-11-03T10:00:00.000Z', lead_id: 'lead-1', kind: 'proposal_signed', occurred_at: '2026-11-03T10:00:00.000Z',
      proposal_id: 'proposal-1', discount_percent: null, approval_status: null, decided_at: null, decision_note: null,
    });
    await expect(db.collections.activities.insert({
      id: 'act-bad', partner_id: PARTNER, created_at: '2026-11-03T10:00:00.000Z', kind: 'proposal_created', occurred_at: '2026-11-03T10:00:00.000Z',
      approval_status: 'maybe' as ActivityDoc['approval_status'],
    })).rejects.toThrow();
  });

  it('promotion bodies need a headline, a reward and an end after the start', () => {
    const base = { headline: 'Sprint', reward: '€100 bonus', starts_at: '2026-12-01T00:00:00.000Z', ends_at: '2027-01-01T00:00:00.000Z' };
    expect(promotionBodySchema.safeParse(base).success).toBe(true);
    const messages = (input: object) => {
      const result = promotionBodySchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ ...base, headline: '  ' })).toEqual(['Give the promotion a headline partners will notice.']);
    expect(messages({ ...base, reward: '' })).toEqual(['Say what partners get, e.g. “€250 bonus per won deal”.']);
    expect(messages({ ...base, ends_at: base.starts_at })).toEqual(['The promotion must end after it starts.']);
    expect(messages({ ...base, starts_at: 'next week' })).toEqual(['Give the date and time as an ISO timestamp, e.g. 2026-12-01T09:00:00Z.']);
  });
});
