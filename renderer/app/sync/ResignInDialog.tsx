/**
 * The session ended on the server (revoked, expired, signed out elsewhere): ask for the password
 * again, email fixed. Local data and waiting changes are kept; sync resumes once signed in.
 */
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import type { WorkspaceSync } from '../../session/sync/workspace-sync';

export function ResignInDialog({ sync, onClose }: { sync: WorkspaceSync; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setMissing('Enter your password.');
      document.getElementById(`${id}-password`)?.focus();
      return;
    }
    setBusy(true);
    setMissing(null);
    setFailure(null);
    try {
      await sync.signInAgain(password);
      onClose();
    } catch (reason) {
      setFailure(errorMessage(reason).trim() || 'Signing in failed. Check your password and try again.');
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
        <FormField label="Email">
          <input name="email" type="email" autoComplete="username" value={sync.email} readOnly />
        </FormField>
        <FormField id={`${id}-password`} label="Password" error={missing ?? undefined}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            disabled={busy}
            autoFocus
          />
        </FormField>
        <div role="alert" className="form__alert">
          {failure ? <p className="inline-message">{failure}</p> : null}
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
