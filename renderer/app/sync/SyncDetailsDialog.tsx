/**
 * Sync details: the overall state, each collection's state, the changes the server refused (retry,
 * edit then retry, or discard) and the edits a newer server version replaced (dismiss).
 */
import { useState } from 'react';
import type { OverwrittenRecord } from '../../../sync/replication/conflicts';
import type { RetryOutcome } from '../../../sync/replication/replicate';
import type { SyncProblem } from '../../../sync/replication/sync-problems';
import type { CollectionName } from '../../../sync/schema/collections';
import { formatMoney } from '../../ui/format';
import { Dialog } from '../../ui/Dialog';
import { COLLECTION_LABELS, STATUS_LABELS, formatSyncTime } from './sync-labels';
import type { WorkspaceSync, WorkspaceSyncSnapshot } from '../../session/sync/workspace-sync';
import { errorMessage } from '../../ui/error-message';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** What a person calls the record: a lead's company, otherwise the kind of record. */
export function recordLabel(collection: CollectionName, doc: Record<string, unknown>): string {
  if (collection === 'leads') return text(doc.company) ?? text(doc.contact_name) ?? 'a lead';
  if (collection === 'tickets') return text(doc.subject) ?? 'a support ticket';
  if (collection === 'payouts') {
    const amount = typeof doc.amount === 'number' ? doc.amount : null;
    const currency = text(doc.currency);
    return amount !== null && currency ? `a withdrawal of ${formatMoney(amount, currency)}` : 'a withdrawal request';
  }
  return `a ${COLLECTION_LABELS[collection].toLowerCase()} record`;
}

function fieldLabel(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const OUTCOME_MESSAGES: Record<RetryOutcome, string> = {
  pushed: 'Sent: the server accepted the change.',
  'refused-again': 'The server refused the change again. Edit the record to meet its rule, then retry — or discard your version.',
  'changed-on-server': "The record changed on the server meanwhile. Retry to apply your version over it, or discard yours to keep the server's.",
  'already-resolved': 'Nothing left to send: this change is already settled.',
};

function ProblemItem({ problem, sync, onNavigate }: { problem: SyncProblem; sync: WorkspaceSync; onNavigate(): void }) {
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const label = recordLabel(problem.collection, problem.localDoc);
  const kind = problem.operation === 'insert' ? 'New record' : 'Edit';

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      const reason = errorMessage(error);
      setMessage(`Nothing was sent: ${reason} Try again when the server can be reached.`);
    } finally {
      setBusy(false);
      setConfirmDiscard(false);
    }
  }

  return (
    <li className="sync-item">
      <p className="sync-item__title">
        {COLLECTION_LABELS[problem.collection]}: {label} <span className="sync-item__meta">({kind})</span>
      </p>
      <p className="sync-item__reason">The server refused this change: {problem.reason}</p>
      {confirmDiscard ? (
        <div className="button-row" role="group" aria-label={`Discard your version of ${label}?`}>
          <p className="sync-item__confirm">
            {problem.operation === 'insert'
              ? `Discarding removes ${label} from this device; the server never had it.`
              : `Discarding replaces your version of ${label} with the server's.`}
          </p>
          <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void run(async () => (await sync.discard(problem.id), 'Discarded: the server’s version is kept.'))}>
            Discard my version
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={() => setConfirmDiscard(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--small button--primary" disabled={busy} aria-label={`Retry sending ${label}`} onClick={() => void run(async () => OUTCOME_MESSAGES[await sync.retry(problem.id)])}>
            Retry
          </button>
          {problem.collection === 'leads' ? (
            <a className="button button--small" href={`#/leads/${encodeURIComponent(problem.docId)}`} onClick={onNavigate} aria-label={`Edit ${label}`}>
              Edit
            </a>
          ) : null}
          <button type="button" className="button button--small button--danger" disabled={busy} aria-label={`Discard ${label}`} onClick={() => setConfirmDiscard(true)}>
            Discard
          </button>
        </div>
      )}
      <p role="status" className="sync-item__outcome">
        {message}
      </p>
    </li>
  );
}

