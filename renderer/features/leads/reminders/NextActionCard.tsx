/**
 * The lead page's next action: what to do next and when, with a reminder at that time (sent by
 * the app-wide scheduler). The time is entered in the partner's time zone and must lie ahead.
 */
import { useId, useState, type FormEvent } from 'react';
import type { PlainDoc } from '../../../data/collection-queries';
import { errorMessage } from '../../../ui/error-message';
import { FormField } from '../../../ui/FormField';
import {
  instantToZonedLocal,
  NEXT_ACTION_MAX,
  validateNextActionForm,
  type NextActionFormErrors,
  type NextActionFormInput,
} from '../../../../sync/domain/reminders';
import { formatDateTime } from '../labels';
import { useLeadWorkspace, usePartnerTimeZone } from '../use-leads-data';
import { saveNextAction } from './next-action-writes';

function formFromLead(lead: PlainDoc<'leads'>, timeZone: string): NextActionFormInput {
  return { next_action: lead.next_action ?? '', due: lead.next_action_at ? instantToZonedLocal(lead.next_action_at, timeZone) : '' };
}

export function NextActionCard({ lead }: { lead: PlainDoc<'leads'> }) {
  const { db } = useLeadWorkspace();
  const timeZone = usePartnerTimeZone();
  const stored = `${lead.next_action ?? ''}\u0000${lead.next_action_at ?? ''}\u0000${timeZone}`;
  const [lastStored, setLastStored] = useState(stored);
  const [input, setInput] = useState<NextActionFormInput>(() => formFromLead(lead, timeZone));
  const [errors, setErrors] = useState<NextActionFormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();

  // A change saved elsewhere (a reminder's Done, another window, sync) refills the form.
  if (stored !== lastStored) {
    setLastStored(stored);
    setInput(formFromLead(lead, timeZone));
    setErrors({});
  }

  function set(field: keyof NextActionFormInput, value: string) {
    setInput((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
    setMessage(null);
  }

  async function write(values: NextActionFormInput, success: string) {
    if (!db || busy) return;
    const result = validateNextActionForm(values, timeZone, new Date());
    if (!result.ok) {
      setErrors(result.errors);
      setMessage(null);
      document.getElementById(`${baseId}-${result.errors.next_action ? 'action' : 'due'}`)?.focus();
      return;
    }
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      await saveNextAction(db, lead.id, result.values);
      setMessage(success);
    } catch (error) {
      setProblem(`The next action was not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void write(input, input.due.trim() ? 'Next action saved. You will be reminded when it is due.' : 'Next action saved.');
  }

  const hasNextAction = Boolean(lead.next_action || lead.next_action_at);

  return (
    <section className="card" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>Next action</h2>
      <p className="card__text" data-testid="next-action-current">
        {lead.next_action
          ? `${lead.next_action}${lead.next_action_at ? `, due ${formatDateTime(lead.next_action_at)}` : ' (no reminder)'}.`
          : 'No next action is set.'}
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <FormField id={`${baseId}-action`} label="What to do next" error={errors.next_action}>
          <input type="text" maxLength={NEXT_ACTION_MAX + 50} value={input.next_action} onChange={(event) => set('next_action', event.target.value)} />
        </FormField>
        <FormField id={`${baseId}-due`} label="Remind me at" hint={`Optional. Your time zone: ${timeZone}.`} error={errors.due}>
          <input type="datetime-local" value={input.due} onChange={(event) => set('due', event.target.value)} />
        </FormField>
        <div role="alert" className="form__alert">
          {problem ? <p className="inline-message">{problem}</p> : null}
        </div>
        <p role="status" className="form-field__hint">
          {message}
        </p>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !db}>
            Save next action
          </button>
          {hasNextAction ? (
            <button type="button" className="button" disabled={busy || !db} onClick={() => void write({ next_action: '', due: '' }, 'Next action cleared.')}>
              Clear next action
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
