/** The New ticket dialog: subject, category, priority, description and one optional attachment, checked before anything is written. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/Dialog';
import { FormAlert, FormField, SubmitRow } from '../../ui/FormField';
import { useFormFields } from '../../ui/use-form-fields';
import { errorMessage } from '../../ui/error-message';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../../../sync/schema/tickets.schema';
import {
  TICKET_ATTACHMENT_MAX_BYTES,
  TICKET_CATEGORY_LABELS,
  TICKET_PRIORITY_LABELS,
  validateNewTicket,
  type NewTicketField,
  type NewTicketInput,
} from '../../../sync/domain/support-tickets';
import { formatFileSize } from '../../../sync/domain/brand-kit';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { fileTicket } from './support-writes';
import { AttachmentPicker, type PickedAttachment } from './AttachmentPicker';

const FIELDS = {
  order: ['subject', 'category', 'priority', 'description'] as const,
  names: { subject: 'Subject', category: 'Category', priority: 'Priority', description: 'Description' } satisfies Record<NewTicketField, string>,
};

export function NewTicketDialog({
  db,
  partnerId,
  responseHours,
  onClose,
  onFiled,
}: {
  db: WorkstationDatabase | null;
  partnerId: string;
  responseHours: number;
  onClose(): void;
  onFiled(subject: string, ticketId: string): void;
}) {
  const form = useFormFields<NewTicketField, NewTicketInput>({ subject: '', category: '', priority: 'normal', description: '' }, FIELDS);
  const [attachment, setAttachment] = useState<PickedAttachment>({ state: 'none' });
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = form.accept(validateNewTicket(form.input), 'The ticket was not sent. ');
    if (!values) return;
    if (attachment.state === 'refused' || attachment.state === 'reading') {
      form.setSummary(attachment.state === 'refused' ? `The ticket was not sent: ${attachment.message}` : 'The attachment is still being read; wait a moment and send again.');
      return;
    }
    setBusy(true);
    try {
      const ticket = await fileTicket(db, partnerId, values, attachment.state === 'ready' ? attachment.attachment : null);
      onFiled(ticket.subject, ticket.id);
    } catch (error) {
      form.setSummary(`The ticket was not saved: ${errorMessage(error)} Try again; nothing was sent.`);
      setBusy(false);
    }
  }

  return (
    <Dialog title="New ticket" onClose={onClose} busy={busy} className="support-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <p className="card__text">SISO aims to reply within {responseHours} h at your tier. Tickets can be filed offline; they are sent when you are back online.</p>
        <FormAlert message={form.summary} />
        <FormField label="Subject" id={form.fieldId('subject')} error={form.errors.subject}>
          <input type="text" value={form.input.subject} onChange={(event) => form.set('subject', event.target.value)} autoComplete="off" />
        </FormField>
        <div className="support-dialog__row">
          <FormField label="Category" id={form.fieldId('category')} error={form.errors.category}>
            <select value={form.input.category} onChange={(event) => form.set('category', event.target.value)}>
              <option value="">Choose a category</option>
              {TICKET_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {TICKET_CATEGORY_LABELS[category]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Priority" id={form.fieldId('priority')} error={form.errors.priority}>
            <select value={form.input.priority} onChange={(event) => form.set('priority', event.target.value)}>
              {TICKET_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {TICKET_PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        <FormField label="Description" id={form.fieldId('description')} error={form.errors.description} hint="What you did, what happened and what you expected.">
          <textarea rows={6} value={form.input.description} onChange={(event) => form.set('description', event.target.value)} />
        </FormField>
        <AttachmentPicker
          value={attachment}
          onChange={setAttachment}
          hint={`Optional. PNG, JPEG, PDF, text, CSV or ZIP, up to ${formatFileSize(TICKET_ATTACHMENT_MAX_BYTES)}.`}
        />
        <SubmitRow label="Send ticket" busyLabel="Saving…" busy={busy} blocked={null} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
