/**
 * API access (Elite): create, list and revoke personal API tokens, and how to use them — the
 * exchange, the REST endpoints with curl, and the rate limit. Tokens live only on the server.
 */
import { useState, type FormEvent } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { LockedFeature } from '../../ui/LockedFeature';
import { Dialog } from '../../ui/Dialog';
import { FormAlert, FormField, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatDate, systemTimeZone } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import {
  API_TOKEN_EXPIRY_DAYS,
  API_TOKEN_JWT_MINUTES,
  API_TOKEN_REQUESTS_PER_MINUTE,
  API_TOKEN_SCOPES,
  API_TOKEN_SCOPE_LABELS,
  apiTokenExamples,
  apiTokenState,
  newApiTokenSchema,
  type ApiTokenScope,
  type ApiTokenSummary,
  type CreatedApiToken,
} from '../../../sync/domain/api-tokens';
import { createApiToken, revokeApiToken } from './api-access-writes';
import { useApiAccessData, type ApiAccessData } from './use-api-access-data';
import './api-access.css';

export function ApiAccessPage() {
  const data = useApiAccessData();
  return (
    <div className="api-access">
      <PageHeader title="API access" description="Read your own leads, clients, earnings and payouts from your own tools with a personal, read-only API token." />
      <ApiAccessBody data={data} />
    </div>
  );
}

function ApiAccessBody({ data }: { data: ApiAccessData }) {
  if (data.entitlement === null) return <p className="card card__text">Checking your tier…</p>;
  if (!data.entitlement.allowed) {
    return (
      <LockedFeature
        title="API access"
        description="Personal API tokens let your own tools read your leads, clients, earnings and payouts, read-only."
        message={data.entitlement.message}
      />
    );
  }
  return (
    <>
      {data.blocked ? (
        <p className="inline-message inline-message--info" role="status">
          {data.blocked}
        </p>
      ) : null}
      <CreateTokenForm data={data} />
      <TokenList data={data} />
      <ApiDocumentation serverUrl={data.serverUrl} anonKey={data.anonKey} />
    </>
  );
}

function CreateTokenForm({ data }: { data: ApiAccessData }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['leads']);
  const [expiresInDays, setExpiresInDays] = useState<number>(30);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: CreatedApiToken; name: string } | null>(null);

  const toggleScope = (scope: ApiTokenScope, checked: boolean) =>
    setScopes((current) => (checked ? API_TOKEN_SCOPES.filter((s) => s === scope || current.includes(s)) : current.filter((s) => s !== scope)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || data.blocked || !data.client) return;
    const parsed = newApiTokenSchema.safeParse({ name, scopes, expiresInDays });
    if (!parsed.success) {
      const fieldErrors = parsed.error.flatten().fieldErrors;
      setErrors({ name: fieldErrors.name?.[0], scopes: fieldErrors.scopes?.[0] });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const token = await createApiToken(data.client, parsed.data);
      setCreated({ token, name: parsed.data.name });
      setName('');
      data.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card api-access__section" aria-labelledby="api-access-create">
      <h2 id="api-access-create">Create a token</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormField label="Token name" hint="Say where it will be used, e.g. “CRM export”." error={errors.name}>
          <input type="text" value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </FormField>
        <fieldset className="api-access__scopes" aria-describedby={errors.scopes ? 'api-access-scopes-error' : undefined}>
          <legend>What it may read</legend>
          {API_TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="api-access__scope">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(event) => toggleScope(scope, event.target.checked)} />
              {API_TOKEN_SCOPE_LABELS[scope]}
            </label>
          ))}
          {errors.scopes ? (
            <span id="api-access-scopes-error" className="form-field__error">
              {errors.scopes}
            </span>
          ) : null}
        </fieldset>
        <FormField label="Expires after">
          <select value={expiresInDays} onChange={(event) => setExpiresInDays(Number(event.target.value))}>
            {API_TOKEN_EXPIRY_DAYS.map((days) => (
              <option key={days} value={days}>
                {days === 365 ? '1 year' : `${days} days`}
              </option>
            ))}
          </select>
        </FormField>
        <FormAlert message={failure} />
        <SubmitRow label="Create token" busyLabel="Creating…" busy={busy} blocked={data.blocked} />
      </form>
      {created ? <NewTokenDialog name={created.name} token={created.token} onClose={() => setCreated(null)} /> : null}
    </section>
  );
}

