/**
 * HS256 JWTs as Supabase issues them: access tokens for users, and the long-lived anon and
 * service_role API keys. Verification refuses every other algorithm (including `alg: none`).
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';

export const jwtClaimsSchema = z
  .object({
    sub: z.string().optional(),
    role: z.enum(['anon', 'authenticated', 'service_role', 'partner_api']),
    email: z.string().optional(),
    app_metadata: z.record(z.string(), z.unknown()).optional(),
    user_metadata: z.record(z.string(), z.unknown()).optional(),
    session_id: z.string().optional(),
    exp: z.number().optional(),
    iat: z.number().optional(),
    iss: z.string().optional(),
    aud: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .passthrough();

export type JwtClaims = z.infer<typeof jwtClaimsSchema>;

export type VerifyResult =
  | { ok: true; claims: JwtClaims }
  | { ok: false; reason: 'expired' | 'invalid' };

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signJwt(
  claims: Omit<JwtClaims, 'iat' | 'exp'>,
  secret: string,
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(keyFrom(secret));
}

export async function verifyJwt(token: string, secret: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), { algorithms: ['HS256'] });
    const parsed = jwtClaimsSchema.safeParse(payload);
    return parsed.success ? { ok: true, claims: parsed.data } : { ok: false, reason: 'invalid' };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * The anon and service_role API keys for a secret. Like the Supabase CLI's, they are fixed for a
 * given secret (fixed issue date, ten-year expiry), so the app can ship the local anon key.
 */
export async function apiKeys(secret: string): Promise<{ anonKey: string; serviceRoleKey: string }> {
  const issuedAt = 1767225600; // 2026-01-01T00:00:00Z
  const expiresAt = issuedAt + 10 * 365 * 24 * 3600;
  const sign = (role: 'anon' | 'service_role') =>
    new SignJWT({ role, iss: 'supabase-local' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(keyFrom(secret));
  const [anonKey, serviceRoleKey] = await Promise.all([sign('anon'), sign('service_role')]);
  return { anonKey, serviceRoleKey };
}
