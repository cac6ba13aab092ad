/**
 * One post in a thread: author, date, text, the helpful-answer mark, and what the partner may do with
 * it — edit inline or delete (own posts), report (others'), mark as helpful answer (the thread's author).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { editBodySchema, postActions, reportReasonSchema } from '../../../../sync/domain/community';
import type { WorkstationDatabase } from '../../../../sync/schema/database';
import type { PlainDoc } from '../../../data/collection-queries';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { formatDate } from '../../../ui/format';
import { deletePost, editPost, markHelpfulAnswer, queueReport, reportPost } from '../community-writes';
import { PostAuthor } from './PostAuthor';

type Post = PlainDoc<'ticket_messages'>;
type Thread = PlainDoc<'tickets'>;

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? 'Check what you wrote.');
}

export function PostItem({
  post,
  thread,
  opening,
  partnerId,
  ownName,
  isThreadAuthor,
  refusedReason,
  reportQueued,
  db,
  client,
  online,
  timeZone,
}: {
  post: Post;
  thread: Thread;
  opening: boolean;
  partnerId: string;
  ownName: string | null;
  isThreadAuthor: boolean;
  refusedReason: string | null;
  /** A report of this post made offline is waiting to be sent. */
  reportQueued: boolean;
  db: WorkstationDatabase;
  client: SupabaseClient | null;
  online: boolean;
  timeZone: string;
}) {
  const actions = postActions(post, thread, partnerId);
  const markable = actions.markHelpful && isThreadAuthor && !opening;
  const helpful = post.helpful || thread.helpful_message_id === post.id;
  const own = post.partner_id === partnerId && post.author_role === 'partner';
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete' | 'report'>('view');
  const [draft, setDraft] = useState(post.body);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = `post-${post.id}`;
  const postedOn = formatDate(post.created_at, timeZone);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Where focus goes back once an inline edit or delete confirmation closes (their controls replace the buttons).
  const focusBack = useRef<'edit' | 'delete' | null>(null);
  const setFocusBack = (target: 'edit' | 'delete') => {
    focusBack.current = target;
  };

  useEffect(() => {
    if (mode !== 'view' || !focusBack.current) return;
    (focusBack.current === 'edit' ? editButton : deleteButton).current?.focus();
    focusBack.current = null;
  }, [mode]);

  async function run(action: () => Promise<string | null>) {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      setNotice(await action());
      setMode('view');
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function saveEdit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const issue = firstIssue(editBodySchema.safeParse(draft));
    if (issue) {
      setProblem(issue);
      return;
    }
    setFocusBack('edit');
    void run(async () => {
      await editPost(db, post.id, draft);
      return online ? 'Post updated.' : 'Change saved on this device; it is sent when you are back online.';
    });
  }

  const helpfulBlocked = !online || !client ? 'Marking a helpful answer goes straight to SISO, so it needs a connection. Try again when you are back online.' : null;

  return (
    <li className="community-post" data-helpful={helpful} data-refused={refusedReason !== null}>
      <article aria-labelledby={headingId} tabIndex={-1}>
        <header className="community-post__head">
          <h3 id={headingId} className="community-post__author">
            <PostAuthor author={post} own={own} ownName={ownName} />
          </h3>
          <span className="community-post__date">
            {postedOn}
            {post.edited_at ? ' · edited' : ''}
          </span>
          {helpful ? <span className="community-post__helpful">Helpful answer</span> : null}
        </header>
        {refusedReason ? <p className="inline-message">Not posted: SISO refused this post: {refusedReason}</p> : null}
        {mode === 'edit' ? (
          <form className="form" noValidate onSubmit={saveEdit}>
            <FormField label="Edit your post" error={problem ?? undefined}>
              <textarea rows={4} value={draft} onChange={(event) => setDraft(event.target.value)} />
            </FormField>
            <div className="button-row">
              <button type="submit" className="button button--primary button--small" disabled={busy}>
                {busy ? 'Saving…' : 'Save'}
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => {
                  setDraft(post.body);
                  setProblem(null);
                  setFocusBack('edit');
                  setMode('view');
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p className="community-post__body">{post.body}</p>
        )}
        {mode === 'confirm-delete' ? (
          <div className="community-post__confirm" role="group" aria-label="Delete this post?">
            <p>{opening ? 'Delete this post? The thread keeps its title and replies, but its opening message is gone for everyone.' : 'Delete this post? It is removed for everyone.'}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--danger button--small"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await deletePost(db, post.id);
                    return null;
                  })
                }
              >
                Delete post
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => {
                  setFocusBack('delete');
                  setMode('view');
                }}
              >
                Keep it
              </button>
            </div>
          </div>
        ) : null}
        {mode === 'view' || mode === 'report' ? (
          <div className="button-row community-post__actions">
            {actions.edit ? (
              <button ref={editButton} type="button" className="button button--small" aria-label={`Edit your post from ${postedOn}`} onClick={() => setMode('edit')}>
                Edit
              </button>
            ) : null}
            {actions.delete ? (
              <button ref={deleteButton} type="button" className="button button--small" aria-label={`Delete your post from ${postedOn}`} onClick={() => setMode('confirm-delete')}>
                Delete
              </button>
            ) : null}
            {actions.report ? (
              <button type="button" className="button button--small" onClick={() => setMode('report')}>
                Report
              </button>
            ) : null}
            {markable ? (
              <button
                type="button"
                className="button button--small button--primary"
                disabled={busy || helpfulBlocked !== null}
                aria-describedby={helpfulBlocked ? `${headingId}-helpful-blocked` : undefined}
                onClick={() =>
                  void run(async () => {
                    if (!client) throw new Error(helpfulBlocked ?? 'Not connected.');
                    await markHelpfulAnswer(client, post.id);
                    return 'Marked as the helpful answer. Its author earns the points once SISO records it.';
                  })
                }
              >
                Mark as helpful answer
              </button>
            ) : null}
          </div>
        ) : null}
        {markable && helpfulBlocked && (mode === 'view' || mode === 'report') ? (
          <p id={`${headingId}-helpful-blocked`} className="community-post__note">
            {helpfulBlocked}
          </p>
        ) : null}
        {problem && mode !== 'edit' ? (
          <p className="inline-message" role="alert">
            {problem}
          </p>
        ) : null}
        {notice ? <p role="status">{notice}</p> : null}
        {reportQueued ? (
          <p role="status" className="community-post__note">
            Your report of this post is kept on this device and sent to the SISO team when you are back online.
          </p>
        ) : null}
      </article>
      {mode === 'report' ? (
        <ReportDialog
          online={online && client !== null}
          onClose={() => setMode('view')}
          onSubmit={async (reason) => {
            if (online && client) {
              await reportPost(client, post.id, reason);
              setNotice('Report sent. The SISO team reviews it; thank you.');
            } else {
              await queueReport(db, partnerId, post.id, reason);
            }
            setMode('view');
          }}
        />
      ) : null}
    </li>
  );
}

function ReportDialog({ online, onClose, onSubmit }: { online: boolean; onClose(): void; onSubmit(reason: string): Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const issue = firstIssue(reportReasonSchema.safeParse(reason));
    if (issue) {
      setError(issue);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason);
    } catch (caught) {
      setError(`${errorMessage(caught)} Your reason is still here.`);
      setBusy(false);
    }
  }

  return (
    <Dialog title="Report post" onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="card__text">Reports go to the SISO team only; the author is not told who reported the post.</p>
        <FormField label="Reason" error={error ?? undefined} hint="For example: spam, shares a client’s details, or abusive.">
          <textarea rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </FormField>
        {online ? null : <p className="community-notice">You are offline. The report is kept on this device and sent when you are back online.</p>}
        <div className="button-row dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send report'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
