/**
 * Finding knowledge-base articles: the full-text index (minisearch over title, summary, tags and
 * the text of the article's blocks; prefix and fuzzy matching; accents folded as foldForSearch
 * does; titles weigh most), kept in step with the catalog incrementally, the count of hits per
 * article type, and the related articles an article page lists.
 *
 * Definitions:
 * - A search matches an article when every word typed starts a word of the article
 *   ("comm pay" → "How commissions are paid"). Only when nothing matches that way is one typo
 *   allowed per word of four letters or more (two from eight letters: "comission" → "commission"),
 *   so a correct search never lists near-misses.
 * - Words of one letter are left out while longer ones are typed ("commission p" searches
 *   "commission"); a query of lone letters matches the start of title words ("c" → "Commissions").
 * - Hits are ranked by relevance (BM25): a word in the title counts three times one in the body,
 *   one in the summary or tags twice.
 */
import MiniSearch from 'minisearch';
import type { ArticleType } from '../schema/community-bodies';
import { foldForSearch } from './leads';
import { foldTerm, IncrementalSearchIndex, type IndexSyncStats } from './search-index';

const TYPE_LABELS: Record<ArticleType, string> = {
  faq: 'FAQ',
  guide: 'Guide',
  troubleshooting: 'Troubleshooting',
  best_practice: 'Best practice',
  video: 'Video',
};

export function articleTypeLabel(type: ArticleType): string {
  return TYPE_LABELS[type];
}

/** The structured blocks an article is written in (the lesson block shape). */
export interface ArticleTextBlock {
  readonly type: string;
  readonly text?: string | undefined;
  readonly items?: readonly string[] | undefined;
}

/** What the search reads of an article. */
export interface SearchableArticle {
  readonly id: string;
  readonly title: string;
  readonly type: ArticleType;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly blocks: readonly ArticleTextBlock[];
}

interface IndexedArticle {
  id: string;
  title: string;
  summary: string;
  tags: string;
  body: string;
}

const SEARCH_FIELDS = ['title', 'summary', 'tags', 'body'] as const;
const FIELD_BOOSTS = { title: 3, summary: 2, tags: 2 };

/** The readable text of an article's blocks, in order. */
export function articleBodyText(blocks: readonly ArticleTextBlock[]): string {
  return blocks.flatMap((block) => [block.text ?? '', ...(block.items ?? [])]).filter((text) => text !== '').join('\n');
}

function toIndexed(article: SearchableArticle): IndexedArticle {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    // Tags are slugs ("referral_links"): their words are what people type.
    tags: article.tags.map((tag) => tag.replace(/[_-]+/g, ' ')).join(' '),
    body: articleBodyText(article.blocks),
  };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function typoAllowance(term: string): number | false {
  if (term.length >= 8) return 2;
  return term.length >= 4 ? 1 : false;
}

export interface ArticleSearchOptions {
  /** false: prefix matching only, never the typo-tolerant fallback. */
  fuzzy?: boolean;
}

export type { IndexSyncStats };

/** A search index over articles; `sync` brings it in line with the current articles, touching only what changed. */
export class KnowledgeBaseSearchIndex {
  private readonly docs = new IncrementalSearchIndex<IndexedArticle>(SEARCH_FIELDS);

  get size(): number {
    return this.docs.size;
  }

  sync(articles: readonly SearchableArticle[]): IndexSyncStats {
    return this.docs.sync(articles, toIndexed);
  }

  /**
   * Indexes those of `articles` not indexed yet and leaves everything else as it is, so a large
   * first build can run a slice at a time between frames; `sync` afterwards settles changes and removals.
   */
  addMissing(articles: readonly SearchableArticle[]): number {
    return this.docs.addMissing(articles, toIndexed);
  }

  /** Ids of the articles matching every word of `query`, best match first; null when the query is blank. */
  search(query: string, options: ArticleSearchOptions = {}): string[] | null {
    const words = tokenize(query).flatMap((term) => foldTerm(term) ?? []);
    if (words.length === 0) return null;
    const longWords = words.filter((word) => word.length > 1);
    // A lone letter is a word still being typed: matched against every word of every article it
    // costs a full pass, and it would narrow the list for one keystroke only.
    const searched = longWords.length > 0 ? longWords.join(' ') : words.join(' ');
    const fields = longWords.length > 0 ? [...SEARCH_FIELDS] : ['title'];
    const run = (fuzzy: boolean) =>
      this.docs.index
        .search(searched, { fields, prefix: true, fuzzy: fuzzy ? typoAllowance : false, combineWith: 'AND', boost: FIELD_BOOSTS })
        .map((result) => String(result.id));
    const exact = run(false);
    return exact.length > 0 || options.fuzzy === false ? exact : run(true);
  }
}

export type ArticleTypeCounts = Record<ArticleType, number>;

/** How many of `articles` there are of each type (the type filter shows these beside each type). */
export function countArticlesByType(articles: readonly Pick<SearchableArticle, 'type'>[]): ArticleTypeCounts {
  const counts: ArticleTypeCounts = { faq: 0, guide: 0, troubleshooting: 0, best_practice: 0, video: 0 };
  for (const article of articles) counts[article.type] += 1;
  return counts;
}

/**
 * The articles in search order: `hits` (null: no search, keep the catalog order of `articles`)
 * narrowed to one type when `type` is given.
 */
export function selectArticles<T extends Pick<SearchableArticle, 'id' | 'type'>>(
  articles: readonly T[],
  hits: readonly string[] | null,
  type: ArticleType | null,
): T[] {
  const ordered = hits === null ? [...articles] : orderByHits(articles, hits);
  return type === null ? ordered : ordered.filter((article) => article.type === type);
}

function orderByHits<T extends Pick<SearchableArticle, 'id'>>(articles: readonly T[], hits: readonly string[]): T[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  return hits.flatMap((id) => {
    const article = byId.get(id);
    return article ? [article] : [];
  });
}

const RELATED_WORD_MIN_LENGTH = 4;

function titleWords(title: string): Set<string> {
  return new Set(
    foldForSearch(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= RELATED_WORD_MIN_LENGTH),
  );
}

/**
 * Up to `limit` articles related to `article`: ranked by shared tags (2 each), shared title words
 * of four letters or more (1 each) and the same type (1); ties keep the catalog order. Articles
 * sharing nothing are not related.
 */
export function relatedArticles<T extends Pick<SearchableArticle, 'id' | 'title' | 'type' | 'tags'>>(
  article: T,
  articles: readonly T[],
  limit = 3,
): T[] {
  const tags = new Set(article.tags);
  const words = titleWords(article.title);
  return articles
    .map((candidate, order) => {
      if (candidate.id === article.id) return { candidate, order, score: 0 };
      const sharedTags = candidate.tags.filter((tag) => tags.has(tag)).length;
      const sharedWords = [...titleWords(candidate.title)].filter((word) => words.has(word)).length;
      const score = sharedTags * 2 + sharedWords + (candidate.type === article.type ? 1 : 0);
      return { candidate, order, score };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
