/**
 * A knowledge-base article (/support/knowledge-base/:articleId): its structured blocks (never HTML),
 * the video tutorial when it has one, "Was this helpful?" and related articles.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { articleTypeLabel, relatedArticles } from '../../../sync/domain/knowledge-base-search';
import { LessonBlocks } from '../../ui/LessonBlocks';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { ArticleVideo } from './ArticleVideo';
import { recordArticleFeedback } from './knowledge-base-writes';
import { useKnowledgeBaseData, type KnowledgeBaseArticle, type KnowledgeBaseData } from './use-knowledge-base-data';
import './knowledge-base.css';

export function ArticlePage() {
  const data = useKnowledgeBaseData();
  const { articleId = '' } = useParams();
  const article = data.articles.find((candidate) => candidate.id === articleId) ?? null;
  return (
    <>
      <title>{`${article?.title ?? 'Article'} · SISO Partner Workstation`}</title>
      <PageHeader title={article?.title ?? 'Article'} description={article?.summary} />
      <p className="knowledge-base-back">
        <Link to="/support/knowledge-base">Back to the knowledge base</Link>
      </p>
      <ArticleBody data={data} articleId={articleId} article={article} />
    </>
  );
}

function ArticleBody({ data, articleId, article }: { data: KnowledgeBaseData; articleId: string; article: KnowledgeBaseArticle | null }) {
  if (!data.db) return <p className="card card__text">No workspace is open on this device. Open one to read the knowledge base.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        This article could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the article…</p>;
  if (!article) {
    return (
      <p className="card card__text">
        {data.unreadable.has(articleId)
          ? 'This article is written in a format this version of the workstation cannot show. Update the app to read it.'
          : 'This article is not on this device. It may have been retired, or it unlocks at a higher tier; the knowledge base lists what you can read.'}
      </p>
    );
  }
  const related = relatedArticles(article, data.articles);
  return (
    <div className="knowledge-base-article">
      <article className="card knowledge-base-article__content" aria-label={article.title}>
        <p className="knowledge-base__type-label">{articleTypeLabel(article.type)}</p>
        {article.video ? (
          <ArticleVideo articleId={article.id} title={article.title} video={article.video} signedIn={data.client !== null} files={data.files} online={data.online} />
        ) : null}
        <LessonBlocks blocks={article.body.blocks} headingLevel={2} />
      </article>
      {data.isAdmin || !data.partnerId ? null : (
        <HelpfulQuestion data={data} partnerId={data.partnerId} articleId={article.id} answer={data.feedback.get(article.id) ?? null} />
      )}
      {related.length > 0 ? (
        <nav className="card" aria-labelledby="related-articles">
          <h2 id="related-articles">Related articles</h2>
          <ul className="knowledge-base-article__related">
            {related.map((item) => (
              <li key={item.id}>
                <Link to={`/support/knowledge-base/${item.id}`}>{item.title}</Link>{' '}
                <span className="knowledge-base__type-label">{articleTypeLabel(item.type)}</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

function HelpfulQuestion({ data, partnerId, articleId, answer }: { data: KnowledgeBaseData; partnerId: string; articleId: string; answer: boolean | null }) {
  // Which article the thanks belong to: the page stays mounted when a related article is opened.
  const [thankedFor, setThankedFor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const db = data.db;

  function answerWith(helpful: boolean) {
    if (!db) return;
    setProblem(null);
    recordArticleFeedback(db, partnerId, articleId, helpful).then(
      () => setThankedFor(articleId),
      (error: unknown) => setProblem(`Your answer could not be saved on this device: ${errorMessage(error)} Try again; if it keeps failing, restart the app.`),
    );
  }

  return (
    <section className="card knowledge-base-article__helpful" aria-labelledby="article-helpful">
      <h2 id="article-helpful">Was this helpful?</h2>
      <div className="button-row">
        <button type="button" className="button" aria-pressed={answer === true} onClick={() => answerWith(true)}>
          Yes
        </button>
        <button type="button" className="button" aria-pressed={answer === false} onClick={() => answerWith(false)}>
          No
        </button>
      </div>
      <p role="status" className="card__text">
        {thankedFor === articleId
          ? 'Thanks for your feedback.'
          : answer === null
            ? ''
            : `You told us this article ${answer ? 'helped' : 'did not help'}. You can change your answer.`}
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}
