/**
 * Publish a new marketing asset or update one: the fields partners see, the file (checked by type
 * and size as soon as it is chosen, then hashed and uploaded with a progress bar) and a thumbnail
 * made here where the type allows. What was typed stays in the form through every refusal.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ALLOWED_ASSET_TYPES_SENTENCE, ASSET_ACCEPT, ASSET_MAX_BYTES, assetStoragePath, formatFileSize } from '../../../../sync/domain/admin/asset-files';
import { assetBody, assetFormSchema, catalogSlug, fieldErrors, type AssetFormInput } from '../../../../sync/domain/admin/catalog-forms';
import { ASSET_CATEGORIES, assetBodySchema } from '../../../../sync/schema/catalog-bodies';
import type { PlainDoc } from '../../../data/collection-queries';
import { ProgressBar } from '../../../ui/ProgressBar';
import { FormField, SubmitRow } from '../../../ui/FormField';
import { makeThumbnail } from './asset-thumbnail';
import { sha256Hex } from '../../../platform/sha256';
import { inspectAssetFile, uploadAssetFile, type UploadProgress } from '../shared/asset-upload';
import { categoryLabel } from '../shared/labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { errorMessage } from '../../../ui/error-message';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const FIELD_ORDER = ['title', 'category', 'description', 'tier_required', 'tags', 'customize_template', 'file'] as const;
const FIELD_NAMES: Record<(typeof FIELD_ORDER)[number], string> = {
  title: 'Title',
  category: 'Category',
  description: 'Description',
  tier_required: 'Tier required',
  tags: 'Tags',
  customize_template: 'Customize template',
  file: 'File',
};

interface ChosenFile {
  file: File;
  mimeType: string;
  label: string;
  thumbnail: string | null;
}

export interface AssetFormProps {
  access: Admin;
  /** The asset being updated; null for a new one. */
  existing: PlainDoc<'catalog'> | null;
  templates: readonly PlainDoc<'catalog'>[];
  onDone(message: string): void;
  onCancel(): void;
}

function initialInput(existing: PlainDoc<'catalog'> | null): AssetFormInput {
  const body = existing ? assetBodySchema.safeParse(existing.body) : null;
  return {
    title: existing?.title ?? '',
    description: body?.success ? body.data.description : '',
    category: existing?.category ?? '',
    tier_required: existing?.tier_required ?? 'starter',
    tags: existing?.tags.join(', ') ?? '',
    customize_template: body?.success ? (body.data.customize_template ?? '') : '',
  };
}

