/**
 * The session ended on the server (revoked, expired, signed out elsewhere): ask for the password
 * again, email fixed. Local data and waiting changes are kept; sync resumes once signed in.
 */
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import type { WorkspaceSync } from '../../session/sync/workspace-sync';

export function ResignInDialog({ sync, onClose }: { sync: WorkspaceSync; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setError('Enter your password.');
      document.getElementById(`${id}-password`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sync.signInAgain(password);
      onClose();
    } catch (reason) {
      setError(reason instanceof Error && reason.message ? reason.message : 'Signing in failed. Check your password and try again.');
      setBusy(false);
    }
  }

  return (
    <Dialog title="Sign in again to keep syncing" onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <p className="card__text">
          Your session has ended, so sync is paused. Everything on this device — including changes not sent yet — is kept
          and is sent once you sign in.
        </p>
        <div className="form-field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="username" value={sync.email} readOnly />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            disabled={busy}
            autoFocus
          />
        </div>
        <div role="alert" className="form__alert" id={`${id}-error`}>
          {error ? <p className="inline-message">{error}</p> : null}
        </div>
        <div className="button-row dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Later
          </button>
        </div>
      </form>
    </Dialog>
  );
}
