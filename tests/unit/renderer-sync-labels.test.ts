/** The sync indicator's words: what each state is called, with waiting changes and problems counted. */
import { describe, expect, it } from 'vitest';
import { describeSync, formatSyncTime, type SyncSummaryInput } from '../../renderer/app/sync/sync-labels';
import type { OverallSyncState } from '../../sync/replication/sync-state';

const NOW = new Date(2026, 2, 10, 12, 30);

function state(patch: Partial<OverallSyncState> = {}): OverallSyncState {
  return {
    status: 'up-to-date',
    pendingCount: 0,
    problemCount: 0,
    lastSyncedAt: new Date(2026, 2, 10, 12, 4).toISOString(),
    firstSync: { done: true, pulled: 10, total: 10 },
    collections: {},
    ...patch,
  };
}

const describeWith = (patch: Partial<SyncSummaryInput>) =>
  describeSync({ state: state(), session: 'signed-in', online: true, startError: null, now: NOW, locale: 'en-GB', ...patch }).text;

describe('sync indicator labels', () => {
  it('says up to date with the last sync time', () => {
    expect(describeWith({})).toBe('up to date, last synced 12:04');
    expect(describeWith({ state: state({ lastSyncedAt: null }) })).toBe('up to date');
  });

  it('counts waiting changes offline, and tells offline from an unreachable server', () => {
    expect(describeWith({ state: state({ status: 'offline', pendingCount: 3 }), online: false })).toBe('offline, 3 changes waiting');
    expect(describeWith({ state: state({ status: 'offline', pendingCount: 1 }), online: false })).toBe('offline, 1 change waiting');
    expect(describeWith({ state: state({ status: 'offline' }), online: true })).toBe("can't reach the server");
  });

  it('puts problems first when online, and still mentions them offline', () => {
    expect(describeWith({ state: state({ status: 'problem', problemCount: 2 }) })).toBe('2 problems');
    expect(describeWith({ state: state({ status: 'offline', problemCount: 1, pendingCount: 2 }), online: false })).toBe(
      'offline, 2 changes waiting, 1 problem',
    );
  });

  it('reports syncing, first-sync progress, starting, a paused session and a failed start', () => {
    expect(describeWith({ state: state({ status: 'syncing', pendingCount: 2 }) })).toBe('syncing, 2 changes waiting');
    expect(describeWith({ state: state({ status: 'syncing', firstSync: { done: false, pulled: 40, total: 120 } }) })).toBe(
      'downloading, 40 of 120 records',
    );
    expect(describeWith({ state: null })).toBe('starting');
    expect(describeWith({ session: 'expired', state: state({ status: 'paused', pendingCount: 4 }) })).toBe('paused, sign in again, 4 changes waiting');
    expect(describeWith({ startError: 'Sync could not start.' })).toBe('not running, open for details');
  });

  it('formats a sync time from another day with its date', () => {
    expect(formatSyncTime(new Date(2026, 2, 9, 18, 5).toISOString(), NOW, 'en-GB')).toBe('9 Mar 18:05');
    expect(formatSyncTime(null, NOW)).toBeNull();
  });
});
