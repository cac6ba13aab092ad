/**
 * Sends reports made offline once the community is open with a connection, and says what happened.
 * Reports are RPCs, not synced rows, so nothing else sends them.
 */
import { useEffect, useRef, useState } from 'react';
import { useOnlineStatus } from '../../platform/online-status';
import { errorMessage } from '../../ui/error-message';
import { plural } from '../../ui/format';
import { sendQueuedReports } from './community-writes';
import type { CommunityData } from './use-community-data';

export function useQueuedReportSender(data: Pick<CommunityData, 'db' | 'client' | 'partnerId' | 'queuedReports'>): string | null {
  const online = useOnlineStatus();
  const [notice, setNotice] = useState<string | null>(null);
  const sending = useRef(false);
  const { db, client, partnerId } = data;
  const waiting = data.queuedReports.length;

  useEffect(() => {
    if (!online || !db || !client || !partnerId || waiting === 0 || sending.current) return;
    sending.current = true;
    sendQueuedReports(db, client, partnerId)
      .then((outcome) => {
        const parts: string[] = [];
        if (outcome.sent > 0) parts.push(`${plural(outcome.sent, 'report')} you made offline ${outcome.sent === 1 ? 'was' : 'were'} sent to the SISO team.`);
        parts.push(...outcome.refused);
        setNotice(parts.length > 0 ? parts.join(' ') : null);
      })
      .catch((error: unknown) => setNotice(`Reports you made offline could not be sent yet: ${errorMessage(error)} They stay on this device.`))
      .finally(() => {
        sending.current = false;
      });
  }, [online, db, client, partnerId, waiting]);

  return notice;
}
