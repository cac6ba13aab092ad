/**
 * One action at a time on a list's rows (book, cancel, download): which row is busy, and the
 * action's outcome sentence or its failure, said through the screen's own status and alert.
 */
import { useCallback, useState } from 'react';
import { errorMessage } from './error-message';

export function useRowAction(onDone: (message: string) => void, onProblem: (message: string) => void, whereToTurn: string) {
  const [busyId, setBusyId] = useState<string | null>(null);
  const run = useCallback(
    async (rowId: string, action: () => Promise<string>) => {
      setBusyId(rowId);
      try {
        onDone(await action());
      } catch (error) {
        onProblem(`That did not work: ${errorMessage(error)} Try again; if it keeps failing, ${whereToTurn}.`);
      } finally {
        setBusyId(null);
      }
    },
    [onDone, onProblem, whereToTurn],
  );
  return { busyId, run };
}
