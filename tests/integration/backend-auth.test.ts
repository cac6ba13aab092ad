/** `/auth/v1` through the real supabase-js client: sign-in, refresh rotation, sign-out, admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuthApiError } from '@supabase/supabase-js';
import { clientFor, rawRequest, startTestBackend, type TestBackend } from '../fixtures/backend';
import { seedPassword, seedUsers } from '../../sync/server/db/seed-accounts';
import { signJwt, verifyJwt } from '../../sync/server/auth/jwt';

let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend();
});

afterAll(async () => {
  await backend?.close();
});

describe('password sign-in', () => {
  it('returns a session with a signed access token naming the user, role and session', async () => {
    const client = backend.anonClient();
    const { data, error } = await client.auth.signInWithPassword({ email: seedUsers.admin.email, password: seedPassword });
    expect(error).toBeNull();
    const session = data.session;
    expect(session?.token_type).toBe('bearer');
    expect(session?.refresh_token).toEqual(expect.any(String));
    expect(session?.expires_in).toBe(3600);
    expect(session?.user).toMatchObject({ id: seedUsers.admin.id, aud: 'authenticated', role: 'authenticated', email: seedUsers.admin.email });
    expect(session?.user.app_metadata.role).toBe('admin');

    const verified = await verifyJwt(session?.access_token ?? '', backend.ctx.jwtSecret);
    expect(verified.ok).toBe(true);
    if (verified.ok) {
      expect(verified.claims).toMatchObject({ sub: seedUsers.admin.id, role: 'authenticated', aud: 'authenticated', email: seedUsers.admin.email });
      expect(verified.claims.app_metadata?.role).toBe('admin');
      expect(verified.claims.session_id).toEqual(expect.any(String));
    }
  });

  it('says "Invalid login credentials" for a wrong password and for an unknown email', async () => {
    const client = backend.anonClient();
    for (const email of [seedUsers.starter.email, 'nobody@siso.test']) {
      const { data, error } = await client.auth.signInWithPassword({ email, password: 'not-the-password' });
      expect(data.session).toBeNull();
      expect(isAuthApiError(error)).toBe(true);
      expect(error?.message).toBe('Invalid login credentials');
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.status).toBe(400);
    }
  });

  it('refuses sign-in without a project key', async () => {
    const response = await fetch(`${backend.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: seedUsers.admin.email, password: seedPassword }),
    });
    expect(response.status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotates: a refresh gives new tokens for the same session and revokes the old refresh token', async () => {
    const { client, session } = await backend.signIn('starter');
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    const next = data.session;
    expect(next?.refresh_token).toEqual(expect.any(String));
    expect(next?.refresh_token).not.toBe(session.refresh_token);
    expect(next?.user.id).toBe(seedUsers.starter.id);

    const before = await verifyJwt(session.access_token, backend.ctx.jwtSecret);
    const after = await verifyJwt(next?.access_token ?? '', backend.ctx.jwtSecret);
    expect(before.ok && after.ok && before.claims.session_id === after.claims.session_id).toBe(true);

    // The newest token keeps working.
    const again = await backend.anonClient().auth.refreshSession({ refresh_token: next?.refresh_token ?? '' });
    expect(again.error).toBeNull();
  });

  it('detects reuse of a rotated token and revokes the whole session', async () => {
    const { client, session } = await backend.signIn('active');
    const rotated = await client.auth.refreshSession();
    const current = rotated.data.session?.refresh_token ?? '';
    expect(current).not.toBe('');

    const reuse = await backend.anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reuse.error?.code).toBe('refresh_token_already_used');
    expect(reuse.error?.status).toBe(400);

    // The legitimate holder's token died with the session.
    const legit = await backend.anonClient().auth.refreshSession({ refresh_token: current });
    expect(legit.error).not.toBeNull();
    expect(legit.data.session).toBeNull();
  });

  it('refuses an unknown refresh token', async () => {
    const { error } = await backend.anonClient().auth.refreshSession({ refresh_token: 'never-issued-token' });
    expect(error?.code).toBe('refresh_token_not_found');
    expect(error?.status).toBe(400);
  });
});

describe('current user and sign-out', () => {
  it('getUser returns the signed-in user', async () => {
    const { client } = await backend.signIn('performer');
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: seedUsers.performer.id, email: seedUsers.performer.email, aud: 'authenticated' });
    expect(data.user?.app_metadata.role).toBe('partner');
  });

  it('updateUser changes user metadata', async () => {
    const { client } = await backend.signIn('elite');
    const { data, error } = await client.auth.updateUser({ data: { nickname: 'ML' } });
    expect(error).toBeNull();
    expect(data.user?.user_metadata.nickname).toBe('ML');
  });

  it('signOut ends the session: the refresh token and /user stop working', async () => {
    const { client, session } = await backend.signIn('starter');
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();

    const refresh = await backend.anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).not.toBeNull();

    const user = await rawRequest(backend, '/auth/v1/user', { token: session.access_token });
    expect(user.status).toBe(403);
    expect(user.json()).toMatchObject({ code: 'session_not_found' });
  });

  it('local sign-out keeps the user\'s other sessions', async () => {
    const first = await backend.signIn('performer');
    const second = await backend.signIn('performer');
    await first.client.auth.signOut({ scope: 'local' });
    const stillThere = await second.client.auth.getUser();
    expect(stillThere.error).toBeNull();
    expect(stillThere.data.user?.id).toBe(seedUsers.performer.id);
  });
});

describe('admin users', () => {
  it('creates and lists users with the service_role key; the new user can sign in', async () => {
    const admin = backend.serviceClient();
    const email = 'new.partner@siso.test';
    const created = await admin.auth.admin.createUser({
      email,
      password: 'a-good-password',
      email_confirm: true,
      app_metadata: { role: 'partner' },
      user_metadata: { display_name: 'New Partner' },
    });
    expect(created.error).toBeNull();
    expect(created.data.user).toMatchObject({ email, aud: 'authenticated' });
    expect(created.data.user?.app_metadata.role).toBe('partner');

    const duplicate = await admin.auth.admin.createUser({ email, password: 'a-good-password' });
    expect(duplicate.error?.code).toBe('email_exists');

    const listed = await admin.auth.admin.listUsers({ page: 1, perPage: 100 });
    expect(listed.error).toBeNull();
    expect(listed.data.users.map((u) => u.email)).toEqual(expect.arrayContaining([email, seedUsers.admin.email]));

    const signIn = await clientFor(backend.url, backend.anonKey).auth.signInWithPassword({ email, password: 'a-good-password' });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.id).toBe(created.data.user?.id);
  });

  it('refuses admin calls with the anon key and with a user token', async () => {
    const anon = backend.anonClient();
    const viaAnon = await anon.auth.admin.createUser({ email: 'sneaky@siso.test', password: 'a-good-password' });
    expect(viaAnon.error?.status).toBe(403);
    expect(viaAnon.data.user).toBeNull();

    const { session } = await backend.signIn('elite');
    const viaUser = await backend.clientWithToken(session.access_token).auth.admin.listUsers();
    expect(viaUser.error?.status).toBe(403);
  });
});

describe('expired access tokens', () => {
  it('are refused by REST with 401 PGRST303', async () => {
    const expired = await signJwt({ sub: seedUsers.starter.id, role: 'authenticated', aud: 'authenticated', email: seedUsers.starter.email }, backend.ctx.jwtSecret, -60);
    const { data, error, status } = await backend.clientWithToken(expired).from('leads').select('id');
    expect(status).toBe(401);
    expect(data).toBeNull();
    expect(error?.code).toBe('PGRST303');
  });

  it('honour accessTokenTtlSeconds', async () => {
    const short = await startTestBackend({ accessTokenTtlSeconds: 1 });
    try {
      const { session } = await short.signIn('starter');
      expect(session.expires_in).toBe(1);
      const claims = await verifyJwt(session.access_token, short.ctx.jwtSecret);
      expect(claims.ok).toBe(true);
      if (claims.ok) expect((claims.claims.exp ?? 0) - (claims.claims.iat ?? 0)).toBe(1);
    } finally {
      await short.close();
    }
  });
});
