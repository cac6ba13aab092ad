/** An assessment attempt SISO refused (a retake before the cool-down ended, a locked assessment): the server's reason and a way to discard it. */
import { useState } from 'react';
import type { SyncProblem } from '../../../sync/replication/sync-problems';
import { errorMessage } from '../../ui/error-message';
import { discardRefusedAttempt } from './certification-writes';

export function RefusedAttempt({ problem, title, discard }: { problem: SyncProblem; title: string; discard(problemId: string): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function onDiscard() {
    setBusy(true);
    setFailure(null);
    try {
      // On success the attempt leaves the local store and this notice with it.
      await discardRefusedAttempt(discard, problem.id);
    } catch (caught) {
      setFailure(`The attempt could not be discarded: ${errorMessage(caught)} Try again from Sync problems in the top bar.`);
      setBusy(false);
    }
  }

  return (
    <div className="certifications__refused">
      <p className="card__text" role="alert">
        SISO did not accept your {title} attempt: {problem.reason}
      </p>
      <p className="card__text">Your answers were not graded and do not count. Discard the attempt to clear it from this device.</p>
      <button type="button" className="button" disabled={busy} onClick={() => void onDiscard()} aria-label={`Discard the refused ${title} attempt`}>
        Discard attempt
      </button>
      {failure ? (
        <p className="card__text" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
