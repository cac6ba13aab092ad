/**
 * `POST /functions/v1/api-token`: exchanges a personal API token (`siso_pat_…`) for a JWT that
 * runs as the read-only `partner_api` role for five minutes — the local twin of the Edge Function
 * in sync/supabase/functions/api-token. The database decides whether the token is live.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { signJwt } from '../auth/jwt';
import { HttpError, sendJson } from '../http/respond';
import { countApiTokenRequest } from './api-token-rate-limit';

export const apiTokenJwtTtlSeconds = 300;
export const apiTokenSecretPattern = /^siso_pat_[0-9a-f]{40}$/;

const exchangeRowSchema = z.object({
  token_id: z.string().uuid(),
  partner_id: z.string().uuid(),
  scopes: z.array(z.enum(['leads', 'clients', 'earnings', 'payouts'])),
});

function unauthorized(message: string): HttpError {
  return new HttpError(401, { code: 'invalid_token', message, details: null, hint: null });
}

function secretFrom(req: IncomingMessage): string {
  const header = req.headers.authorization;
  const secret = typeof header === 'string' ? header.replace(/^bearer\s+/i, '').trim() : '';
  if (!apiTokenSecretPattern.test(secret)) {
    throw unauthorized('Send your API token as "Authorization: Bearer siso_pat_…"');
  }
  return secret;
}

/** `path` is what follows `/functions/v1`. */
export async function handleFunctions(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (path !== '/api-token') {
    throw new HttpError(404, { code: 'not_found', message: `No function is served at /functions/v1${path}` });
  }
  if (req.method !== 'POST') {
    throw new HttpError(405, { code: 'method_not_allowed', message: 'Exchange a token with POST' });
  }
  req.resume();
  const tokenHash = createHash('sha256').update(secretFrom(req), 'utf8').digest('hex');
  countApiTokenRequest(ctx, `exchange:${tokenHash}`);
  const row = await ctx.engine.transaction(async (tx) => {
    await tx.query('set local role service_role');
    const result = await tx.query('select * from public.exchange_api_token($1)', [tokenHash]);
    return result.rows[0];
  });
  if (row === undefined) throw unauthorized('This API token is unknown, revoked or expired, or its owner is no longer Elite');
  const token = exchangeRowSchema.parse(row);
  const accessToken = await signJwt(
    { role: 'partner_api', sub: token.partner_id, aud: 'authenticated', token_id: token.token_id, scopes: token.scopes },
    ctx.jwtSecret,
    apiTokenJwtTtlSeconds,
  );
  sendJson(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: apiTokenJwtTtlSeconds, scopes: token.scopes });
}
