/**
 * One forum thread (/community/threads/:threadId): its posts in order with their authors, the
 * helpful answer, the partner's own posts to edit or delete, others' to report (and, for the
 * thread's author, to mark helpful), the reply field, and whatever of it the server refused.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { canReply, orderPosts } from '../../../sync/domain/community';
import { useDocument } from '../../data/use-query';
import { useOnlineStatus } from '../../platform/online-status';
import { FormField, SubmitRow } from '../../ui/FormField';
import { PageHeader } from '../../ui/PageHeader';
import { errorMessage } from '../../ui/error-message';
import { formatDate, plural, systemTimeZone } from '../../ui/format';
import { PostList } from './components/PostList';
import { PostAuthor } from './components/PostAuthor';
import { RefusedInThread, refusedPostIds } from './components/RefusedPosts';
import { postReply } from './community-writes';
import { useCommunityData, useThreadPosts, type CommunityData } from './use-community-data';
import { useQueuedReportNotice } from './use-queued-reports';
import './community.css';

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const data = useCommunityData();
  const thread = useDocument('tickets', threadId);
  const title = thread.data && thread.data.kind === 'forum' ? thread.data.subject : 'Thread';
  return (
    <>
      <title>{`${title} · Community · SISO Partner Workstation`}</title>
      <PageHeader title={title} />
      <p>
        <Link to="/community">Back to Community</Link>
      </p>
      <ThreadBody data={data} threadId={threadId} threadLoading={thread.loading} thread={thread.data} />
    </>
  );
}

type Thread = NonNullable<ReturnType<typeof useDocument<'tickets'>>['data']>;

function ThreadBody({ data, threadId, thread, threadLoading }: { data: CommunityData; threadId: string; thread: Thread | null; threadLoading: boolean }) {
  const posts = useThreadPosts(threadId);
  const online = useOnlineStatus();
  const reportNotice = useQueuedReportNotice(data.partnerId);
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [replyNotice, setReplyNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replyField = useRef<HTMLTextAreaElement>(null);
  const ordered = useMemo(() => orderPosts(posts.data), [posts.data]);
  const refused = useMemo(() => refusedPostIds(data.problems), [data.problems]);
  const queuedIds = useMemo(() => new Set(data.queuedReports.map((report) => report.message_id)), [data.queuedReports]);

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to read the community.</p>;
  if (data.error || posts.error) {
    return (
      <p className="card card__text" role="alert">
        This thread could not be read from this device ({(data.error ?? posts.error)?.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading || posts.loading || threadLoading) return <p className="card__text">Loading the thread…</p>;
  if (!thread || thread.kind !== 'forum' || thread.hidden) {
    return (
      <p className="card card__text">
        This thread is not on this device. It may have been removed by the SISO team, or it is in a category your tier does not reach yet. Go back to the
        Community to see the threads you can read.
      </p>
    );
  }
  const db = data.db;
  const partnerId = data.partnerId;
  const category = data.categories.find((candidate) => candidate.slug === thread.category) ?? null;
  const replyCheck = canReply(thread, category, data.tier);
  const blocked = replyCheck.ok ? null : replyCheck.reason;
  const isAuthor = thread.partner_id === partnerId;
  const ownName = data.profile?.display_name ?? null;
  const timeZone = systemTimeZone();

  async function submitReply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || blocked) return;
    if (!reply.trim()) {
      setReplyError('Write your reply before posting it.');
      return;
    }
    setBusy(true);
    setReplyError(null);
    setReplyNotice(null);
    try {
      await postReply(db, partnerId, threadId, reply);
      setReply('');
      setReplyNotice(online ? 'Reply posted.' : 'Reply saved on this device; it is posted when you are back online.');
    } catch (error) {
      setReplyError(`Your reply was not saved: ${errorMessage(error)} What you wrote is still in the field.`);
    } finally {
      setBusy(false);
      // The submit button is disabled while saving, which drops focus; the field is where the next reply starts.
      replyField.current?.focus();
    }
  }

  return (
    <div className="community-thread-page">
      <p className="community-thread-page__meta">
        {category ? `${category.title} · ` : ''}started by <PostAuthor author={thread} own={isAuthor} ownName={ownName} /> on {formatDate(thread.created_at, timeZone)} ·{' '}
        {plural(Math.max(0, ordered.length - 1), 'reply', 'replies')}
        {thread.locked ? ' · Locked by the SISO team' : ''}
      </p>
      {reportNotice ? (
        <p className="community-notice" role="status">
          {reportNotice}
        </p>
      ) : null}
      <RefusedInThread problems={data.problems} threadId={threadId} sync={data.sync} />
      <PostList
        posts={ordered}
        thread={thread}
        partnerId={partnerId}
        ownName={ownName}
        refused={refused}
        queuedReportIds={queuedIds}
        db={db}
        client={data.client}
        online={online}
        timeZone={timeZone}
      />
      <form className="card form community-reply" noValidate onSubmit={(event) => void submitReply(event)}>
        <FormField label="Reply" error={replyError ?? undefined} hint={online ? undefined : 'You are offline: your reply is saved on this device and posted when you reconnect.'}>
          <textarea
            ref={replyField}
            rows={4}
            value={reply}
            disabled={blocked !== null}
            onChange={(event) => {
              setReply(event.target.value);
              setReplyError(null);
            }}
          />
        </FormField>
        <SubmitRow label="Post reply" busyLabel="Posting…" busy={busy} blocked={blocked} />
        {replyNotice && !blocked ? <p role="status">{replyNotice}</p> : null}
      </form>
    </div>
  );
}
