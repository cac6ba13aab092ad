/**
 * Knowledge-base articles as admins see them (drafts too, from the synced catalog), and the
 * article editor: title, type, topic, summary, tier and structured blocks (heading, paragraph,
 * list, tip — never HTML), saved through the same catalog writes as every admin publication.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { articleBodySchema, ARTICLE_TYPES, type ArticleType } from '../../../sync/schema/community-bodies';
import { TIERS, type Tier } from '../../../sync/schema/fields';
import type { PlainDoc } from '../../data/collection-queries';
import { useCatalog } from '../../data/workstation-hooks';
import { FormField, FormAlert, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import {
  BLOCK_TYPES,
  articleDraftOf,
  articleSlug,
  checkArticleDraft,
  newArticleBlock,
  newArticleDraft,
  type ArticleBlockDraft,
  type ArticleDraft,
  type BlockType,
  type FormErrors,
} from './community-authoring';
import { TIER_LABELS } from './labels';
import { ARTICLE_TYPE_LABELS } from './support-labels';
import type { AdminAccess } from './use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const BLOCK_LABELS: Record<BlockType, string> = { heading: 'Heading', paragraph: 'Paragraph', list: 'List', tip: 'Tip' };

export function KnowledgeBaseEditor({ access, announce }: { access: Admin; announce(message: string): void }) {
  const articles = useCatalog('article', { includeUnpublished: true });
  const [typeFilter, setTypeFilter] = useState<ArticleType | ''>('');
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const headingId = useId();
  const rows = useMemo(() => articles.data.filter((row) => typeFilter === '' || articleBodySchema.safeParse(row.body).data?.article_type === typeFilter), [articles.data, typeFilter]);
  const nextSortOrder = useMemo(() => articles.data.reduce((max, row) => Math.max(max, row.sort_order), 0) + 1, [articles.data]);

  return (
    <>
      <section className="card" aria-labelledby={headingId}>
        <div className="admin-card-head">
          <h2 id={headingId}>Knowledge base</h2>
          <button type="button" className="button button--small" onClick={() => setDraft(newArticleDraft())}>
            New article
          </button>
        </div>
        <div className="admin-filters">
          <FormField label="Article type">
            <select value={typeFilter} onChange={(event) => setTypeFilter(event.target.value as ArticleType | '')}>
              <option value="">All types</option>
              {ARTICLE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ARTICLE_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </FormField>
        </div>
        {articles.loading ? <p className="card__text">Loading articles…</p> : null}
        {!articles.loading && rows.length === 0 ? <p className="card__text">No articles of this type yet.</p> : null}
        {rows.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table admin-table" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Type</th>
                  <th scope="col">Topic</th>
                  <th scope="col">Tier</th>
                  <th scope="col">State</th>
                  <th scope="col">Edit</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const type = articleBodySchema.safeParse(row.body).data?.article_type;
                  return (
                    <tr key={row.id}>
                      <th scope="row">{row.title}</th>
                      <td>{type ? ARTICLE_TYPE_LABELS[type] : 'Unreadable body'}</td>
                      <td>{row.category ?? '—'}</td>
                      <td>{TIER_LABELS[row.tier_required]}</td>
                      <td>
                        {row.published ? 'Published' : 'Draft'}
                        <span className="data-table__sub">version {row.version}</span>
                      </td>
                      <td>
                        <button type="button" className="button button--small" onClick={() => setDraft(articleDraftOf(row))}>
                          Edit<span className="visually-hidden"> {row.title}</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {draft ? (
        <ArticleForm
          key={draft.id ?? 'new'}
          access={access}
          initial={draft}
          nextSortOrder={nextSortOrder}
          existing={draft.id ? articles.data.find((row) => row.id === draft.id) ?? null : null}
          onClose={() => setDraft(null)}
          onSaved={(message) => {
            setDraft(null);
            announce(message);
          }}
        />
      ) : null}
    </>
  );
}

function ArticleForm({
  access,
  initial,
  existing,
  nextSortOrder,
  onClose,
  onSaved,
}: {
  access: Admin;
  initial: ArticleDraft;
  existing: PlainDoc<'catalog'> | null;
  nextSortOrder: number;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  // Editing a field clears its message; the rest stay until the next save.
  const clearErrors = (keys: readonly string[]) =>
    setErrors((previous) => (keys.some((key) => key in previous) ? Object.fromEntries(Object.entries(previous).filter(([key]) => !keys.includes(key))) : previous));
  const set = (patch: Partial<ArticleDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    clearErrors(Object.keys(patch));
  };
  const setBlocks = (blocks: ArticleBlockDraft[]) => set({ blocks });
  const setBlock = (index: number, patch: Partial<ArticleBlockDraft>) => {
    const block = draft.blocks[index];
    setBlocks(draft.blocks.map((current, at) => (at === index ? { ...current, ...patch } : current)));
    if (block) clearErrors([`block.${block.key}`]);
  };
  const moveBlock = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= draft.blocks.length) return;
    const blocks = [...draft.blocks];
    const [moved] = blocks.splice(index, 1);
    if (moved) blocks.splice(target, 0, moved);
    setBlocks(blocks);
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const checked = checkArticleDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const columns = checked.value;
      const saved = draft.id
        ? await access.api.updateEntry(draft.id, columns, `save “${columns.title}”`)
        : await (() => {
            const id = crypto.randomUUID();
            return access.api.insertEntry({ id, kind: 'article', slug: articleSlug(columns.title, id), tags: ['article'], sort_order: nextSortOrder, ...columns });
          })();
      onSaved(`Saved article “${saved.title}” (version ${saved.version}${saved.published ? ', published' : ', draft'}).`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <section className="card admin-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{draft.id ? `Edit “${existing?.title ?? draft.title}”` : 'New article'}</h2>
      <form className="form" noValidate onSubmit={(event) => void save(event)}>
        <FormField label="Title" error={errors['title']}>
          <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
        </FormField>
        <div className="form-grid">
          <FormField label="Type" error={errors['articleType']}>
            <select value={draft.articleType} onChange={(event) => set({ articleType: event.target.value as ArticleType })}>
              {ARTICLE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ARTICLE_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Topic" hint="A word or two partners filter by, e.g. commissions." error={errors['topic']}>
            <input type="text" value={draft.topic} onChange={(event) => set({ topic: event.target.value })} />
          </FormField>
          <FormField label="Tier required" hint="The lowest tier that may read it." error={errors['tier']}>
            <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {TIER_LABELS[tier]}
                </option>
              ))}
            </select>
          </FormField>
          <label className="admin-checkbox">
            <input type="checkbox" checked={draft.published} onChange={(event) => set({ published: event.target.checked })} /> Publish
          </label>
        </div>
        <FormField label="Summary" hint="One sentence; partners see it in search results." error={errors['summary']}>
          <textarea rows={2} value={draft.summary} onChange={(event) => set({ summary: event.target.value })} />
        </FormField>
        {draft.articleType === 'video' ? (
          <FormField label="Video file" hint="The video’s path in the assets bucket, e.g. training/workstation-tour.mp4." error={errors['videoPath']}>
            <input type="text" value={draft.videoPath} onChange={(event) => set({ videoPath: event.target.value })} />
          </FormField>
        ) : null}
        <fieldset className="admin-fieldset">
          <legend>Blocks</legend>
          {errors['blocks'] ? <p className="form-field__error">{errors['blocks']}</p> : null}
          <ol className="admin-community-blocks">
            {draft.blocks.map((block, index) => (
              <li key={block.key} className="admin-community-block">
                <FormField label={`Block ${index + 1} type`}>
                  <select value={block.type} onChange={(event) => setBlock(index, { type: event.target.value as BlockType })}>
                    {BLOCK_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {BLOCK_LABELS[type]}
                      </option>
                    ))}
                  </select>
                </FormField>
                <FormField label={block.type === 'list' ? `Block ${index + 1} items` : `Block ${index + 1} text`} hint={block.type === 'list' ? 'One item per line.' : undefined} error={errors[`block.${block.key}`]}>
                  {block.type === 'heading' ? (
                    <input type="text" value={block.text} maxLength={200} onChange={(event) => setBlock(index, { text: event.target.value })} />
                  ) : (
                    <textarea rows={block.type === 'list' ? 4 : 3} value={block.text} onChange={(event) => setBlock(index, { text: event.target.value })} />
                  )}
                </FormField>
                <div className="admin-actions">
                  <button type="button" className="button button--small" disabled={index === 0} onClick={() => moveBlock(index, -1)}>
                    Move block {index + 1} up
                  </button>
                  <button type="button" className="button button--small" disabled={index === draft.blocks.length - 1} onClick={() => moveBlock(index, 1)}>
                    Move block {index + 1} down
                  </button>
                  <button type="button" className="button button--small" onClick={() => setBlocks(draft.blocks.filter((_, at) => at !== index))}>
                    Remove block {index + 1}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div className="button-row">
            {BLOCK_TYPES.map((type) => (
              <button key={type} type="button" className="button button--small" onClick={() => setBlocks([...draft.blocks, newArticleBlock(type)])}>
                Add {BLOCK_LABELS[type].toLowerCase()}
              </button>
            ))}
          </div>
        </fieldset>
        <FormAlert message={failure} />
        <SubmitRow label="Save article" busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </section>
  );
}
