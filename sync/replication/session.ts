/**
 * The partner's session: a supabase-js client whose auth storage is the platform's secure token
 * store, sign-in with errors a person can act on, an offline restore that opens the account's
 * local data at once, and a state stream the app uses to pause sync when the session expires.
 *
 * `expired` means the server refused the refresh token (revoked, reused, signed out elsewhere).
 * auth-js then deletes its stored session, so the account (id, email) is also kept under its own
 * key: after a restart the app still knows whose local data it holds and asks only for the
 * password again. Nothing here touches local data or pending writes.
 */
import { createClient, isAuthRetryableFetchError, type AuthChangeEvent, type Session, type SupabaseClient } from '@supabase/supabase-js';
import { BehaviorSubject, type Observable } from 'rxjs';
import { z } from 'zod';

export interface TokenStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
}

export interface SupabaseClientOptions {
  url: string;
  anonKey: string;
  tokenStore: TokenStore;
  fetch?: typeof globalThis.fetch;
  /** Node has no global WebSocket: pass the `ws` constructor. */
  WebSocket?: unknown;
  /**
   * Called when the auth server refuses a refresh token for good. auth-js keeps a session whose
   * access token is still valid, and caches the failure for a minute, so its SIGNED_OUT can come
   * late or never; the refusal itself is the reliable signal.
   */
  onRefreshRefused?: (code: string) => void;
}

/** gotrue's error body: `code` (API version 2024-01-01) or `error_code`, and a message. */
const authErrorBody = z.object({
  code: z.union([z.string(), z.number()]).optional(),
  error_code: z.string().optional(),
  msg: z.string().optional(),
  message: z.string().optional(),
});

const deadSessionCodes = new Set(['refresh_token_not_found', 'refresh_token_already_used', 'session_expired', 'session_not_found', 'user_not_found', 'user_banned']);

function watchRefreshRefusals(fetchImpl: typeof globalThis.fetch, onRefused: (code: string) => void): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (response.status >= 400 && response.status < 500 && url.includes('/auth/v1/token') && url.includes('grant_type=refresh_token')) {
      const body = authErrorBody.safeParse(await response.clone().json().catch(() => null));
      const code = body.success ? (body.data.error_code ?? (typeof body.data.code === 'string' ? body.data.code : undefined)) : undefined;
      if (code && deadSessionCodes.has(code)) onRefused(code);
    }
    return response;
  };
}

/** One stored session per server, so switching servers never mixes accounts. */
export function storageKeyFor(url: string): string {
  const host = new URL(url).host.replace(/[^a-zA-Z0-9.-]/g, '_');
  return `siso-auth-${host}`;
}

export function createSupabaseClientFor(options: SupabaseClientOptions): SupabaseClient {
  const { tokenStore } = options;
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const fetchImpl = options.onRefreshRefused ? watchRefreshRefusals(baseFetch, options.onRefreshRefused) : options.fetch;
  return createClient(options.url, options.anonKey, {
    auth: {
      storageKey: storageKeyFor(options.url),
      storage: {
        getItem: (key) => tokenStore.get(key),
        setItem: async (key, value) => void (await tokenStore.set(key, value)),
        removeItem: async (key) => void (await tokenStore.delete(key)),
      },
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
    },
    ...(fetchImpl ? { global: { fetch: fetchImpl } } : {}),
    ...(options.WebSocket ? { realtime: { transport: options.WebSocket as typeof globalThis.WebSocket } } : {}),
  });
}

// ---------------------------------------------------------------------------------------------

/** What auth-js stores (the parts we read without the network). */
const storedSession = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_at: z.number().optional(),
  user: z.object({
    id: z.string(),
    email: z.string().optional(),
    app_metadata: z.object({ role: z.string().optional() }).loose().optional(),
  }),
});

/** 'admin' when the JWT's app_metadata says so; the server's RLS decides what either may do. */
export type AccountRole = 'admin' | 'partner';
const accountRole = z.enum(['admin', 'partner']);
const roleFrom = (appMetadata: Record<string, unknown> | undefined): AccountRole => (appMetadata?.['role'] === 'admin' ? 'admin' : 'partner');

const storedAccount = z.object({ userId: z.string(), email: z.string(), expired: z.boolean(), role: accountRole.default('partner') });
type StoredAccount = z.infer<typeof storedAccount>;

/** The auth server's error body, as auth-js surfaces it. */
const authErrorShape = z.object({ message: z.string(), code: z.string().optional(), status: z.number().optional() });

export type SessionStatus = 'signed-out' | 'signed-in' | 'expired';

export interface SessionState {
  status: SessionStatus;
  /** Known for signed-in and expired: whose local data this is. */
  account: { userId: string; email: string; role: AccountRole } | null;
}

export interface RestoredSession {
  userId: string;
  email: string;
  role: AccountRole;
  status: 'signed-in' | 'expired';
  /** The access token has expired; it refreshes when the network allows. Data opens anyway. */
  accessTokenExpired: boolean;
}

export type SignInResult = { ok: true; userId: string; email: string; role: AccountRole } | { ok: false; code: string; message: string };

export interface SessionController {
  readonly client: SupabaseClient;
  readonly state$: Observable<SessionState>;
  current(): SessionState;
  signIn(email: string, password: string): Promise<SignInResult>;
  /** The stored session (or the expired account), read from the token store only — no network. */
  restore(): Promise<RestoredSession | null>;
  signOut(): Promise<void>;
  dispose(): void;
}

