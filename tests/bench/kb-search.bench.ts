/**
 * The knowledge base's search over 2,000 realistic articles (title, summary, tags and ~250 words
 * of blocks each), against a baseline measured in the same run:
 * - Building the index from the catalog (once per page visit, just after the list has painted), in
 *   one go and in the page's slices of 40 articles per task.
 * - Each keystroke of typing a few queries, searching on every keystroke as the page does:
 *   KnowledgeBaseSearchIndex.search + selectArticles + countArticlesByType, median, p95 and max
 *   per keystroke, against a plain case-insensitive substring filter over the titles (the least
 *   any search could cost, and one that finds nothing in the body).
 * Goal: < 16 ms per keystroke.
 */
import { performance } from 'node:perf_hooks';
import { ARTICLE_TYPES } from '../../sync/schema/community-bodies';
import {
  countArticlesByType,
  KnowledgeBaseSearchIndex,
  selectArticles,
  type SearchableArticle,
} from '../../sync/domain/knowledge-base-search';
import { INDEX_SLICE } from '../../renderer/features/knowledge-base/kb-search';

export const name = 'knowledge-base search';

const COUNT = 2_000;
const SUBJECTS = [
  'commissions', 'payouts', 'referral links', 'lead qualification', 'proposals', 'brand kit', 'offline sync', 'tier progress',
  'training courses', 'certifications', 'UTM parameters', 'invoices', 'tax forms', 'client onboarding', 'Zürich workshops',
  'café meetups', 'webinars', 'LinkedIn outreach', 'email campaigns', 'security questionnaires', 'single sign-on', 'renewals',
];
const OPENERS = ['How to', 'Why', 'When to', 'Checklist:', 'Fixing', 'Best way to handle', 'Understanding', 'Setting up'];
const WORDS = (
  'partner client deal value rate tier month invoice payment account workspace device network server sync queue pending ' +
  'approve decline review draft publish template asset download customise logo colour font report attribution campaign ' +
  'source medium content budget forecast pipeline stage contact company follow up meeting call note reminder schedule ' +
  'export import spreadsheet column header duplicate merge delete restore archive badge points answer question forum'
).split(' ');

function generateArticles(count: number): SearchableArticle[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const sentence = (length: number) =>
    Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ').replace(/^./, (letter) => letter.toUpperCase()) + '.';
  return Array.from({ length: count }, (_, i) => {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const opener = OPENERS[Math.floor(i / SUBJECTS.length) % OPENERS.length]!;
    return {
      id: `article-${i}`,
      title: `${opener} ${subject} (${i})`,
      type: ARTICLE_TYPES[i % ARTICLE_TYPES.length]!,
      summary: sentence(14),
      tags: [subject.split(' ')[0]!.toLowerCase(), WORDS[i % WORDS.length]!],
      blocks: [
        { type: 'heading', text: `About ${subject}` },
        { type: 'paragraph', text: Array.from({ length: 6 }, () => sentence(12)).join(' ') },
        { type: 'list', items: Array.from({ length: 5 }, () => sentence(8)) },
        { type: 'heading', text: 'Next steps' },
        { type: 'paragraph', text: Array.from({ length: 6 }, () => sentence(12)).join(' ') },
        { type: 'tip', text: sentence(15) },
      ],
    };
  });
}

/** Every prefix of each query, as typed one key at a time. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function run(): Promise<void> {
  const articles = generateArticles(COUNT);
  const typed = keystrokes(['commission payout', 'cafe meetup', 'offline sync pending', 'comission', 'zurich workshop invoice']);

  const buildSamples: number[] = [];
  let index = new KnowledgeBaseSearchIndex();
  for (let i = 0; i < 3; i++) {
    index = new KnowledgeBaseSearchIndex();
    const start = performance.now();
    index.sync(articles);
    buildSamples.push(performance.now() - start);
  }
  console.log(`index ${COUNT.toLocaleString('en')} articles: median ${ms(stats(buildSamples).median)} (once per visit, after the list has painted)`);
  const sliceSamples: number[] = [];
  const sliced = new KnowledgeBaseSearchIndex();
  for (let next = 0; next < articles.length; next += INDEX_SLICE) {
    const start = performance.now();
    sliced.addMissing(articles.slice(next, next + INDEX_SLICE));
    sliceSamples.push(performance.now() - start);
  }
  const slices = stats(sliceSamples);
  console.log(`  as the page builds it, ${INDEX_SLICE} articles per task: median ${ms(slices.median)}, p95 ${ms(slices.p95)}, max ${ms(slices.max)} per task`);

  const searchSamples: number[] = [];
  const slowest: { query: string; elapsed: number }[] = [];
  const baselineSamples: number[] = [];
  let found = 0;
  for (let round = 0; round < 3; round++) {
    for (const query of typed) {
      const start = performance.now();
      const hits = index.search(query);
      const shown = selectArticles(articles, hits, null);
      countArticlesByType(shown);
      const elapsed = performance.now() - start;
      found += shown.length;
      // The first round warms the JIT; the figures are the later rounds.
      if (round > 0) {
        searchSamples.push(elapsed);
        slowest.push({ query, elapsed });
      }

      const needle = query.toLowerCase();
      const baselineStart = performance.now();
      articles.filter((article) => article.title.toLowerCase().includes(needle));
      const baselineElapsed = performance.now() - baselineStart;
      if (round > 0) baselineSamples.push(baselineElapsed);
    }
  }
  const search = stats(searchSamples);
  const baseline = stats(baselineSamples);
  console.log(
    `per keystroke (${typed.length} keystrokes × 2 rounds; ${Math.round(found / (typed.length * 3))} hits on average): ` +
      `median ${ms(search.median)}, p95 ${ms(search.p95)}, max ${ms(search.max)} (goal < 16 ms)`,
  );
  const worst = slowest.sort((a, b) => b.elapsed - a.elapsed).slice(0, 3);
  console.log(`  slowest keystrokes: ${worst.map((entry) => `"${entry.query}" ${ms(entry.elapsed)}`).join(', ')}`);
  console.log(
    `  baseline, substring filter over the titles: median ${ms(baseline.median)}, p95 ${ms(baseline.p95)} → full-text search is ` +
      `${(search.median / Math.max(baseline.median, 0.001)).toFixed(1)}× the baseline at the median`,
  );
}
