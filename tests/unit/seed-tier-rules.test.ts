import { describe, expect, it } from 'vitest';
import { buildSeedData } from '../../sync/server/db/seed';
import { parseTierRules } from '../../sync/domain/tiers';

describe('seeded tier rules', () => {
  it('are read by the app for all four tiers, with courses named by catalog id', async () => {
    const data = await buildSeedData(new Date('2026-11-25T12:00:00Z'));
    const catalogRows = data.tables.find(([table]) => table === 'catalog')?.[1] ?? [];
    const catalog = catalogRows.map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      title: String(row.title),
      published: row.published === true,
      body: typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body,
    }));
    const { rules, problems } = parseTierRules(catalog);
    expect(problems).toEqual([]);
    expect(rules.map((rule) => rule.tier)).toEqual(['starter', 'active', 'performer', 'elite']);
    const courseIds = new Set(catalog.filter((row) => row.kind === 'course').map((row) => row.id));
    const starter = rules[0]!;
    expect(starter.benefits.training_courses.length).toBeGreaterThan(0);
    expect(starter.benefits.training_courses.every((id) => courseIds.has(id))).toBe(true);
    expect(starter.benefits.lead_features).toContain('simple_referral_links');
  });
});