function NewTokenDialog({ name, token, onClose }: { name: string; token: CreatedApiToken; onClose(): void }) {
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(token.secret);
      setCopyStatus('Token copied to the clipboard.');
    } catch {
      setCopyStatus('Could not copy automatically. Select the token above and copy it with your keyboard.');
    }
  }
  return (
    <Dialog title={`Your new token “${name}”`} onClose={onClose}>
      <p className="inline-message" role="alert">
        Copy this token now: it is shown only once. SISO keeps only a fingerprint of it and cannot show it again. Keep it secret, like a password.
      </p>
      <FormField label="Token secret">
        <input type="text" readOnly value={token.secret} className="api-access__secret" onFocus={(event) => event.currentTarget.select()} />
      </FormField>
      <p className="card__text">Expires {formatDate(token.expires_at, systemTimeZone())}.</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="button" onClick={onClose}>
          I have saved it
        </button>
      </div>
      <p role="status" className="card__text">
        {copyStatus}
      </p>
    </Dialog>
  );
}

const STATE_LABELS = { active: 'Active', revoked: 'Revoked', expired: 'Expired' } as const;

function TokenList({ data }: { data: ApiAccessData }) {
  const now = useNow();
  const timeZone = systemTimeZone();
  const [confirming, setConfirming] = useState<ApiTokenSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  async function revoke(token: ApiTokenSummary) {
    if (!data.client || data.blocked) return;
    setBusy(true);
    setFailure(null);
    try {
      await revokeApiToken(data.client, token.id);
      setRevoked(`“${token.name}” is revoked: the next request made with it is refused.`);
      setConfirming(null);
      data.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card api-access__section" aria-labelledby="api-access-tokens">
      <h2 id="api-access-tokens">Your tokens</h2>
      <p role="status" className="card__text">
        {revoked}
      </p>
      {data.loadError ? <FormAlert message={data.loadError} /> : null}
      {data.tokens === null ? (
        <p className="card__text">{data.blocked ? 'Your tokens are listed here when you are online.' : 'Loading your tokens…'}</p>
      ) : data.tokens.length === 0 ? (
        <p className="card__text">You have no API tokens yet. Create one above.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Reads</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.tokens.map((token) => {
              const state = apiTokenState(token, now);
              return (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{API_TOKEN_SCOPES.filter((scope) => token.scopes.includes(scope)).join(', ')}</td>
                  <td>{formatDate(token.created_at, timeZone)}</td>
                  <td>{formatDate(token.expires_at, timeZone)}</td>
                  <td>{token.last_used_at ? formatDate(token.last_used_at, timeZone) : 'Never'}</td>
                  <td>{STATE_LABELS[state]}</td>
                  <td>
                    {state === 'active' ? (
                      <button type="button" className="button button--small button--danger" aria-label={`Revoke ${token.name}`} disabled={data.blocked !== null} onClick={() => setConfirming(token)}>
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {confirming ? (
        <Dialog title={`Revoke “${confirming.name}”?`} onClose={() => setConfirming(null)} busy={busy}>
          <p className="card__text">Anything using this token stops working at once. This cannot be undone; you can create a new token afterwards.</p>
          <FormAlert message={failure} />
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void revoke(confirming)}>
              {busy ? 'Revoking…' : 'Revoke token'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function ApiDocumentation({ serverUrl, anonKey }: { serverUrl: string | null; anonKey: string }) {
  const examples = apiTokenExamples(serverUrl ?? 'https://<your-siso-server>', anonKey);
  return (
    <section className="card api-access__section" aria-labelledby="api-access-docs">
      <h2 id="api-access-docs">Using your token</h2>
      <p className="card__text">
        Exchange your token for an access token that lasts {API_TOKEN_JWT_MINUTES} minutes, then read the REST API with it. The server applies the same rules as
        the app: you see only your own rows, only what the token’s scopes allow, and nothing can be changed. A revoked or expired token is refused at once
        (HTTP 401).
      </p>
      <p className="card__text">
        Rate limit: {API_TOKEN_REQUESTS_PER_MINUTE} requests a minute per token (exchanges and reads counted separately); beyond it the server answers HTTP 429 —
        wait a minute and try again.
      </p>
      <p className="card__text">Set your token first: <code>export SISO_API_TOKEN=siso_pat_…</code></p>
      {examples.map((example) => (
        <figure key={example.title} className="api-access__example">
          <figcaption>{example.title}</figcaption>
          <pre tabIndex={0} aria-label={example.title}>
            <code>{example.command}</code>
          </pre>
        </figure>
      ))}
    </section>
  );
}
