/**
 * A thread's posts in order. A long thread first shows its opening post and the latest replies, with
 * a button for the earlier ones, so a thousand-post thread opens as fast as a short one and new
 * replies arriving live stay in view.
 */
import { useEffect, useRef, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { WorkstationDatabase } from '../../../../sync/schema/database';
import type { PlainDoc } from '../../../data/collection-queries';
import { plural } from '../../../ui/format';
import { PostItem } from './PostItem';

/** Posts shown at first: the opening post and the latest replies. */
export const INITIAL_POSTS = 50;
/** Earlier replies revealed per press. */
export const MORE_POSTS = 100;

type Post = PlainDoc<'ticket_messages'>;

export function PostList({
  posts,
  thread,
  partnerId,
  ownName,
  refused,
  queuedReportIds,
  db,
  client,
  online,
  timeZone,
  initialCount = INITIAL_POSTS,
}: {
  /** Visible posts, oldest first (orderPosts). */
  posts: readonly Post[];
  thread: PlainDoc<'tickets'>;
  partnerId: string;
  ownName: string | null;
  /** Refused post id → the server's reason. */
  refused: ReadonlyMap<string, string>;
  queuedReportIds: ReadonlySet<string>;
  db: WorkstationDatabase;
  client: SupabaseClient | null;
  online: boolean;
  timeZone: string;
  initialCount?: number;
}) {
  const [shown, setShown] = useState(initialCount);
  const opening = posts[0];
  const replies = posts.slice(1);
  const hiddenEarlier = Math.max(0, replies.length - Math.max(0, shown - 1));
  const visibleReplies = replies.slice(hiddenEarlier);
  const list = useRef<HTMLOListElement>(null);
  // The button goes once every reply shows; focus moves to the first reply revealed instead of being lost.
  const focusPost = useRef<string | null>(null);

  useEffect(() => {
    const id = focusPost.current;
    if (!id) return;
    focusPost.current = null;
    list.current?.querySelector<HTMLElement>(`[aria-labelledby="post-${CSS.escape(id)}"]`)?.focus();
  }, [shown]);

  const showEarlier = () => {
    const revealedFrom = Math.max(0, hiddenEarlier - MORE_POSTS);
    focusPost.current = replies[revealedFrom]?.id ?? null;
    setShown((count) => count + MORE_POSTS);
  };

  const item = (post: Post, isOpening: boolean) => (
    <PostItem
      key={post.id}
      post={post}
      thread={thread}
      opening={isOpening}
      partnerId={partnerId}
      ownName={ownName}
      isThreadAuthor={thread.partner_id === partnerId}
      refusedReason={refused.get(post.id) ?? null}
      reportQueued={queuedReportIds.has(post.id)}
      db={db}
      client={client}
      online={online}
      timeZone={timeZone}
    />
  );

  return (
    <ol ref={list} className="community-posts" aria-label="Posts">
      {opening ? item(opening, true) : null}
      {hiddenEarlier > 0 ? (
        <li className="community-posts__more">
          <button type="button" className="button" onClick={showEarlier}>
            {hiddenEarlier <= MORE_POSTS
              ? `Show ${plural(hiddenEarlier, 'earlier reply', 'earlier replies')}`
              : `Show ${MORE_POSTS} earlier replies (${hiddenEarlier} not shown)`}
          </button>
        </li>
      ) : null}
      {visibleReplies.map((post) => item(post, false))}
    </ol>
  );
}
