/**
 * PostgREST's error vocabulary: request errors it raises itself (PGRSTxxx) and the HTTP status
 * it gives each Postgres SQLSTATE, so supabase-js callers see the same `error.code` and status
 * against this backend as against Supabase.
 */
import { HttpError } from '../http/respond';

export function restError(status: number, code: string, message: string, details: string | null = null, hint: string | null = null): HttpError {
  return new HttpError(status, { code, message, details, hint });
}

export function parseError(message: string, details: string | null = null): HttpError {
  return restError(400, 'PGRST100', message, details);
}

export interface PgErrorLike {
  code: string;
  message: string;
  detail?: string | undefined;
  hint?: string | undefined;
}

export function isPgError(error: unknown): error is PgErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof (error as { message?: unknown }).message === 'string';
}

/** PostgREST's SQLSTATE → HTTP status table (postgrest/src/PostgREST/Error.hs). */
export function statusForSqlState(code: string, isAnonymous: boolean): number {
  if (code === '42501') return isAnonymous ? 401 : 403;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (code === '42883' || code === '42P01') return 404;
  if (code === 'P0001') return 400;
  if (code.startsWith('08') || code.startsWith('53')) return 503;
  if (code.startsWith('22') || code.startsWith('23') || code.startsWith('42')) return 400;
  return 500;
}

export function fromPgError(error: PgErrorLike, isAnonymous: boolean): HttpError {
  return restError(statusForSqlState(error.code, isAnonymous), error.code, error.message, error.detail ?? null, error.hint ?? null);
}
