import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { assetBodySchema, brandGuidelineBodySchema, courseBodySchema, tierRuleBodySchema } from '../../sync/schema/catalog-bodies';
import { isAssetUnlocked, parseAssets } from '../../sync/domain/assets';
import { COLLECTION_NAMES } from '../../sync/schema/collections';
import { DEMO_DATABASE_NAME, openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace, parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import { resolveToken } from '../../sync/schema/relative-dates';

const FILE = join(import.meta.dirname, '../../resources/demo/workspace.json');
const raw: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
const MID_MONTH = new Date(2026, 4, 20, 14, 0); // local time, like the app
const FIRST_OF_MONTH = new Date(2026, 5, 1, 0, 30);

let db: WorkstationDatabase | null = null;
afterEach(async () => {
  await db?.remove();
  db = null;
});

function isThisMonth(iso: string, now: Date): boolean {
  const date = new Date(iso);
  return date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date <= now;
}

describe('relative dates', () => {
  it('resolve against now, the month start (never after now), a calendar day and a month', () => {
    const now = new Date('2026-05-20T12:00:00.000Z');
    expect(resolveToken('@now-2d3h', now)).toBe('2026-05-18T09:00:00.000Z');
    expect(resolveToken('@now+1d', now)).toBe('2026-05-21T12:00:00.000Z');
    expect(new Date(resolveToken('@month+40d', now)).getTime()).toBe(now.getTime());
    expect(resolveToken('@today-0d', MID_MONTH)).toBe('2026-05-20');
    expect(resolveToken('@period-1', MID_MONTH)).toBe('2026-04');
    expect(resolveToken('plain text', now)).toBe('plain text');
    expect(() => resolveToken('@yesterday', now)).toThrow(/relative date/);
  });
});

describe('demo workspace data', () => {
  const workspace = parseDemoWorkspace(raw, MID_MONTH);
  const c = workspace.collections;

  it('is a clearly labelled, compact file for one partner', () => {
    expect(statSync(FILE).size).toBeLessThan(300 * 1024);
    expect(workspace.label).toBe('Demo Partner (demo workspace)');
    expect(c.profiles).toHaveLength(1);
    expect(c.profiles[0]?.display_name).toBe('Demo Partner (demo workspace)');
    const owned: { partner_id?: string }[] = COLLECTION_NAMES.filter((name) => name !== 'catalog').flatMap(
      (name): { partner_id?: string }[] => c[name],
    );
    expect(owned.every((row) => row.partner_id === workspace.partner_id)).toBe(true);
    expect(c.partner_status[0]).toMatchObject({ tier: 'active', commission_rate: 22 });
    expect(c.partner_status[0]?.history.map((period) => period.tier)).toEqual(['starter', 'active']);
  });

  it('has ~40 leads in every stage with international names and currencies', () => {
    expect(c.leads.length).toBeGreaterThanOrEqual(40);
    expect(new Set(c.leads.map((lead) => lead.stage))).toEqual(
      new Set(['new', 'contacted', 'qualified', 'proposal', 'won', 'lost']),
    );
    const names = c.leads.map((lead) => lead.contact_name);
    for (const name of ['Łukasz Żółć', "Zoë O'Brien", 'Ελένη Παπαδοπούλου', 'Дмитрий Иванов']) expect(names).toContain(name);
    expect(new Set(c.leads.map((lead) => lead.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
  });

  it('has tier rules for all four tiers and the six spec courses', () => {
    const rules = c.catalog.filter((row) => row.kind === 'tier_rule').map((row) => tierRuleBodySchema.parse(row.body));
    expect(rules.map((rule) => [rule.tier, rule.commission_rate])).toEqual([
      ['starter', 20], ['active', 22], ['performer', 25], ['elite', 30],
    ]);
    const courses = c.catalog
      .filter((row) => row.kind === 'course')
      .map((row) => {
        const body = courseBodySchema.parse(row.body);
        return [row.title, body.modules.length, body.duration_minutes / 60, row.tier_required];
      });
    expect(courses).toEqual([
      ['Sales Fundamentals', 8, 2, 'starter'],
      ['SISO Platform Mastery', 12, 3, 'starter'],
      ['Client Management', 6, 1.5, 'active'],
      ['Marketing Strategies', 10, 2.5, 'active'],
      ['Technical Basics', 5, 1, 'performer'],
      ['Advanced Techniques', 15, 4, 'elite'],
    ]);
    for (const kind of ['asset', 'template', 'article'] as const) {
      expect(c.catalog.filter((row) => row.kind === kind).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('has marketing assets and brand guidelines the marketing center reads, with bundled files matching their sha256', () => {
    const assetRows = c.catalog.filter((row) => row.kind === 'asset');
    for (const row of assetRows) assetBodySchema.parse(row.body);
    const { assets, problems } = parseAssets(c.catalog);
    expect(problems).toEqual([]);
    const tier = c.partner_status[0]!.tier;
    expect(assets.some((asset) => !isAssetUnlocked(asset, tier))).toBe(true);
    const bundled = assets.filter((asset) => asset.file?.path.startsWith('demo/'));
    expect(bundled.length).toBeGreaterThanOrEqual(4);
    for (const asset of bundled) {
      const bytes = readFileSync(join(import.meta.dirname, '../../resources/demo/assets', asset.file!.path.slice('demo/'.length)));
      expect(createHash('sha256').update(bytes).digest('hex'), asset.slug).toBe(asset.file!.sha256);
      expect(bytes.length, asset.slug).toBe(asset.file!.size);
    }
    for (const asset of assets.filter((a) => isAssetUnlocked(a, tier))) expect(asset.file?.path.startsWith('demo/'), asset.slug).toBe(true);
    const guidelines = c.catalog.filter((row) => row.kind === 'brand_guideline').map((row) => brandGuidelineBodySchema.parse(row.body));
    expect(guidelines).toHaveLength(1);
    expect(guidelines[0]!.logos.map((logo) => logo.variant).sort()).toEqual(['colour', 'dark', 'light']);
  });

  it('refers only to rows that exist', () => {
    const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
    const leads = ids(c.leads);
    const links = ids(c.referral_links);
    const tickets = ids(c.tickets);
    const catalog = new Map(c.catalog.map((row) => [row.id, row]));
    for (const activity of c.activities) if (activity.lead_id) expect(leads.has(activity.lead_id)).toBe(true);
    for (const lead of c.leads) if (lead.referral_link_id) expect(links.has(lead.referral_link_id)).toBe(true);
    for (const click of c.link_clicks) expect(links.has(click.referral_link_id)).toBe(true);
    for (const message of c.ticket_messages) expect(tickets.has(message.ticket_id)).toBe(true);
    for (const earning of c.earnings) if (earning.lead_id) expect(leads.has(earning.lead_id)).toBe(true);
    for (const progress of c.training_progress) {
      const course = catalog.get(progress.course_id);
      expect(course?.kind).toBe('course');
      expect(progress.module_index).toBeLessThan(courseBodySchema.parse(course?.body).modules.length);
    }
    const allIds = COLLECTION_NAMES.flatMap((name) => (c[name] as { id: string }[]).map((row) => `${name}/${row.id}`));
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it.each([
    ['mid-month', MID_MONTH],
    ['just after midnight on the 1st', FIRST_OF_MONTH],
  ])('rebases dates so this month has leads, clicks and earnings (%s)', (_label, now) => {
    const rebased = parseDemoWorkspace(raw, now).collections;
    expect(rebased.leads.filter((lead) => isThisMonth(lead.created_at, now)).length).toBeGreaterThanOrEqual(5);
    expect(rebased.leads.every((lead) => new Date(lead.created_at) <= now)).toBe(true);
    expect(rebased.link_clicks.some((click) => click.day === resolveToken('@today', now))).toBe(true);
  });

  it('refuses invalid data with a readable message', () => {
    const broken = structuredClone(raw) as { collections: { leads: Record<string, unknown>[] } };
    broken.collections.leads[0]!.stage = 'signed';
    expect(() => parseDemoWorkspace(broken, MID_MONTH)).toThrow(/demo workspace data is invalid[\s\S]*stage/);
  });
});

describe('loadDemoWorkspace', () => {
  it('fills an empty demo store once and leaves it alone on the next load', async () => {
    db = await openWorkstationDatabase({ name: DEMO_DATABASE_NAME, storage: getRxStorageMemory(), devMode: true });
    const first = await loadDemoWorkspace(db, raw, MID_MONTH);
    expect(first.inserted).toBe(true);
    expect(first.counts.leads).toBeGreaterThanOrEqual(40);
    expect(first.counts.catalog).toBeGreaterThan(10);

    await db.collections.leads.findOne('demo-lead-01').incrementalPatch({ stage: 'won' });
    const second = await loadDemoWorkspace(db, raw, MID_MONTH);
    expect(second.inserted).toBe(false);
    for (const name of COLLECTION_NAMES) {
      expect(await db.collections[name].count().exec(), name).toBe(first.counts[name]);
    }
    expect((await db.collections.leads.findOne('demo-lead-01').exec())?.stage).toBe('won');

    const monthStart = new Date(MID_MONTH.getFullYear(), MID_MONTH.getMonth(), 1).toISOString();
    const thisMonth = await db.collections.leads.find({ selector: { created_at: { $gte: monthStart } } }).exec();
    expect(thisMonth.length).toBeGreaterThanOrEqual(5);
  });
});
