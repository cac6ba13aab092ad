/**
 * Everything the community screens read, live from the local store: forum categories, threads and
 * posts (RLS sends only what the partner's tier reaches), the partner's standing, the month's
 * leaderboard and challenge, the partner directory, reports waiting for the connection, and the
 * forum writes the server refused.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { createLiveQueryStore } from '../../data/live-query';
import { useQuery } from '../../data/use-query';
import { useCatalog, usePartnerStatus } from '../../data/workstation-hooks';
import { useOpenWorkspace } from '../../session';
import type { WorkspaceSyncSnapshot } from '../../session/sync/workspace-sync';
import { useNow } from '../../ui/use-now';
import { utcMonthKey, type ForumCategoryInput, type QueuedReport } from '../../../sync/domain/community';
import type { SyncProblem } from '../../../sync/replication/sync-problems';
import {
  challengeBodySchema,
  communityLeaderboardBodySchema,
  communityStandingSchema,
  forumCategoryBodySchema,
  partnerDirectoryBodySchema,
  type ChallengeBody,
  type CommunityLeaderboardBody,
  type CommunityStanding,
  type PartnerDirectoryBody,
} from '../../../sync/schema/community-bodies';
import { observeQueuedReports } from './community-writes';

export interface ForumCategory extends ForumCategoryInput {
  id: string;
  description: string;
}

export interface Challenge extends ChallengeBody {
  id: string;
  title: string;
}

const NO_REPORTS: QueuedReport[] = [];
const NO_PROBLEMS: readonly SyncProblem[] = [];
const NEVER = () => () => undefined;

/** The forum writes (threads and posts) the server refused, kept in the sync problem store. */
function useForumProblems(): readonly SyncProblem[] {
  const sync = useOpenWorkspace()?.sync ?? null;
  const problems = useSyncExternalStore(
    sync ? (onChange) => sync.store.subscribe(onChange) : NEVER,
    () => (sync ? (sync.store.getState() satisfies WorkspaceSyncSnapshot).problems : NO_PROBLEMS),
  );
  return useMemo(() => problems.filter((problem) => problem.collection === 'tickets' || problem.collection === 'ticket_messages'), [problems]);
}

function challengeFor(rows: readonly { id: string; title: string; body: unknown }[], month: string): Challenge | null {
  for (const row of rows) {
    const body = challengeBodySchema.safeParse(row.body);
    if (body.success && body.data.month === month) return { id: row.id, title: row.title, ...body.data };
  }
  return null;
}

export function useCommunityData() {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const categoryRows = useCatalog('forum_category');
  const challengeRows = useCatalog('challenge');
  const leaderboardRows = useCatalog('community_leaderboard');
  const directoryRows = useCatalog('partner_directory');
  const threadRows = useQuery('tickets', { selector: { kind: 'forum' }, sort: [{ created_at: 'desc' }] });
  const ownPosts = useQuery('ticket_messages', { selector: { partner_id: partnerId ?? '' } });
  const profiles = useQuery('profiles', { limit: 1 });
  const status = usePartnerStatus();
  const problems = useForumProblems();
  const now = useNow(60_000);
  const month = utcMonthKey(now);

  const reportStore = useMemo(() => createLiveQueryStore(db && partnerId ? observeQueuedReports(db, partnerId) : null, NO_REPORTS), [db, partnerId]);
  const queuedReports = useSyncExternalStore(reportStore.subscribe, reportStore.getSnapshot).data;

  const categories = useMemo<ForumCategory[]>(
    () =>
      categoryRows.data.flatMap((row) => {
        const body = forumCategoryBodySchema.safeParse(row.body);
        return body.success
          ? [{ id: row.id, slug: row.slug, title: row.title, tier_required: row.tier_required, sort_order: row.sort_order, posting: body.data.posting, description: body.data.description }]
          : [];
      }),
    [categoryRows.data],
  );
  const challenge = useMemo(() => challengeFor(challengeRows.data, month), [challengeRows.data, month]);
  const leaderboard = useMemo<CommunityLeaderboardBody | null>(() => {
    const row = leaderboardRows.data.find((candidate) => candidate.slug === `top-contributors-${month}`);
    const body = row ? communityLeaderboardBodySchema.safeParse(row.body) : null;
    return body?.success ? body.data : null;
  }, [leaderboardRows.data, month]);
  const directory = useMemo<PartnerDirectoryBody | null>(() => {
    const row = directoryRows.data.find((candidate) => candidate.slug === 'directory') ?? directoryRows.data[0];
    const body = row ? partnerDirectoryBodySchema.safeParse(row.body) : null;
    return body?.success ? body.data : null;
  }, [directoryRows.data]);
  const standing = useMemo<CommunityStanding | null>(() => {
    const parsed = communityStandingSchema.safeParse(status.data?.metrics.community);
    return parsed.success ? parsed.data : null;
  }, [status.data]);

  const sources = [categoryRows, challengeRows, leaderboardRows, directoryRows, threadRows, ownPosts, profiles, status];
  return {
    db,
    partnerId,
    client: workspace?.sync?.client ?? null,
    sync: workspace?.sync ?? null,
    loading: sources.some((source) => source.loading),
    error: sources.find((source) => source.error)?.error ?? null,
    tier: status.data?.tier ?? null,
    profile: profiles.data[0] ?? null,
    categories,
    threads: threadRows.data,
    ownPosts: ownPosts.data,
    challenge,
    leaderboard,
    directory,
    standing,
    month,
    queuedReports,
    problems,
    now,
  };
}

export type CommunityData = ReturnType<typeof useCommunityData>;

/** One thread's posts, oldest first. */
export function useThreadPosts(threadId: string) {
  return useQuery('ticket_messages', { selector: { ticket_id: threadId }, sort: [{ created_at: 'asc' }] });
}
