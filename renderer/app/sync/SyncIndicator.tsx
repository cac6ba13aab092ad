/**
 * The top bar's sync indicator: a button whose name states the sync state ("Sync: offline, 3
 * changes waiting"), opening the sync details; and, when the session has ended, a "Sign in again"
 * button. Offline, problem and paused states are also announced politely.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { useNow } from '../../ui/use-now';
import { ResignInDialog } from './ResignInDialog';
import { SyncDetailsDialog } from './SyncDetailsDialog';
import { describeSync } from './sync-labels';
import type { WorkspaceSync } from '../../session/sync/workspace-sync';
import './sync.css';

export function SyncIndicator({ sync }: { sync: WorkspaceSync }) {
  const snapshot = useStore(sync.store);
  const now = useNow(30_000);
  const [open, setOpen] = useState<'details' | 'sign-in' | null>(null);
  const { text, tone } = describeSync({
    state: snapshot.state,
    session: snapshot.session.status,
    online: snapshot.online,
    startError: snapshot.startError,
    now,
  });
  const announce = tone === 'offline' || tone === 'problem' || tone === 'paused' ? `Sync: ${text}` : '';
  const expired = snapshot.session.status !== 'signed-in';

  return (
    <div className="sync-indicator">
      <button type="button" className="status-pill sync-indicator__button" data-tone={tone} aria-haspopup="dialog" onClick={() => setOpen('details')}>
        <span className="status-pill__dot" aria-hidden="true" />
        <span className="visually-hidden">Sync: </span>
        <span className="sync-indicator__text">{text}</span>
      </button>
      {expired ? (
        <button type="button" className="button button--small button--primary" onClick={() => setOpen('sign-in')}>
          Sign in again
        </button>
      ) : null}
      <span role="status" className="visually-hidden">
        {announce}
      </span>
      {open === 'details' ? (
        <SyncDetailsDialog
          sync={sync}
          snapshot={snapshot}
          summary={text}
          now={now}
          onClose={() => setOpen(null)}
          onSignInAgain={() => setOpen('sign-in')}
        />
      ) : null}
      {open === 'sign-in' ? <ResignInDialog sync={sync} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
