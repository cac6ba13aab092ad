/**
 * Realtime's grouped visibility check: a burst of one table's changes is read once per subscriber
 * (one transaction, one query, RLS deciding) and each visible row still goes out alone, in commit
 * order. Absence is proven by order: a later change's arrival means an earlier one would have.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import type { DbEngine } from '../../sync/server/db/engine';
import type { ChangeNotification } from '../../sync/server/realtime/change-capture';
import { createChangeDispatcher } from '../../sync/server/realtime/change-dispatcher';
import type { ChangeBinding, ChannelSubscription } from '../../sync/server/realtime/channel-subscription';
import { startTestBackend, type AccountKey, type TestBackend } from './backend-realtime-storage-server';

type LeadRow = { id: string; partner_id: string; company: string };
type Change = RealtimePostgresChangesPayload<LeadRow>;

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(async () => {
  await backend?.close();
});

/** Inserts the leads in ONE statement as the owner (RLS bypassed), in the given order. */
async function insertLeadsTogether(leads: Array<{ owner: AccountKey; company: string }>): Promise<string[]> {
  const ids = leads.map(() => randomUUID());
  const params: unknown[] = [];
  const values = leads.map((lead, index) => {
    params.push(ids[index], backend.account(lead.owner).id, lead.company);
    return `($${params.length - 2}, $${params.length - 1}, $${params.length})`;
  });
  await backend.engine.query(`insert into "public"."leads" ("id", "partner_id", "company") values ${values.join(', ')}`, params);
  return ids;
}

describe('realtime delivers a multi-row statement by RLS', () => {
  it('gives each partner exactly their own rows of a mixed insert, in commit order', async () => {
    const client = await backend.clientFor('starter');
    const received: Change[] = [];
    const arrivals: Array<() => void> = [];
    const channel: RealtimeChannel = client.channel(`batch-${randomUUID()}`).on<LeadRow>(
      'postgres_changes',
      { event: '*', schema: 'public', table: 'leads' },
      (change) => {
        received.push(change);
        for (const arrived of arrivals.splice(0)) arrived();
      },
    );
    await new Promise<void>((resolve, reject) =>
      channel.subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve();
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(error ?? new Error(status));
      }),
    );

    const ids = await insertLeadsTogether([
      { owner: 'starter', company: 'Starter One' },
      { owner: 'active', company: 'Active One' },
      { owner: 'active', company: 'Active Two' },
      { owner: 'starter', company: 'Starter Two' },
      { owner: 'active', company: 'Active Three' },
      { owner: 'starter', company: 'Starter Three' },
    ]);
    const [barrier] = await insertLeadsTogether([{ owner: 'starter', company: 'Starter Barrier' }]);
    while (!received.some((change) => 'id' in change.new && change.new.id === barrier)) await new Promise<void>((resolve) => arrivals.push(resolve));

    const starterId = backend.account('starter').id;
    expect(received.map((change) => change.eventType)).toEqual(['INSERT', 'INSERT', 'INSERT', 'INSERT']);
    expect(received.map((change) => change.new)).toEqual([
      expect.objectContaining({ id: ids[0], company: 'Starter One', partner_id: starterId }),
      expect.objectContaining({ id: ids[3], company: 'Starter Two', partner_id: starterId }),
      expect.objectContaining({ id: ids[5], company: 'Starter Three', partner_id: starterId }),
      expect.objectContaining({ id: barrier, company: 'Starter Barrier', partner_id: starterId }),
    ]);
  });
});

