/**
 * The first screen when no workspace is open: sign in to a partner account (when the app provides
 * a session port) or open the demo workspace, which keeps sample data on this device only.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Icon } from '../../ui/Icon';
import { errorMessage } from '../../ui/error-message';
import { usePlatform } from '../../platform';
import './welcome.css';
import { validateSignInForm, type SignInFormErrors, type SignInFormInput } from './sign-in-form';
import { clearPendingSignIn, readPendingSignIn, rememberPendingSignIn } from './pending-sign-in';
import { submitSignIn } from './sign-in-submit';

export interface WelcomePageProps {
  /** null: this build offers no sign-in; only the demo is offered. */
  signIn: ((input: { email: string; password: string; serverUrl: string }) => Promise<void>) | null;
  onOpenDemo(): void;
  defaultServerUrl: string;
  defaultEmail: string | null;
  /** Why Welcome is showing, e.g. an expired session. */
  notice: string | null;
}

export function WelcomePage({ signIn, onOpenDemo, defaultServerUrl, defaultEmail, notice }: WelcomePageProps) {
  const demoHintId = useId();
  return (
    <main className="welcome">
      <title>Welcome · SISO Partner Workstation</title>
      <div className="welcome__panel">
        <header className="welcome__brand">
          <Icon name="logo" className="welcome__logo" />
          <div>
            <p className="welcome__eyebrow">SISO</p>
            <h1>Partner Workstation</h1>
          </div>
        </header>
        <p className="welcome__intro">
          Your leads, proposals, marketing assets and commissions in one place — on this computer, online or offline.
        </p>
        {notice ? (
          <p className="inline-message inline-message--info" role="status">
            {notice}
          </p>
        ) : null}

        <div className="welcome__options">
          <section className="welcome__option" aria-labelledby="welcome-sign-in-heading">
            <h2 id="welcome-sign-in-heading">Sign in to your partner account</h2>
            {signIn ? (
              <SignInForm signIn={signIn} defaultServerUrl={defaultServerUrl} defaultEmail={defaultEmail} />
            ) : (
              <p className="card__text">
                This build of the app has no account sign-in yet, so your SISO partner account cannot be opened here.
                You can still explore every screen with the demo workspace.
              </p>
            )}
          </section>

          <section className="welcome__option" aria-labelledby="welcome-demo-heading">
            <h2 id="welcome-demo-heading">Try it first</h2>
            <p id={demoHintId} className="card__text">
              Explore with demo data — nothing is sent anywhere. The sample partner, leads and assets are stored on this
              device only, and you can close the demo at any time from the Account menu.
            </p>
            <div className="button-row">
              <button type="button" className="button button--primary" onClick={onOpenDemo} aria-describedby={demoHintId}>
                Open demo workspace
              </button>
            </div>
          </section>
        </div>
      </div>
    </main>
  );
}

type Field = keyof SignInFormInput;

function SignInForm({
  signIn,
  defaultServerUrl,
  defaultEmail,
}: {
  signIn: NonNullable<WelcomePageProps['signIn']>;
  defaultServerUrl: string;
  defaultEmail: string | null;
}) {
  const platform = usePlatform();
  // Set when the desktop app reloaded to apply a server allowed on the previous submit.
  const [pending] = useState(readPendingSignIn);
  const [input, setInput] = useState<SignInFormInput>(() => ({
    email: pending?.email ?? defaultEmail ?? '',
    password: '',
    serverUrl: pending?.serverUrl ?? defaultServerUrl,
  }));
  const [errors, setErrors] = useState<SignInFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const baseId = useId();

  // A disabled field cannot take focus: wait for the render that ends `busy`.
  const focusWhenEnabled = useRef<Field | null>(null);
  useEffect(() => {
    const field = focusWhenEnabled.current;
    if (!field || busy) return;
    focusWhenEnabled.current = null;
    formRef.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
  }, [busy]);

  useEffect(() => {
    if (!pending) return;
    clearPendingSignIn();
    formRef.current?.querySelector<HTMLInputElement>('[name="password"]')?.focus();
  }, [pending]);

  const update = (field: Field) => (value: string) => {
    setInput((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const result = validateSignInForm(input);
    if (!result.ok) {
      setErrors(result.errors);
      const first = (['email', 'password', 'serverUrl'] as const).find((field) => result.errors[field]);
      formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setServerError(null);
    setBusy(true);
    try {
      const outcome = await submitSignIn(result.values, {
        allowServer: (serverUrl) => platform.allowServer(serverUrl),
        signIn,
        rememberPending: rememberPendingSignIn,
        reload: () => window.location.reload(),
      });
      if (outcome.kind === 'server-refused') {
        // Everything typed stays; the sentence sits on the field it is about.
        setErrors({ serverUrl: outcome.reason });
        setBusy(false);
        focusWhenEnabled.current = 'serverUrl';
      }
    } catch (error) {
      setServerError(errorMessage(error) || 'Signing in failed. Check your details and try again.');
      setBusy(false);
    }
  }

  const fields: { name: Field; label: string; type: string; autoComplete: string }[] = [
    { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
    { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
    { name: 'serverUrl', label: 'Server address', type: 'url', autoComplete: 'url' },
  ];

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy}>
      {fields.map((field) => {
        const id = `${baseId}-${field.name}`;
        const error = errors[field.name];
        return (
          <div className="form-field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              value={input[field.name]}
              onChange={(event) => update(field.name)(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              disabled={busy}
            />
            {error ? (
              <p id={`${id}-error`} className="form-field__error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {pending ? (
        <p className="inline-message inline-message--info" role="status">
          The workstation can now reach {pending.origin}. It reloaded to apply that: enter your password again and sign in.
        </p>
      ) : null}
      <div role="alert" className="form__alert">
        {serverError ? <p className="inline-message">{serverError}</p> : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
