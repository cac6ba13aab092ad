/**
 * Makes the rest of a transaction run as Supabase would run a request: as the JWT's Postgres
 * role, with `request.jwt.claims` set so `auth.uid()`, `auth.jwt()` and `auth.role()` answer.
 */
import type { SqlExecutor } from './engine';
import type { JwtClaims } from '../auth/jwt';

const roles = new Set(['anon', 'authenticated', 'service_role']);

export async function actAs(tx: SqlExecutor, claims: JwtClaims): Promise<void> {
  if (!roles.has(claims.role)) throw new Error(`Unknown role ${claims.role}`);
  // The role name is checked against a fixed set above, so it is safe to place in SQL text.
  await tx.query(`set local role ${claims.role}`);
  await tx.query(`select set_config('request.jwt.claims', $1, true), set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claim.role', $3, true)`, [
    JSON.stringify(claims),
    claims.sub ?? '',
    claims.role,
  ]);
}
