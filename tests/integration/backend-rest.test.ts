/** `/rest/v1` through the real supabase-js client (and RxDB's Supabase replication), with RLS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateSupabase } from 'rxdb/plugins/replication-supabase';
import { rawRequest, startTestBackend, type TestBackend } from '../fixtures/backend';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { startPostgresCluster } from '../fixtures/postgres-cluster';

let backend: TestBackend;
let partnerA: SupabaseClient;
let partnerB: SupabaseClient;
let admin: SupabaseClient;
let tokenA: string;

interface LeadRow {
  id: string;
  company: string;
  stage: string;
  estimated_value: number | null;
  notes: string | null;
  partner_id: string;
  _modified: number;
}

const opsLeads = [
  { id: 'ops-1', company: 'Alpha Ltd', stage: 'new', estimated_value: 100, notes: null },
  { id: 'ops-2', company: 'Beta plc', stage: 'contacted', estimated_value: 200, notes: 'hot' },
  { id: 'ops-3', company: 'Gamma, Inc.', stage: 'qualified', estimated_value: 300, notes: 'warm' },
  { id: 'ops-4', company: 'delta (uk)', stage: 'won', estimated_value: null, notes: null },
  { id: 'ops-5', company: 'Epsilon "E"', stage: 'lost', estimated_value: 500, notes: 'cold' },
];

function ids(rows: { id: string }[] | null): string[] {
  return (rows ?? []).map((row) => row.id).sort();
}

beforeAll(async () => {
  backend = await startTestBackend();
  const a = await backend.signIn('starter');
  partnerA = a.client;
  tokenA = a.session.access_token;
  partnerB = (await backend.signIn('active')).client;
  admin = (await backend.signIn('admin')).client;
  const { error } = await partnerA.from('leads').insert(opsLeads);
  if (error) throw new Error(`seeding ops leads failed: ${error.message}`);
});

afterAll(async () => {
  await backend?.close();
});

describe('reading', () => {
  it('selects columns with aliases, orders, limits and counts', async () => {
    const { data, error, count } = await partnerA
      .from('leads')
      .select('id, name:company, estimated_value', { count: 'exact' })
      .like('id', 'ops-*')
      .order('estimated_value', { ascending: false, nullsFirst: true })
      .range(0, 2);
    expect(error).toBeNull();
    expect(count).toBe(5);
    expect(data).toEqual([
      { id: 'ops-4', name: 'delta (uk)', estimated_value: null },
      { id: 'ops-5', name: 'Epsilon "E"', estimated_value: 500 },
      { id: 'ops-3', name: 'Gamma, Inc.', estimated_value: 300 },
    ]);
  });

  it('mixes * with aliased columns', async () => {
    const { data, error } = await partnerA.from('leads').select('*, title:company').eq('id', 'ops-3').single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: 'ops-3', company: 'Gamma, Inc.', title: 'Gamma, Inc.', stage: 'qualified' });
  });

  it('counts without rows (head)', async () => {
    const { count, data, error } = await partnerA.from('leads').select('*', { count: 'exact', head: true }).like('id', 'ops-*');
    expect(error).toBeNull();
    expect(data).toBeNull();
    expect(count).toBe(5);
  });

  it('honours the Range header with Content-Range and 206', async () => {
    const response = await rawRequest(backend, '/rest/v1/leads?select=id&id=like.ops-*&order=id', {
      token: tokenA,
      headers: { range: '1-2', 'range-unit': 'items', prefer: 'count=exact' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('1-2/5');
    expect(response.json()).toEqual([{ id: 'ops-2' }, { id: 'ops-3' }]);
  });

  it('returns one object for single() and 406 PGRST116 otherwise', async () => {
    const one = await partnerA.from('leads').select('id, company').eq('id', 'ops-1').single();
    expect(one.data).toEqual({ id: 'ops-1', company: 'Alpha Ltd' });
    const none = await partnerA.from('leads').select('id').eq('id', 'missing').single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe('PGRST116');
    const maybe = await partnerA.from('leads').select('id').eq('id', 'missing').maybeSingle();
    expect(maybe.error).toBeNull();
    expect(maybe.data).toBeNull();
  });

  it('answers 404 PGRST205 for a table that does not exist', async () => {
    const { error, status } = await partnerA.from('no_such_table').select('*');
    expect(status).toBe(404);
    expect(error?.code).toBe('PGRST205');
  });
});

describe('filter operators', () => {
  const base = () => partnerA.from('leads').select('id, company, stage, estimated_value, notes, _modified').like('id', 'ops-*');

  it.each([
    ['eq', () => base().eq('stage', 'new'), ['ops-1']],
    ['neq', () => base().neq('stage', 'new'), ['ops-2', 'ops-3', 'ops-4', 'ops-5']],
    ['gt', () => base().gt('estimated_value', 200), ['ops-3', 'ops-5']],
    ['gte', () => base().gte('estimated_value', 200), ['ops-2', 'ops-3', 'ops-5']],
    ['lt', () => base().lt('estimated_value', 300), ['ops-1', 'ops-2']],
    ['lte', () => base().lte('estimated_value', 300), ['ops-1', 'ops-2', 'ops-3']],
    ['like', () => base().like('company', '*plc'), ['ops-2']],
    ['ilike', () => base().ilike('company', 'DELTA*'), ['ops-4']],
    ['is null', () => base().is('notes', null), ['ops-1', 'ops-4']],
    ['not is null', () => base().not('notes', 'is', null), ['ops-2', 'ops-3', 'ops-5']],
    ['is false', () => base().is('_deleted', false), ['ops-1', 'ops-2', 'ops-3', 'ops-4', 'ops-5']],
    ['in', () => base().in('stage', ['new', 'won']), ['ops-1', 'ops-4']],
    ['in with reserved characters', () => base().in('company', ['Gamma, Inc.', 'delta (uk)']), ['ops-3', 'ops-4']],
    ['not in', () => base().not('stage', 'in', '(new,won)'), ['ops-2', 'ops-3', 'ops-5']],
    ['not eq', () => base().not('stage', 'eq', 'new'), ['ops-2', 'ops-3', 'ops-4', 'ops-5']],
    ['eq with quotes in the value', () => base().eq('company', 'Epsilon "E"'), ['ops-5']],
    ['or', () => base().or('stage.eq.new,estimated_value.gte.500'), ['ops-1', 'ops-5']],
    ['or with nested and', () => base().or('stage.eq.won,and(estimated_value.gt.100,estimated_value.lt.300)'), ['ops-2', 'ops-4']],
    ['or with a quoted value holding a comma', () => base().or('company.eq."Gamma, Inc.",notes.eq.cold'), ['ops-3', 'ops-5']],
    ['or with not and in', () => base().or('stage.not.in.(new,contacted,qualified),notes.is.null'), ['ops-1', 'ops-4', 'ops-5']],
  ] as const)('%s', async (_name, query, expected) => {
    const { data, error } = await query();
    expect(error).toBeNull();
    expect(ids(data)).toEqual([...expected]);
  });

  it("matches RxDB's exact checkpoint query", async () => {
    const all = (await base().order('_modified').order('id')).data as unknown as LeadRow[];
    const checkpoint = all[1] as LeadRow;
    const { data, error } = await base()
      .or(`"_modified".gt.${checkpoint._modified},and("_modified".eq.${checkpoint._modified},"id".gt.${checkpoint.id})`)
      .order('_modified', { ascending: true })
      .order('id', { ascending: true })
      .limit(10);
    expect(error).toBeNull();
    const expected = all.filter((row) => row._modified > checkpoint._modified || (row._modified === checkpoint._modified && row.id > checkpoint.id));
    expect((data ?? []).map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(expected.length).toBe(3);
  });
});

describe('writing', () => {
  it('inserts and returns the representation with server-set columns', async () => {
    const { data, error, status } = await partnerA.from('leads').insert({ id: 'w-1', company: 'Write Co' }).select().single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toMatchObject({ id: 'w-1', company: 'Write Co', stage: 'new', partner_id: seedUsers.starter.id, _deleted: false });
    expect(typeof (data as LeadRow)._modified).toBe('number');
  });

  it('inserts many rows: missing keys are null by default, column defaults with defaultToNull:false', async () => {
    const rows = [
      { id: 'many-1', company: 'One', stage: 'won', notes: 'first' },
      { id: 'many-2', company: 'Two' },
    ];
    const asNull = await partnerA.from('leads').insert(rows);
    expect(asNull.error?.code).toBe('23502');

    const withDefaults = await partnerA.from('leads').insert(rows, { defaultToNull: false }).select('id, stage, notes');
    expect(withDefaults.error).toBeNull();
    expect(withDefaults.data).toEqual([
      { id: 'many-1', stage: 'won', notes: 'first' },
      { id: 'many-2', stage: 'new', notes: null },
    ]);
  });

  it('reports a duplicate insert as 23505 with status 409', async () => {
    const { error, status } = await partnerA.from('leads').insert({ id: 'w-1', company: 'Again' });
    expect(status).toBe(409);
    expect(error?.code).toBe('23505');
  });

  it('upserts: merge-duplicates updates, ignore-duplicates keeps', async () => {
    const merged = await partnerA.from('leads').upsert({ id: 'w-1', company: 'Write Co', stage: 'contacted' }, { onConflict: 'id' }).select('id, stage');
    expect(merged.error).toBeNull();
    expect(merged.data).toEqual([{ id: 'w-1', stage: 'contacted' }]);

    const ignored = await partnerA.from('leads').upsert({ id: 'w-1', company: 'Ignored', stage: 'won' }, { onConflict: 'id', ignoreDuplicates: true }).select('id');
    expect(ignored.error).toBeNull();
    expect(ignored.data).toEqual([]);
    const now = await partnerA.from('leads').select('company, stage').eq('id', 'w-1').single();
    expect(now.data).toEqual({ company: 'Write Co', stage: 'contacted' });
  });

  it('updates only the filtered rows', async () => {
    const { data, error } = await partnerA.from('leads').update({ notes: 'bulk' }).in('id', ['ops-1', 'ops-2']).select('id, notes');
    expect(error).toBeNull();
    expect(data?.map((r) => [r.id, r.notes]).sort()).toEqual([['ops-1', 'bulk'], ['ops-2', 'bulk']]);
    const other = await partnerA.from('leads').select('notes').eq('id', 'ops-3').single();
    expect(other.data?.notes).toBe('warm');
  });

  it('reports a check violation as 400 23514', async () => {
    const { error, status } = await partnerA.from('leads').update({ stage: 'not-a-stage' }).eq('id', 'ops-1');
    expect(status).toBe(400);
    expect(error?.code).toBe('23514');
  });

  it('deletes with filters where a policy allows (service role), nothing where none does', async () => {
    const blocked = await partnerA.from('leads').delete().eq('id', 'w-1').select('id');
    expect(blocked.error).toBeNull();
    expect(blocked.data).toEqual([]);

    const service = backend.serviceClient();
    const removed = await service.from('leads').delete().eq('id', 'w-1').select('id');
    expect(removed.error).toBeNull();
    expect(removed.data).toEqual([{ id: 'w-1' }]);
    const gone = await partnerA.from('leads').select('id').eq('id', 'w-1');
    expect(gone.data).toEqual([]);
  });
});

describe('rpc', () => {
  it('calls functions with named arguments by POST and GET', async () => {
    const rank = await partnerA.rpc('tier_rank', { tier: 'elite' });
    expect(rank.error).toBeNull();
    expect(typeof rank.data).toBe('number');
    const viaGet = await partnerA.rpc('tier_rank', { tier: 'elite' }, { get: true });
    expect(viaGet.data).toBe(rank.data);

    expect((await partnerA.rpc('current_partner_tier')).data).toBe('starter');
    expect((await partnerA.rpc('is_admin')).data).toBe(false);
    expect((await admin.rpc('is_admin')).data).toBe(true);
  });

  it('answers 404 PGRST202 for an unknown function or argument', async () => {
    const unknown = await partnerA.rpc('no_such_function');
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe('PGRST202');
    const wrongArg = await partnerA.rpc('tier_rank', { level: 'elite' });
    expect(wrongArg.error?.code).toBe('PGRST202');
  });
});

describe('row level security through REST', () => {
  it("partner A never sees partner B's leads", async () => {
    const bLeads = await partnerB.from('leads').select('id');
    expect(bLeads.error).toBeNull();
    expect(bLeads.data?.length).toBeGreaterThan(0);
    const bIds = new Set(ids(bLeads.data));

    const aLeads = await partnerA.from('leads').select('id, partner_id');
    expect(aLeads.data?.every((row) => row.partner_id === seedUsers.starter.id)).toBe(true);
    expect(aLeads.data?.some((row) => bIds.has(row.id))).toBe(false);

    const direct = await partnerA.from('leads').select('id').eq('partner_id', seedUsers.active.id);
    expect(direct.data).toEqual([]);
  });

  it("partner A cannot create a lead in B's name (403 42501)", async () => {
    const { error, status } = await partnerA.from('leads').insert({ id: 'spoof-1', company: 'Spoof', partner_id: seedUsers.active.id });
    expect(status).toBe(403);
    expect(error?.code).toBe('42501');
  });

  it('partner A cannot change its tier; an admin can', async () => {
    const attempt = await partnerA.from('partner_status').update({ tier: 'elite', commission_rate: 50 }).eq('partner_id', seedUsers.starter.id).select('tier');
    expect(attempt.data ?? []).toEqual([]);
    const stillStarter = await admin.from('partner_status').select('tier').eq('partner_id', seedUsers.starter.id).single();
    expect(stillStarter.data?.tier).toBe('starter');

    const promoted = await admin.from('partner_status').update({ tier: 'active' }).eq('partner_id', seedUsers.starter.id).select('tier').single();
    expect(promoted.error).toBeNull();
    expect(promoted.data?.tier).toBe('active');
    const own = await partnerA.from('partner_status').select('tier').single();
    expect(own.data?.tier).toBe('active');
  });

  it('an anonymous caller reads no leads', async () => {
    const { data, status } = await backend.anonClient().from('leads').select('id');
    expect(status === 401 || (data ?? []).length === 0).toBe(true);
  });
});

describe("RxDB's Supabase replication", () => {
  interface LeadDoc {
    id: string;
    company: string;
    stage: string;
    _modified?: number;
  }
  const schema: RxJsonSchema<LeadDoc> = {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      company: { type: 'string' },
      stage: { type: 'string' },
      _modified: { type: 'number' },
    },
    required: ['id', 'company', 'stage'],
  };

  it('pushes local leads and pulls the server ones, inserts and updates', async () => {
    const db = await createRxDatabase({ name: `rest-rx-${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
    try {
      const { leads } = await db.addCollections({ leads: { schema } });
      await leads.insert({ id: 'rx-1', company: 'Replicated Co', stage: 'new' });

      const runOnce = async (): Promise<void> => {
        const replication = replicateSupabase<LeadDoc>({
          client: partnerB,
          tableName: 'leads',
          collection: leads,
          replicationIdentifier: 'leads-rest-test',
          live: false,
          waitForLeadership: false,
          pull: { batchSize: 2 },
          push: { batchSize: 10 },
        });
        const errors: unknown[] = [];
        replication.error$.subscribe((e) => errors.push(e));
        await replication.awaitInitialReplication();
        await replication.cancel();
        expect(errors).toEqual([]);
      };

      await runOnce();
      const onServer = await partnerB.from('leads').select('id, company, stage, partner_id').eq('id', 'rx-1').single();
      expect(onServer.data).toEqual({ id: 'rx-1', company: 'Replicated Co', stage: 'new', partner_id: seedUsers.active.id });

      const serverIds = ids((await partnerB.from('leads').select('id')).data);
      const localIds = (await leads.find().exec()).map((doc) => doc.id).sort();
      expect(localIds).toEqual(serverIds);

      // An update goes through the plugin's compare-and-set (eq/is on every field of the master state).
      const doc = await leads.findOne('rx-1').exec();
      await doc?.incrementalPatch({ stage: 'contacted' });
      await runOnce();
      const updated = await partnerB.from('leads').select('stage').eq('id', 'rx-1').single();
      expect(updated.data?.stage).toBe('contacted');
    } finally {
      await db.close();
    }
  });
});

describe('on PostgreSQL (DATABASE_URL)', () => {
  it('serves the same dialect, errors and RLS as on PGlite', async (ctx) => {
    const cluster = await startPostgresCluster();
    if ('skipped' in cluster) {
      ctx.skip(cluster.skipped);
      return;
    }
    const pg = await startTestBackend({ databaseUrl: cluster.url, reset: true }).catch(async (error: unknown) => {
      await cluster.stop();
      throw error;
    });
    try {
      const a = (await pg.signIn('starter')).client;
      const b = (await pg.signIn('active')).client;
      const inserted = await a.from('leads').insert([{ id: 'pg-1', company: 'Pg One' }, { id: 'pg-2', company: 'Pg Two' }]).select('id, _modified, partner_id');
      expect(inserted.error).toBeNull();
      expect(inserted.data?.every((row) => typeof row._modified === 'number' && row.partner_id === seedUsers.starter.id)).toBe(true);

      const first = inserted.data?.[0] as { id: string; _modified: number };
      const page = await a
        .from('leads')
        .select('id')
        .or(`"_modified".gt.${first._modified},and("_modified".eq.${first._modified},"id".gt.${first.id})`)
        .order('_modified')
        .order('id');
      expect(page.data?.map((row) => row.id)).toEqual(['pg-2']);

      const duplicate = await a.from('leads').insert({ id: 'pg-1', company: 'Again' });
      expect([duplicate.status, duplicate.error?.code]).toEqual([409, '23505']);
      const spoof = await a.from('leads').insert({ id: 'pg-3', company: 'Spoof', partner_id: seedUsers.active.id });
      expect([spoof.status, spoof.error?.code]).toEqual([403, '42501']);
      expect((await b.from('leads').select('id').in('id', ['pg-1', 'pg-2'])).data).toEqual([]);
      expect((await a.rpc('current_partner_tier')).data).toBe('starter');
    } finally {
      await pg.close();
      await cluster.stop();
    }
  });
});
