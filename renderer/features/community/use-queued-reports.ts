/**
 * Reports made offline: the one sender, mounted by the shell so they go out whichever screen is
 * open (when an account workspace opens, when a report is queued, and when the network returns),
 * and the notice the community screens show of what its last round did. Reports are RPCs, not
 * synced rows, so nothing else sends them.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useDatabase } from '../../data/DatabaseProvider';
import { useOpenWorkspace } from '../../session';
import { useOnlineStatus } from '../../platform/online-status';
import { errorMessage } from '../../ui/error-message';
import { plural } from '../../ui/format';
import { lastQueuedReportRound, observeQueuedReports, onQueuedReportRoundEnded, sendQueuedReports, type QueuedReportRound } from './community-writes';

export function useQueuedReportSender(): void {
  const db = useDatabase();
  const workspace = useOpenWorkspace();
  const partnerId = workspace?.partnerId ?? null;
  const client = workspace?.sync?.client ?? null;
  const online = useOnlineStatus();
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    if (!db || !partnerId) return undefined;
    const subscription = observeQueuedReports(db, partnerId).subscribe({ next: (reports) => setWaiting(reports.length), error: () => setWaiting(0) });
    return () => subscription.unsubscribe();
  }, [db, partnerId]);

  useEffect(() => {
    if (!online || !db || !client || !partnerId || waiting === 0) return;
    // The round's outcome is kept for the community screens; a failed round is tried again on the next change.
    sendQueuedReports(db, client, partnerId).catch(() => undefined);
  }, [online, db, client, partnerId, waiting]);
}

/** Mounts the sender; renders nothing (the shell loads it lazily with the community code). */
export function QueuedCommunityReports(): null {
  useQueuedReportSender();
  return null;
}

function noticeOf(round: QueuedReportRound | null): string | null {
  if (!round) return null;
  if (!round.ok) return `Reports you made offline could not be sent yet: ${errorMessage(round.error)} They stay on this device.`;
  const { sent, refused } = round.outcome;
  const parts: string[] = [];
  if (sent > 0) parts.push(`${plural(sent, 'report')} you made offline ${sent === 1 ? 'was' : 'were'} sent to the SISO team.`);
  parts.push(...refused);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** What the last sending round of this session did with reports made offline, as sentences; null when there is nothing to say. */
export function useQueuedReportNotice(partnerId: string | null): string | null {
  const round = useSyncExternalStore(onQueuedReportRoundEnded, () => (partnerId ? lastQueuedReportRound(partnerId) : null));
  return noticeOf(round);
}