export function describeSignInError(error: unknown, url: string): { code: string; message: string } {
  const unreachable = { code: 'unreachable', message: `Can't reach ${url}. Check your connection or the server address.` };
  if (isAuthRetryableFetchError(error)) return unreachable;
  const parsed = authErrorShape.safeParse(error);
  if (!parsed.success) return error instanceof TypeError ? unreachable : { code: 'unknown', message: 'Sign-in failed for an unknown reason. Try again.' };
  const { code, message, status } = parsed.data;
  if (status === 0 || (status !== undefined && status >= 500) || /fetch failed|Failed to fetch|NetworkError/i.test(message)) return unreachable;
  if (code === 'invalid_credentials' || /invalid login credentials/i.test(message)) {
    return { code: 'invalid_credentials', message: 'The email or password is not right. Check them and try again.' };
  }
  if (code === 'user_banned') return { code, message: 'This account is blocked. Contact SISO partner support.' };
  if (code === 'email_not_confirmed') return { code, message: 'Confirm your email address first, using the link we sent you.' };
  if (status === 429 || code === 'over_request_rate_limit') return { code: 'rate_limited', message: 'Too many sign-in attempts. Wait a minute and try again.' };
  return { code: code ?? 'auth_error', message: `Sign-in failed: ${message}` };
}

export function createSessionController(options: SupabaseClientOptions): SessionController {
  const client = createSupabaseClientFor({ ...options, onRefreshRefused: () => setTimeout(() => void markExpired(), 0) });
  const key = storageKeyFor(options.url);
  const accountKey = `${key}-account`;
  const state = new BehaviorSubject<SessionState>({ status: 'signed-out', account: null });
  let signingOut = false;

  const readAccount = async (): Promise<StoredAccount | null> => {
    const text = await options.tokenStore.get(accountKey);
    if (text === null) return null;
    try {
      const parsed = storedAccount.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  const writeAccount = (account: StoredAccount) => options.tokenStore.set(accountKey, JSON.stringify(account));
  const accountOf = (session: Session) => ({ userId: session.user.id, email: session.user.email ?? '', role: roleFrom(session.user.app_metadata) });

  const onAuth = async (event: AuthChangeEvent, session: Session | null): Promise<void> => {
    if (session && (event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED' || event === 'INITIAL_SESSION' || event === 'USER_UPDATED')) {
      const account = accountOf(session);
      state.next({ status: 'signed-in', account });
      await writeAccount({ ...account, expired: false });
      return;
    }
    if (event === 'SIGNED_OUT' && !signingOut) await markExpired();
  };
  // Not asked for: the server refused the refresh token. Keep the account; data stays.
  async function markExpired(): Promise<void> {
    if (signingOut || state.getValue().status === 'expired') return;
    const known = state.getValue().account ?? (await readAccount());
    if (!known) {
      state.next({ status: 'signed-out', account: null });
      return;
    }
    const account = { userId: known.userId, email: known.email, role: known.role };
    state.next({ status: 'expired', account });
    await writeAccount({ ...account, expired: true });
  }
  const { data: listener } = client.auth.onAuthStateChange((event, session) => {
    // auth-js holds its lock while notifying: never await auth calls inside; defer instead.
    setTimeout(() => void onAuth(event, session), 0);
  });

  return {
    client,
    state$: state.asObservable(),
    current: () => state.getValue(),

    async signIn(email, password) {
      try {
        const { data, error } = await client.auth.signInWithPassword({ email, password });
        if (error || !data.session) return { ok: false, ...describeSignInError(error, options.url) };
        const account = accountOf(data.session);
        await writeAccount({ ...account, expired: false });
        state.next({ status: 'signed-in', account });
        return { ok: true, ...account };
      } catch (error) {
        return { ok: false, ...describeSignInError(error, options.url) };
      }
    },

    async restore() {
      const remembered = await readAccount();
      const text = await options.tokenStore.get(key);
      let stored: z.infer<typeof storedSession> | undefined;
      try {
        const parsed = text === null ? undefined : storedSession.safeParse(JSON.parse(text));
        if (parsed?.success) stored = parsed.data;
      } catch {
        // unreadable: fall back to the remembered account
      }
      if (stored) {
        const account = { userId: stored.user.id, email: stored.user.email ?? '', role: roleFrom(stored.user.app_metadata) };
        const expired = state.getValue().status === 'expired' || (remembered?.expired === true && remembered.userId === account.userId);
        state.next({ status: expired ? 'expired' : 'signed-in', account });
        const accessTokenExpired = stored.expires_at !== undefined && stored.expires_at * 1000 <= Date.now();
        return { ...account, status: expired ? 'expired' : 'signed-in', accessTokenExpired };
      }
      if (!remembered?.expired) return null;
      const account = { userId: remembered.userId, email: remembered.email, role: remembered.role };
      state.next({ status: 'expired', account });
      return { ...account, status: 'expired', accessTokenExpired: true };
    },

    async signOut() {
      signingOut = true;
      try {
        const { error } = await client.auth.signOut({ scope: 'local' });
        // Offline, or the session was already gone on the server: forget it locally anyway.
        if (error) await options.tokenStore.delete(key);
      } catch {
        await options.tokenStore.delete(key);
      } finally {
        await options.tokenStore.delete(accountKey);
        state.next({ status: 'signed-out', account: null });
        // auth-js notifies asynchronously; let its SIGNED_OUT pass before listening for expiry again.
        setTimeout(() => (signingOut = false), 0);
      }
    },

    dispose() {
      listener.subscription.unsubscribe();
      state.complete();
    },
  };
}
