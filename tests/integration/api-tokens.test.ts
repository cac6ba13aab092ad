/**
 * Elite personal API tokens against the local backend (PGlite): only Elite partners create them,
 * only the hash is stored, the exchanged JWT reads its owner's rows within its scopes and writes
 * nothing, and a revoked or expired token is refused at the exchange and on the next REST call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { actAs } from '../../sync/server/db/claims';
import { rawRequest, startTestBackend, type TestBackend } from '../fixtures/backend';
import { startPostgresCluster } from '../fixtures/postgres-cluster';

interface CreatedToken {
  id: string;
  secret: string;
  expires_at: string;
}

interface ExchangeReply {
  status: number;
  accessToken: string | undefined;
  body: unknown;
}

const engines: { name: string; start(): Promise<{ backend: TestBackend; stop(): Promise<void> } | { skipped: string }> }[] = [
  {
    name: 'PGlite',
    async start() {
      const backend = await startTestBackend();
      return { backend, stop: () => backend.close() };
    },
  },
  {
    name: 'PostgreSQL 15',
    async start() {
      const cluster = await startPostgresCluster();
      if ('skipped' in cluster) return cluster;
      const backend = await startTestBackend({ databaseUrl: cluster.url });
      return {
        backend,
        async stop() {
          await backend.close();
          await cluster.stop();
        },
      };
    },
  },
];

describe.each(engines)('Elite API tokens on $name', (engine) => {
  let backend: TestBackend;
  let stop: () => Promise<void> = () => Promise.resolve();
  let elite: SupabaseClient;
  let eliteId: string;
  let activeId: string;

  let skipped: string | undefined;

  beforeAll(async () => {
    const started = await engine.start();
    if ('skipped' in started) {
      skipped = started.skipped;
      console.warn(`Elite API tokens on ${engine.name}: skipped — ${skipped}`);
      return;
    }
    ({ backend, stop } = started);
    const signedIn = await backend.signIn('elite');
    elite = signedIn.client;
    eliteId = signedIn.userId;
    activeId = (await backend.signIn('active')).userId;
  }, 60_000);

  beforeEach(({ skip }) => {
    if (skipped !== undefined) skip(skipped);
  });

  afterAll(async () => {
    await stop();
  });

  async function createToken(scopes: string[], name = 'Reporting'): Promise<CreatedToken> {
    const { data, error } = await elite.rpc('create_api_token', { token_name: name, token_scopes: scopes, expires_in_days: 30 });
    if (error) throw new Error(error.message);
    const rows = data as CreatedToken[];
    const row = rows[0];
    if (!row) throw new Error('create_api_token returned no row');
    return row;
  }

  async function exchange(secret: string): Promise<ExchangeReply> {
    const response = await fetch(`${backend.url}/functions/v1/api-token`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
    const body: unknown = await response.json();
    const accessToken = typeof body === 'object' && body !== null && 'access_token' in body && typeof body.access_token === 'string' ? body.access_token : undefined;
    return { status: response.status, accessToken, body };
  }

  async function jwtFor(secret: string): Promise<string> {
    const reply = await exchange(secret);
    expect(reply.status).toBe(200);
    if (!reply.accessToken) throw new Error('no access token');
    return reply.accessToken;
  }

  it('stores only the sha256 of the secret', async () => {
    const token = await createToken(['leads']);
    expect(token.secret).toMatch(/^siso_pat_[0-9a-f]{40}$/);
    const stored = await backend.ctx.engine.query<{ token_hash: string; row: string }>(
      'select token_hash, row_to_json(t)::text as row from public.api_tokens t where id = $1',
      [token.id],
    );
    const expectedHash = await backend.ctx.engine.query<{ hash: string }>("select encode(sha256(convert_to($1, 'UTF8')), 'hex') as hash", [token.secret]);
    expect(stored.rows[0]?.token_hash).toBe(expectedHash.rows[0]?.hash);
    expect(stored.rows[0]?.row).not.toContain(token.secret);
    expect(stored.rows[0]?.row).not.toContain(token.secret.slice('siso_pat_'.length));

    const { data, error } = await elite.rpc('list_api_tokens');
    expect(error).toBeNull();
    const listed = JSON.stringify(data);
    expect(listed).toContain(token.id);
    expect(listed).not.toContain(stored.rows[0]?.token_hash ?? 'missing');
    expect(listed).not.toContain(token.secret);
  });

  it('reads only its owner’s leads, never another partner’s', async () => {
    const token = await createToken(['leads']);
    const jwt = await jwtFor(token.secret);
    const reply = await rawRequest(backend, '/rest/v1/leads?select=id,partner_id,company', { token: jwt });
    expect(reply.status).toBe(200);
    const rows = reply.json() as { partner_id: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.partner_id === eliteId)).toBe(true);

    const other = await rawRequest(backend, `/rest/v1/leads?select=id&partner_id=eq.${activeId}`, { token: jwt });
    expect(other.status).toBe(200);
    expect(other.json()).toEqual([]);
    const activeLeads = await backend.ctx.engine.query<{ n: number }>('select count(*)::int as n from public.leads where partner_id = $1', [activeId]);
    expect(activeLeads.rows[0]?.n).toBeGreaterThan(0);
  });

  it('cannot insert, update or delete anything, nor call RPCs', async () => {
    const token = await createToken(['leads', 'clients', 'earnings', 'payouts']);
    const jwt = await jwtFor(token.secret);
    const before = await backend.ctx.engine.query<{ n: number }>('select count(*)::int as n from public.leads where partner_id = $1', [eliteId]);

    const insert = await rawRequest(backend, '/rest/v1/leads', {
      method: 'POST',
      token: jwt,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'api-token-insert', partner_id: eliteId, company: 'Nope Ltd', _modified: 1 }),
    });
    expect(insert.status).toBe(403);
    const update = await rawRequest(backend, `/rest/v1/leads?partner_id=eq.${eliteId}`, {
      method: 'PATCH',
      token: jwt,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Renamed' }),
    });
    expect(update.status).toBe(403);
    const remove = await rawRequest(backend, `/rest/v1/earnings?partner_id=eq.${eliteId}`, { method: 'DELETE', token: jwt });
    expect(remove.status).toBe(403);
    const rpc = await rawRequest(backend, '/rest/v1/rpc/list_api_tokens', { method: 'POST', token: jwt, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(rpc.status).toBe(403);

    const storage = await rawRequest(backend, '/storage/v1/bucket', { token: jwt });
    expect(storage.status).toBe(403);
    const profiles = await rawRequest(backend, '/rest/v1/profiles?select=id', { token: jwt });
    expect(profiles.status).toBe(403);

    const after = await backend.ctx.engine.query<{ n: number; renamed: number }>(
      "select count(*)::int as n, count(*) filter (where company = 'Renamed')::int as renamed from public.leads where partner_id = $1",
      [eliteId],
    );
    expect(after.rows[0]).toEqual({ n: before.rows[0]?.n, renamed: 0 });
  });

  it('holds no write grant: as partner_api even SQL that skips the request checks cannot write', async () => {
    const token = await createToken(['leads', 'earnings', 'payouts']);
    const claims = { role: 'partner_api' as const, sub: eliteId, token_id: token.id, scopes: ['leads', 'earnings', 'payouts'] };
    const attempts = [
      `insert into public.leads (id, partner_id, company, _modified) values ('grant-probe', '${eliteId}', 'Probe', 1)`,
      `update public.leads set company = 'Probe' where partner_id = '${eliteId}'`,
      `delete from public.earnings where partner_id = '${eliteId}'`,
      `update public.payouts set amount = 0 where partner_id = '${eliteId}'`,
      'select count(*) from public.api_tokens',
      'select count(*) from public.profiles',
    ];
    for (const sql of attempts) {
      const outcome = await backend.ctx.engine
        .transaction(async (tx) => {
          await actAs(tx, claims);
          await tx.query(sql);
          return 'ran';
        })
        .catch((error: unknown) => (error as { code?: string }).code);
      expect({ sql, outcome }).toEqual({ sql, outcome: '42501' });
    }
  });

  it('refuses a table outside the token’s scopes and limits clients to won leads', async () => {
    const leadsOnly = await jwtFor((await createToken(['leads'])).secret);
    expect((await rawRequest(backend, '/rest/v1/payouts?select=id', { token: leadsOnly })).status).toBe(403);
    expect((await rawRequest(backend, '/rest/v1/earnings?select=id', { token: leadsOnly })).status).toBe(403);

    const clientsOnly = await jwtFor((await createToken(['clients'])).secret);
    const clients = await rawRequest(backend, '/rest/v1/leads?select=stage', { token: clientsOnly });
    expect(clients.status).toBe(200);
    const stages = (clients.json() as { stage: string }[]).map((row) => row.stage);
    expect(stages.every((stage) => stage === 'won')).toBe(true);
    const allElite = await backend.ctx.engine.query<{ n: number }>("select count(*)::int as n from public.leads where partner_id = $1 and stage <> 'won' and not _deleted", [eliteId]);
    expect(allElite.rows[0]?.n).toBeGreaterThan(0);

    const earningsOnly = await jwtFor((await createToken(['earnings'])).secret);
    const earnings = await rawRequest(backend, '/rest/v1/earnings?select=partner_id', { token: earningsOnly });
    expect(earnings.status).toBe(200);
    expect((earnings.json() as { partner_id: string }[]).every((row) => row.partner_id === eliteId)).toBe(true);
  });

  it('refuses a revoked token at the exchange and a JWT minted before revocation on the next call', async () => {
    const token = await createToken(['leads']);
    const jwt = await jwtFor(token.secret);
    expect((await rawRequest(backend, '/rest/v1/leads?select=id', { token: jwt })).status).toBe(200);

    const { error } = await elite.rpc('revoke_api_token', { token_id: token.id });
    expect(error).toBeNull();
    expect((await exchange(token.secret)).status).toBe(401);
    const afterRevoke = await rawRequest(backend, '/rest/v1/leads?select=id', { token: jwt });
    expect(afterRevoke.status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const token = await createToken(['leads']);
    const jwt = await jwtFor(token.secret);
    await backend.ctx.engine.query("update public.api_tokens set expires_at = now() - interval '1 minute' where id = $1", [token.id]);
    expect((await exchange(token.secret)).status).toBe(401);
    expect((await rawRequest(backend, '/rest/v1/leads?select=id', { token: jwt })).status).toBe(401);
  });

  it('refuses a made-up secret and a secret sent without the prefix', async () => {
    expect((await exchange(`siso_pat_${'0'.repeat(40)}`)).status).toBe(401);
    expect((await exchange('not-a-token')).status).toBe(401);
  });

  it('lets only Elite partners create tokens, and only their own tokens be revoked', async () => {
    for (const account of ['starter', 'active', 'performer'] as const) {
      const { client } = await backend.signIn(account);
      const { error } = await client.rpc('create_api_token', { token_name: 'Mine', token_scopes: ['leads'], expires_in_days: 30 });
      expect(error?.message).toBe('API access is an Elite feature');
    }
    const token = await createToken(['leads']);
    const { client: active } = await backend.signIn('active');
    const { error } = await active.rpc('revoke_api_token', { token_id: token.id });
    expect(error).not.toBeNull();
    expect((await exchange(token.secret)).status).toBe(200);
  });

  it('answers 429 once a token makes more than 60 REST requests in a minute', async () => {
    const jwt = await jwtFor((await createToken(['leads'])).secret);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await rawRequest(backend, '/rest/v1/leads?select=id&limit=1', { token: jwt })).status);
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    // Another token has its own window.
    const other = await jwtFor((await createToken(['leads'])).secret);
    expect((await rawRequest(backend, '/rest/v1/leads?select=id&limit=1', { token: other })).status).toBe(200);
  });

  it('rejects unknown scopes', async () => {
    const { error } = await elite.rpc('create_api_token', { token_name: 'Bad', token_scopes: ['leads', 'profiles'], expires_in_days: 30 });
    expect(error).not.toBeNull();
  });
});
