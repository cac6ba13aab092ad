/**
 * The seeded support and community content reads as the app reads it: every catalog body parses
 * with its contract schema, forum posts are written where their authors' tiers may post, helpful
 * marks sit on other people's replies, and every ticket row carries the columns of its table.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildSeedData } from '../../sync/server/db/seed';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { forumCategorySeeds, forumThreadSeeds } from '../../sync/server/db/seed-community';
import {
  articleBodySchema,
  challengeBodySchema,
  forumCategoryBodySchema,
  groupCallBodySchema,
  supportSettingsBodySchema,
} from '../../sync/schema/community-bodies';
import { TICKET_CATEGORIES } from '../../sync/schema/tickets.schema';

const NOW = new Date('2026-12-01T17:00:00Z');
const tierRank = { starter: 1, active: 2, performer: 3, elite: 4 } as const;
type Row = Record<string, unknown>;

async function seededTables(): Promise<Map<string, Row[]>> {
  const data = await buildSeedData(NOW);
  return new Map(data.tables);
}

describe('seeded support and community content', () => {
  it('parses every new catalog body with its schema', async () => {
    const catalog = (await seededTables()).get('catalog') ?? [];
    const schemas: Record<string, z.ZodType> = {
      forum_category: forumCategoryBodySchema,
      group_call: groupCallBodySchema,
      challenge: challengeBodySchema,
      support_settings: supportSettingsBodySchema,
    };
    const counts = new Map<string, number>();
    for (const row of catalog) {
      const kind = String(row.kind);
      const body = JSON.parse(String(row.body)) as unknown;
      const schema = kind === 'article' && String(row.slug).startsWith('kb-') ? articleBodySchema : schemas[kind];
      if (!schema) continue;
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${String(row.slug)}: ${parsed.error?.message ?? ''}`).toBe(true);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ forum_category: 7, group_call: 6, challenge: 1, support_settings: 1, article: 24 });
    const challenge = catalog.find((row) => row.kind === 'challenge')!;
    expect(JSON.parse(String(challenge.body))).toMatchObject({ month: '2026-12' });
    const video = catalog.find((row) => row.slug === 'kb-video-workstation-tour')!;
    expect(video.file_path).toBeTruthy();
    expect(catalog.some((row) => row.kind !== 'article' && row.file_path === video.file_path && row.tier_required === 'starter')).toBe(true);
  });

  it('writes forum threads and replies only where their authors may post, and marks only others\' replies helpful', () => {
    const categories = new Map<string, (typeof forumCategorySeeds)[number]>(forumCategorySeeds.map((category) => [category.slug, category]));
    for (const thread of forumThreadSeeds) {
      const category = categories.get(thread.category)!;
      const reaches = (author: typeof thread.author) => author === 'admin' || tierRank[seedUsers[author].tier] >= tierRank[category.tier];
      expect(reaches(thread.author), thread.key).toBe(true);
      expect(category.posting === 'partners' || thread.author === 'admin', thread.key).toBe(true);
      for (const reply of thread.replies) {
        expect(reaches(reply.author), `${thread.key} reply`).toBe(true);
        if (reply.helpful) expect(reply.author, `${thread.key}: helpful answer by someone else`).not.toBe(thread.author);
      }
    }
  });

  it('gives every ticket and message row the same columns, with support categories from the contract', async () => {
    const tables = await seededTables();
    for (const table of ['tickets', 'ticket_messages']) {
      const rows = tables.get(table) ?? [];
      const columns = Object.keys(rows[0]!).sort();
      for (const row of rows) expect(Object.keys(row).sort()).toEqual(columns);
    }
    const support = (tables.get('tickets') ?? []).filter((row) => row.kind === 'support');
    expect(support.length).toBeGreaterThan(0);
    for (const ticket of support) expect(TICKET_CATEGORIES).toContain(ticket.category);
    const optedIn = (tables.get('profiles') ?? []).filter((row) => row.leaderboard_opt_in === true).map((row) => row.partner_id);
    expect(optedIn.sort()).toEqual([seedUsers.active.id, seedUsers.performer.id, seedUsers.elite.id].sort());
  });
});
