/**
 * Makes the rest of a transaction run as Supabase would run a request: as the JWT's Postgres
 * role, with `request.jwt.claims` set so `auth.uid()`, `auth.jwt()` and `auth.role()` answer.
 */
import type { SqlExecutor } from './engine';
import type { JwtClaims } from '../auth/jwt';

const roles = new Set(['anon', 'authenticated', 'service_role', 'partner_api']);

/** What PostgREST exposes to its db-pre-request hook as `request.method` and `request.path`. */
export interface RequestInfo {
  method: string;
  path: string;
}

export async function actAs(tx: SqlExecutor, claims: JwtClaims, request?: RequestInfo): Promise<void> {
  if (!roles.has(claims.role)) throw new Error(`Unknown role ${claims.role}`);
  // The role name is checked against a fixed set above, so it is safe to place in SQL text.
  await tx.query(`set local role ${claims.role}`);
  await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claim.role', $3, true)`, [
    JSON.stringify(claims),
    claims.sub ?? '',
    claims.role,
  ]);
  if (claims.role !== 'partner_api') return;
  // Supabase's PostgREST runs this db-pre-request hook itself; the local backend calls it here.
  await tx.query(`select set_config('request.method', $1, true), set_config('request.path', $2, true)`, [request?.method ?? '', request?.path ?? '']);
  await tx.query('select public.check_api_token()');
}
