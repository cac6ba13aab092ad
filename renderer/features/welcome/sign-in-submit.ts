/**
 * What submitting Welcome's sign-in form does, in order: ask the host to allow the server (the
 * desktop app's CSP refuses servers nobody confirmed), reload once when the host says the page
 * must pick up its new policy, and only then send anything to the server.
 */
import type { ServerAccessResult } from '../../platform';
import type { SignInFormValues } from './sign-in-form';
import type { PendingSignIn } from './pending-sign-in';

export type SignInSubmitOutcome =
  | { kind: 'signed-in' }
  | { kind: 'server-refused'; reason: string }
  | { kind: 'reloading' };

export interface SignInSubmitDeps {
  allowServer(serverUrl: string): Promise<ServerAccessResult>;
  signIn(values: SignInFormValues): Promise<void>;
  /** Keeps what the person typed (not the password) across the reload. */
  rememberPending(pending: PendingSignIn): void;
  reload(): void;
}

/** Errors from signing in propagate to the form, which shows them as its alert. */
export async function submitSignIn(values: SignInFormValues, deps: SignInSubmitDeps): Promise<SignInSubmitOutcome> {
  const access = await deps.allowServer(values.serverUrl);
  if (!access.allowed) return { kind: 'server-refused', reason: access.reason };
  if (access.reloadRequired) {
    deps.rememberPending({ email: values.email, serverUrl: values.serverUrl, origin: access.origin });
    deps.reload();
    return { kind: 'reloading' };
  }
  await deps.signIn(values);
  return { kind: 'signed-in' };
}
