/** The API tokens' rate limit: a fixed one-minute window per token, kept in memory per backend. */
import type { ServerContext } from '../context';
import type { JwtClaims } from '../auth/jwt';
import { HttpError } from '../http/respond';

export const apiTokenRequestsPerMinute = 60;
const windowMs = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

const windowsByBackend = new WeakMap<ServerContext, Map<string, Window>>();

/** Counts one request for `tokenKey`; 429 with Retry-After-style details once the window is full. */
export function countApiTokenRequest(ctx: ServerContext, tokenKey: string, now = Date.now()): void {
  let windows = windowsByBackend.get(ctx);
  if (!windows) {
    windows = new Map();
    windowsByBackend.set(ctx, windows);
  }
  const current = windows.get(tokenKey);
  if (!current || now - current.startedAt >= windowMs) {
    // Dropping stale windows here keeps the map as small as the set of recently active tokens.
    for (const [key, window] of windows) if (now - window.startedAt >= windowMs) windows.delete(key);
    windows.set(tokenKey, { startedAt: now, count: 1 });
    return;
  }
  current.count += 1;
  if (current.count > apiTokenRequestsPerMinute) {
    const retryAfterSeconds = Math.ceil((current.startedAt + windowMs - now) / 1000);
    throw new HttpError(429, {
      code: 'rate_limited',
      message: `This API token made more than ${apiTokenRequestsPerMinute} requests in a minute; wait ${retryAfterSeconds} s and try again`,
      details: null,
      hint: null,
    });
  }
}

/** The REST layer's check for a partner_api JWT, keyed by the token it was exchanged from. */
export function limitApiTokenRequests(ctx: ServerContext, claims: JwtClaims): void {
  const tokenId = typeof claims.token_id === 'string' ? claims.token_id : claims.sub ?? 'unknown';
  countApiTokenRequest(ctx, `rest:${tokenId}`);
}
