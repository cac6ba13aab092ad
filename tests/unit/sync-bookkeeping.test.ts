import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '../../sync/replication/key-value-store';
import { classifyPushError, openSyncProblemStore } from '../../sync/replication/sync-problems';
import { aggregateSyncState, collectionStatus, openPendingLedger, type CollectionSyncInputs } from '../../sync/replication/sync-state';
import { describeSignInError } from '../../sync/replication/session';

describe('classifyPushError', () => {
  it.each([
    [{ code: '42501', message: 'new row violates row-level security policy for table "leads"', details: null, hint: null }, 'refused'],
    [{ code: '23514', message: 'new row for relation "leads" violates check constraint', details: null, hint: null }, 'refused'],
    [{ code: '22P02', message: 'invalid input syntax for type uuid', details: null, hint: null }, 'refused'],
    [{ code: 'P0001', message: 'A partner can only mark a notification as read.', details: null, hint: null }, 'refused'],
    [{ code: 'PGRST204', message: "Could not find the 'x' column", details: null, hint: null }, 'refused'],
    [{ code: '', message: 'Not allowed', details: null, hint: null, status: 403 }, 'refused'],
    [{ code: '23505', message: 'duplicate key', details: null, hint: null }, 'transient'],
    [{ code: 'PGRST303', message: 'JWT expired', details: null, hint: null }, 'transient'],
    [{ code: '', message: 'TypeError: fetch failed', details: 'ECONNREFUSED', hint: '' }, 'transient'],
    [{ code: 'internal_error', message: 'The local backend failed', details: null, hint: null, status: 500 }, 'transient'],
    [{ code: '', message: 'Unauthorized', details: null, hint: null, status: 401 }, 'transient'],
    [new TypeError('fetch failed'), 'transient'],
    [new Error('doc not found x'), 'transient'],
  ])('%j is %s', (error, kind) => {
    expect(classifyPushError(error).kind).toBe(kind);
  });

  it('keeps the server\'s own words as the reason, with details when they add something', () => {
    expect(classifyPushError({ code: '23514', message: 'violates check constraint "leads_currency_check"', details: 'Failing row contains (…)' })).toEqual({
      kind: 'refused',
      code: '23514',
      reason: 'violates check constraint "leads_currency_check" (Failing row contains (…))',
    });
  });
});

describe('sync problem store', () => {
  it('records one problem per document, keeps the first base on a second refusal, and survives a reopen', async () => {
    const store = createMemoryKeyValueStore();
    const problems = await openSyncProblemStore({ store, key: 'p' });
    const first = await problems.record({
      collection: 'leads', docId: 'a', operation: 'update', reason: 'r1', code: '23514', localDoc: { id: 'a', v: 1 }, assumedMasterState: { id: 'a', v: 0 },
    });
    await problems.record({ collection: 'leads', docId: 'a', operation: 'update', reason: 'r2', code: '23514', localDoc: { id: 'a', v: 2 }, assumedMasterState: { id: 'a', v: 1 } });
    expect(problems.list()).toHaveLength(1);
    expect(problems.find('leads', 'a')).toMatchObject({ id: first.id, reason: 'r2', localDoc: { v: 2 }, assumedMasterState: { v: 0 } });

    await problems.markDiscardedInsert('leads', 'b');
    const reopened = await openSyncProblemStore({ store, key: 'p' });
    expect(reopened.get(first.id)?.reason).toBe('r2');
    expect(await reopened.takeDiscardedInsert('leads', 'b')).toBe(true);
    expect(await reopened.takeDiscardedInsert('leads', 'b')).toBe(false);
    await reopened.resolve(first.id);
    expect(reopened.list()).toEqual([]);
  });

  it('starts empty from corrupt stored JSON instead of failing', async () => {
    const store = createMemoryKeyValueStore(new Map([['p', '{"problems": 5']]));
    const problems = await openSyncProblemStore({ store, key: 'p' });
    expect(problems.list()).toEqual([]);
  });
});

describe('pending ledger', () => {
  it('counts distinct documents per collection and persists them across a reopen', async () => {
    const store = createMemoryKeyValueStore();
    const pending = await openPendingLedger({ store, key: 'q' });
    pending.add('leads', ['a', 'b', 'a']);
    pending.add('activities', ['x']);
    pending.remove('leads', 'b');
    pending.setLastSyncedAt('leads', '2026-03-01T10:00:00.000Z');
    await pending.flush();
    const reopened = await openPendingLedger({ store, key: 'q' });
    expect(reopened.ids('leads')).toEqual(['a']);
    expect(reopened.count('activities')).toBe(1);
    expect(reopened.lastSyncedAt('leads')).toBe('2026-03-01T10:00:00.000Z');
  });
});

describe('sync state aggregation', () => {
  const idle: CollectionSyncInputs = { active: false, pendingCount: 0, problemCount: 0, lastSyncedAt: '2026-03-01T10:00:00.000Z', pulledCount: 3, firstSyncDone: true, total: 3 };

  it('reads each collection: paused beats offline beats problem beats syncing', () => {
    expect(collectionStatus(idle, true, true)).toBe('up-to-date');
    expect(collectionStatus({ ...idle, pendingCount: 1 }, true, true)).toBe('syncing');
    expect(collectionStatus({ ...idle, firstSyncDone: false }, true, true)).toBe('syncing');
    expect(collectionStatus({ ...idle, problemCount: 1, pendingCount: 1 }, true, true)).toBe('problem');
    expect(collectionStatus({ ...idle, error: "Can't reach the server; retrying." }, true, true)).toBe('offline');
    expect(collectionStatus({ ...idle, problemCount: 1 }, false, true)).toBe('offline');
    expect(collectionStatus({ ...idle, problemCount: 1 }, false, false)).toBe('paused');
  });

  it('sums counts, takes the worst status and the oldest last sync', () => {
    const state = aggregateSyncState({
      online: true,
      authorized: true,
      collections: {
        leads: { ...idle, pendingCount: 2, active: true, lastSyncedAt: '2026-03-01T09:00:00.000Z' },
        activities: { ...idle, problemCount: 1, pulledCount: 4, total: 4 },
        catalog: { ...idle },
      },
    });
    expect(state).toMatchObject({
      status: 'problem',
      pendingCount: 2,
      problemCount: 1,
      lastSyncedAt: '2026-03-01T09:00:00.000Z',
      firstSync: { done: true, pulled: 10, total: 10 },
    });
    expect(state.collections.leads?.status).toBe('syncing');
  });

  it('has no last sync or total while any collection lacks one', () => {
    const state = aggregateSyncState({
      online: true,
      authorized: true,
      collections: { leads: { ...idle, lastSyncedAt: null, firstSyncDone: false, total: undefined }, activities: idle },
    });
    expect(state.lastSyncedAt).toBeNull();
    expect(state.firstSync).toEqual({ done: false, pulled: 6 });
  });
});

describe('sign-in errors', () => {
  it('says what happened and what to do', () => {
    expect(describeSignInError({ name: 'AuthApiError', message: 'Invalid login credentials', code: 'invalid_credentials', status: 400 }, 'http://x').code).toBe('invalid_credentials');
    expect(describeSignInError(new TypeError('fetch failed'), 'http://127.0.0.1:54321').message).toBe(
      "Can't reach http://127.0.0.1:54321. Check your connection or the server address.",
    );
    expect(describeSignInError({ message: 'upstream', status: 503 }, 'http://x').code).toBe('unreachable');
  });
});
