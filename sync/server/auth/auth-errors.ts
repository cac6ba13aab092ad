/**
 * Errors in the shape gotrue answers with API version 2024-01-01, which auth-js turns into
 * `AuthApiError` with `code` and `message` (it reads `code`, then `error_code`; `msg`, then `message`).
 */
import { HttpError } from '../http/respond';

export const authApiVersion = '2024-01-01';

export function authError(status: number, code: string, message: string): HttpError {
  return new HttpError(status, { code, error_code: code, msg: message, message });
}
