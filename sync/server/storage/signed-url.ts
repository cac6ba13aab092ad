/**
 * Signed download URLs as Supabase issues them: an HS256 token over `{ url: '<bucket>/<name>' }`
 * with an expiry, signed with the project's JWT secret. It carries no role, so it can never pass
 * as an API token.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { storageError } from './storage-errors';

const tokenPayload = z.object({ url: z.string() });

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signObjectUrl(bucketId: string, name: string, expiresInSeconds: number, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ url: `${bucketId}/${name}` })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(keyFrom(secret));
}

/** Throws a Supabase-shaped 400 unless the token is valid, unexpired and for this object. */
export async function verifyObjectUrlToken(token: string, bucketId: string, name: string, secret: string): Promise<void> {
  let url: string;
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), { algorithms: ['HS256'] });
    const parsed = tokenPayload.safeParse(payload);
    if (!parsed.success) throw storageError(400, 'InvalidJWT', 'The signature is not valid for this object');
    url = parsed.data.url;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw storageError(400, 'InvalidJWT', '"exp" claim timestamp check failed');
    if (error instanceof joseErrors.JOSEError) throw storageError(400, 'InvalidJWT', 'invalid signature');
    throw error;
  }
  if (url !== `${bucketId}/${name}`) throw storageError(400, 'InvalidSignature', 'The url do not match the signature');
}