export function AssetForm({ access, existing, templates, onDone, onCancel }: AssetFormProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [input, setInput] = useState<AssetFormInput>(() => initialInput(existing));
  const [publishNow, setPublishNow] = useState(existing ? existing.published : false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [checkingFile, setCheckingFile] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const [focusRequest, setFocusRequest] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  // After a refused submit, once the fields show their errors, focus the first one.
  useEffect(() => {
    if (focusRequest > 0) sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function set<K extends keyof AssetFormInput>(key: K, value: AssetFormInput[K]) {
    setInput((previous) => ({ ...previous, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _removed, ...rest }) => rest);
  }

  async function chooseFile(file: File | undefined) {
    setFailure(null);
    setChosen(null);
    setErrors(({ file: _removed, ...rest }) => rest);
    if (!file) return;
    setCheckingFile(true);
    try {
      const check = await inspectAssetFile(file);
      if (!check.ok) {
        setErrors((previous) => ({ ...previous, file: check.message }));
        return;
      }
      const thumbnail = await makeThumbnail(file, check.preview);
      setChosen({ file, mimeType: check.mimeType, label: check.label, thumbnail });
    } catch (error) {
      setErrors((previous) => ({ ...previous, file: `“${file.name}” could not be read (${errorMessage(error)}). Choose it again.` }));
    } finally {
      setCheckingFile(false);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const parsed = assetFormSchema.safeParse(input);
    const nextErrors: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
    if (errors.file) nextErrors.file = errors.file;
    else if (!existing && !chosen) nextErrors.file = `Choose the file partners will download (${ALLOWED_ASSET_TYPES_SENTENCE}; at most ${formatFileSize(ASSET_MAX_BYTES)}).`;
    if (!parsed.success || Object.keys(nextErrors).length > 0) {
      setErrors(nextErrors);
      const names = FIELD_ORDER.filter((field) => nextErrors[field]).map((field) => FIELD_NAMES[field]);
      setFailure(`Nothing was saved. Check ${names.length === 1 ? 'this field' : 'these fields'}: ${names.join(', ')}.`);
      setFocusRequest((count) => count + 1);
      return;
    }
    const values = parsed.data;
    setBusy(true);
    let uploadedPath: string | null = null;
    try {
      const id = existing?.id ?? crypto.randomUUID();
      let fileColumns: { file_path: string; file_sha256: string; file_size: number; mime_type: string } | null = null;
      if (chosen) {
        const sha256 = await sha256Hex(chosen.file);
        const path = assetStoragePath({ category: values.category, assetId: id, sha256, fileName: chosen.file.name });
        setProgress({ loaded: 0, total: chosen.file.size });
        await uploadAssetFile({
          client: access.client,
          serverUrl: access.serverUrl,
          anonKey: access.anonKey,
          path,
          file: chosen.file,
          contentType: chosen.mimeType,
          onProgress: setProgress,
        });
        uploadedPath = path;
        fileColumns = { file_path: path, file_sha256: sha256, file_size: chosen.file.size, mime_type: chosen.mimeType };
      }
      const previousBody = existing ? assetBodySchema.safeParse(existing.body) : null;
      const thumbnail = chosen ? chosen.thumbnail : previousBody?.success ? (previousBody.data.thumbnail ?? null) : null;
      const body = assetBody(values, thumbnail);
      const columns = {
        title: values.title,
        body,
        category: values.category,
        tier_required: values.tier_required,
        tags: values.tags,
        published: publishNow,
        ...(fileColumns ?? {}),
      };
      if (existing) {
        const saved = await access.api.updateEntry(existing.id, columns, `update “${values.title}”`);
        let note = '';
        if (fileColumns && existing.file_path && existing.file_path !== fileColumns.file_path) {
          note = (await access.api.removeAssetFile(existing.file_path)) ?? '';
        }
        onDone(`Saved “${saved.title}” (version ${saved.version}${saved.published ? ', published' : ', draft'}).${note ? ` ${note}` : ''}`);
      } else {
        const saved = await access.api.insertEntry({ id, kind: 'asset', slug: catalogSlug(values.title, id), sort_order: 0, ...columns });
        onDone(`${saved.published ? 'Published' : 'Saved as a draft:'} “${saved.title}” (version ${saved.version}).`);
      }
    } catch (error) {
      setFailure(errorMessage(error));
      // A file uploaded for a row that was then refused would be orphaned; for a new asset nothing points at it.
      if (uploadedPath && !existing) void access.api.removeAssetFile(uploadedPath);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  }

  const percent = progress && progress.total > 0 ? progress.loaded / progress.total : 0;
  const categoryOptions: string[] = [...ASSET_CATEGORIES];
  if (existing?.category && !categoryOptions.includes(existing.category)) categoryOptions.push(existing.category);
  const templateOptions = templates.filter((template) => template.kind === 'template');

  return (
    <section ref={sectionRef} className="card admin-form" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {existing ? `Update “${existing.title}”` : 'Publish a new asset'}
      </h2>
      {existing ? (
        <p className="card__text">
          Version {existing.version}. Changing its text, tier or file makes version {existing.version + 1}; partners’ apps update live.
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
          <FormField label="Title" error={errors.title}>
            <input type="text" value={input.title} onChange={(event) => set('title', event.target.value)} required maxLength={200} />
          </FormField>
          <FormField label="Category" error={errors.category}>
            <select value={input.category} onChange={(event) => set('category', event.target.value)} required>
              <option value="">Choose a category</option>
              {categoryOptions.map((category) => (
                <option key={category} value={category}>
                  {categoryLabel(category)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Description" error={errors.description} className="form-field--notes">
            <textarea rows={3} value={input.description} onChange={(event) => set('description', event.target.value)} required />
          </FormField>
          <FormField label="Tier required" hint="The lowest tier that may download it; lower tiers see it locked." error={errors.tier_required}>
            <select value={input.tier_required} onChange={(event) => set('tier_required', event.target.value as AssetFormInput['tier_required'])}>
              <TierOptions />
            </select>
          </FormField>
          <FormField label="Tags" hint="Separate tags with commas, e.g. linkedin, launch." error={errors.tags}>
            <input type="text" value={input.tags} onChange={(event) => set('tags', event.target.value)} />
          </FormField>
          <FormField label="Customize template" hint="The proposal template “Customize” opens with the partner’s brand kit, if any." error={errors.customize_template}>
            <select value={input.customize_template} onChange={(event) => set('customize_template', event.target.value)}>
              <option value="">None</option>
              {templateOptions.map((template) => (
                <option key={template.id} value={template.slug}>
                  {template.title}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            label={existing ? 'Replace file (optional)' : 'File'}
            hint={`${ALLOWED_ASSET_TYPES_SENTENCE}; at most ${formatFileSize(ASSET_MAX_BYTES)}.${existing?.file_path ? ` Current: ${existing.file_path.split('/').at(-1) ?? ''}${existing.file_size ? ` (${formatFileSize(existing.file_size)})` : ''}.` : ''}`}
            error={errors.file}
          >
            <input type="file" accept={ASSET_ACCEPT} onChange={(event) => void chooseFile(event.target.files?.[0])} disabled={busy} />
          </FormField>
          <div className="admin-form__file">
            {checkingFile ? <p className="card__text">Checking the file…</p> : null}
            {chosen ? (
              <div className="admin-form__chosen">
                {chosen.thumbnail ? <img src={chosen.thumbnail} alt={`Thumbnail preview of ${chosen.file.name}`} className="admin-thumb admin-thumb--large" /> : null}
                <p className="card__text">
                  {chosen.file.name}: {chosen.label}, {formatFileSize(chosen.file.size)}.{' '}
                  {chosen.thumbnail ? 'A thumbnail was made from it.' : 'No thumbnail for this type; partners see its type icon.'}
                </p>
              </div>
            ) : null}
          </div>
        </div>
        <label className="admin-checkbox">
          <input type="checkbox" checked={publishNow} onChange={(event) => setPublishNow(event.target.checked)} /> Published (partners see it; otherwise it is a draft only admins see)
        </label>
        {progress ? (
          <div className="admin-progress">
            <ProgressBar
              fraction={percent}
              label={`Uploading ${chosen?.file.name ?? 'the file'}`}
              valueText={`${formatFileSize(progress.loaded)} of ${formatFileSize(progress.total)}`}
            />
            <p className="form-field__hint" aria-live="polite">
              Uploading: {Math.round(percent * 100)}% ({formatFileSize(progress.loaded)} of {formatFileSize(progress.total)})
            </p>
          </div>
        ) : null}
        <div className="form__alert" role="alert">
          {failure ? <p className="inline-message">{failure}</p> : null}
        </div>
        <SubmitRow label={existing ? 'Save changes' : publishNow ? 'Publish asset' : 'Save draft'} busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onCancel} />
      </form>
    </section>
  );
}
