import { describe, expect, it } from 'vitest';
import { apiKeys, verifyJwt } from '../../sync/server/auth/jwt';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET } from '../../sync/replication/local-backend';

describe('local backend keys', () => {
  it('ships the anon key the local backend derives from its development secret', async () => {
    expect((await apiKeys(LOCAL_JWT_SECRET)).anonKey).toBe(LOCAL_ANON_KEY);
    const verified = await verifyJwt(LOCAL_ANON_KEY, LOCAL_JWT_SECRET);
    expect(verified.ok && verified.claims.role).toBe('anon');
  });

  it('refuses tokens signed with another secret or without a signature', async () => {
    expect((await verifyJwt(LOCAL_ANON_KEY, 'another-secret-another-secret-123')).ok).toBe(false);
    const [header, payload] = LOCAL_ANON_KEY.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await verifyJwt(none, LOCAL_JWT_SECRET)).ok).toBe(false);
    expect(header).toBeTruthy();
  });
});
