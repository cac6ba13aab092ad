/**
 * Program aggregates and the leaderboard on the server, against the local backend: aggregates never
 * expose a single partner (no row for a group under 5, medians only in small groups, no identities
 * in the body), partners can neither write aggregate rows nor run the publishing functions, and
 * the leaderboard lists only partners who opted in, dropping one the moment they opt out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { leaderboardBodySchema, programAggregateBodySchema } from '../../sync/schema/analytics-bodies';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { cohortPartners } from '../../sync/server/db/seed-cohort';
import { startTestBackend, type TestBackend } from '../fixtures/backend';

let backend: TestBackend;
let starter: SupabaseClient;
let active: SupabaseClient;

const everyPartner = [...Object.values(seedUsers), ...cohortPartners];

beforeAll(async () => {
  backend = await startTestBackend();
  starter = (await backend.signIn('starter')).client;
  active = (await backend.signIn('active')).client;
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

const thisMonth = monthOf(new Date());
const lastMonth = monthOf(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)));

async function aggregateRows(client: SupabaseClient) {
  const { data, error } = await client.from('catalog').select('slug, body, tier_required, published, _deleted').eq('kind', 'program_aggregate');
  if (error) throw new Error(error.message);
  return data as { slug: string; body: unknown; tier_required: string; published: boolean; _deleted: boolean }[];
}

async function leaderboardNames(client: SupabaseClient): Promise<string[]> {
  const { data, error } = await client.from('catalog').select('body').eq('slug', `leaderboard-${thisMonth}`).single();
  if (error) throw new Error(error.message);
  return leaderboardBodySchema.parse(data.body).entries.map((entry) => entry.display_name);
}

async function setTier(partnerId: string, tier: string): Promise<void> {
  await backend.ctx.engine.query('update "public"."partner_status" set "tier" = $2 where "partner_id" = $1', [partnerId, tier]);
}

async function publishAggregates(): Promise<void> {
  await backend.ctx.engine.query('select "public"."publish_program_aggregates"()');
}

describe('program aggregates', () => {
  it('publishes the seeded Active group (6 partners) for this month and last, medians only, with no identities in the body', async () => {
    const rows = (await aggregateRows(starter)).filter((row) => !row._deleted);
    // Starter (2 partners), Performer (1) and Elite (1) groups are too small to publish.
    expect(rows.map((row) => row.slug).sort()).toEqual([`program-active-${lastMonth}`, `program-active-${thisMonth}`].sort());
    for (const row of rows) {
      expect(row.tier_required).toBe('starter');
      const body = programAggregateBodySchema.parse(row.body);
      expect(body.partners).toBe(6);
      for (const metric of Object.values(body.metrics)) {
        if (metric === null) continue;
        expect(metric).toEqual({ median: expect.any(Number) as number, p25: null, p75: null });
      }
      const text = JSON.stringify(row.body);
      for (const partner of everyPartner) {
        expect(text).not.toContain(partner.id);
        expect(text).not.toContain(partner.email);
        expect(text).not.toContain(partner.displayName);
        if (partner.company !== '') expect(text).not.toContain(partner.company);
      }
      expect(Object.keys(row.body as object).sort()).toEqual(['metrics', 'month', 'partners', 'tier']);
    }
  });

  it('publishes a group of exactly 5 and retires the row once the group falls to 4', async () => {
    const [leaving, second] = cohortPartners;
    await setTier(leaving!.id, 'performer');
    try {
      await publishAggregates();
      let current = (await aggregateRows(active)).find((row) => row.slug === `program-active-${thisMonth}`);
      expect(current?._deleted).toBe(false);
      expect(programAggregateBodySchema.parse(current?.body).partners).toBe(5);
      expect(programAggregateBodySchema.parse(current?.body).metrics.leads).toEqual({ median: expect.any(Number) as number, p25: null, p75: null });

      await setTier(second!.id, 'performer');
      await publishAggregates();
      current = (await aggregateRows(active)).find((row) => row.slug === `program-active-${thisMonth}`);
      // Retired, so replicas drop it; the Performer group (3 partners) is still too small.
      expect(current?._deleted).toBe(true);
      expect((await aggregateRows(active)).filter((row) => !row._deleted)).toEqual([]);
    } finally {
      await setTier(leaving!.id, 'active');
      await setTier(second!.id, 'active');
      await publishAggregates();
    }
    const restored = (await aggregateRows(active)).find((row) => row.slug === `program-active-${thisMonth}`);
    expect(restored?._deleted).toBe(false);
    expect(programAggregateBodySchema.parse(restored?.body).partners).toBe(6);
  });

  it('adds the quartiles once the group reaches 10 partners', async () => {
    const others = [seedUsers.starter, seedUsers.new, seedUsers.performer, seedUsers.elite];
    for (const partner of others) await setTier(partner.id, 'active');
    try {
      await publishAggregates();
      const row = (await aggregateRows(active)).find((candidate) => candidate.slug === `program-active-${thisMonth}`);
      const body = programAggregateBodySchema.parse(row?.body);
      expect(body.partners).toBe(10);
      expect(body.metrics.leads.p25).not.toBeNull();
      expect(body.metrics.leads.p75).not.toBeNull();
      expect(body.metrics.leads.p25!).toBeLessThanOrEqual(body.metrics.leads.median);
      expect(body.metrics.leads.median).toBeLessThanOrEqual(body.metrics.leads.p75!);
    } finally {
      for (const partner of others) await setTier(partner.id, partner.tier);
      await publishAggregates();
    }
  });

  it('refuses partners writing aggregate rows or running the publishing functions; the service role may run them', async () => {
    const forged = await active.from('catalog').insert({
      id: 'program-elite-forged', kind: 'program_aggregate', title: 'Forged', slug: 'program-elite-forged', tags: [],
      body: { tier: 'elite', month: thisMonth, partners: 5, metrics: {} }, tier_required: 'starter', version: 1, published: true, sort_order: 0,
    });
    expect(forged.error?.code).toBe('42501');

    const tampered = await active.from('catalog').update({ body: { tampered: true } }).eq('slug', `program-active-${thisMonth}`).select();
    expect(tampered.data ?? []).toEqual([]);
    const row = (await aggregateRows(active)).find((candidate) => candidate.slug === `program-active-${thisMonth}`);
    expect(programAggregateBodySchema.safeParse(row?.body).success).toBe(true);

    for (const fn of ['publish_program_aggregates', 'publish_leaderboard']) {
      const { error } = await active.rpc(fn);
      expect(error?.code, fn).toBe('42501');
    }
    const service = await backend.serviceClient().rpc('publish_program_aggregates');
    expect(service.error).toBeNull();
    expect(service.data).toBe(2);
  });
});

describe('leaderboard', () => {
  it('lists only partners who opted in, with rank, display name, tier and deals won only', async () => {
    const { data, error } = await starter.from('catalog').select('body').eq('slug', `leaderboard-${thisMonth}`).single();
    expect(error).toBeNull();
    const body = leaderboardBodySchema.parse(data?.body);
    expect(body.entries.map((entry) => entry.display_name).sort()).toEqual(
      [seedUsers.active.displayName, seedUsers.performer.displayName, seedUsers.elite.displayName].sort(),
    );
    for (const entry of (data?.body as { entries: object[] }).entries) expect(Object.keys(entry).sort()).toEqual(['display_name', 'rank', 'score', 'tier']);
    expect(body.entries.map((entry) => entry.rank)).toEqual([...body.entries.map((entry) => entry.rank)].sort((a, b) => a - b));
  });

  it('adds a partner who opts in and removes one who opts out at once, rank included', async () => {
    const optIn = await starter.from('profiles').update({ leaderboard_opt_in: true }).eq('id', seedUsers.starter.id);
    expect(optIn.error).toBeNull();
    expect(await leaderboardNames(active)).toContain(seedUsers.starter.displayName);

    const optOut = await active.from('profiles').update({ leaderboard_opt_in: false }).eq('id', seedUsers.active.id);
    expect(optOut.error).toBeNull();
    const names = await leaderboardNames(starter);
    expect(names).not.toContain(seedUsers.active.displayName);
    expect(names).toContain(seedUsers.starter.displayName);

    const own = await active.from('partner_status').select('metrics').eq('partner_id', seedUsers.active.id).single();
    expect(own.error).toBeNull();
    expect(own.data?.metrics).not.toHaveProperty('leaderboard_rank');
    const starterStatus = await starter.from('partner_status').select('metrics').eq('partner_id', seedUsers.starter.id).single();
    expect(starterStatus.data?.metrics).toMatchObject({ leaderboard_size: names.length, leaderboard_month: thisMonth });
    expect(starterStatus.data?.metrics).toHaveProperty('leaderboard_rank');
  });
});
