/**
 * The knowledge base's reads and writes against a local store filled with the demo workspace:
 * articles whose body this version cannot show are skipped (not the whole list), and "Was this
 * helpful?" keeps one row per article and partner whose second answer replaces the first.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openWorkstationDatabase, type WorkstationDatabase } from '../../sync/schema/database';
import { loadDemoWorkspace, parseDemoWorkspace } from '../../sync/schema/demo-workspace';
import { ARTICLE_TYPES } from '../../sync/schema/community-bodies';
import { articleFeedbackId, recordArticleFeedback } from '../../renderer/features/knowledge-base/knowledge-base-writes';
import { feedbackByArticle, parseArticles } from '../../renderer/features/knowledge-base/use-knowledge-base-data';

const raw: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8'));
const NOW = new Date('2026-06-15T12:00:00Z');
const OTHER_PARTNER = '00000000-0000-4000-8000-0000000000b2';

describe('knowledge-base articles', () => {
  const catalog = parseDemoWorkspace(raw, NOW).collections.catalog.filter((row) => row.kind === 'article');

  it('reads every demo article, and several types of them', () => {
    const { articles, unreadable } = parseArticles(catalog);
    expect(unreadable.size).toBe(0);
    expect(articles.length).toBe(catalog.length);
    expect(new Set(articles.map((article) => article.type)).size).toBeGreaterThanOrEqual(4);
    expect(articles.every((article) => ARTICLE_TYPES.includes(article.type) && article.blocks.length > 0)).toBe(true);
  });

  it('skips a row whose body is not a structured article (e.g. the old markdown bodies) and keeps the rest', () => {
    const legacy = { ...catalog[0]!, id: 'legacy', body: { markdown: '<script>alert(1)</script>' } };
    const { articles, unreadable } = parseArticles([legacy, ...catalog]);
    expect([...unreadable]).toEqual(['legacy']);
    expect(articles.map((article) => article.id)).toEqual(catalog.map((row) => row.id));
  });

  it('keeps the video tutorial of a row with a file', () => {
    const video = { ...catalog[0]!, file_path: 'knowledge-base/intro.mp4', file_sha256: 'a'.repeat(64), mime_type: 'video/mp4', version: 3 };
    expect(parseArticles([video]).articles[0]?.video).toEqual({ path: 'knowledge-base/intro.mp4', sha256: 'a'.repeat(64), mimeType: 'video/mp4', version: 3 });
  });
});

describe('Was this helpful?', () => {
  let db: WorkstationDatabase;
  let partnerId: string;
  let count = 0;

  beforeEach(async () => {
    count += 1;
    db = await openWorkstationDatabase({ name: `knowledge-base-${count}`, storage: getRxStorageMemory(), devMode: true });
    await loadDemoWorkspace(db, raw, NOW);
    partnerId = (await db.profiles.findOne().exec())!.partner_id;
  });

  afterEach(async () => {
    await db.close();
  });

  async function feedbackRows() {
    return (await db.activities.find({ selector: { kind: 'article_feedback' } }).exec()).map((doc) => doc.toJSON());
  }

  it('records an article_feedback activity without a lead, meta naming the article and the answer', async () => {
    await recordArticleFeedback(db, partnerId, 'demo-article-3', true, NOW);
    const rows = await feedbackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ partner_id: partnerId, kind: 'article_feedback', lead_id: null, occurred_at: NOW.toISOString() });
    expect(JSON.parse(rows[0]!.meta!)).toEqual({ article_id: 'demo-article-3', helpful: true });
    expect(feedbackByArticle(rows)).toEqual(new Map([['demo-article-3', true]]));
  });

  it('replaces the first answer with a second one: one row per article', async () => {
    await recordArticleFeedback(db, partnerId, 'demo-article-3', true, NOW);
    const later = new Date('2026-06-16T08:00:00Z');
    await recordArticleFeedback(db, partnerId, 'demo-article-3', false, later);
    await recordArticleFeedback(db, partnerId, 'demo-article-1', true, later);
    const rows = await feedbackRows();
    expect(rows).toHaveLength(2);
    expect(feedbackByArticle(rows)).toEqual(new Map([['demo-article-3', false], ['demo-article-1', true]]));
    const changed = rows.find((row) => row.meta?.includes('demo-article-3'));
    expect(changed).toMatchObject({ occurred_at: later.toISOString(), created_at: NOW.toISOString() });
  });

  it('derives the row id from the partner and the article, within the 64 characters ids may have', async () => {
    const id = await articleFeedbackId(partnerId, 'demo-article-3');
    expect(id).toBe(await articleFeedbackId(partnerId, 'demo-article-3'));
    expect(id).not.toBe(await articleFeedbackId(OTHER_PARTNER, 'demo-article-3'));
    expect(id).not.toBe(await articleFeedbackId(partnerId, 'demo-article-1'));
    expect(id.length).toBeLessThanOrEqual(64);
    await recordArticleFeedback(db, partnerId, 'demo-article-3', true, NOW);
    expect((await feedbackRows())[0]?.id).toBe(id);
  });

  it('skips feedback rows whose meta it cannot read', () => {
    expect(
      feedbackByArticle([
        { kind: 'article_feedback', meta: 'not json' },
        { kind: 'article_feedback', meta: '{"article_id":"x"}' },
        { kind: 'article_feedback', meta: null },
        { kind: 'note', meta: '{"article_id":"y","helpful":true}' },
        { kind: 'article_feedback', meta: '{"article_id":"z","helpful":false}' },
      ]),
    ).toEqual(new Map([['z', false]]));
  });
});
