/**
 * The admin's Community tab: reported posts (post_reports, never synced, read over REST) to hide
 * (admin_moderate_post) or dismiss; forum threads to lock, pin or hide; and the catalog content SISO
 * publishes for the community: knowledge-base articles, group calls and the month's challenge.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { parseInstant } from '../../../../sync/domain/zoned-time';
import { useQuery } from '../../../data/use-query';
import { useCatalog } from '../../../data/workstation-hooks';
import { useOpenWorkspace } from '../../../session';
import { FormField, FormAlert } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { plural, systemTimeZone } from '../../../ui/format';
import { ChallengeSection } from './ChallengeForm';
import { GroupCallsSection } from './GroupCallForm';
import { KnowledgeBaseEditor } from './KnowledgeBaseEditor';
import { ReportHead } from '../shared/ReportHead';
import { TIER_LABELS, partnerName } from '../shared/labels';
import { createSupportAdminWrites, type PostReport, type ThreadFlags } from '../shared/support-admin-writes';
import type { AdminAccess } from '../shared/use-admin-access';
import { useServerReport } from '../shared/use-admin-data';
import './community-admin.css';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

/** Threads listed at once; the rest are reached with the category filter. */
const THREAD_LIST_LIMIT = 50;
const EXCERPT_CHARS = 280;

function formatWhen(iso: string | null | undefined, timeZone: string): string {
  const date = parseInstant(iso);
  return date ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date) : 'Unknown';
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text;
}

export function CommunityPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  return (
    <div className="admin-stack">
      <ReportedPosts access={access} announce={announce} />
      <ForumThreads access={access} announce={announce} />
      <KnowledgeBaseEditor access={access} announce={announce} />
      <GroupCallsSection access={access} announce={announce} />
      <ChallengeSection access={access} announce={announce} />
    </div>
  );
}

