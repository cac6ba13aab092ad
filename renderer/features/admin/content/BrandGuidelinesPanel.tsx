/**
 * The brand guidelines hub's content, edited as a form: introduction, palette, typography, logo
 * variations (inline SVG), clear space, do's and don'ts and voice. Validated with
 * brandGuidelineBodySchema, whose messages are shown next to the rows at fault.
 */
import { useId, useState, type FormEvent } from 'react';
import { brandGuidelineBodySchema, type BrandGuidelineBody } from '../../../../sync/schema/catalog-bodies';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, SubmitRow } from '../../../ui/FormField';
import type { AdminAccess } from '../shared/use-admin-access';
import { errorMessage } from '../../../ui/error-message';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;
type Logo = BrandGuidelineBody['logos'][number];
type Colour = BrandGuidelineBody['palette'][number];
type Font = BrandGuidelineBody['typography'][number];

interface Form {
  intro: string;
  logos: Logo[];
  palette: Colour[];
  typography: Font[];
  logo_clear_space: string;
  do: string;
  dont: string;
  voice: string;
}

function formOf(body: BrandGuidelineBody): Form {
  return { ...body, do: body.do.join('\n'), dont: body.dont.join('\n') };
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** Schema path → message, keyed like "palette.1.hex". */
function errorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
}

