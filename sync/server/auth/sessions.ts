/**
 * Sessions and tokens as gotrue keeps them: a session row, a chain of single-use refresh tokens
 * (stored as SHA-256 digests), and short-lived HS256 access tokens naming the session.
 * Presenting a refresh token that was already rotated revokes the whole session: whoever holds
 * the newer token loses it too, which is the point when the old one has leaked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SqlExecutor } from '../db/engine';
import { signJwt } from './jwt';
import { authError } from './auth-errors';
import { appMetadataOf, findUserById, isBanned, userJson, type UserRow } from './user-store';

export interface TokenSettings {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  issuer: string;
}

export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function addRefreshToken(tx: SqlExecutor, userId: string, sessionId: string, parentDigest: string | null): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await tx.query(`insert into "auth"."refresh_tokens" ("token", "user_id", "session_id", "parent") values ($1, $2::uuid, $3::uuid, $4)`, [
    digest(token),
    userId,
    sessionId,
    parentDigest,
  ]);
  return token;
}

async function sessionResponse(user: UserRow, sessionId: string, refreshToken: string, settings: TokenSettings): Promise<SessionResponse> {
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await signJwt(
    {
      sub: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email ?? '',
      phone: '',
      app_metadata: appMetadataOf(user),
      user_metadata: user.raw_user_meta_data ?? {},
      session_id: sessionId,
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: now }],
      is_anonymous: false,
      iss: settings.issuer,
    },
    settings.jwtSecret,
    settings.accessTokenTtlSeconds,
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: settings.accessTokenTtlSeconds,
    expires_at: now + settings.accessTokenTtlSeconds,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

export async function startSession(tx: SqlExecutor, user: UserRow, settings: TokenSettings): Promise<SessionResponse> {
  const session = await tx.query<{ id: string }>(`insert into "auth"."sessions" ("user_id") values ($1::uuid) returning "id"::text as id`, [user.id]);
  const sessionId = session.rows[0]?.id;
  if (!sessionId) throw new Error('Session insert returned no id');
  const refreshToken = await addRefreshToken(tx, user.id, sessionId, null);
  return sessionResponse(user, sessionId, refreshToken, settings);
}

const tokenRow = z.object({ token: z.string(), user_id: z.string(), session_id: z.string().nullable(), revoked: z.boolean() });

export async function refreshSession(tx: SqlExecutor, refreshToken: string, settings: TokenSettings): Promise<SessionResponse> {
  const found = await tx.query(
    `select "token", "user_id"::text as user_id, "session_id"::text as session_id, "revoked" from "auth"."refresh_tokens" where "token" = $1 for update`,
    [digest(refreshToken)],
  );
  if (!found.rows[0]) throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  const row = tokenRow.parse(found.rows[0]);
  if (!row.session_id) throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  if (row.revoked) {
    await tx.query(`update "auth"."refresh_tokens" set "revoked" = true, "updated_at" = now() where "session_id" = $1::uuid`, [row.session_id]);
    await tx.query(`update "auth"."sessions" set "not_after" = now(), "updated_at" = now() where "id" = $1::uuid`, [row.session_id]);
    throw authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  }
  const session = await tx.query<{ expired: boolean }>(
    `select ("not_after" is not null and "not_after" <= now()) as expired from "auth"."sessions" where "id" = $1::uuid`,
    [row.session_id],
  );
  if (!session.rows[0] || session.rows[0].expired) throw authError(400, 'session_expired', 'Invalid Refresh Token: Session Expired');
  const user = await findUserById(tx, row.user_id);
  if (!user) throw authError(400, 'user_not_found', 'User from refresh token no longer exists');
  if (isBanned(user)) throw authError(400, 'user_banned', 'User is banned');
  await tx.query(`update "auth"."refresh_tokens" set "revoked" = true, "updated_at" = now() where "token" = $1`, [row.token]);
  await tx.query(`update "auth"."sessions" set "updated_at" = now() where "id" = $1::uuid`, [row.session_id]);
  const next = await addRefreshToken(tx, user.id, row.session_id, row.token);
  return sessionResponse(user, row.session_id, next, settings);
}

/** Is the session named in an access token still alive (not signed out, not revoked)? */
export async function sessionIsActive(tx: SqlExecutor, sessionId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const result = await tx.query(`select 1 from "auth"."sessions" where "id" = $1::uuid and ("not_after" is null or "not_after" > now())`, [sessionId]);
  return result.rows.length > 0;
}

export type LogoutScope = 'global' | 'local' | 'others';

export async function endSessions(tx: SqlExecutor, userId: string, sessionId: string | undefined, scope: LogoutScope): Promise<void> {
  if (scope === 'global' || !sessionId) {
    await tx.query(`delete from "auth"."sessions" where "user_id" = $1::uuid`, [userId]);
  } else if (scope === 'local') {
    await tx.query(`delete from "auth"."sessions" where "id" = $1::uuid`, [sessionId]);
  } else {
    await tx.query(`delete from "auth"."sessions" where "user_id" = $1::uuid and "id" <> $2::uuid`, [userId, sessionId]);
  }
}