describe('the change dispatcher', () => {
  interface Pushed {
    ids: number[];
    type: string;
    id: unknown;
    company: unknown;
  }

  /** The backend's engine, counting the transactions the dispatcher opens. */
  function countingEngine(): { engine: DbEngine; transactions: () => number } {
    const inner = backend.engine;
    let transactions = 0;
    const engine: DbEngine = {
      kind: inner.kind,
      query: (sql, params) => inner.query(sql, params),
      transaction: (fn) => {
        transactions += 1;
        return inner.transaction(fn);
      },
      exec: (script) => inner.exec(script),
      listen: (channel, onPayload) => inner.listen(channel, onPayload),
      close: () => inner.close(),
    };
    return { engine, transactions: () => transactions };
  }

  function subscriber(key: AccountKey, bindings: ChangeBinding[]): { subscription: ChannelSubscription; pushed: Pushed[] } {
    const user = backend.account(key);
    const pushed: Pushed[] = [];
    const subscription: ChannelSubscription = {
      topic: `realtime:${key}`,
      claims: { sub: user.id, role: 'authenticated', email: user.email, app_metadata: { role: user.role } },
      bindings,
      push(_event, payload) {
        const data = payload.data as { type: string; record?: { id: unknown; company: unknown }; old_record?: { id: unknown } };
        pushed.push({ ids: payload.ids as number[], type: data.type, id: data.record?.id ?? data.old_record?.id, company: data.record?.company });
      },
      expire() {
        throw new Error('the test token does not expire');
      },
    };
    return { subscription, pushed };
  }

  const change = (type: ChangeNotification['type'], id: string): ChangeNotification => ({
    schema: 'public',
    table: 'leads',
    type,
    id,
    commit_timestamp: new Date().toISOString(),
  });

  it('checks a burst of one table’s changes in one transaction per subscriber and pushes the visible rows in order', async () => {
    const ids = await insertLeadsTogether([
      { owner: 'active', company: 'Hidden One' },
      { owner: 'starter', company: 'Seen One' },
      { owner: 'starter', company: 'Seen Two' },
      { owner: 'active', company: 'Hidden Two' },
      { owner: 'starter', company: 'Seen Three' },
    ]);
    const { engine, transactions } = countingEngine();
    const starter = subscriber('starter', [{ id: 1, event: '*', schema: 'public', table: 'leads' }]);
    const dispatcher = createChangeDispatcher(engine, () => [starter.subscription]);

    for (const id of ids) dispatcher.enqueue(change('INSERT', id));
    await dispatcher.drain();
    await dispatcher.stop();

    expect(starter.pushed).toEqual([
      { ids: [1], type: 'INSERT', id: ids[1], company: 'Seen One' },
      { ids: [1], type: 'INSERT', id: ids[2], company: 'Seen Two' },
      { ids: [1], type: 'INSERT', id: ids[4], company: 'Seen Three' },
    ]);
    expect(transactions()).toBe(1);
  });

  it('keeps commit order across a delete and names only the bindings each row matches', async () => {
    const [first, second] = await insertLeadsTogether([
      { owner: 'starter', company: 'Filtered In' },
      { owner: 'starter', company: 'Not Filtered' },
    ]);
    const gone = randomUUID();
    const starter = subscriber('starter', [
      { id: 1, event: '*', schema: 'public', table: 'leads' },
      { id: 2, event: 'INSERT', schema: 'public', table: 'leads', filter: { column: 'company', operator: 'eq', values: ['Filtered In'] } },
    ]);
    const dispatcher = createChangeDispatcher(backend.engine, () => [starter.subscription]);

    dispatcher.enqueue(change('INSERT', first as string));
    dispatcher.enqueue(change('DELETE', gone));
    dispatcher.enqueue(change('INSERT', second as string));
    dispatcher.enqueue(change('UPDATE', first as string));
    await dispatcher.drain();
    await dispatcher.stop();

    expect(starter.pushed).toEqual([
      { ids: [1, 2], type: 'INSERT', id: first, company: 'Filtered In' },
      { ids: [1], type: 'DELETE', id: gone, company: undefined },
      { ids: [1], type: 'INSERT', id: second, company: 'Not Filtered' },
      { ids: [1], type: 'UPDATE', id: first, company: 'Filtered In' },
    ]);
  });

  it('still delivers the changes a failing binding does not apply to, as the per-row check did', async () => {
    const [lead] = await insertLeadsTogether([{ owner: 'starter', company: 'Updated Later' }]);
    const starter = subscriber('starter', [
      // A value the column's type rejects: evaluating this binding fails in Postgres.
      { id: 1, event: 'INSERT', schema: 'public', table: 'leads', filter: { column: 'estimated_value', operator: 'eq', values: ['not a number'] } },
      { id: 2, event: 'UPDATE', schema: 'public', table: 'leads' },
    ]);
    const dispatcher = createChangeDispatcher(backend.engine, () => [starter.subscription]);

    dispatcher.enqueue(change('INSERT', lead as string));
    dispatcher.enqueue(change('UPDATE', lead as string));
    await dispatcher.drain();
    await dispatcher.stop();

    expect(starter.pushed).toEqual([{ ids: [2], type: 'UPDATE', id: lead, company: 'Updated Later' }]);
  });
});
