/**
 * Everything the knowledge base reads, live from the local store: the published articles (catalog
 * rows of kind 'article' whose body is valid; tier-locked ones never reach the device), the
 * partner's "Was this helpful?" answers, and what opening a video tutorial needs.
 */
import { useMemo } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useQuery } from '../../data/use-query';
import { useCatalog } from '../../data/workstation-hooks';
import { usePlatform } from '../../platform';
import { useOnlineStatus } from '../../platform/online-status';
import { createAssetFiles, type AssetFiles } from '../../platform/verified-files';
import { useIsAdminSession, useOpenWorkspace } from '../../session';
import { articleBodySchema, type ArticleBody } from '../../../sync/schema/community-bodies';
import type { SearchableArticle } from '../../../sync/domain/knowledge-base-search';
import { articleFeedbackMetaSchema } from './knowledge-base-writes';

export interface KnowledgeBaseArticle extends SearchableArticle {
  readonly body: ArticleBody;
  /** The video tutorial in the assets bucket (the row's file), when the article has one. */
  readonly video: { path: string; sha256: string | null; mimeType: string | null; version: number } | null;
}

interface ArticleRow {
  id: string;
  title: string;
  body: unknown;
  tags?: readonly string[] | null;
  file_path?: string | null;
  file_sha256?: string | null;
  mime_type?: string | null;
  version: number;
}

/** The articles whose body this version can show, in catalog order; the ids of the others. */
export function parseArticles(rows: readonly ArticleRow[]): { articles: KnowledgeBaseArticle[]; unreadable: Set<string> } {
  const articles: KnowledgeBaseArticle[] = [];
  const unreadable = new Set<string>();
  for (const row of rows) {
    const body = articleBodySchema.safeParse(row.body);
    if (!body.success) {
      unreadable.add(row.id);
      continue;
    }
    articles.push({
      id: row.id,
      title: row.title,
      type: body.data.article_type,
      summary: body.data.summary,
      tags: row.tags ?? [],
      blocks: body.data.blocks,
      body: body.data,
      video: row.file_path
        ? { path: row.file_path, sha256: row.file_sha256 ?? null, mimeType: row.mime_type ?? null, version: row.version }
        : null,
    });
  }
  return { articles, unreadable };
}

/** article id → the answer recorded, from the partner's 'article_feedback' rows (unreadable meta is skipped). */
export function feedbackByArticle(rows: readonly { kind: string; meta?: string | null }[]): Map<string, boolean> {
  const answers = new Map<string, boolean>();
  for (const row of rows) {
    if (row.kind !== 'article_feedback' || !row.meta) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.meta);
    } catch {
      continue;
    }
    const meta = articleFeedbackMetaSchema.safeParse(parsed);
    if (meta.success) answers.set(meta.data.article_id, meta.data.helpful);
  }
  return answers;
}

export function useKnowledgeBaseData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const platform = usePlatform();
  const online = useOnlineStatus();
  const isAdmin = useIsAdminSession();
  const articleRows = useCatalog('article');
  const feedbackRows = useQuery('activities', { selector: { kind: 'article_feedback' } });

  const parsed = useMemo(() => parseArticles(articleRows.data), [articleRows.data]);
  const feedback = useMemo(() => feedbackByArticle(feedbackRows.data), [feedbackRows.data]);
  const client = workspace?.sync?.client ?? null;
  // Video tutorials: this device's verified copy, or the assets bucket for a signed-in account.
  const files = useMemo<AssetFiles>(
    () => createAssetFiles({ cache: platform.assetCache, source: client ? { kind: 'storage', client } : null, isOnline: () => navigator.onLine }),
    [platform, client],
  );

  const sources = [articleRows, feedbackRows];
  return {
    db,
    partnerId: workspace?.partnerId ?? null,
    isAdmin,
    online,
    client,
    files,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    articles: parsed.articles,
    unreadable: parsed.unreadable,
    feedback,
  };
}

export type KnowledgeBaseData = ReturnType<typeof useKnowledgeBaseData>;
