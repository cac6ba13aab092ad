/** The referral link creator: name, SISO destination and UTM fields, with a live preview of the URL. */
import { useState, type FormEvent } from 'react';
import {
  SISO_LINK_DOMAINS,
  emptyReferralLinkForm,
  previewReferralUrl,
  validateReferralLinkForm,
  type ReferralLinkFormField,
  type ReferralLinkFormInput,
} from '../../../sync/domain/referral-links';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { FormField, SubmitRow } from '../../ui/FormField';
import { useFormFields } from '../../ui/use-form-fields';
import { createReferralLink } from './referral-writes';
import { errorMessage } from '../../ui/error-message';

const FIELDS: ReadonlyArray<{ name: ReferralLinkFormField; label: string; hint?: string }> = [
  { name: 'name', label: 'Link name', hint: 'Only you see this, e.g. “LinkedIn spring post”.' },
  { name: 'destination', label: 'Destination page', hint: `An https:// page on ${SISO_LINK_DOMAINS.join(', ')} or a subdomain.` },
  { name: 'source', label: 'Campaign source (utm_source)', hint: 'Where the traffic comes from, e.g. linkedin or newsletter.' },
  { name: 'medium', label: 'Campaign medium (utm_medium)', hint: 'The kind of channel, e.g. social, email or qr.' },
  { name: 'campaign', label: 'Campaign name (utm_campaign)', hint: 'e.g. spring-outreach.' },
  { name: 'term', label: 'Campaign term (utm_term, optional)' },
  { name: 'content', label: 'Campaign content (utm_content, optional)', hint: 'Tells apart links in the same campaign, e.g. footer.' },
];
const FIELD_LABELS = {
  order: FIELDS.map((field) => field.name),
  names: Object.fromEntries(FIELDS.map((field) => [field.name, field.label])) as Record<ReferralLinkFormField, string>,
};

export function LinkCreator({
  db,
  partnerId,
  onCreated,
}: {
  db: WorkstationDatabase;
  partnerId: string;
  onCreated(linkId: string, name: string): void;
}) {
  const { baseId, input, setInput, errors, setErrors, summary, setSummary, fieldId, set, accept } = useFormFields<ReferralLinkFormField, ReferralLinkFormInput>(
    emptyReferralLinkForm,
    FIELD_LABELS,
  );
  const [busy, setBusy] = useState(false);
  const preview = previewReferralUrl(input, partnerId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const values = accept(validateReferralLinkForm(input), 'The link was not created. ');
    if (!values) return;
    setBusy(true);
    try {
      const doc = await createReferralLink(db, partnerId, values);
      setInput(emptyReferralLinkForm());
      setErrors({});
      onCreated(doc.id, doc.name);
    } catch (error) {
      setSummary(`The link was not saved: ${errorMessage(error)}. Try again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card referral-creator" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`}>Create a referral link</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid referral-creator__grid">
          {FIELDS.map((field) => (
            <FormField key={field.name} id={fieldId(field.name)} label={field.label} hint={field.hint} error={errors[field.name]} className={`form-field--${field.name}`}>
              <input
                name={field.name}
                type={field.name === 'destination' ? 'url' : 'text'}
                value={input[field.name]}
                onChange={(event) => set(field.name, event.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
            </FormField>
          ))}
        </div>
        <div className="referral-preview">
          <p className="referral-preview__label" id={`${baseId}-preview-label`}>
            Final URL
          </p>
          <output className="referral-preview__url break-anywhere" aria-labelledby={`${baseId}-preview-label`} data-testid="referral-preview">
            {preview ?? 'Fill in a valid destination, source, medium and campaign to see the link.'}
          </output>
        </div>
        <div role="alert" className="form__alert">
          {summary ? <p className="inline-message">{summary}</p> : null}
        </div>
        <SubmitRow label="Create link" busyLabel="Saving…" busy={busy} blocked={null} />
      </form>
    </section>
  );
}
