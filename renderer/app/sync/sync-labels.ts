/**
 * Words for the sync state: the indicator's accessible name (which is also its visible text), the
 * per-collection status, and collection names. Pure, so unit tests pin them down.
 */
import type { CollectionName } from '../../../sync/schema/collections';
import type { CollectionSyncStatus, OverallSyncState } from '../../../sync/replication/sync-state';
import type { SessionStatus } from '../../../sync/replication/session';
import { plural } from '../../ui/format';

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  profiles: 'Profile',
  leads: 'Leads',
  activities: 'Lead activity',
  referral_links: 'Referral links',
  tickets: 'Support tickets',
  ticket_messages: 'Ticket messages',
  training_progress: 'Training progress',
  notifications: 'Notifications',
  partner_status: 'Partner status',
  catalog: 'Catalogue',
  earnings: 'Earnings',
  link_clicks: 'Link clicks',
  payouts: 'Withdrawals',
};

export const STATUS_LABELS: Record<CollectionSyncStatus, string> = {
  'up-to-date': 'Up to date',
  syncing: 'Syncing',
  offline: 'Offline',
  problem: 'Needs attention',
  paused: 'Paused',
};

export function formatSyncTime(iso: string | null, now: Date, locale?: string): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (at.toDateString() === now.toDateString()) return time;
  return `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at)} ${time}`;
}

export interface SyncSummaryInput {
  /** null while sync is still starting (waiting for this window to become the syncing one). */
  state: OverallSyncState | null;
  session: SessionStatus;
  /** navigator.onLine: tells "offline" from "can't reach the server". */
  online: boolean;
  startError: string | null;
  now: Date;
  locale?: string;
}

export type SyncTone = 'ok' | 'busy' | 'offline' | 'problem' | 'paused';

/** The sentence after "Sync: ", e.g. "offline, 3 changes waiting". */
export function describeSync(input: SyncSummaryInput): { text: string; tone: SyncTone } {
  const { state } = input;
  const waiting = state && state.pendingCount > 0 ? `, ${plural(state.pendingCount, 'change')} waiting` : '';
  const problems = state && state.problemCount > 0 ? `, ${plural(state.problemCount, 'problem')}` : '';
  if (input.startError) return { text: 'not running, open for details', tone: 'problem' };
  if (input.session !== 'signed-in') return { text: `paused, sign in again${waiting}${problems}`, tone: 'paused' };
  if (!state) return { text: 'starting', tone: 'busy' };
  if (state.status === 'paused') return { text: `paused${waiting}${problems}`, tone: 'paused' };
  if (state.status === 'offline') {
    return { text: `${input.online ? "can't reach the server" : 'offline'}${waiting}${problems}`, tone: 'offline' };
  }
  if (state.problemCount > 0) return { text: `${plural(state.problemCount, 'problem')}${waiting}`, tone: 'problem' };
  if (state.status === 'up-to-date') {
    const at = formatSyncTime(state.lastSyncedAt, input.now, input.locale);
    return { text: at ? `up to date, last synced ${at}` : 'up to date', tone: 'ok' };
  }
  const { firstSync } = state;
  if (!firstSync.done && firstSync.total !== undefined && firstSync.total > 0) {
    return { text: `downloading, ${Math.min(firstSync.pulled, firstSync.total)} of ${firstSync.total} records${waiting}`, tone: 'busy' };
  }
  return { text: `syncing${waiting}`, tone: 'busy' };
}
