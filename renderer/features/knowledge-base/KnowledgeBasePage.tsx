/**
 * The knowledge base (/support/knowledge-base): SISO's published articles — FAQs, guides,
 * troubleshooting, best practices and video tutorials — searched instantly on this device (works
 * offline), narrowed by type with the number of hits per type. The search and type live in the
 * address (?q=&type=) so coming back from an article shows the same list.
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ARTICLE_TYPES, type ArticleType } from '../../../sync/schema/community-bodies';
import { articleTypeLabel } from '../../../sync/domain/knowledge-base-search';
import { PageHeader } from '../../ui/PageHeader';
import { plural } from '../../ui/format';
import { useArticleSearch } from './kb-search';
import { useKnowledgeBaseData, type KnowledgeBaseArticle } from './use-knowledge-base-data';
import './knowledge-base.css';

/** Cards rendered before "Show all": the best matches come first, and a long catalog stays instant to type in. */
const RESULTS_SHOWN_FIRST = 50;

function parseType(value: string | null): ArticleType | null {
  return ARTICLE_TYPES.find((type) => type === value) ?? null;
}

export function KnowledgeBasePage() {
  return (
    <>
      <title>Knowledge base · SISO Partner Workstation</title>
      <PageHeader title="Knowledge base" description="Answers, step-by-step guides and video tutorials from SISO. Search works offline." />
      <p className="knowledge-base-back">
        <Link to="/support">Back to Support</Link>
      </p>
      <KnowledgeBaseBody />
    </>
  );
}

function KnowledgeBaseBody() {
  const data = useKnowledgeBaseData();
  const [params, setParams] = useSearchParams();
  // The controls keep their own state and the address follows: navigation is asynchronous, and a
  // controlled field or radio waiting on it would drop keystrokes and clicks.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [type, chooseType] = useState(() => parseType(params.get('type')));
  const search = useArticleSearch(data.articles, query, type);
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (query === '') next.delete('q');
        else next.set('q', query);
        if (type === null) next.delete('type');
        else next.set('type', type);
        return next.toString() === current.toString() ? current : next;
      },
      { replace: true },
    );
  }, [query, type, setParams]);

  if (!data.db) return <p className="card card__text">No workspace is open on this device. Open one to read the knowledge base.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        The knowledge base could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the knowledge base…</p>;

  return (
    <div className="knowledge-base">
      <div className="card knowledge-base__filters" role="search" aria-label="Knowledge base">
        <input
          type="search"
          className="knowledge-base__search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search articles, e.g. commission payouts"
          aria-label="Search articles"
          autoComplete="off"
        />
        <fieldset className="knowledge-base__types">
          <legend>Type</legend>
          <TypeChoice label="All types" count={search.total} checked={type === null} onChoose={() => chooseType(null)} />
          {ARTICLE_TYPES.map((value) => (
            <TypeChoice
              key={value}
              label={articleTypeLabel(value)}
              count={search.counts[value]}
              checked={type === value}
              onChoose={() => chooseType(value)}
            />
          ))}
        </fieldset>
      </div>
      <p role="status" className="knowledge-base__summary">
        {summaryText(search.shown.length, search.searching ? query.trim() : null, type, data.articles.length)}
      </p>
      {search.shown.length > 0 ? (
        <ul className="knowledge-base__results" aria-label="Articles">
          {(showAll ? search.shown : search.shown.slice(0, RESULTS_SHOWN_FIRST)).map((article) => (
            <ArticleResult key={article.id} article={article} />
          ))}
        </ul>
      ) : null}
      {!showAll && search.shown.length > RESULTS_SHOWN_FIRST ? (
        <p>
          <button type="button" className="button" onClick={() => setShowAll(true)}>
            Show all {search.shown.length} articles
          </button>
        </p>
      ) : null}
      {data.unreadable.size > 0 ? (
        <p className="card__text knowledge-base__note">
          {plural(data.unreadable.size, 'article')} from SISO {data.unreadable.size === 1 ? 'is' : 'are'} not listed: written in a format this version of the
          workstation cannot show. Updating the app may show {data.unreadable.size === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
    </div>
  );
}

function summaryText(shown: number, query: string | null, type: ArticleType | null, total: number): string {
  if (total === 0) return 'No articles have reached this device yet. Connect to the internet so the workstation can sync them.';
  const ofType = type === null ? '' : ` of type ${articleTypeLabel(type)}`;
  if (query === null) return `${plural(shown, 'article')}${ofType}.`;
  if (shown === 0) return `No articles${ofType} match “${query}”. Try fewer or different words${type === null ? '' : ', or all types'}.`;
  return `${plural(shown, 'article')}${ofType} ${shown === 1 ? 'matches' : 'match'} “${query}”.`;
}

function TypeChoice({ label, count, checked, onChoose }: { label: string; count: number; checked: boolean; onChoose(): void }) {
  return (
    <label className="knowledge-base__type">
      <input type="radio" name="knowledge-base-type" checked={checked} onChange={onChoose} />
      <span>
        {label} <span className="knowledge-base__count">({count})</span>
      </span>
    </label>
  );
}

function ArticleResult({ article }: { article: KnowledgeBaseArticle }) {
  return (
    <li className="card knowledge-base__result">
      <h2 className="knowledge-base__result-title">
        <Link to={`/support/knowledge-base/${article.id}`}>{article.title}</Link>
      </h2>
      <p className="knowledge-base__type-label">{articleTypeLabel(article.type)}</p>
      <p className="card__text">{article.summary}</p>
    </li>
  );
}
