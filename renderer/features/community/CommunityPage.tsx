/**
 * The community forum (/community): categories in catalog order with their threads (pinned first,
 * then latest activity), locked categories with the tier that unlocks them, "New thread", and the
 * reputation panels. All from the local store, so it reads offline; new threads queue offline.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { challengeProgress, lastActivity, postableCategories, summarizeCategories, type CategorySummary } from '../../../sync/domain/community';
import { tierLabel } from '../../../sync/domain/tiers';
import type { PlainDoc } from '../../data/collection-queries';
import { useOnlineStatus } from '../../platform/online-status';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate, plural, systemTimeZone } from '../../ui/format';
import { NewThreadDialog } from './components/NewThreadDialog';
import { PostAuthor } from './components/PostAuthor';
import { RefusedThreads } from './components/RefusedPosts';
import { ChallengeRegion, DirectoryRegion, StandingRegion, TopContributorsRegion } from './components/ReputationPanels';
import { useQueuedReportNotice } from './use-queued-reports';
import { createThread } from './community-writes';
import { useCommunityData, type CommunityData, type ForumCategory } from './use-community-data';
import './community.css';

export function CommunityPage() {
  const data = useCommunityData();
  return (
    <>
      <title>Community · SISO Partner Workstation</title>
      <PageHeader title="Community" description="Ask other SISO partners, share what worked, and earn points for helpful answers. Threads read offline once synced; what you post offline is sent when you reconnect." />
      <CommunityBody data={data} />
    </>
  );
}

function CommunityBody({ data }: { data: CommunityData }) {
  const online = useOnlineStatus();
  const navigate = useNavigate();
  const [dialogFor, setDialogFor] = useState<{ category: string | null } | null>(null);
  const reportNotice = useQueuedReportNotice(data.partnerId);
  const summaries = useMemo(() => summarizeCategories(data.categories, data.threads, data.tier), [data.categories, data.threads, data.tier]);
  const postable = useMemo(() => postableCategories(data.categories, data.tier), [data.categories, data.tier]);
  const progress = useMemo(
    () =>
      data.challenge && data.partnerId
        ? challengeProgress({
            metric: data.challenge.metric,
            target: data.challenge.target,
            month: data.month,
            partnerId: data.partnerId,
            threads: data.threads,
            posts: data.ownPosts,
          })
        : null,
    [data.challenge, data.partnerId, data.month, data.threads, data.ownPosts],
  );

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to see the community.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        The community could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the community…</p>;
  const db = data.db;
  const partnerId = data.partnerId;
  const postableSlugs = new Set(postable.map((category) => category.slug));

  return (
    <div className="community">
      <div className="community__actions">
        <button type="button" className="button button--primary" onClick={() => setDialogFor({ category: null })}>
          New thread
        </button>
        {online ? null : <p className="community__offline">You are offline: what you post is saved on this device and sent when you reconnect.</p>}
      </div>
      {reportNotice ? (
        <p className="community-notice" role="status">
          {reportNotice}
        </p>
      ) : null}
      <RefusedThreads problems={data.problems} sync={data.sync} />
      <div className="community__layout">
        <div className="community__main">
          {data.categories.length === 0 ? (
            <p className="card card__text">
              {data.sync
                ? 'The forum’s categories have not reached this device yet. Connect to the internet so the workstation can sync them.'
                : 'The community lives on the SISO server, and this workspace does not sync with it. Sign in with your partner account to read and post.'}
            </p>
          ) : (
            summaries.map((summary) => (
              <CategorySection
                key={summary.category.slug}
                summary={summary}
                partnerId={partnerId}
                ownName={data.profile?.display_name ?? null}
                canPost={postableSlugs.has(summary.category.slug)}
                onNewThread={() => setDialogFor({ category: summary.category.slug })}
              />
            ))
          )}
        </div>
        <div className="community__side">
          <StandingRegion standing={data.standing} />
          <ChallengeRegion challenge={data.challenge} progress={progress} />
          <TopContributorsRegion leaderboard={data.leaderboard} month={data.month} />
          <DirectoryRegion directory={data.directory} />
        </div>
      </div>
      {dialogFor ? (
        <NewThreadDialog
          categories={postable}
          initialCategory={dialogFor.category}
          online={online}
          onClose={() => setDialogFor(null)}
          onSubmit={async (values, category) => {
            const thread = await createThread(db, partnerId, values, category.tier_required);
            setDialogFor(null);
            void navigate(`/community/threads/${thread.id}`);
          }}
        />
      ) : null}
    </div>
  );
}

type Thread = PlainDoc<'tickets'>;

function CategorySection({
  summary,
  partnerId,
  ownName,
  canPost,
  onNewThread,
}: {
  summary: CategorySummary<ForumCategory, Thread>;
  partnerId: string;
  ownName: string | null;
  canPost: boolean;
  onNewThread(): void;
}) {
  const { category, locked, threads, latestActivity } = summary;
  const headingId = `community-category-${category.slug}`;
  const timeZone = systemTimeZone();
  return (
    <section className="card community-category" aria-labelledby={headingId} data-locked={locked}>
      <div className="community-category__head">
        <h2 id={headingId}>{category.title}</h2>
        {canPost ? (
          <button type="button" className="button button--small" onClick={onNewThread} aria-label={`New thread in ${category.title}`}>
            New thread here
          </button>
        ) : null}
      </div>
      <p className="card__text">{category.description}</p>
      {locked ? (
        <p className="community-category__lock">Unlocks at {tierLabel(category.tier_required)}</p>
      ) : (
        <>
          <p className="community-category__meta">
            {plural(threads.length, 'thread')}
            {latestActivity ? ` · latest activity ${formatDate(latestActivity, timeZone)}` : ''}
            {category.posting === 'staff' ? ' · only the SISO team starts threads here' : ''}
          </p>
          {threads.length > 0 ? (
            <ul className="community-threads" aria-label={`Threads in ${category.title}`}>
              {threads.map((thread) => (
                <li key={thread.id} className="community-thread">
                  <Link to={`/community/threads/${thread.id}`} className="community-thread__title">
                    {thread.subject}
                  </Link>
                  {thread.pinned ? <span className="community-thread__flag">Pinned</span> : null}
                  {thread.locked ? <span className="community-thread__flag">Locked</span> : null}
                  <span className="community-thread__meta">
                    <PostAuthor author={thread} own={thread.partner_id === partnerId} ownName={ownName} />
                    <span>
                      {plural(Math.max(0, thread.message_count - 1), 'reply', 'replies')} · {formatDate(lastActivity(thread), timeZone)}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
