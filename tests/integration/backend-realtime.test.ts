/**
 * Realtime postgres_changes through the real supabase-js client: RLS decides who hears about a
 * row, filters narrow it, leaving stops it, bad tokens are refused, bad frames are survived.
 * Absence is proven by order, never by waiting: changes reach a subscriber in commit order, so
 * once a later change has arrived, an earlier one that was going to arrive already has.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RealtimeChannel, type RealtimePostgresChangesPayload, type SupabaseClient } from '@supabase/supabase-js';
import { seedPassword } from '../../sync/server/db/seed-accounts';
import WebSocket from 'ws';
import { startTestBackend, type AccountKey, type TestBackend } from './backend-realtime-storage-server';
import { startPostgresCluster, type StartedCluster } from '../fixtures/postgres-cluster';

type LeadRow = { id: string; partner_id: string; company: string; stage: string };
type Change = RealtimePostgresChangesPayload<LeadRow>;

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(async () => {
  await backend?.close();
});

async function insertLead(key: AccountKey, company: string): Promise<string> {
  const id = randomUUID();
  await backend.asUser(key, (query) => query(`insert into "public"."leads" ("id", "company") values ($1, $2)`, [id, company]));
  return id;
}

/** Resolves once the channel is subscribed; rejects with the channel error otherwise. */
function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve(channel);
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(error ?? new Error(status));
    });
  });
}

interface Listener {
  changes: Change[];
  channel: RealtimeChannel;
  /** Waits until a change matching the predicate has arrived and returns it. */
  until(predicate: (change: Change) => boolean): Promise<Change>;
  /** Waits until a change for the lead id has arrived and returns it. */
  next(leadId: string): Promise<Change>;
}

async function listen(client: SupabaseClient, options: { filter?: string; event?: '*' | 'INSERT' | 'UPDATE' } = {}): Promise<Listener> {
  const changes: Change[] = [];
  const waiters: Array<{ predicate: (change: Change) => boolean; resolve: (change: Change) => void }> = [];
  const channel = client.channel(`leads-${randomUUID()}`).on<LeadRow>(
    'postgres_changes',
    { event: options.event ?? '*', schema: 'public', table: 'leads', ...(options.filter ? { filter: options.filter } : {}) },
    (change) => {
      changes.push(change);
      for (const waiter of waiters.filter((w) => w.predicate(change))) waiter.resolve(change);
    },
  );
  await subscribed(channel);
  const until = (predicate: (change: Change) => boolean): Promise<Change> => {
    const seen = changes.find(predicate);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ predicate, resolve }));
  };
  return { changes, channel, until, next: (leadId) => until((change) => idOf(change) === leadId) };
}

function idOf(change: Change): string | undefined {
  return 'id' in change.new ? change.new.id : 'id' in change.old ? change.old.id : undefined;
}

function leadIds(listener: Listener): string[] {
  return listener.changes.map((change) => idOf(change) ?? '');
}

