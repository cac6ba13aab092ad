/**
 * Who is calling: the bearer token (a user's access token or an API key) or, without one, the
 * `apikey` header. Supabase treats both as JWTs signed with the project secret.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/respond';
import { verifyJwt, type JwtClaims } from './jwt';

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && /^bearer\s+/i.test(header)) return header.replace(/^bearer\s+/i, '').trim();
  const apikey = req.headers.apikey;
  return typeof apikey === 'string' && apikey.length > 0 ? apikey : undefined;
}

/** Claims of a valid token; 401 with a PostgREST-shaped body otherwise. */
export async function authenticate(req: IncomingMessage, jwtSecret: string): Promise<JwtClaims> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, { code: 'PGRST301', message: 'No API key or access token was sent', details: null, hint: null });
  const result = await verifyJwt(token, jwtSecret);
  if (result.ok) return result.claims;
  if (result.reason === 'expired') throw new HttpError(401, { code: 'PGRST303', message: 'JWT expired', details: null, hint: null });
  throw new HttpError(401, { code: 'PGRST301', message: 'Invalid JWT', details: null, hint: null });
}
