/**
 * The knowledge base's search as the page uses it: one index for the page's lifetime, built a
 * slice at a time once the list is on screen (so opening the page never waits for it) and then
 * told only what changed; a search on every keystroke, the hit counts per type and the type filter.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  countArticlesByType,
  KnowledgeBaseSearchIndex,
  selectArticles,
  type ArticleTypeCounts,
  type SearchableArticle,
} from '../../../sync/domain/knowledge-base-search';
import type { ArticleType } from '../../../sync/schema/community-bodies';

/** Articles indexed per task while building: ~10 ms each on a desktop, so typing stays responsive. */
export const INDEX_SLICE = 40;

export interface ArticleSearchResult<T> {
  /** The articles to list: search hits best first (catalog order without a search), of the chosen type. */
  shown: T[];
  /** Per type, how many articles the search finds (every article without one). */
  counts: ArticleTypeCounts;
  /** Articles found before the type filter. */
  total: number;
  searching: boolean;
}

export function useArticleSearch<T extends SearchableArticle>(articles: readonly T[], query: string, type: ArticleType | null): ArticleSearchResult<T> {
  const [index] = useState(() => new KnowledgeBaseSearchIndex());
  const [indexed, setIndexed] = useState<readonly T[] | null>(null);

  // After the list has painted, a slice per task: indexing a catalog of thousands takes most of a
  // second, which neither the first paint nor a keystroke typed meanwhile should wait for.
  useEffect(() => {
    if (indexed === articles) return;
    let next = 0;
    let timer = 0;
    const step = () => {
      index.addMissing(articles.slice(next, next + INDEX_SLICE));
      next += INDEX_SLICE;
      if (next < articles.length) {
        timer = window.setTimeout(step, 0);
        return;
      }
      index.sync(articles);
      setIndexed(articles);
    };
    timer = window.setTimeout(step, 0);
    return () => window.clearTimeout(timer);
  }, [index, articles, indexed]);

  return useMemo(() => {
    const searching = query.trim() !== '';
    let hits: string[] | null = null;
    if (searching) {
      // A search typed before the deferred indexing ran brings the index up to date now.
      if (indexed !== articles) index.sync(articles);
      hits = index.search(query);
    }
    const found = selectArticles(articles, hits, null);
    const shown = type === null ? found : found.filter((article) => article.type === type);
    return { shown, counts: countArticlesByType(found), total: found.length, searching };
  }, [index, articles, indexed, query, type]);
}
