/**
 * Shows the leads toast for TOAST_MS, paused while the pointer or focus is on it so there is time
 * to reach its action (WCAG 2.2.1).
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../ui/error-message';
import { useLeadToastStore } from './lead-toast-store';

export const TOAST_MS = 8000;

export function LeadToast() {
  const toast = useLeadToastStore((state) => state.toast);
  const dismiss = useLeadToastStore((state) => state.dismiss);
  const [paused, setPaused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!toast || paused) return;
    timer.current = window.setTimeout(() => dismiss(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer.current);
  }, [toast, paused, dismiss]);

  async function runAction() {
    if (!toast?.action) return;
    try {
      await toast.action.run();
      dismiss(toast.id);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? (
        <div
          className="toast"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
        >
          <span>{problem ?? toast.message}</span>
          {toast.action ? (
            <button type="button" className="button button--small" onClick={() => void runAction()}>
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="icon-button toast__close" onClick={() => dismiss(toast.id)} aria-label="Dismiss message">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
