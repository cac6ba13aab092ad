/**
 * How the workspace gate signs in, restores and ends an account session, without depending on the
 * sync layer: the app provides an implementation (over the Supabase session) through
 * <SessionPortProvider>. Without one, only the demo workspace can be opened.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';

export interface AccountSession {
  /** The Supabase auth user id; also the partner id on every row the partner owns. */
  userId: string;
  email: string;
  serverUrl: string;
  /** From the JWT's app_metadata; decides whether the admin area is shown (RLS enforces it). */
  role: 'admin' | 'partner';
}

export interface SignInInput {
  email: string;
  password: string;
  serverUrl: string;
}

/** Failures are `Error`s whose message is a sentence the person can act on. */
export interface SessionPort {
  /** The stored session, if any; must work offline (no network round trip required). */
  restore(): Promise<AccountSession | null>;
  signIn(input: SignInInput): Promise<AccountSession>;
  signOut(): Promise<void>;
}

const SessionPortContext = createContext<SessionPort | null>(null);

export function SessionPortProvider({ port, children }: { port: SessionPort; children: ReactNode }) {
  return createElement(SessionPortContext.Provider, { value: port }, children);
}

/** null when the app offers no account sign-in (demo only). */
export function useSessionPort(): SessionPort | null {
  return useContext(SessionPortContext);
}
