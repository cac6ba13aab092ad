/** The API token rules the page shows: token state, input checks and the documented requests. */
import { describe, expect, it } from 'vitest';
import { apiTokenExamples, apiTokenState, newApiTokenSchema, type ApiTokenSummary } from '../../sync/domain/api-tokens';

const token: ApiTokenSummary = {
  id: '6f1c1c52-6a53-4c5e-9e7c-5f0b5f0b5f0b',
  name: 'CRM export',
  scopes: ['leads'],
  created_at: '2026-11-01T10:00:00Z',
  expires_at: '2026-12-01T10:00:00Z',
  revoked_at: null,
  last_used_at: null,
};

describe('apiTokenState', () => {
  it('is active until it expires, then expired; revoked wins over both', () => {
    expect(apiTokenState(token, new Date('2026-12-01T09:59:59Z'))).toBe('active');
    expect(apiTokenState(token, new Date('2026-12-01T10:00:00Z'))).toBe('expired');
    expect(apiTokenState({ ...token, revoked_at: '2026-11-20T00:00:00Z' }, new Date('2026-11-21T00:00:00Z'))).toBe('revoked');
  });
});

describe('newApiTokenSchema', () => {
  it('needs a name and at least one known scope', () => {
    expect(newApiTokenSchema.safeParse({ name: '  ', scopes: ['leads'], expiresInDays: 30 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: 'CRM', scopes: [], expiresInDays: 30 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: 'CRM', scopes: ['profiles'], expiresInDays: 30 }).success).toBe(false);
    expect(newApiTokenSchema.safeParse({ name: 'CRM', scopes: ['leads'], expiresInDays: 400 }).success).toBe(false);
    expect(newApiTokenSchema.parse({ name: ' CRM ', scopes: ['clients'], expiresInDays: 7 })).toEqual({ name: 'CRM', scopes: ['clients'], expiresInDays: 7 });
  });
});

describe('apiTokenExamples', () => {
  it('points every request at the given server with its key, clients as won leads', () => {
    const examples = apiTokenExamples('https://abc.supabase.co/', 'anon-key');
    expect(examples[0]?.command).toContain('https://abc.supabase.co/functions/v1/api-token');
    expect(examples.every((example) => example.command.includes('apikey: anon-key'))).toBe(true);
    expect(examples.some((example) => example.command.includes('/rest/v1/leads?') && example.command.includes('stage=eq.won'))).toBe(true);
    expect(examples.map((example) => /rest\/v1\/(\w+)/.exec(example.command)?.[1]).filter(Boolean)).toEqual(['leads', 'leads', 'earnings', 'payouts']);
    expect(examples.some((example) => example.command.includes('//rest'))).toBe(false);
  });
});
