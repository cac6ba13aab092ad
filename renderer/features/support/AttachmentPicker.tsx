/** The "Attachment" file field of a new ticket or a reply: reads and checks the picked file at once and says why a file is refused. */
import { useId, useRef } from 'react';
import { prepareAttachment, type PreparedAttachment } from './prepare-attachment';
import { formatFileSize } from '../../../sync/domain/brand-kit';

export type PickedAttachment =
  | { state: 'none' }
  | { state: 'reading'; name: string }
  | { state: 'ready'; attachment: PreparedAttachment }
  | { state: 'refused'; message: string };

export function AttachmentPicker({ value, onChange, hint }: { value: PickedAttachment; onChange(next: PickedAttachment): void; hint: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;

  async function pick(file: File | undefined) {
    if (!file) {
      onChange({ state: 'none' });
      return;
    }
    onChange({ state: 'reading', name: file.name });
    const result = await prepareAttachment(file);
    onChange(result.ok ? { state: 'ready', attachment: result.attachment } : { state: 'refused', message: result.message });
  }

  function clear() {
    if (input.current) input.current.value = '';
    onChange({ state: 'none' });
  }

  return (
    <div className="form-field">
      <label htmlFor={id}>Attachment</label>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".png,.jpg,.jpeg,.pdf,.txt,.log,.csv,.zip,image/png,image/jpeg,application/pdf,text/plain,text/csv,application/zip"
        aria-describedby={`${hintId} ${statusId}`}
        aria-invalid={value.state === 'refused' ? true : undefined}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      <span id={hintId} className="form-field__hint">
        {hint}
      </span>
      <span id={statusId} aria-live="polite" className={value.state === 'refused' ? 'form-field__error' : 'form-field__hint'}>
        {value.state === 'reading' ? `Checking “${value.name}”…` : null}
        {value.state === 'ready' ? `“${value.attachment.name}” (${formatFileSize(value.attachment.bytes.length)}) will be attached.` : null}
        {value.state === 'refused' ? value.message : null}
      </span>
      {value.state === 'ready' || value.state === 'refused' ? (
        <button type="button" className="button button--small support-attachment__clear" onClick={clear}>
          Remove attachment
        </button>
      ) : null}
    </div>
  );
}
