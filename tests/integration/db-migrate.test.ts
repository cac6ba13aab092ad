import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbEngine } from '../../sync/server/db/engine';
import { listMigrations, prepareDatabase } from '../../sync/server/db/migrate';
import { openPglite } from '../../sync/server/db/pglite';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { cohortPartners } from '../../sync/server/db/seed-cohort';
import { verifyPassword } from '../../sync/server/auth/passwords';

async function count(engine: DbEngine, table: string): Promise<number> {
  const { rows } = await engine.query<{ n: number }>(`select count(*)::int as n from "public"."${table}"`);
  return rows[0]?.n ?? -1;
}

describe('prepareDatabase on PGlite', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('applies platform and every migration once, then is a no-op, and survives a reopen', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'siso-pglite-'));
    dirs.push(dataDir);
    const migrations = await listMigrations();

    const first = await openPglite({ dataDir });
    const initial = await prepareDatabase(first);
    expect(initial.applied).toHaveLength(migrations.length + 1);
    expect(initial.seeded).toBe(true);
    const leads = await count(first, 'leads');
    const cohortLeads = cohortPartners.reduce((sum, partner) => sum + partner.leads.thisMonth + partner.leads.lastMonth, 0);
    expect(leads).toBe(3 + 12 + 30 + 60 + cohortLeads);

    const again = await prepareDatabase(first);
    expect(again).toEqual({ applied: [], seeded: false });
    expect(await count(first, 'leads')).toBe(leads);
    await first.close();

    const reopened = await openPglite({ dataDir });
    expect(await prepareDatabase(reopened)).toEqual({ applied: [], seeded: false });
    expect(await count(reopened, 'leads')).toBe(leads);
    await reopened.close();
  });

  it('reset drops local changes and re-seeds', async () => {
    const engine = await openPglite();
    await prepareDatabase(engine);
    await engine.query(`update "public"."partner_status" set "tier" = 'elite' where "partner_id" = $1`, [seedUsers.starter.id]);
    await engine.query(`insert into "public"."catalog" ("id", "kind", "title", "slug") values ('x', 'article', 'Extra', 'extra')`);

    const reset = await prepareDatabase(engine, { reset: true });
    expect(reset.seeded).toBe(true);
    expect(reset.applied[0]).toBe('00000000000000_platform');
    const { rows } = await engine.query<{ tier: string }>(
      `select "tier" from "public"."partner_status" where "partner_id" = $1`,
      [seedUsers.starter.id],
    );
    expect(rows[0]?.tier).toBe('starter');
    expect((await engine.query(`select 1 from "public"."catalog" where "slug" = 'extra'`)).rows).toHaveLength(0);
    await engine.close();
  });

  it('seeds the demo accounts with scrypt hashes of the demo password and current-month data', async () => {
    const engine = await openPglite();
    await prepareDatabase(engine);
    const { rows } = await engine.query<{ email: string; encrypted_password: string; role: string }>(
      `select "email", "encrypted_password", "raw_app_meta_data" ->> 'role' as "role" from "auth"."users" order by "email"`,
    );
    expect(rows.map((row) => `${row.email}:${row.role}`)).toEqual([
      'active2@siso.test:partner',
      'active3@siso.test:partner',
      'active4@siso.test:partner',
      'active5@siso.test:partner',
      'active6@siso.test:partner',
      'active@siso.test:partner',
      'admin@siso.test:admin',
      'elite@siso.test:partner',
      'new@siso.test:partner',
      'performer@siso.test:partner',
      'starter@siso.test:partner',
    ]);
    const admin = rows.find((row) => row.email === 'admin@siso.test');
    expect(admin?.encrypted_password).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/);
    expect(await verifyPassword('siso-demo-2026', admin?.encrypted_password ?? '')).toBe(true);
    expect(await verifyPassword('wrong', admin?.encrypted_password ?? '')).toBe(false);

    const thisMonth = await engine.query<{ n: number }>(
      `select count(*)::int as n from "public"."leads" where "partner_id" = $1 and "created_at" >= date_trunc('month', now())`,
      [seedUsers.elite.id],
    );
    expect(thisMonth.rows[0]?.n).toBeGreaterThanOrEqual(15);
    const stages = await engine.query<{ stage: string }>(`select distinct "stage" from "public"."leads" order by 1`);
    expect(stages.rows.map((row) => row.stage)).toEqual(['contacted', 'lost', 'new', 'proposal', 'qualified', 'won']);
    const courses = await engine.query<{ title: string; modules: number }>(
      `select "title", jsonb_array_length("body" -> 'modules') as "modules" from "public"."catalog" where "kind" = 'course' order by "sort_order"`,
    );
    expect(courses.rows.map((row) => `${row.title}:${row.modules}`)).toEqual([
      'Sales Fundamentals:8',
      'SISO Platform Mastery:12',
      'Client Management:6',
      'Marketing Strategies:10',
      'Technical Basics:5',
      'Advanced Techniques:15',
    ]);
    const types = await engine.query<{ created_at: unknown; _modified: unknown; amount: unknown }>(
      `select "created_at", "_modified", "amount" from "public"."earnings" limit 1`,
    );
    const sample = types.rows[0];
    expect(typeof sample?.created_at).toBe('string');
    expect(String(sample?.created_at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/);
    expect(typeof sample?._modified).toBe('number');
    expect(typeof sample?.amount).toBe('number');
    await engine.close();
  });
});
