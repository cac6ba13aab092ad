/**
 * What the sign-in form keeps across the one reload that applies a newly allowed server in the
 * desktop app: the email and server address, never the password. Session storage only, cleared once shown.
 */
import { z } from 'zod';

const PENDING_SIGN_IN_KEY = 'siso.welcome.pending-sign-in';

const pendingSignInSchema = z.object({
  email: z.string().max(320),
  serverUrl: z.string().max(2048),
  origin: z.string().max(2048),
});
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function sessionStore(): SessionStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage disabled by the browser: the form simply starts empty after the reload.
    return null;
  }
}

export function rememberPendingSignIn(pending: PendingSignIn, store: SessionStore | null = sessionStore()): void {
  try {
    store?.setItem(PENDING_SIGN_IN_KEY, JSON.stringify(pending));
  } catch {
    // Quota or privacy mode: the person retypes the email, nothing else is lost.
  }
}

/** The values saved before the reload; null when none or unreadable. Clear them once shown. */
export function readPendingSignIn(store: SessionStore | null = sessionStore()): PendingSignIn | null {
  if (!store) return null;
  try {
    const raw = store.getItem(PENDING_SIGN_IN_KEY);
    if (raw === null) return null;
    const parsed = pendingSignInSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearPendingSignIn(store: SessionStore | null = sessionStore()): void {
  try {
    store?.removeItem(PENDING_SIGN_IN_KEY);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}