function BrandEditor({ access, row, body, announce }: { access: Admin; row: PlainDoc<'catalog'>; body: BrandGuidelineBody; announce(message: string): void }) {
  const headingId = useId();
  const [form, setForm] = useState<Form>(() => formOf(body));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function update<K extends keyof Form>(key: K, value: Form[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
  }
  function updateRow<K extends 'logos' | 'palette' | 'typography'>(key: K, index: number, patch: Partial<Form[K][number]>) {
    setForm((previous) => ({ ...previous, [key]: previous[key].map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  }
  function removeRow(key: 'logos' | 'palette' | 'typography', index: number) {
    setForm((previous) => ({ ...previous, [key]: previous[key].filter((_, i) => i !== index) }));
    setErrors({});
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const parsed = brandGuidelineBodySchema.safeParse({ ...form, do: lines(form.do), dont: lines(form.dont) });
    if (!parsed.success) {
      setErrors(errorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await access.api.updateEntry(row.id, { body: parsed.data }, `save “${row.title}”`);
      announce(`Saved “${saved.title}” (version ${saved.version}). Partners’ brand guidelines update live.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card admin-form" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {row.title} <span className="data-table__sub">version {row.version}</span>
      </h2>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <FormField label="Introduction" error={errors.intro}>
          <textarea rows={3} value={form.intro} onChange={(event) => update('intro', event.target.value)} />
        </FormField>

        <fieldset className="admin-fieldset">
          <legend>Colour palette</legend>
          {form.palette.map((colour, index) => (
            <div className="admin-row admin-row--colour" key={index}>
              <FormField label={`Colour ${index + 1} name`} error={errors[`palette.${index}.name`]}>
                <input type="text" value={colour.name} onChange={(event) => updateRow('palette', index, { name: event.target.value })} />
              </FormField>
              <FormField label={`Colour ${index + 1} hex`} error={errors[`palette.${index}.hex`]}>
                <input type="text" value={colour.hex} onChange={(event) => updateRow('palette', index, { hex: event.target.value })} placeholder="#FF5722" />
              </FormField>
              <span className="admin-swatch" style={{ background: /^#[0-9a-f]{6}$/i.test(colour.hex) ? colour.hex : 'transparent' }} aria-hidden="true" />
              <FormField label={`Colour ${index + 1} usage`}>
                <input type="text" value={colour.usage} onChange={(event) => updateRow('palette', index, { usage: event.target.value })} />
              </FormField>
              <button type="button" className="button button--small" onClick={() => removeRow('palette', index)}>
                Remove colour {index + 1}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => update('palette', [...form.palette, { name: '', hex: '#', usage: '' }])}>
            Add colour
          </button>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>Typography</legend>
          {form.typography.map((font, index) => (
            <div className="admin-row admin-row--font" key={index}>
              <FormField label={`Font ${index + 1} role`} error={errors[`typography.${index}.role`]}>
                <input type="text" value={font.role} onChange={(event) => updateRow('typography', index, { role: event.target.value })} />
              </FormField>
              <FormField label={`Font ${index + 1} family`} error={errors[`typography.${index}.family`]}>
                <input type="text" value={font.family} onChange={(event) => updateRow('typography', index, { family: event.target.value })} />
              </FormField>
              <FormField label={`Font ${index + 1} usage`}>
                <input type="text" value={font.usage} onChange={(event) => updateRow('typography', index, { usage: event.target.value })} />
              </FormField>
              <button type="button" className="button button--small" onClick={() => removeRow('typography', index)}>
                Remove font {index + 1}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => update('typography', [...form.typography, { role: '', family: '', usage: '' }])}>
            Add font
          </button>
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>Logo variations</legend>
          {form.logos.map((logo, index) => (
            <div className="admin-row admin-row--logo" key={index}>
              <FormField label={`Logo ${index + 1} variant`}>
                <select value={logo.variant} onChange={(event) => updateRow('logos', index, { variant: event.target.value as Logo['variant'] })}>
                  <option value="light">Light</option>
                  <option value="dark">Dark</option>
                  <option value="colour">Colour</option>
                </select>
              </FormField>
              <FormField label={`Logo ${index + 1} SVG`} error={errors[`logos.${index}.svg`]} className="form-field--notes">
                <textarea className="admin-code" rows={4} spellCheck={false} value={logo.svg} onChange={(event) => updateRow('logos', index, { svg: event.target.value })} />
              </FormField>
              {/^\s*<svg[\s>]/.test(logo.svg) ? (
                <img className="admin-logo-preview" data-variant={logo.variant} alt={`Logo ${index + 1} preview`} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(logo.svg)}`} />
              ) : (
                <span className="admin-logo-preview" />
              )}
              <FormField label={`Logo ${index + 1} usage`}>
                <input type="text" value={logo.usage} onChange={(event) => updateRow('logos', index, { usage: event.target.value })} />
              </FormField>
              <button type="button" className="button button--small" onClick={() => removeRow('logos', index)}>
                Remove logo {index + 1}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => update('logos', [...form.logos, { variant: 'colour', svg: '', usage: '' }])}>
            Add logo
          </button>
        </fieldset>

        <FormField label="Logo clear space" error={errors.logo_clear_space}>
          <textarea rows={2} value={form.logo_clear_space} onChange={(event) => update('logo_clear_space', event.target.value)} />
        </FormField>
        <div className="form-grid">
          <FormField label="Do" hint="One rule per line." error={Object.entries(errors).find(([key]) => key.startsWith('do.'))?.[1]}>
            <textarea rows={5} value={form.do} onChange={(event) => update('do', event.target.value)} />
          </FormField>
          <FormField label="Don’t" hint="One rule per line." error={Object.entries(errors).find(([key]) => key.startsWith('dont.'))?.[1]}>
            <textarea rows={5} value={form.dont} onChange={(event) => update('dont', event.target.value)} />
          </FormField>
        </div>
        <FormField label="Brand voice and messaging" error={errors.voice}>
          <textarea rows={3} value={form.voice} onChange={(event) => update('voice', event.target.value)} />
        </FormField>
        <div role="alert" className="form__alert">
          {Object.keys(errors).length ? <p className="inline-message">Check the highlighted fields; nothing was saved.</p> : null}
          {failure ? <p className="inline-message">{failure}</p> : null}
        </div>
        <SubmitRow label="Save brand guidelines" busyLabel="Saving…" busy={busy} blocked={access.blocked} />
      </form>
    </section>
  );
}

export function BrandGuidelinesPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const rows = useCatalog('brand_guideline', { includeUnpublished: true });
  if (rows.loading) return <p className="card__text">Loading brand guidelines…</p>;
  if (rows.data.length === 0) return <p className="card card__text">There are no brand guidelines in the catalog. They are created with the server’s seed; contact the SISO engineering team.</p>;
  return (
    <div className="admin-stack">
      {rows.data.map((row) => {
        const body = brandGuidelineBodySchema.safeParse(row.body);
        return body.success ? (
          <BrandEditor key={row.id} access={access} row={row} body={body.data} announce={announce} />
        ) : (
          <p key={row.id} className="card card__text" role="alert">
            “{row.title}” does not match the brand guidelines format ({body.error.issues[0]?.message ?? 'unknown problem'}), so it cannot be edited here. Contact the SISO engineering team.
          </p>
        );
      })}
    </div>
  );
}
