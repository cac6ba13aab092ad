/**
 * Hostile and malformed requests: each gets a clear 4xx in PostgREST's or gotrue's error shape,
 * nothing reaches SQL as text, and the server keeps answering.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { rawRequest, startTestBackend, type TestBackend } from '../fixtures/backend';
import { seedUsers } from '../../sync/server/db/seed-accounts';
import { signJwt } from '../../sync/server/auth/jwt';

let backend: TestBackend;
let tokenA: string;

beforeAll(async () => {
  backend = await startTestBackend();
  tokenA = (await backend.signIn('starter')).session.access_token;
});

afterAll(async () => {
  await backend?.close();
});

afterEach(async () => {
  const health = await fetch(`${backend.url}/health`);
  expect(health.status).toBe(200);
});

async function expectRestError(path: string, status: number, code: string | RegExp, init: Parameters<typeof rawRequest>[2] = {}): Promise<void> {
  const response = await rawRequest(backend, path, { token: tokenA, ...init });
  expect(response.status, `${path} → ${response.text}`).toBe(status);
  const body = response.json() as { code?: unknown; message?: unknown };
  expect(body.code).toEqual(typeof code === 'string' ? code : expect.stringMatching(code));
  expect(typeof body.message).toBe('string');
}

async function leadCountForA(): Promise<number> {
  const response = await rawRequest(backend, '/rest/v1/leads?select=id', { token: tokenA, headers: { prefer: 'count=exact' } });
  return Number(response.headers.get('content-range')?.split('/')[1]);
}

describe('malformed filters and parameters', () => {
  it.each([
    ['/rest/v1/leads?stage=eq', 'PGRST100'],
    ['/rest/v1/leads?stage=sideways.new', 'PGRST100'],
    ['/rest/v1/leads?stage=new', 'PGRST100'],
    ['/rest/v1/leads?or=(stage.eq.new', 'PGRST100'],
    ['/rest/v1/leads?or=stage.eq.new', 'PGRST100'],
    ['/rest/v1/leads?or=(stage.eq."unterminated)', 'PGRST100'],
    ['/rest/v1/leads?or=()', 'PGRST100'],
    ['/rest/v1/leads?id=in.a,b', 'PGRST100'],
    ['/rest/v1/leads?notes=is.maybe', 'PGRST100'],
    ['/rest/v1/leads?limit=-1', 'PGRST100'],
    ['/rest/v1/leads?offset=ten', 'PGRST100'],
    ['/rest/v1/leads?order=id.sideways', 'PGRST100'],
    ['/rest/v1/leads?select=id,partner_status(*)', 'PGRST100'],
    ['/rest/v1/leads?select=meta->>x', 'PGRST100'],
  ])('%s → 400 %s', async (path, code) => {
    await expectRestError(path, 400, code);
  });

  it('reports values of the wrong type as Postgres does (22P02, 22007)', async () => {
    await expectRestError('/rest/v1/leads?estimated_value=gt.lots', 400, '22P02');
    await expectRestError('/rest/v1/leads?next_action_at=lt.not-a-date', 400, /^22007|22008$/);
  });

  it('refuses an unsatisfiable Range header', async () => {
    await expectRestError('/rest/v1/leads', 416, 'PGRST103', { headers: { range: '5-1' } });
  });

  it('refuses schemas other than public', async () => {
    await expectRestError('/rest/v1/users', 406, 'PGRST106', { headers: { 'accept-profile': 'auth' } });
  });

  it('refuses media types it cannot produce', async () => {
    await expectRestError('/rest/v1/leads', 406, 'PGRST107', { headers: { accept: 'text/csv' } });
  });

  it('refuses a path that is not valid percent-encoding', async () => {
    await expectRestError('/rest/v1/%zz', 400, 'PGRST100');
  });
});

describe('SQL injection attempts', () => {
  it('treats injected filter values as data', async () => {
    const before = await leadCountForA();
    for (const value of ["x' or '1'='1", "x'); drop table leads; --", "1; delete from leads", '"; drop table leads; --']) {
      const response = await rawRequest(backend, `/rest/v1/leads?select=id&company=eq.${encodeURIComponent(value)}`, { token: tokenA });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual([]);
    }
    const inList = await rawRequest(backend, `/rest/v1/leads?select=id&id=in.(${encodeURIComponent('"a\'); drop table leads; --",b')})`, { token: tokenA });
    expect(inList.status).toBe(200);
    const orTree = await rawRequest(backend, `/rest/v1/leads?select=id&or=(${encodeURIComponent('company.eq."x\') or true --",id.eq.1=1')})`, { token: tokenA });
    expect(orTree.status).toBe(200);
    expect(orTree.json()).toEqual([]);
    expect(await leadCountForA()).toBe(before);
  });

  it('refuses injected column names in select, filters and order as unknown columns', async () => {
    await expectRestError(`/rest/v1/leads?select=${encodeURIComponent('id,"company\\"; drop table leads; --"')}`, 400, '42703');
    await expectRestError(`/rest/v1/leads?${encodeURIComponent('company"; drop table leads; --')}=eq.x`, 400, '42703');
    await expectRestError(`/rest/v1/leads?order=${encodeURIComponent('id;drop table leads')}`, 400, '42703');
    await expectRestError(`/rest/v1/leads?order=${encodeURIComponent('(select 1)')}`, 400, /^PGRST100|42703$/);
    await expectRestError(`/rest/v1/leads?on_conflict=${encodeURIComponent('id) do nothing; drop table leads; --')}`, 400, /^PGRST|42703$/, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'resolution=merge-duplicates' },
      body: JSON.stringify({ id: 'inj-1', company: 'x' }),
    });
    await expectRestError('/rest/v1/leads', 400, 'PGRST204', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'inj-2', company: 'x', 'company") values (1); drop table leads; --': 1 }),
    });
  });

  it('refuses injected and non-public table names as unknown tables', async () => {
    for (const table of ['leads;drop table leads', 'leads"; drop table leads; --', 'pg_catalog.pg_authid', 'auth.users', '..', 'pg_authid']) {
      const response = await rawRequest(backend, `/rest/v1/${encodeURIComponent(table)}`, { token: tokenA });
      expect([404]).toContain(response.status);
    }
    await expectRestError(`/rest/v1/rpc/${encodeURIComponent('is_admin(); drop table leads; --')}`, 404, 'PGRST202', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await leadCountForA()).toBeGreaterThan(0);
  });
});

describe('bodies', () => {
  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ id: 'big', company: 'x'.repeat(6 * 1024 * 1024) });
    const response = await rawRequest(backend, '/rest/v1/leads', { token: tokenA, method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(response.status).toBe(413);
  });

  it('refuses a wrong content type with 415', async () => {
    await expectRestError('/rest/v1/leads', 415, 'PGRST107', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'id=1' });
    const auth = await rawRequest(backend, '/auth/v1/token?grant_type=password', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(auth.status).toBe(415);
  });

  it('refuses malformed JSON with 400 PGRST102', async () => {
    await expectRestError('/rest/v1/leads', 400, 'PGRST102', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": "x",' });
    await expectRestError('/rest/v1/leads', 400, 'PGRST102', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '42' });
    await expectRestError('/rest/v1/leads?id=eq.x', 400, 'PGRST102', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    const auth = await rawRequest(backend, '/auth/v1/token?grant_type=password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(auth.status).toBe(400);
    expect(auth.json()).toMatchObject({ code: 'bad_json' });
  });

  it('refuses an unsupported grant type and a missing password', async () => {
    const grant = await rawRequest(backend, '/auth/v1/token?grant_type=magic', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(grant.status).toBe(400);
    const missing = await rawRequest(backend, '/auth/v1/token?grant_type=password', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seedUsers.starter.email }),
    });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('tokens', () => {
  const claims = { sub: seedUsers.admin.id, role: 'authenticated' as const, aud: 'authenticated', app_metadata: { role: 'admin' } };

  function unsignedToken(payload: Record<string, unknown>): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...payload, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
  }

  it('refuses a token signed with another secret', async () => {
    const forged = await signJwt(claims, 'a-completely-different-secret-of-enough-length', 3600);
    await expectRestError('/rest/v1/leads', 401, 'PGRST301', { token: forged });
    const user = await rawRequest(backend, '/auth/v1/user', { token: forged });
    expect(user.status).toBe(401);
  });

  it('refuses alg:none', async () => {
    await expectRestError('/rest/v1/leads', 401, 'PGRST301', { token: unsignedToken(claims), headers: { apikey: unsignedToken({ role: 'service_role' }) } });
  });

  it('refuses an expired token with PGRST303', async () => {
    const expired = await signJwt(claims, backend.ctx.jwtSecret, -5);
    await expectRestError('/rest/v1/leads', 401, 'PGRST303', { token: expired });
  });

  it('refuses a validly signed token naming a role other than the API roles', async () => {
    const now = Math.floor(Date.now() / 1000);
    const superuser = await new SignJWT({ role: 'postgres', sub: seedUsers.admin.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(backend.ctx.jwtSecret));
    await expectRestError('/rest/v1/leads', 401, 'PGRST301', { token: superuser });
  });

  it('refuses garbage and missing keys', async () => {
    await expectRestError('/rest/v1/leads', 401, 'PGRST301', { token: 'not.a.jwt' });
    const response = await fetch(`${backend.url}/rest/v1/leads`);
    expect(response.status).toBe(401);
  });
});

describe('CORS and routing', () => {
  it('answers preflight requests with the headers supabase-js sends', async () => {
    const response = await fetch(`${backend.url}/rest/v1/leads`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'apikey, prefer' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['apikey', 'authorization', 'x-client-info', 'content-type', 'prefer', 'range', 'accept-profile', 'content-profile', 'x-upsert']) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('answers unknown paths with 404', async () => {
    expect((await rawRequest(backend, '/nowhere')).status).toBe(404);
    expect((await rawRequest(backend, '/auth/v1/nowhere')).status).toBe(404);
    expect((await rawRequest(backend, '/rest/v1/leads/extra/segments')).status).toBe(404);
  });
});