function ReportedPosts({ access, announce }: { access: Admin; announce(message: string): void }) {
  const writes = useMemo(() => createSupportAdminWrites(access.client), [access.client]);
  const load = useCallback(async () => {
    const reports = await writes.listOpenPostReports();
    return { reports, reporterNames: await writes.displayNames([...new Set(reports.map((row) => row.reporter_id))]) };
  }, [writes]);
  const report = useServerReport(access.blocked !== null ? null : load);
  const headingId = useId();
  const timeZone = systemTimeZone();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const open = useMemo(() => report.data?.reports ?? [], [report.data]);
  const workspace = useOpenWorkspace();
  const selfId = workspace?.target.kind === 'account' ? workspace.target.session.userId : null;
  const messageIds = useMemo(() => [...new Set(open.map((row) => row.message_id))].sort(), [open]);
  const messages = useQuery('ticket_messages', { selector: { id: { $in: messageIds } } });
  const threads = useQuery('tickets', { selector: { kind: 'forum' } });
  const messageById = useMemo(() => new Map(messages.data.map((message) => [message.id, message])), [messages.data]);
  const threadById = useMemo(() => new Map(threads.data.map((thread) => [thread.id, thread])), [threads.data]);

  async function resolve(row: PostReport, hide: boolean) {
    if (!hide && !selfId) return;
    setBusyId(row.id);
    setFailure(null);
    try {
      if (hide) await writes.setPostHidden(row.message_id, true);
      else await writes.dismissPostReport(row.id, selfId ?? '');
      announce(hide ? 'The post is hidden: partners no longer see it, and its reports are closed.' : 'Report dismissed; the post stays visible.');
      report.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <ReportHead headingId={headingId} heading="Reported posts" subject="reported posts" report={report} blocked={access.blocked} />
      <FormAlert message={failure} />
      {report.data && open.length === 0 ? <p className="card__text">No open reports. Posts partners report appear here.</p> : null}
      {open.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table admin-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col">Thread</th>
                <th scope="col">Reason</th>
                <th scope="col">Reported</th>
                <th scope="col">Decide</th>
              </tr>
            </thead>
            <tbody>
              {open.map((row) => {
                const message = messageById.get(row.message_id);
                const thread = threadById.get(row.ticket_id);
                const author = message ? partnerName(message) : 'Unknown author';
                const busy = busyId === row.id;
                const disabled = busyId !== null || access.blocked !== null;
                const what = <span className="visually-hidden"> by {author}</span>;
                return (
                  <tr key={row.id}>
                    <td>
                      <div className="admin-community-post">
                        <strong>{author}</strong>
                        <p className="admin-community-post__body">{message ? excerpt(message.body) : 'This post is not on this device yet; it arrives when sync catches up.'}</p>
                        {message?.hidden ? <span className="data-table__sub">Already hidden from partners</span> : null}
                      </div>
                    </td>
                    <td>{thread?.subject ?? 'Unknown thread'}</td>
                    <td>{row.reason || 'No reason given'}</td>
                    <td>
                      {formatWhen(row.created_at, timeZone)}
                      <span className="data-table__sub">by {report.data?.reporterNames.get(row.reporter_id) ?? `partner ${row.reporter_id.slice(0, 8)}`}</span>
                    </td>
                    <td>
                      <div className="admin-community-actions">
                        <button type="button" className="button button--small button--danger" disabled={disabled} title={access.blocked ?? undefined} onClick={() => void resolve(row, true)}>
                          {busy ? 'Saving…' : 'Hide post'}
                          {what}
                        </button>
                        <button type="button" className="button button--small" disabled={disabled} title={access.blocked ?? undefined} onClick={() => void resolve(row, false)}>
                          Dismiss report{what}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ForumThreads({ access, announce }: { access: Admin; announce(message: string): void }) {
  const writes = useMemo(() => createSupportAdminWrites(access.client), [access.client]);
  const threads = useQuery('tickets', { selector: { kind: 'forum' }, sort: [{ created_at: 'desc' }] });
  const categories = useCatalog('forum_category', { includeUnpublished: true });
  const [category, setCategory] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = useId();
  const timeZone = systemTimeZone();
  const categoryTitle = useMemo(() => new Map(categories.data.map((row) => [row.slug, row.title])), [categories.data]);

  // Pinned first, then most recent activity.
  const rows = useMemo(() => {
    const activity = (row: { last_message_at?: string | null; created_at: string }) => parseInstant(row.last_message_at ?? row.created_at)?.getTime() ?? 0;
    return threads.data
      .filter((row) => category === '' || row.category === category)
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || activity(b) - activity(a));
  }, [threads.data, category]);
  const shown = rows.slice(0, THREAD_LIST_LIMIT);

  async function flag(threadId: string, subject: string, flags: ThreadFlags, done: string, action: string) {
    setBusyId(threadId);
    setFailure(null);
    try {
      await writes.setThreadFlags(threadId, flags, action);
      announce(`“${subject}” ${done}`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId}>Forum threads</h2>
      </div>
      <div className="admin-filters">
        <FormField label="Forum category">
          <select value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">All categories</option>
            {categories.data.map((row) => (
              <option key={row.id} value={row.slug}>
                {row.title} ({TIER_LABELS[row.tier_required]} and above)
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {access.blocked ? <p className="inline-message submit-row__blocked">{access.blocked}</p> : null}
      <FormAlert message={failure} />
      {threads.loading ? <p className="card__text">Loading threads…</p> : null}
      {!threads.loading && rows.length === 0 ? <p className="card__text">No threads here yet.</p> : null}
      {rows.length > THREAD_LIST_LIMIT ? (
        <p className="card__text">
          Showing the {THREAD_LIST_LIMIT} most recently active of {plural(rows.length, 'thread')}; choose a category to narrow the list.
        </p>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table admin-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Thread</th>
                <th scope="col">Category</th>
                <th scope="col">Started by</th>
                <th scope="col">Last activity</th>
                <th scope="col">Moderate</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((thread) => {
                const disabled = busyId !== null || access.blocked !== null;
                const what = <span className="visually-hidden"> {thread.subject}</span>;
                const state = [thread.pinned ? 'Pinned' : null, thread.locked ? 'Locked' : null, thread.hidden ? 'Hidden from partners' : null].filter(Boolean).join(' · ');
                return (
                  <tr key={thread.id}>
                    <th scope="row">
                      {thread.subject}
                      <span className="data-table__sub">
                        {plural(thread.message_count, 'post')}
                        {state ? ` · ${state}` : ''}
                      </span>
                    </th>
                    <td>{categoryTitle.get(thread.category ?? '') ?? thread.category ?? 'Uncategorised'}</td>
                    <td>{partnerName(thread)}</td>
                    <td>{formatWhen(thread.last_message_at ?? thread.created_at, timeZone)}</td>
                    <td>
                      <div className="admin-actions admin-community-thread-actions">
                        <button
                          type="button"
                          className="button button--small"
                          disabled={disabled}
                          onClick={() =>
                            void flag(
                              thread.id,
                              thread.subject,
                              { locked: !thread.locked },
                              thread.locked ? 'is unlocked: partners can reply again.' : 'is locked: partners can read it but no longer reply.',
                              thread.locked ? 'unlock the thread' : 'lock the thread',
                            )
                          }
                        >
                          {thread.locked ? 'Unlock thread' : 'Lock thread'}
                          {what}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={disabled}
                          onClick={() =>
                            void flag(thread.id, thread.subject, { pinned: !thread.pinned }, thread.pinned ? 'is no longer pinned.' : 'is pinned to the top of its category.', thread.pinned ? 'unpin the thread' : 'pin the thread')
                          }
                        >
                          {thread.pinned ? 'Unpin thread' : 'Pin thread'}
                          {what}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={disabled}
                          onClick={() =>
                            void flag(
                              thread.id,
                              thread.subject,
                              { hidden: !thread.hidden },
                              thread.hidden ? 'is visible to partners again.' : 'is hidden: partners no longer see it.',
                              thread.hidden ? 'show the thread' : 'hide the thread',
                            )
                          }
                        >
                          {thread.hidden ? 'Show thread' : 'Hide thread'}
                          {what}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
