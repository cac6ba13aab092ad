/** The error screen: what happened, the error message, and ways forward (reload, copy details). */
import { useState } from 'react';
import type { ErrorReport } from './error-report';

export interface ErrorFallbackProps {
  report: ErrorReport;
  onReload?: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function ErrorFallback({ report, onReload = () => window.location.reload() }: ErrorFallbackProps) {
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copyDetails() {
    try {
      await navigator.clipboard.writeText(report.details);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="error-screen" role="alert" aria-labelledby="error-screen-title">
      <h1 id="error-screen-title">{report.headline}</h1>
      <p>
        Your data is safe: everything is stored on this device. Reload to try again; if it keeps happening, copy the
        details and send them to SISO partner support.
      </p>
      <p className="error-screen__message">
        <span className="visually-hidden">Error message: </span>
        <code>{report.message}</code>
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onReload}>
          Reload
        </button>
        <button type="button" className="button" onClick={() => void copyDetails()}>
          Copy details
        </button>
      </div>
      <p className="error-screen__copy-status" aria-live="polite">
        {copyState === 'copied' && 'Details copied to the clipboard.'}
        {copyState === 'failed' && 'Could not copy automatically. Select the details below and copy them.'}
      </p>
      <details className="error-screen__details" open={copyState === 'failed'}>
        <summary>Technical details</summary>
        <pre>{report.details}</pre>
      </details>
    </section>
  );
}
