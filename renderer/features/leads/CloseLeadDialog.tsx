/**
 * Asked when a lead moves to Closed: was it won or lost, and if lost, why. Focus starts on the
 * choice, a missing reason is said under the field, and Escape or Cancel leaves the lead as it was.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { LOST_REASON_MAX, validateCloseLead, type CloseLeadChoice, type CloseLeadErrors } from '../../../sync/domain/pipeline';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';

export interface CloseLeadDialogProps {
  company: string;
  /** Saves; a rejection's message is shown and the dialog stays open. */
  onConfirm(choice: CloseLeadChoice): Promise<void>;
  onClose(): void;
}

export function CloseLeadDialog({ company, onConfirm, onClose }: CloseLeadDialogProps) {
  const firstChoiceRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'' | 'won' | 'lost'>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<CloseLeadErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const outcomeErrorId = `${baseId}-outcome-error`;
  const reasonId = `${baseId}-reason`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateCloseLead({ outcome, reason });
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors.outcome) firstChoiceRef.current?.focus();
      else document.getElementById(reasonId)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    setSaveError(null);
    try {
      await onConfirm(result.value);
    } catch (error) {
      setSaveError(`The lead was not closed: ${errorMessage(error)}`);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Close “${company}”`} onClose={onClose} busy={busy} className="dialog--narrow">
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="form-field close-lead__choices" aria-describedby={errors.outcome ? outcomeErrorId : undefined}>
          <legend>Outcome</legend>
          <label className="close-lead__choice">
            <input ref={firstChoiceRef} type="radio" name="outcome" value="won" checked={outcome === 'won'} onChange={() => setOutcome('won')} />
            Won
          </label>
          <label className="close-lead__choice">
            <input type="radio" name="outcome" value="lost" checked={outcome === 'lost'} onChange={() => setOutcome('lost')} />
            Lost
          </label>
          {errors.outcome ? (
            <p id={outcomeErrorId} className="form-field__error">
              {errors.outcome}
            </p>
          ) : null}
        </fieldset>
        {outcome === 'lost' ? (
          <FormField id={reasonId} label="Why was it lost?" error={errors.reason}>
            <textarea rows={3} maxLength={LOST_REASON_MAX} value={reason} onChange={(event) => setReason(event.target.value)} />
          </FormField>
        ) : null}
        <div role="alert" className="form__alert">
          {saveError ? <p className="inline-message">{saveError}</p> : null}
        </div>
        <div className="button-row dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Close lead'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
