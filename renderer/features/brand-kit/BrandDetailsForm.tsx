/**
 * Brand colours (with swatches and a contrast warning), contact details and tagline. Fields keep
 * what was typed; on a validation error each message sits under its field and focus moves to the
 * first. Saving writes the local profile document; replication syncs it.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  TAGLINE_MAX,
  brandColourContrast,
  brandKitFormFromProfile,
  formatRatio,
  validateBrandKitForm,
  type BrandKitField,
  type BrandKitFormInput,
  type BrandKitProfileFields,
} from '../../../sync/domain/brand-kit';
import type { WorkstationDatabase } from '../../../sync/schema/database';
import { saveBrandDetails } from './brand-kit-writes';
import { FormField, SubmitRow } from '../../ui/FormField';
import { useFormFields } from '../../ui/use-form-fields';
import { errorMessage } from '../../ui/error-message';

const FIELD_ORDER: BrandKitField[] = ['brand_primary', 'brand_secondary', 'company', 'email', 'phone', 'website', 'tagline'];
const FIELD_NAMES: Record<BrandKitField, string> = {
  brand_primary: 'Primary colour',
  brand_secondary: 'Accent colour',
  company: 'Company name',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  tagline: 'Tagline',
};

export interface BrandDetailsFormProps {
  db: WorkstationDatabase;
  partnerId: string;
  profile: BrandKitProfileFields;
  /** An account workspace (syncs) rather than the demo (stays on this device). */
  syncs: boolean;
  online: boolean;
}

export function BrandDetailsForm({ db, partnerId, profile, syncs, online }: BrandDetailsFormProps) {
  const { baseId, input, setInput, errors, summary, fieldId, set: setField, accept } = useFormFields<BrandKitField, BrandKitFormInput>(() => brandKitFormFromProfile(profile), { order: FIELD_ORDER, names: FIELD_NAMES });
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function set(field: BrandKitField, value: string) {
    setField(field, value);
    setSaved(null);
  }
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const values = accept(validateBrandKitForm(input));
    if (!values) return;
    setSaveError(null);
    setBusy(true);
    try {
      if (!(await saveBrandDetails(db, partnerId, values))) {
        setSaveError('Your profile has not reached this device yet. Connect to the internet once so it can download, then save again — what you typed stays here.');
        return;
      }
      setInput((previous) => ({ ...previous, brand_primary: values.brand_primary, brand_secondary: values.brand_secondary, website: values.website ?? '' }));
      setSaved(
        !syncs
          ? 'Brand kit saved on this device.'
          : online
            ? 'Brand kit saved on this device; it syncs to your account in the background.'
            : 'Brand kit saved on this device; it will sync to your account when you are back online.',
      );
    } catch (error) {
      setSaveError(`The brand kit was not saved (${errorMessage(error)}). What you typed is still here; try again.`);
    } finally {
      setBusy(false);
    }
  }

  function describedBy(field: BrandKitField, ...extra: (string | null)[]) {
    return [errors[field] ? `${fieldId(field)}-error` : null, ...extra].filter(Boolean).join(' ') || undefined;
  }

  function errorText(field: BrandKitField) {
    const error = errors[field];
    return error ? (
      <p id={`${fieldId(field)}-error`} className="form-field__error">
        {error}
      </p>
    ) : null;
  }

  function textField(field: Exclude<BrandKitField, 'brand_primary' | 'brand_secondary'>, type: 'text' | 'email' | 'tel' | 'url', autoComplete: string, hint?: string) {
    return (
      <FormField id={fieldId(field)} label={FIELD_NAMES[field]} hint={hint} error={errors[field]} className={`brand-kit__field--${field}`}>
        <input
          name={field}
          type={type === 'url' ? 'text' : type}
          inputMode={type === 'url' ? 'url' : undefined}
          autoComplete={autoComplete}
          value={input[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      </FormField>
    );
  }

  function colourField(field: 'brand_primary' | 'brand_secondary', what: string) {
    const id = fieldId(field);
    const value = input[field];
    const contrast = brandColourContrast(value, `The ${what}`);
    const swatch = contrast ? contrast.hex.toLowerCase() : '#ffffff';
    return (
      <div className="form-field brand-kit__colour">
        <label htmlFor={id}>{FIELD_NAMES[field]}</label>
        <div className="brand-kit__colour-row">
          <input
            id={id}
            name={field}
            type="text"
            spellCheck={false}
            autoComplete="off"
            maxLength={7}
            className="brand-kit__hex"
            value={value}
            onChange={(event) => set(field, event.target.value)}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={describedBy(field, `${id}-contrast`)}
          />
          <input
            type="color"
            className="brand-kit__picker"
            aria-label={`Pick the ${what}`}
            value={swatch}
            onChange={(event) => set(field, event.target.value.toUpperCase())}
          />
        </div>
        <div id={`${id}-contrast`} className="brand-kit__contrast">
          {contrast ? (
            <>
              <p className="form-field__hint">
                <span className="brand-kit__chip" style={{ background: swatch }} aria-hidden="true" /> With white text {formatRatio(contrast.withWhite)} · with dark text {formatRatio(contrast.withDarkText)}
              </p>
            </>
          ) : (
            <p className="form-field__hint">A six-digit hex code such as #1F4E79.</p>
          )}
          {/* Announced when a colour starts or stops failing, not on every keystroke's ratio. */}
          <div aria-live="polite">{contrast?.warning ? <p className="brand-kit__warning">{contrast.warning}</p> : null}</div>
        </div>
        {errorText(field)}
      </div>
    );
  }

  return (
    <form className="card form brand-kit__form" aria-labelledby={`${baseId}-heading`} noValidate onSubmit={(event) => void submit(event)}>
      <h2 id={`${baseId}-heading`}>Colours and contact details</h2>
      <fieldset className="brand-kit__group">
        <legend>Brand colours</legend>
        <div className="form-grid">
          {colourField('brand_primary', 'primary colour')}
          {colourField('brand_secondary', 'accent colour')}
        </div>
      </fieldset>
      <fieldset className="brand-kit__group">
        <legend>Shown on your proposals</legend>
        <div className="form-grid">
          {textField('company', 'text', 'organization', 'Shown instead of a logo when none is set.')}
          {textField('email', 'email', 'email')}
          {textField('phone', 'tel', 'tel')}
          {textField('website', 'url', 'url', 'For example https://example.com.')}
        </div>
        {textField('tagline', 'text', 'off', `A short line under your name, up to ${TAGLINE_MAX} characters (${input.tagline.trim().length} used).`)}
      </fieldset>
      {summary ? (
        <p role="alert" className="inline-message">
          {summary}
        </p>
      ) : null}
      {saveError ? (
        <p role="alert" className="inline-message">
          {saveError}
        </p>
      ) : null}
      <SubmitRow label="Save brand kit" busyLabel="Saving…" busy={busy} blocked={null} />
      <div role="status" className="brand-kit__status">
        {saved ? (
          <p>
            {saved} <Link to="/proposals/new">Create a proposal</Link> to use it.
          </p>
        ) : null}
      </div>
    </form>
  );
}
