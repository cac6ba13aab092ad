/**
 * The knowledge base for a seeded Active partner, in a real browser against the production build
 * and a fresh seeded backend: offline, the search finds an article by a word that only its body
 * has, the article opens with its blocks, "Yes" to "Was this helpful?" thanks the partner; back
 * online the feedback row reaches the server, and a second answer replaces it (one row per
 * article); a video tutorial plays. axe in both themes. Screenshot: resources/screenshots/knowledge-base.png (1280×720).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y } from '../fixtures/browser';
import { realProblems } from '../fixtures/account-browser';
import { projectRoot } from '../fixtures/web-server';
import { useAccountsHarness } from '../fixtures/accounts-harness';
import { ARTICLE_TYPES, articleBodySchema, type ArticleType } from '../../sync/schema/community-bodies';
import { articleBodyText, articleTypeLabel } from '../../sync/domain/knowledge-base-search';
import { foldForSearch } from '../../sync/domain/leads';

let context: BrowserContext;

const SYNC_TIMEOUT = 45_000;

const harness = useAccountsHarness({ syncTimeout: SYNC_TIMEOUT, viewport: { width: 1280, height: 720 } });

interface ServerArticle {
  id: string;
  title: string;
  words: Set<string>;
  bodyWords: Set<string>;
  bodyText: string;
  type: ArticleType;
}

function words(text: string): Set<string> {
  return new Set(foldForSearch(text).split(/[^\p{L}]+/u).filter((word) => word.length >= 7));
}

/** The articles the active partner may read, as the server gives them (structured bodies only). */
async function serverArticles(): Promise<ServerArticle[]> {
  const { client } = await harness.backend.signIn('active');
  const { data, error } = await client.from('catalog').select('id, title, tags, body').eq('kind', 'article').eq('published', true).eq('_deleted', false);
  if (error) throw new Error(error.message);
  return data.flatMap((row: { id: string; title: string; tags: string[] | null; body: unknown }) => {
    const body = articleBodySchema.safeParse(row.body);
    if (!body.success) return [];
    const bodyText = articleBodyText(body.data.blocks);
    return [{ id: row.id, title: row.title, type: body.data.article_type, bodyText: bodyText.toLowerCase(), bodyWords: words(bodyText), words: words(`${row.title} ${body.data.summary} ${(row.tags ?? []).join(' ')} ${bodyText}`) }];
  });
}

/** An article and a word only its body has (in no other article, nor its own title, summary or tags). */
function articleWithOwnBodyWord(articles: readonly ServerArticle[]): { article: ServerArticle; word: string } {
  for (const article of articles) {
    const own = words(article.title);
    for (const word of article.bodyWords) {
      // Typed as written, so the page's text shows it too (a folded "resume" would not match "résumé").
      if (own.has(word) || !article.bodyText.includes(word)) continue;
      if (articles.some((other) => other.id !== article.id && other.words.has(word))) continue;
      return { article, word };
    }
  }
  throw new Error('No seeded article has a word of its own in its body.');
}

/** The partner's article_feedback rows on the server for one article. */
async function serverFeedback(articleId: string): Promise<{ helpful: boolean }[]> {
  const { client } = await harness.backend.signIn('active');
  const { data, error } = await client.from('activities').select('meta').eq('kind', 'article_feedback').eq('_deleted', false);
  if (error) throw new Error(error.message);
  return data
    .map((row: { meta: string | null }) => JSON.parse(row.meta ?? '{}') as { article_id?: string; helpful: boolean })
    .filter((meta) => meta.article_id === articleId)
    .map((meta) => ({ helpful: meta.helpful }));
}

async function expectAccessible(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(checkA11y(page)).resolves.toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Knowledge base for an Active partner', () => {
  it('searches offline by a word of an article body, records "helpful" offline, and the answer syncs once (a second one replaces it)', async () => {
    const articles = await serverArticles();
    expect(articles.length).toBeGreaterThan(3);
    const { article, word } = articleWithOwnBodyWord(articles);

    const window = await harness.newWindow();
    context = window.context;
    const { page, problems } = window;
    await harness.signIn(page, 'active');

    await page.goto(new URL('#/support/knowledge-base', harness.appUrl).href);
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    const list = page.getByRole('list', { name: 'Articles' });
    // Every article the server gives this partner, and only those (older rows without structured blocks are not listed).
    await page.getByRole('status').filter({ hasText: `${articles.length} articles.` }).waitFor({ timeout: SYNC_TIMEOUT });

    await context.setOffline(true);
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await search.fill(word);
    await page.getByRole('status').filter({ hasText: `1 article matches “${word}”` }).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(1);
    await list.getByRole('link', { name: article.title }).waitFor();
    const typeLabel = articleTypeLabel(article.type);
    await page.getByRole('radio', { name: 'All types (1)' }).waitFor();
    await page.getByRole('radio', { name: `${typeLabel} (1)` }).waitFor();
    const otherLabel = articleTypeLabel(ARTICLE_TYPES.find((type) => type !== article.type)!);
    await page.getByRole('radio', { name: `${otherLabel} (0)` }).check();
    await page.getByRole('status').filter({ hasText: `No articles of type ${otherLabel} match “${word}”` }).waitFor();
    await expect(list.count()).resolves.toBe(0);
    await page.getByRole('radio', { name: `${typeLabel} (1)` }).check();
    await list.getByRole('link', { name: article.title }).waitFor();
    const directory = join(projectRoot, 'resources', 'screenshots');
    mkdirSync(directory, { recursive: true });
    await page.getByRole('radio', { name: /^All types/ }).check();
    await search.fill(word.slice(0, 4));
    await page.getByRole('status').filter({ hasText: /^\d+ articles? match/ }).waitFor();
    await page.screenshot({ path: join(directory, 'knowledge-base.png') });
    await expectAccessible(page);

    await search.fill(word);
    await list.getByRole('link', { name: article.title }).click();
    await page.getByRole('heading', { level: 1, name: article.title }).waitFor();
    await page.getByRole('article', { name: article.title }).getByText(new RegExp(word, 'i')).first().waitFor();
    const helpful = page.getByRole('region', { name: 'Was this helpful?' });
    await helpful.getByRole('button', { name: 'Yes' }).click();
    await helpful.getByRole('status').filter({ hasText: 'Thanks for your feedback' }).waitFor();
    await expect(helpful.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.screenshot({ path: '/tmp/knowledge-base-article.png', fullPage: true });
    await expectAccessible(page);
    expect(await serverFeedback(article.id)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => serverFeedback(article.id), { timeout: SYNC_TIMEOUT }).toEqual([{ helpful: true }]);

    await helpful.getByRole('button', { name: 'No' }).click();
    await expect.poll(() => serverFeedback(article.id), { timeout: SYNC_TIMEOUT }).toEqual([{ helpful: false }]);

    await page.getByRole('link', { name: 'Back to the knowledge base' }).click();
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    // A video tutorial plays from the assets bucket (verified bytes through a blob: URL, as the CSP requires).
    await page.getByRole('radio', { name: /^Video/ }).check();
    await list.getByRole('link').first().click();
    const player = page.locator('video[aria-label^="Video: "]');
    await player.waitFor({ timeout: SYNC_TIMEOUT });
    await expect(player.getAttribute('src')).resolves.toMatch(/^blob:/);
    await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);
    expect(realProblems(problems)).toEqual([]);
  });
});