describe('realtime postgres_changes', () => {
  it('delivers a partner their own lead inserts and updates, never another partner’s; admins see both', async () => {
    const starter = await listen(await backend.clientFor('starter'));
    const admin = await listen(await backend.clientFor('admin'));

    const othersLead = await insertLead('active', 'Other Partner Ltd');
    const ownLead = await insertLead('starter', 'Own Lead Ltd');

    const inserted = await starter.next(ownLead);
    expect(inserted.eventType).toBe('INSERT');
    expect(inserted.new).toMatchObject({ id: ownLead, company: 'Own Lead Ltd', partner_id: backend.account('starter').id, stage: 'new' });
    expect(leadIds(starter)).not.toContain(othersLead);

    await admin.next(othersLead);
    await admin.next(ownLead);
    expect(leadIds(admin).indexOf(othersLead)).toBeLessThan(leadIds(admin).indexOf(ownLead));

    await backend.asUser('starter', (query) => query(`update "public"."leads" set "stage" = 'contacted' where "id" = $1`, [ownLead]));
    const update = await starter.until((change) => change.eventType === 'UPDATE');
    expect(update.new).toMatchObject({ id: ownLead, stage: 'contacted' });
    expect(update.old).toMatchObject({ id: ownLead });
  });

  it('applies a partner_id=eq filter', async () => {
    const adminClient = await backend.clientFor('admin');
    const activeId = backend.account('active').id;
    const filtered = await listen(adminClient, { filter: `partner_id=eq.${activeId}` });

    const starterLead = await insertLead('starter', 'Filtered Out Ltd');
    const activeLead = await insertLead('active', 'Filtered In Ltd');

    const change = await filtered.next(activeLead);
    expect(change.new).toMatchObject({ partner_id: activeId, company: 'Filtered In Ltd' });
    expect(leadIds(filtered)).not.toContain(starterLead);
  });

  it('applies an in filter and an event filter', async () => {
    const adminClient = await backend.clientFor('admin');
    const { id: starterId } = backend.account('starter');
    const { id: eliteId } = backend.account('elite');
    const inserts = await listen(adminClient, { filter: `partner_id=in.(${starterId},${eliteId})`, event: 'INSERT' });

    const activeLead = await insertLead('active', 'Not In List Ltd');
    const starterLead = await insertLead('starter', 'In List Ltd');
    await backend.asUser('starter', (query) => query(`update "public"."leads" set "stage" = 'qualified' where "id" = $1`, [starterLead]));
    const eliteLead = await insertLead('elite', 'Also In List Ltd');

    await inserts.next(eliteLead);
    expect(leadIds(inserts)).toEqual([starterLead, eliteLead]);
    expect(inserts.changes.every((change) => change.eventType === 'INSERT')).toBe(true);
    expect(leadIds(inserts)).not.toContain(activeLead);
  });

  it('stops delivering after removeChannel', async () => {
    const client = await backend.clientFor('starter');
    const removed = await listen(client);
    const barrier = await listen(client);

    const before = await insertLead('starter', 'Before Removal Ltd');
    await removed.next(before);
    expect(await client.removeChannel(removed.channel)).toBe('ok');

    const after = await insertLead('starter', 'After Removal Ltd');
    await barrier.next(after);
    expect(leadIds(removed)).toEqual([before]);
  });

  it('refuses to join with an invalid or expired token', async () => {
    const forged = await backend.clientFor('starter', 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYXV0aGVudGljYXRlZCJ9.bad-signature');
    const refusedForged = subscribed(forged.channel('forged').on('postgres_changes', { event: '*', schema: 'public', table: 'leads' }, () => undefined));
    await expect(refusedForged).rejects.toThrow(/invalid token/i);

    const expiredToken = await backend.tokenFor('starter', -60);
    const expired = await backend.clientFor('starter', expiredToken);
    const refusedExpired = subscribed(expired.channel('expired').on('postgres_changes', { event: '*', schema: 'public', table: 'leads' }, () => undefined));
    await expect(refusedExpired).rejects.toThrow(/expired/i);
  });

  it('refuses a subscription to an unknown table or with an unsupported filter', async () => {
    const client = await backend.clientFor('starter');
    await expect(
      subscribed(client.channel('bad-table').on('postgres_changes', { event: '*', schema: 'public', table: 'no_such_table' }, () => undefined)),
    ).rejects.toThrow(/Unable to subscribe/);
    await expect(
      subscribed(client.channel('bad-filter').on('postgres_changes', { event: '*', schema: 'public', table: 'leads', filter: 'company=like.x' }, () => undefined)),
    ).rejects.toThrow(/Unsupported filter/);
  });

  it('keeps working after garbage websocket frames', async () => {
    const endpoint = `${backend.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${backend.anonKey}&vsn=2.0.0`;
    const raw = new WebSocket(endpoint);
    await new Promise<void>((resolve, reject) => {
      raw.once('open', () => resolve());
      raw.once('error', reject);
    });
    const replies: unknown[] = [];
    const heartbeatAnswered = new Promise<void>((resolve) =>
      raw.on('message', (data: Buffer) => {
        const reply: unknown = JSON.parse(data.toString());
        replies.push(reply);
        if (Array.isArray(reply) && reply[1] === '10') resolve();
      }),
    );
    raw.send('not json at all');
    raw.send('[1, 2');
    raw.send(JSON.stringify({ hello: 'world' }));
    raw.send(JSON.stringify([null, '9', 'realtime:x', 'phx_join', { config: { postgres_changes: 'nope' } }]));
    raw.send(Buffer.from([3, 0, 255, 1]));
    raw.send(JSON.stringify([null, '10', 'phoenix', 'heartbeat', {}]));
    await heartbeatAnswered;
    expect(replies).toContainEqual([null, '9', 'realtime:x', 'phx_reply', { status: 'error', response: { reason: 'Malformed join payload' } }]);
    expect(replies).toContainEqual([null, '10', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
    raw.close();

    const listener = await listen(await backend.clientFor('starter'));
    const lead = await insertLead('starter', 'Still Working Ltd');
    expect((await listener.next(lead)).new).toMatchObject({ id: lead });
  });

  it('delivers a hard delete as the key only, to unfiltered subscribers of the table', async () => {
    const adminClient = await backend.clientFor('admin');
    const everything = await listen(adminClient);
    const filtered = await listen(adminClient, { filter: `partner_id=eq.${backend.account('starter').id}` });
    const lead = await insertLead('starter', 'Hard Deleted Ltd');
    await filtered.next(lead);
    await backend.engine.query(`delete from "public"."leads" where "id" = $1`, [lead]);
    const barrier = await insertLead('starter', 'After Delete Ltd');

    await everything.next(barrier);
    const deleted = everything.changes.find((change) => change.eventType === 'DELETE');
    expect(deleted?.old).toEqual({ id: lead });
    await filtered.next(barrier);
    expect(filtered.changes.map((change) => change.eventType)).toEqual(['INSERT', 'INSERT']);
  });

  it('speaks protocol 1.0.0 (JSON objects) to clients that ask for it', async () => {
    const raw = new WebSocket(`${backend.url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${backend.anonKey}&vsn=1.0.0`);
    const reply = new Promise<unknown>((resolve) => raw.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    await new Promise<void>((resolve) => raw.once('open', () => resolve()));
    raw.send(JSON.stringify({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1' }));
    expect(await reply).toEqual({ join_ref: null, ref: '1', topic: 'phoenix', event: 'phx_reply', payload: { status: 'ok', response: {} } });
    raw.close();
  });

  it('refuses connections without a valid API key and ignores other upgrade paths', async () => {
    const attempt = (path: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = new WebSocket(`${backend.url.replace('http', 'ws')}${path}`);
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_req, res) => {
          resolve(String(res.statusCode));
          socket.terminate();
        });
        socket.once('error', () => resolve('error'));
      });
    expect(await attempt('/realtime/v1/websocket?apikey=nope&vsn=2.0.0')).toBe('401');
    expect(await attempt(`/elsewhere?apikey=${backend.anonKey}`)).toBe('error');
  });

  it('follows a password sign-in made after joining (access_token push) and sees REST writes', async () => {
    const client = createClient(backend.url, backend.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    });
    const listener = await listen(client);
    const whileAnonymous = await insertLead('active', 'Before Sign In Ltd');

    const { data, error } = await client.auth.signInWithPassword({ email: backend.account('active').email, password: seedPassword });
    expect(error).toBeNull();
    // setAuth pushes the new token to joined channels; a round trip on the socket orders it
    // before the insert below.
    await client.realtime.setAuth(data.session?.access_token ?? null);
    const id = randomUUID();
    const insert = await client.from('leads').insert({ id, company: 'Through REST Ltd' });
    expect(insert.error).toBeNull();

    const change = await listener.next(id);
    expect(change.new).toMatchObject({ id, company: 'Through REST Ltd', partner_id: backend.account('active').id });
    expect(typeof (change.new as { _modified?: unknown })._modified).toBe('number');
    expect(leadIds(listener)).not.toContain(whileAnonymous);
    await client.removeAllChannels();
  });

  it('closes the channel when its token expires', async () => {
    const token = await backend.tokenFor('starter', 2);
    const client = await backend.clientFor('starter', token);
    const statuses: string[] = [];
    const closed = new Promise<void>((resolve) => {
      client
        .channel('short-lived')
        .on('postgres_changes', { event: '*', schema: 'public', table: 'leads' }, () => undefined)
        .on('system', {}, (payload: { status?: string; message?: string }) => statuses.push(`${payload.status}: ${payload.message}`))
        .subscribe((status) => {
          statuses.push(status);
          if (status === 'CLOSED') resolve();
        });
    });
    await closed;
    expect(statuses).toEqual(['SUBSCRIBED', 'ok: Subscribed to PostgreSQL', 'error: Token has expired', 'CLOSED']);
  });
});

describe('realtime on PostgreSQL (LISTEN/NOTIFY across connections)', () => {
  let cluster: StartedCluster;
  let pgBackend: TestBackend | undefined;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    if ('url' in cluster) pgBackend = await startTestBackend({ databaseUrl: cluster.url });
  });

  afterAll(async () => {
    await pgBackend?.close();
    if ('url' in cluster) await cluster.stop();
  });

  it('delivers concurrent writers’ rows to each partner by RLS, in commit order', async (context) => {
    if (!pgBackend) {
      context.skip('skipped' in cluster ? cluster.skipped : 'no PostgreSQL cluster');
      return;
    }
    const server = pgBackend;
    const starter = await listen(await server.clientFor('starter'));
    const admin = await listen(await server.clientFor('admin'));
    const write = (key: AccountKey, company: string): Promise<string> => {
      const id = randomUUID();
      return server.asUser(key, (query) => query(`insert into "public"."leads" ("id", "company") values ($1, $2)`, [id, company])).then(() => id);
    };
    const written = await Promise.all([
      write('starter', 'PG One'),
      write('active', 'PG Two'),
      write('starter', 'PG Three'),
      write('active', 'PG Four'),
      write('starter', 'PG Five'),
    ]);
    for (const id of written) await admin.next(id);
    // Written after every concurrent write committed, so it is the last change the starter can get.
    const barrier = await write('starter', 'PG Barrier');
    await starter.next(barrier);
    const starterIds = [written[0], written[2], written[4], barrier] as string[];

    const modifiedOf = (listener: Listener): number[] => listener.changes.map((change) => (change.new as { _modified: number })._modified);
    const adminOrder = modifiedOf(admin);
    expect(adminOrder).toEqual([...adminOrder].sort((a, b) => a - b));
    expect(leadIds(starter).sort()).toEqual([...starterIds].sort());
    expect(modifiedOf(starter)).toEqual([...modifiedOf(starter)].sort((a, b) => a - b));
  });
});
