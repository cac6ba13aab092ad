/**
 * Personal API tokens as the partner sees them: the scopes, the expiry choices, the rate limit
 * and the documented requests (curl) against a given server.
 */
import { z } from 'zod';

export const API_TOKEN_SCOPES = ['leads', 'clients', 'earnings', 'payouts'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScope, string> = {
  leads: 'Leads (every stage)',
  clients: 'Clients (won leads only)',
  earnings: 'Earnings',
  payouts: 'Payouts',
};

export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;
/** Enforced by the exchange and by the REST layer for each token (see the README). */
export const API_TOKEN_REQUESTS_PER_MINUTE = 60;
/** How long an exchanged JWT lives. */
export const API_TOKEN_JWT_MINUTES = 5;

export const newApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name, e.g. the tool that will use it.').max(80, 'Keep the name under 80 characters.'),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)).min(1, 'Choose at least one thing the token may read.'),
  expiresInDays: z.number().int().min(1).max(365),
});
export type NewApiToken = z.infer<typeof newApiTokenSchema>;

export const apiTokenSummarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES)),
  created_at: z.string(),
  expires_at: z.string(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

export const createdApiTokenSchema = z.object({
  id: z.string().uuid(),
  secret: z.string().regex(/^siso_pat_[0-9a-f]{40}$/),
  expires_at: z.string(),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export type ApiTokenState = 'active' | 'revoked' | 'expired';

export function apiTokenState(token: ApiTokenSummary, now: Date): ApiTokenState {
  if (token.revoked_at !== null) return 'revoked';
  return Date.parse(token.expires_at) <= now.getTime() ? 'expired' : 'active';
}

export interface ApiExample {
  title: string;
  command: string;
}

/** The documented requests against `serverUrl`; `apiKey` is the project's public anon key. */
export function apiTokenExamples(serverUrl: string, apiKey: string): ApiExample[] {
  const base = serverUrl.replace(/\/+$/, '');
  const get = (path: string) => `curl "${base}/rest/v1/${path}" \\\n  -H "apikey: ${apiKey}" \\\n  -H "Authorization: Bearer $SISO_JWT"`;
  return [
    {
      title: 'Exchange your token for a 5-minute access token',
      command: `SISO_JWT=$(curl -s -X POST "${base}/functions/v1/api-token" \\\n  -H "apikey: ${apiKey}" \\\n  -H "Authorization: Bearer $SISO_API_TOKEN" | jq -r .access_token)`,
    },
    { title: 'Leads (scope: leads)', command: get('leads?select=id,company,stage,estimated_value,currency,created_at&order=created_at.desc') },
    { title: 'Clients — won leads (scope: clients or leads)', command: get('leads?select=id,company,estimated_value,currency,stage_changed_at&stage=eq.won') },
    { title: 'Earnings (scope: earnings)', command: get('earnings?select=id,kind,amount,currency,status,created_at&order=created_at.desc') },
    { title: 'Payouts (scope: payouts)', command: get('payouts?select=id,amount,currency,status,created_at&order=created_at.desc') },
  ];
}