function OverwrittenItem({ record, sync }: { record: OverwrittenRecord; sync: WorkspaceSync }) {
  const label = recordLabel(record.collection, record.serverState);
  const fields = Object.entries(record.lostFields);
  return (
    <li className="sync-item">
      <p className="sync-item__title">
        {COLLECTION_LABELS[record.collection]}: {label}
      </p>
      <p className="sync-item__reason">
        A newer version from the server replaced {fields.length === 1 ? 'this change' : 'these changes'} made on this device. Re-enter
        anything you still need.
      </p>
      <dl className="sync-item__fields">
        {fields.map(([field, value]) => (
          <div key={field}>
            <dt>{fieldLabel(field)}</dt>
            <dd>
              Yours: {valueText(value)} · Kept: {valueText(record.serverState[field])}
            </dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <button type="button" className="button button--small" aria-label={`Dismiss replaced change to ${label}`} onClick={() => sync.dismissOverwritten(record.id)}>
          Dismiss
        </button>
      </div>
    </li>
  );
}

export function SyncDetailsDialog({
  sync,
  snapshot,
  summary,
  now,
  onClose,
  onSignInAgain,
}: {
  sync: WorkspaceSync;
  snapshot: WorkspaceSyncSnapshot;
  summary: string;
  now: Date;
  onClose(): void;
  onSignInAgain(): void;
}) {
  const { state, problems, overwritten, session, startError } = snapshot;
  const collections = state ? (Object.entries(state.collections) as [CollectionName, NonNullable<(typeof state.collections)[CollectionName]>][]) : [];
  return (
    <Dialog title="Sync details" onClose={onClose} className="sync-dialog">
      <p className="sync-dialog__summary">Sync: {summary}.</p>
      {startError ? <p className="inline-message">{startError}</p> : null}
      {session.status !== 'signed-in' ? (
        <p className="inline-message inline-message--info">
          Your session has ended, so nothing is sent or received. Your data stays on this device.{' '}
          <button type="button" className="button button--small button--primary" onClick={onSignInAgain}>
            Sign in again
          </button>
        </p>
      ) : (
        <p className="card__text">Signed in as {sync.email}.</p>
      )}

      <section aria-labelledby="sync-problems-heading" className="sync-dialog__section">
        <h3 id="sync-problems-heading">Sync problems ({problems.length})</h3>
        {problems.length === 0 ? (
          <p className="card__text">The server has accepted every change sent so far.</p>
        ) : (
          <ul className="sync-list">
            {problems.map((problem) => (
              <ProblemItem key={problem.id} problem={problem} sync={sync} onNavigate={onClose} />
            ))}
          </ul>
        )}
      </section>

      {overwritten.length > 0 ? (
        <section aria-labelledby="sync-overwritten-heading" className="sync-dialog__section">
          <h3 id="sync-overwritten-heading">Replaced changes ({overwritten.length})</h3>
          <ul className="sync-list">
            {overwritten.map((record) => (
              <OverwrittenItem key={record.id} record={record} sync={sync} />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="sync-collections-heading" className="sync-dialog__section">
        <h3 id="sync-collections-heading">By kind of record</h3>
        {collections.length === 0 ? (
          <p className="card__text">Sync has not started in this window yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table sync-table">
              <thead>
                <tr>
                  <th scope="col">Records</th>
                  <th scope="col">Status</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Problems</th>
                  <th scope="col">Last synced</th>
                </tr>
              </thead>
              <tbody>
                {collections.map(([name, c]) => (
                  <tr key={name}>
                    <th scope="row">{COLLECTION_LABELS[name]}</th>
                    <td>
                      {STATUS_LABELS[c.status]}
                      {c.error ? <span className="sync-table__error"> — {c.error}</span> : null}
                    </td>
                    <td>{c.pendingCount}</td>
                    <td>{c.problemCount}</td>
                    <td>{formatSyncTime(c.lastSyncedAt, now) ?? 'Not yet'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="button-row dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
