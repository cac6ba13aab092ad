/**
 * One link's QR code and sharing: PNG/SVG downloads, print (only the code and URL), copy, email,
 * LinkedIn and X. Every action reports what happened in a status line.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { usePlatform } from '../../platform';
import { qrFileBase, qrMatrix, qrPngBytes, qrSvgDocument, QR_QUIET_ZONE } from './qr-code';
import { emailShareUrl, linkedInShareUrl, shareRecipientSchema, xShareUrl } from './share-targets';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';

/** Set on <html> while the QR print runs, so the print stylesheet applies only to that print. */
const PRINT_FLAG = 'referral-qr';

function endQrPrint() {
  if (document.documentElement.dataset.print === PRINT_FLAG) delete document.documentElement.dataset.print;
}

function printQr() {
  document.documentElement.dataset.print = PRINT_FLAG;
  window.addEventListener('afterprint', endQrPrint, { once: true });
  window.print();
}

export function LinkSharePanel({ name, url }: { name: string; url: string }) {
  const platform = usePlatform();
  const baseId = useId();
  const matrix = useMemo(() => qrMatrix(url), [url]);
  const side = matrix.size + 2 * QR_QUIET_ZONE;
  const [status, setStatus] = useState<string | null>(null);
  const [recipient, setRecipient] = useState('');
  const [recipientError, setRecipientError] = useState<string | null>(null);
  const fileBase = qrFileBase(name);
  useEffect(() => endQrPrint, []);

  async function download(kind: 'png' | 'svg') {
    try {
      const data = kind === 'png' ? await qrPngBytes(url) : new TextEncoder().encode(qrSvgDocument(url));
      const result = await platform.saveFile({
        suggestedName: `${fileBase}.${kind}`,
        mimeType: kind === 'png' ? 'image/png' : 'image/svg+xml',
        data,
      });
      setStatus(result.saved ? `Saved the QR code as ${kind.toUpperCase()}${result.path ? ` to ${result.path}` : ''}.` : 'The QR code was not saved.');
    } catch (error) {
      setStatus(`The QR code could not be saved: ${errorMessage(error)}.`);
    }
  }

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus('Link copied to the clipboard.');
    } catch {
      setStatus('Copying is not available here. Select the link above and copy it with Ctrl+C (⌘C on a Mac).');
    }
  }

  async function open(target: string, label: string) {
    const result = await platform.openExternal(target);
    setStatus(result.opened ? `Opened ${label}.` : `${label} could not be opened: ${result.reason}`);
  }

  function shareByEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = shareRecipientSchema.safeParse(recipient);
    if (!parsed.success) {
      setRecipientError(parsed.error.issues[0]?.message ?? 'Enter an email address.');
      document.getElementById(`${baseId}-recipient`)?.focus();
      return;
    }
    setRecipientError(null);
    void open(emailShareUrl(parsed.data, name, url), 'your email app');
  }

  return (
    <section className="card referral-share" aria-labelledby={`${baseId}-heading`} data-testid="referral-share">
      <h2 id={`${baseId}-heading`}>Share “{name}”</h2>
      <div className="referral-share__layout">
        <div className="referral-qr-print">
          <svg
            className="referral-qr"
            viewBox={`0 0 ${side} ${side}`}
            width={Math.max(160, side * 5)}
            height={Math.max(160, side * 5)}
            role="img"
            aria-label={`QR code for ${url}`}
            shapeRendering="crispEdges"
          >
            <rect width={side} height={side} fill="#ffffff" />
            <path d={matrix.path} fill="#000000" />
          </svg>
          <p className="referral-share__url break-anywhere" data-testid="referral-url">
            {url}
          </p>
        </div>
        <div className="referral-share__actions">
          <div className="button-row">
            <button type="button" className="button" onClick={() => void download('png')}>
              Download PNG
            </button>
            <button type="button" className="button" onClick={() => void download('svg')}>
              Download SVG
            </button>
            <button type="button" className="button" onClick={printQr}>
              Print
            </button>
            <button type="button" className="button" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void open(linkedInShareUrl(url), 'LinkedIn')}>
              Share on LinkedIn
            </button>
            <button type="button" className="button" onClick={() => void open(xShareUrl(url, name), 'X')}>
              Share on X
            </button>
          </div>
          <form className="inline-form referral-share__email" noValidate onSubmit={shareByEmail}>
            <FormField id={`${baseId}-recipient`} label="Recipient email" error={recipientError ?? undefined}>
              <input
                type="email"
                autoComplete="email"
                value={recipient}
                onChange={(event) => {
                  setRecipient(event.target.value);
                  setRecipientError(null);
                }}
              />
            </FormField>
            <button type="submit" className="button">
              Share by email
            </button>
          </form>
          <p role="status" className="referral-share__status">
            {status}
          </p>
        </div>
      </div>
    </section>
  );
}
