/**
 * The client's signature in present mode: full name and email, a signature drawn on the pad with
 * any pointer or (the keyboard path) the typed name set as the signature, and "I accept this
 * proposal". The dialog stays open with the reason when signing fails.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { signerSchema } from '../../../sync/domain/proposals/sign';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import { attachSignaturePad, canvasPng, drawTypedSignature, type SignaturePad } from './signature-pad';

export interface SignatureSubmission {
  name: string;
  email: string;
  method: 'drawn' | 'typed';
  signaturePng: Uint8Array;
}

export interface SignatureDialogProps {
  company: string;
  partnerName: string;
  /** The total the client accepts, formatted, e.g. "£12,600.00". */
  total: string | null;
  /** Saves the signature; a rejection's message is shown and the dialog stays open. */
  onSign(submission: SignatureSubmission): Promise<void>;
  onClose(): void;
}

type FieldErrors = { name?: string; email?: string; signature?: string };

export function SignatureDialog({ company, partnerName, total, onSign, onClose }: SignatureDialogProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const padFailure = useRef<string | null>(null);
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [hasDrawing, setHasDrawing] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const nameId = `${baseId}-name`;
  const emailId = `${baseId}-email`;
  const instructionsId = `${baseId}-instructions`;
  const signatureErrorId = `${baseId}-signature-error`;
  const switchRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || method !== 'drawn') return undefined;
    let pad: SignaturePad;
    try {
      pad = attachSignaturePad(canvas, setHasDrawing);
    } catch (error) {
      // Said when the person confirms, where the message has a place to show.
      padFailure.current = errorMessage(error);
      return undefined;
    }
    padFailure.current = null;
    padRef.current = pad;
    return () => {
      pad.detach();
      padRef.current = null;
      setHasDrawing(false);
    };
  }, [method]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || method !== 'typed') return;
    try {
      drawTypedSignature(canvas, name);
    } catch {
      // Confirming draws it again and says why it failed.
    }
  }, [method, name]);

  function switchMethod() {
    setMethod((current) => (current === 'drawn' ? 'typed' : 'drawn'));
    setErrors((current) => ({ ...current, signature: undefined }));
    // The button's label changes; keep focus on it so keyboard users stay where they were.
    switchRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const signer = signerSchema.safeParse({ name, email });
    const next: FieldErrors = {};
    if (!signer.success) {
      for (const issue of signer.error.issues) {
        const field = issue.path[0];
        if ((field === 'name' || field === 'email') && !next[field]) next[field] = issue.message;
      }
    }
    if (method === 'drawn' && padFailure.current) next.signature = padFailure.current;
    else if (method === 'drawn' && !hasDrawing) next.signature = 'Sign in the box with a mouse, pen, touch pad or finger, or choose "Sign with typed name instead".';
    setErrors(next);
    if (!signer.success || next.signature) {
      const first = next.name ? nameId : next.email ? emailId : null;
      if (first) document.getElementById(first)?.focus();
      else canvasRef.current?.focus();
      return;
    }
    const canvas = canvasRef.current;
    if (!canvas) return;
    setBusy(true);
    setFailure(null);
    try {
      if (method === 'typed') drawTypedSignature(canvas, signer.data.name);
      const signaturePng = await canvasPng(canvas);
      await onSign({ name: signer.data.name, email: signer.data.email, method, signaturePng });
    } catch (error) {
      setFailure(`The proposal was not signed: ${errorMessage(error)}`);
      setBusy(false);
    }
  }

  const canvasDescription = [instructionsId, errors.signature ? signatureErrorId : null].filter(Boolean).join(' ');

  return (
    <Dialog title={`Accept the proposal for ${company}`} onClose={onClose} busy={busy} className="signature-dialog">
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="signature-dialog__summary">
          {partnerName} · proposal for {company}
          {total ? (
            <>
              {' '}
              · total <strong>{total}</strong>
            </>
          ) : null}
        </p>
        <div className="signature-dialog__fields">
          <FormField id={nameId} label="Full name" error={errors.name}>
            <input type="text" autoComplete="name" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} disabled={busy} />
          </FormField>
          <FormField id={emailId} label="Email" error={errors.email}>
            <input type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} disabled={busy} />
          </FormField>
        </div>
        <fieldset className="signature-dialog__signature">
          <legend>Signature</legend>
          <p id={instructionsId} className="form-field__hint">
            {method === 'drawn'
              ? 'Sign in the box with a mouse, pen, touch pad or finger. Using a keyboard? Choose "Sign with typed name instead".'
              : 'The full name typed above is set as the signature, as shown in the box.'}
          </p>
          <canvas
            ref={canvasRef}
            className="signature-dialog__pad"
            data-method={method}
            role="img"
            tabIndex={-1}
            aria-label={method === 'drawn' ? 'Signature pad' : 'Typed signature'}
            aria-describedby={canvasDescription}
            aria-invalid={errors.signature ? true : undefined}
          />
          {errors.signature ? (
            <p id={signatureErrorId} className="form-field__error">
              {errors.signature}
            </p>
          ) : null}
          <div className="button-row">
            {method === 'drawn' ? (
              <button type="button" className="button button--small" onClick={() => padRef.current?.clear()} disabled={busy}>
                Clear signature
              </button>
            ) : null}
            <button ref={switchRef} type="button" className="button button--small" onClick={switchMethod} disabled={busy}>
              {method === 'drawn' ? 'Sign with typed name instead' : 'Draw the signature instead'}
            </button>
          </div>
        </fieldset>
        <p className="signature-dialog__statement">
          By choosing “I accept this proposal”, the signer accepts {partnerName}’s proposal for {company} as presented. The signed PDF records the signature, the
          name, email and time, and a fingerprint of the proposal before signing.
        </p>
        <div role="alert" className="form__alert">
          {failure ? <p className="inline-message">{failure}</p> : null}
        </div>
        <div className="button-row dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Signing…' : 'I accept this proposal'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
