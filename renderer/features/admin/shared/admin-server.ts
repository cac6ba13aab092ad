/**
 * How the admin area talks to the server: straight through the signed-in client, online only on
 * purpose — publishing is a decision made against what the server holds, not a queued edit that
 * could land later over another admin's change. Every reply is validated with zod; every failure
 * is an Error whose message is a sentence to show.
 */
import { z } from 'zod';

export class AdminRequestError extends Error {}

interface PostgrestLikeError {
  message: string;
  code?: string;
}

/** A server refusal as a sentence. RLS refusals mean the session is not an admin any more. */
export function sentenceFor(action: string, error: PostgrestLikeError | null | undefined): string {
  if (!error) return `Could not ${action}: the server sent no answer. Check your connection and try again.`;
  const message = error.message.trim();
  if (error.code === '42501' || /row-level security/i.test(message)) {
    return `Could not ${action}: the server says this account is not allowed to. Only SISO admins can do this; sign in again if your role changed.`;
  }
  if (error.code === '23505') return `Could not ${action}: an entry with the same slug already exists. Change the title and try again.`;
  if (/fetch|network|Failed to fetch|NetworkError/i.test(message)) {
    return `Could not ${action}: the server could not be reached. Check your connection; your changes are still in the form.`;
  }
  return `Could not ${action}: ${message.endsWith('.') ? message : `${message}.`}`;
}

export function parseReply<T>(schema: z.ZodType<T>, data: unknown, action: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new AdminRequestError(`Could not ${action}: the server's reply was not what this app expects (${z.prettifyError(parsed.error).split('\n')[0] ?? 'unknown field'}). Update the app or contact SISO support.`);
  }
  return parsed.data;
}
