/**
 * The lead form in a modal dialog, for new leads and edits. Fields keep exactly what was typed;
 * on a validation error each message sits under its field, focus moves to the first one, and
 * nothing entered is cleared.
 */
import { useState, type FormEvent, type JSX } from 'react';
import {
  LEAD_SOURCES,
  sourceLabel,
  validateLeadForm,
  type LeadFormField,
  type LeadFormInput,
  type LeadFormValues,
} from '../../../sync/domain/leads';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../ui/error-message';
import { FormField } from '../../ui/FormField';
import { useFormFields } from '../../ui/use-form-fields';

export interface LeadFormDialogProps {
  title: string;
  submitLabel: string;
  initial: LeadFormInput;
  /** Saves; a rejection's message is shown in the dialog, which stays open. */
  onSubmit(values: LeadFormValues): Promise<void>;
  onClose(): void;
}

const FIELD_ORDER: LeadFormField[] = ['company', 'contact_name', 'email', 'phone', 'website', 'source', 'estimated_value', 'currency', 'notes'];
const FIELD_NAMES: Record<LeadFormField, string> = {
  company: 'Company',
  contact_name: 'Contact name',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  source: 'Source',
  estimated_value: 'Estimated value',
  currency: 'Currency',
  notes: 'Notes',
};

interface ControlProps {
  name: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}

export function LeadFormDialog({ title, submitLabel, initial, onSubmit, onClose }: LeadFormDialogProps) {
  const { input, errors, summary, fieldId, set, accept } = useFormFields<LeadFormField, LeadFormInput>(initial, { order: FIELD_ORDER, names: FIELD_NAMES });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      setSaveError(`The lead was not saved: ${errorMessage(error)}`);
      setBusy(false);
    }
  }

  function field(name: LeadFormField, control: (props: ControlProps) => JSX.Element, hint?: string) {
    return (
      <FormField id={fieldId(name)} label={FIELD_NAMES[name]} hint={hint} error={errors[name]} className={`form-field--${name}`}>
        {control({ name, value: input[name], onChange: (event) => set(name, event.target.value) })}
      </FormField>
    );
  }

  return (
    <Dialog title={title} onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="form-field__hint">A company or a contact name is required; everything else is optional.</p>
        <div className="form-grid">
          {field('company', (props) => <input {...props} type="text" autoComplete="organization" />)}
          {field('contact_name', (props) => <input {...props} type="text" autoComplete="name" />)}
          {field('email', (props) => <input {...props} type="email" autoComplete="email" />)}
          {field('phone', (props) => <input {...props} type="tel" autoComplete="tel" />)}
          {field('website', (props) => <input {...props} type="text" inputMode="url" autoComplete="url" />, 'Used to check deal registrations, e.g. northwind.example')}
          {field('source', (props) => (
            <select {...props}>
              {LEAD_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {sourceLabel(source)}
                </option>
              ))}
            </select>
          ))}
          <div className="form-pair">
            {field('estimated_value', (props) => <input {...props} type="text" inputMode="decimal" />)}
            {field('currency', (props) => <input {...props} type="text" autoCapitalize="characters" size={4} />, 'e.g. EUR')}
          </div>
          {field('notes', (props) => <textarea {...props} rows={3} />)}
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
    </Dialog>
  );
}
