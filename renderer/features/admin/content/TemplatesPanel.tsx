/**
 * Proposal templates: the template JSON edited as text, checked by the same parser the proposal
 * renderer uses (parseProposalTemplate) before anything is saved, its messages listed by page and
 * block. The row's slug, title and category come from the template itself.
 */
import { useId, useState, type FormEvent } from 'react';
import { parseJsonText } from '../../../../sync/domain/admin/catalog-forms';
import { InvalidTemplateError, parseProposalTemplate } from '../../../../sync/domain/proposals/template-schema';
import { type Tier } from '../../../../sync/schema/fields';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, SubmitRow } from '../../../ui/FormField';
import { TIER_LABELS } from '../shared/labels';
import type { CatalogInsert } from '../shared/admin-writes';
import type { AdminAccess } from '../shared/use-admin-access';
import { errorMessage } from '../../../ui/error-message';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

interface Draft {
  /** null for a new template. */
  id: string | null;
  json: string;
  tier: Tier;
  published: boolean;
}

function draftOf(row: PlainDoc<'catalog'>): Draft {
  return { id: row.id, json: JSON.stringify(row.body, null, 2), tier: row.tier_required, published: row.published };
}

const NEW_TEMPLATE = JSON.stringify(
  {
    id: 'new-template',
    name: 'New template',
    description: 'What this proposal is for.',
    title: 'Proposal for {lead.company}',
    category: 'proposals',
    pages: [{ blocks: [{ type: 'text', text: 'Prepared by {partner.name} for {lead.company}.' }] }],
  },
  null,
  2,
);

export function TemplatesPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const templates = useCatalog('template', { includeUnpublished: true });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [valid, setValid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  function open(next: Draft) {
    setDraft(next);
    setProblems([]);
    setFailure(null);
    setValid(null);
  }

  function check(current: Draft): ReturnType<typeof parseProposalTemplate> | null {
    const json = parseJsonText(current.json);
    if (!json.ok) {
      setProblems([json.message]);
      return null;
    }
    try {
      const template = parseProposalTemplate(json.value);
      const existing = current.id ? templates.data.find((row) => row.id === current.id) : undefined;
      if (existing && template.id !== existing.slug) {
        setProblems([`The template's "id" must stay "${existing.slug}": assets and saved proposals refer to it. Publish a new template for a new id.`]);
        return null;
      }
      if (!existing && templates.data.some((row) => row.slug === template.id)) {
        setProblems([`A template with the id "${template.id}" already exists. Choose another "id".`]);
        return null;
      }
      setProblems([]);
      return template;
    } catch (error) {
      if (error instanceof InvalidTemplateError) setProblems(error.problems.length ? error.problems : [error.message]);
      else setProblems([errorMessage(error)]);
      return null;
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || busy || access.blocked) return;
    setFailure(null);
    const template = check(draft);
    if (!template) return;
    const body = JSON.parse(draft.json) as CatalogInsert['body'];
    setBusy(true);
    try {
      const columns = { title: template.name, slug: template.id, category: template.category, body, tier_required: draft.tier, published: draft.published };
      const saved = draft.id
        ? await access.api.updateEntry(draft.id, columns, `save “${template.name}”`)
        : await access.api.insertEntry({ id: crypto.randomUUID(), kind: 'template', tags: ['proposal'], sort_order: 0, ...columns });
      setDraft(null);
      announce(`Saved template “${saved.title}” (version ${saved.version}${saved.published ? ', published' : ', draft'}).`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="admin-stack">
      <section className="card" aria-labelledby="admin-templates-heading">
        <h2 id="admin-templates-heading">Proposal templates</h2>
        {templates.loading ? (
          <p className="card__text">Loading templates…</p>
        ) : (
          <ul className="admin-list">
            {templates.data.map((row) => (
              <li key={row.id} className="admin-list__item">
                <span>
                  <strong>{row.title}</strong>
                  <span className="data-table__sub">
                    {row.slug} · {TIER_LABELS[row.tier_required]} and above · version {row.version} · {row.published ? 'published' : 'draft'}
                  </span>
                </span>
                <button type="button" className="button button--small" onClick={() => open(draftOf(row))}>
                  Edit<span className="visually-hidden"> {row.title}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => open({ id: null, json: NEW_TEMPLATE, tier: 'starter', published: false })}>
            New template
          </button>
        </div>
      </section>
      {draft ? (
        <section className="card admin-form" aria-labelledby={headingId}>
          <h2 id={headingId}>{draft.id ? 'Edit template' : 'New template'}</h2>
          <form className="form" noValidate onSubmit={(event) => void save(event)}>
            <FormField label="Template JSON" hint="Pages of blocks, as the proposal builder reads them. “Check” validates without saving." error={problems.length ? 'The template has problems; see the list below.' : undefined}>
              <textarea className="admin-code" rows={18} spellCheck={false} value={draft.json} onChange={(event) => {
                  setDraft({ ...draft, json: event.target.value });
                  setValid(null);
                }} />
            </FormField>
            <div role="alert" className="form__alert">
              {problems.length ? (
                <ul className="inline-message admin-problems">
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              ) : null}
              {failure ? <p className="inline-message">{failure}</p> : null}
            </div>
            <p role="status" className="form-field__hint">
              {valid}
            </p>
            <div className="form-grid">
              <FormField label="Tier required">
                <select value={draft.tier} onChange={(event) => setDraft({ ...draft, tier: event.target.value as Tier })}>
                  <TierOptions />
                </select>
              </FormField>
              <label className="admin-checkbox">
                <input type="checkbox" checked={draft.published} onChange={(event) => setDraft({ ...draft, published: event.target.checked })} /> Published
              </label>
            </div>
            <SubmitRow label="Save template" busyLabel="Saving…" busy={busy} blocked={access.blocked}>
              <button
                type="button"
                className="button"
                onClick={() => {
                  const template = check(draft);
                  setValid(template ? `“${template.name}” is a valid template. Save it to publish the change.` : null);
                }}
              >
                Check
              </button>
              <button type="button" className="button" onClick={() => setDraft(null)} disabled={busy}>
                Cancel
              </button>
            </SubmitRow>
          </form>
        </section>
      ) : null}
    </div>
  );
}
