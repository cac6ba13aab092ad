/** Errors shaped as Supabase Storage returns them: `{ statusCode, error, message }`. */
import { HttpError } from '../http/respond';

export function storageError(status: number, error: string, message: string): HttpError {
  return new HttpError(status, { statusCode: String(status), error, message });
}

export const objectNotFound = (): HttpError => storageError(404, 'not_found', 'Object not found');
export const bucketNotFound = (): HttpError => storageError(404, 'Bucket not found', 'Bucket not found');
export const rowLevelSecurityRefusal = (): HttpError =>
  storageError(403, 'Unauthorized', 'new row violates row-level security policy');
export const objectTooLarge = (): HttpError =>
  storageError(413, 'Payload too large', 'The object exceeded the maximum allowed size');
export const mimeTypeRefused = (mimeType: string): HttpError =>
  storageError(415, 'invalid_mime_type', `mime type ${mimeType} is not supported`);
export const duplicateObject = (): HttpError => storageError(409, 'Duplicate', 'The resource already exists');
export const invalidKey = (name: string): HttpError => storageError(400, 'InvalidKey', `Invalid key: ${name}`);
export const invalidRequest = (message: string): HttpError => storageError(400, 'Invalid Request', message);

/** The SQLSTATE of a database error from either engine, if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** RLS refusals (42501) become Supabase's 403; unique violations become 409. */
export function translateDatabaseError(error: unknown): unknown {
  const state = sqlState(error);
  if (state === '42501') return rowLevelSecurityRefusal();
  if (state === '23505') return duplicateObject();
  return error;
}
