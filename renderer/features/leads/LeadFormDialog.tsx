/**
 * The lead form in a modal dialog, for new leads and edits. Fields keep exactly what was typed;
 * on a validation error each message sits under its field, focus moves to the first one, and
 * nothing entered is cleared.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  LEAD_SOURCES,
  validateLeadForm,
  type LeadFormField,
  type LeadFormInput,
  type LeadFormValues,
} from '../../../sync/domain/leads';
import { SOURCE_LABELS } from './labels';
import { useFormFields } from '../../ui/use-form-fields';

export interface LeadFormDialogProps {
  title: string;
  submitLabel: string;
  initial: LeadFormInput;
  /** Saves; a rejection's message is shown in the dialog, which stays open. */
  onSubmit(values: LeadFormValues): Promise<void>;
  onClose(): void;
}

const FIELD_ORDER: LeadFormField[] = ['company', 'contact_name', 'email', 'phone', 'source', 'estimated_value', 'currency', 'notes'];
const FIELD_NAMES: Record<LeadFormField, string> = {
  company: 'Company',
  contact_name: 'Contact name',
  email: 'Email',
  phone: 'Phone',
  source: 'Source',
  estimated_value: 'Estimated value',
  currency: 'Currency',
  notes: 'Notes',
};

export function LeadFormDialog({ title, submitLabel, initial, onSubmit, onClose }: LeadFormDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { baseId, input, errors, summary, fieldId, set, accept } = useFormFields<LeadFormField, LeadFormInput>(initial, { order: FIELD_ORDER, names: FIELD_NAMES });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `${baseId}-title`;

  useEffect(() => {
    const dialog = dialogRef.current;
    // The dialog leaves the DOM when closed, so the browser cannot return focus itself.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const values = accept(validateLeadForm(input));
    if (!values) return;
    setSaveError(null);
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setSaveError(`The lead was not saved: ${error instanceof Error ? error.message : String(error)}`);
      setBusy(false);
    }
  }

  function field(name: LeadFormField, label: ReactNode, control: (props: ControlProps) => ReactNode, hint?: string) {
    const id = fieldId(name);
    const error = errors[name];
    const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`form-field form-field--${name}`}>
        <label htmlFor={id}>{label}</label>
        {control({
          id,
          name,
          value: input[name],
          onChange: (event: { target: { value: string } }) => set(name, event.target.value),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
        })}
        {hint ? (
          <p id={`${id}-hint`} className="form-field__hint">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="form-field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <p className="form-field__hint">A company or a contact name is required; everything else is optional.</p>
        <div className="form-grid">
          {field('company', 'Company', (props) => <input {...props} type="text" autoComplete="organization" />)}
          {field('contact_name', 'Contact name', (props) => <input {...props} type="text" autoComplete="name" />)}
          {field('email', 'Email', (props) => <input {...props} type="email" autoComplete="email" />)}
          {field('phone', 'Phone', (props) => <input {...props} type="tel" autoComplete="tel" />)}
          {field('source', 'Source', (props) => (
            <select {...props}>
              {LEAD_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {SOURCE_LABELS[source]}
                </option>
              ))}
            </select>
          ))}
          <div className="form-pair">
            {field('estimated_value', 'Estimated value', (props) => <input {...props} type="text" inputMode="decimal" />)}
            {field('currency', 'Currency', (props) => <input {...props} type="text" autoCapitalize="characters" size={4} />, 'e.g. EUR')}
          </div>
          {field('notes', 'Notes', (props) => <textarea {...props} rows={3} />)}
        </div>
        <div role="alert" className="form__alert">
          {summary ? <p className="inline-message">{summary}</p> : null}
          {saveError ? <p className="inline-message">{saveError}</p> : null}
        </div>
        <div className="button-row dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface ControlProps {
  id: string;
  name: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
