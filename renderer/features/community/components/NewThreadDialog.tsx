/**
 * "New thread": category (only those the partner can post in), title and first message. Saved on
 * this device and queued, so it works offline; the server checks the tier again when it arrives.
 */
import { useState, type FormEvent } from 'react';
import { THREAD_TITLE_MAX, validateNewThread, type NewThreadField, type NewThreadInput, type NewThreadValues } from '../../../../sync/domain/community';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { useFormFields } from '../../../ui/use-form-fields';
import type { ForumCategory } from '../use-community-data';

const ORDER: NewThreadField[] = ['category', 'title', 'message'];
const NAMES: Record<NewThreadField, string> = { category: 'Category', title: 'Title', message: 'Message' };

export function NewThreadDialog({
  categories,
  initialCategory,
  online,
  onSubmit,
  onClose,
}: {
  /** The categories the partner can post in, in catalog order. */
  categories: readonly ForumCategory[];
  initialCategory: string | null;
  online: boolean;
  onSubmit(values: NewThreadValues, category: ForumCategory): Promise<void>;
  onClose(): void;
}) {
  const { input, errors, summary, fieldId, set, accept } = useFormFields<NewThreadField, NewThreadInput>(
    () => ({ category: initialCategory ?? categories[0]?.slug ?? '', title: '', message: '' }),
    { order: ORDER, names: NAMES },
  );
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const values = accept(validateNewThread(input, categories.map((category) => category.slug)), 'The thread was not posted. ');
    if (!values) return;
    const category = categories.find((candidate) => candidate.slug === values.category);
    if (!category) return;
    setBusy(true);
    setSaveError(null);
    try {
      await onSubmit(values, category);
    } catch (error) {
      setSaveError(`The thread was not saved on this device: ${errorMessage(error)} What you wrote is still here; try again.`);
      setBusy(false);
    }
  }

  return (
    <Dialog title="New thread" onClose={onClose} busy={busy}>
      {categories.length === 0 ? (
        <>
          <p className="card__text">Your tier cannot start threads in any category yet. You can read success stories and SISO updates; discussions open at the Active tier.</p>
          <div className="button-row dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <FormField id={fieldId('category')} label="Category" error={errors.category} hint="Only the categories your tier can post in are listed.">
            <select value={input.category} onChange={(event) => set('category', event.target.value)}>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.title}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={fieldId('title')} label="Title" error={errors.title}>
            <input type="text" value={input.title} maxLength={THREAD_TITLE_MAX + 20} onChange={(event) => set('title', event.target.value)} />
          </FormField>
          <FormField id={fieldId('message')} label="Message" error={errors.message}>
            <textarea rows={6} value={input.message} onChange={(event) => set('message', event.target.value)} />
          </FormField>
          {online ? null : (
            <p className="community-notice">You are offline. The thread is saved on this device and posted when you are back online.</p>
          )}
          <div role="alert" className="form__alert">
            {summary ? <p className="inline-message">{summary}</p> : null}
            {saveError ? <p className="inline-message">{saveError}</p> : null}
          </div>
          <div className="button-row dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Posting…' : 'Post thread'}
            </button>
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
