/**
 * Forum writes the server refused (a category above the partner's tier, a locked thread, a hidden
 * post), shown where they were made with the server's own reason, and the same retry and discard
 * that Sync details offers.
 */
import { useState } from 'react';
import type { RetryOutcome } from '../../../../sync/replication/replicate';
import type { SyncProblem } from '../../../../sync/replication/sync-problems';
import type { WorkspaceSync } from '../../../session/sync/workspace-sync';
import { errorMessage } from '../../../ui/error-message';

const OUTCOMES: Record<RetryOutcome, string> = {
  pushed: 'Sent: the server accepted it.',
  'refused-again': 'The server refused it again for the same reason.',
  'changed-on-server': 'It changed on the server meanwhile; retry once more to send your version.',
  'already-resolved': 'Nothing left to send: this is already settled.',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function excerpt(body: string | null): string {
  if (!body) return 'your post';
  return body.length > 80 ? `“${body.slice(0, 77)}…”` : `“${body}”`;
}

function RefusedItem({ problem, what, sync }: { problem: SyncProblem; what: string; sync: WorkspaceSync | null }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(`Nothing was sent: ${errorMessage(error)} Try again when the server can be reached.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="community-refused__item">
      <p>
        SISO did not accept {what}: {problem.reason}
      </p>
      {sync ? (
        <div className="button-row">
          <button type="button" className="button button--small" disabled={busy} onClick={() => void run(async () => OUTCOMES[await sync.retry(problem.id)])}>
            Try again
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await sync.discard(problem.id);
                return problem.operation === 'insert' ? 'Removed from this device.' : 'Your change was dropped; the server’s version stays.';
              })
            }
          >
            Discard
          </button>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </li>
  );
}

/** Refused new threads, on the forum's front page. */
export function RefusedThreads({ problems, sync }: { problems: readonly SyncProblem[]; sync: WorkspaceSync | null }) {
  const threads = problems.filter((problem) => problem.collection === 'tickets' && problem.localDoc.kind === 'forum');
  if (threads.length === 0) return null;
  return (
    <section className="card community-refused" aria-labelledby="community-refused" role="alert">
      <h2 id="community-refused">Not posted</h2>
      <ul>
        {threads.map((problem) => (
          <RefusedItem key={problem.id} problem={problem} what={`the thread “${text(problem.localDoc.subject) ?? 'without a title'}”`} sync={sync} />
        ))}
      </ul>
    </section>
  );
}

/** Refused posts and edits in one thread (and the thread itself), on the thread's page. */
export function RefusedInThread({ problems, threadId, sync }: { problems: readonly SyncProblem[]; threadId: string; sync: WorkspaceSync | null }) {
  const mine = problems.filter(
    (problem) =>
      (problem.collection === 'tickets' && problem.docId === threadId) ||
      (problem.collection === 'ticket_messages' && problem.localDoc.ticket_id === threadId),
  );
  if (mine.length === 0) return null;
  return (
    <section className="card community-refused" aria-labelledby="community-thread-refused" role="alert">
      <h2 id="community-thread-refused">Not posted</h2>
      <ul>
        {mine.map((problem) => (
          <RefusedItem
            key={problem.id}
            problem={problem}
            sync={sync}
            what={
              problem.collection === 'tickets'
                ? 'this thread'
                : problem.operation === 'insert'
                  ? `your post ${excerpt(text(problem.localDoc.body))}`
                  : `your change to the post ${excerpt(text(problem.localDoc.body))}`
            }
          />
        ))}
      </ul>
    </section>
  );
}

/** The ids of posts the server refused, so the thread can mark them where they sit. */
export function refusedPostIds(problems: readonly SyncProblem[]): Map<string, string> {
  return new Map(problems.filter((problem) => problem.collection === 'ticket_messages').map((problem) => [problem.docId, problem.reason]));
}
