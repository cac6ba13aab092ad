/**
 * Supabase Edge Function `api-token` (Deno): exchanges a personal API token (`siso_pat_…`) for a
 * five-minute JWT with role `partner_api`, signed with the project's JWT secret. The database's
 * `exchange_api_token` decides whether the token is live; `check_api_token` (PostgREST's
 * db-pre-request hook) re-checks it on every REST request. Deploy: see the README, "Elite API access".
 */
import { SignJWT } from 'npm:jose@5';

const jwtTtlSeconds = 300;
const requestsPerMinute = 60;
const secretPattern = /^siso_pat_[0-9a-f]{40}$/;
const allowedScopes = new Set(['leads', 'clients', 'earnings', 'payouts']);

const supabaseUrl = Deno.env.get('SUPABASE_URL') ?? '';
const serviceRoleKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? '';
// Secrets starting with SUPABASE_ are reserved, so the JWT secret is set as SISO_JWT_SECRET.
const jwtSecret = Deno.env.get('SISO_JWT_SECRET') ?? '';

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, apikey, content-type, x-client-info',
  'access-control-allow-methods': 'POST, OPTIONS',
};

// Per isolate: Supabase may run several, so the effective limit can be a small multiple of this.
const windows = new Map<string, { startedAt: number; count: number }>();

function reply(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...corsHeaders, ...extra } });
}

function overLimit(key: string, now: number): number | undefined {
  const current = windows.get(key);
  if (!current || now - current.startedAt >= 60_000) {
    for (const [k, w] of windows) if (now - w.startedAt >= 60_000) windows.delete(k);
    windows.set(key, { startedAt: now, count: 1 });
    return undefined;
  }
  current.count += 1;
  return current.count > requestsPerMinute ? Math.ceil((current.startedAt + 60_000 - now) / 1000) : undefined;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

interface ExchangeRow {
  token_id: string;
  partner_id: string;
  scopes: string[];
}

function isExchangeRow(value: unknown): value is ExchangeRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.token_id === 'string' &&
    typeof row.partner_id === 'string' &&
    Array.isArray(row.scopes) &&
    row.scopes.every((scope) => typeof scope === 'string' && allowedScopes.has(scope))
  );
}

Deno.serve(async (req: Request): Promise<Response> => {
  if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders });
  if (req.method !== 'POST') return reply(405, { code: 'method_not_allowed', message: 'Exchange a token with POST' });
  if (!supabaseUrl || !serviceRoleKey || !jwtSecret) {
    return reply(500, { code: 'not_configured', message: 'The api-token function is missing SISO_JWT_SECRET; see the README' });
  }
  const secret = (req.headers.get('authorization') ?? '').replace(/^bearer\s+/i, '').trim();
  if (!secretPattern.test(secret)) {
    return reply(401, { code: 'invalid_token', message: 'Send your API token as "Authorization: Bearer siso_pat_…"' });
  }
  const tokenHash = await sha256Hex(secret);
  const retryAfter = overLimit(tokenHash, Date.now());
  if (retryAfter !== undefined) {
    return reply(429, { code: 'rate_limited', message: `More than ${requestsPerMinute} requests in a minute; wait ${retryAfter} s and try again` }, { 'retry-after': String(retryAfter) });
  }

  const lookup = await fetch(`${supabaseUrl}/rest/v1/rpc/exchange_api_token`, {
    method: 'POST',
    headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ secret_hash: tokenHash }),
  });
  if (!lookup.ok) return reply(502, { code: 'lookup_failed', message: 'Could not check the token; try again shortly' });
  const rows: unknown = await lookup.json();
  const row = Array.isArray(rows) ? rows[0] : undefined;
  if (!isExchangeRow(row)) {
    return reply(401, { code: 'invalid_token', message: 'This API token is unknown, revoked or expired, or its owner is no longer Elite' });
  }

  const now = Math.floor(Date.now() / 1000);
  const accessToken = await new SignJWT({ role: 'partner_api', aud: 'authenticated', token_id: row.token_id, scopes: row.scopes })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(row.partner_id)
    .setIssuedAt(now)
    .setExpirationTime(now + jwtTtlSeconds)
    .sign(new TextEncoder().encode(jwtSecret));
  return reply(200, { access_token: accessToken, token_type: 'bearer', expires_in: jwtTtlSeconds, scopes: row.scopes });
});
