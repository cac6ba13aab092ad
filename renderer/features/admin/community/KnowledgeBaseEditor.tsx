/**
 * Knowledge-base articles as admins see them (drafts too, from the synced catalog), and the
 * article editor: title, type, topic, summary, tier and structured blocks (heading, paragraph,
 * list, tip — never HTML), saved through the same catalog writes as every admin publication.
 */
import { useId, useMemo, useState } from 'react';
import { articleBodySchema, ARTICLE_TYPES, type ArticleType } from '../../../../sync/schema/community-bodies';
import { type Tier } from '../../../../sync/schema/fields';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, FormAlert, SubmitRow } from '../../../ui/FormField';
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
  type CheckedArticle,
} from './community-authoring';
import { TIER_LABELS } from '../shared/labels';
import { ARTICLE_TYPE_LABELS } from './community-labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { savedEntrySentence, useCatalogEntryEditor, type CatalogEntryEditor, type CatalogEntryWrite } from '../shared/use-catalog-entry-editor';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const BLOCK_LABELS: Record<BlockType, string> = { heading: 'Heading', paragraph: 'Paragraph', list: 'List', tip: 'Tip' };

function ArticleTypeOptions() {
  return (
    <>
      {ARTICLE_TYPES.map((type) => (
        <option key={type} value={type}>
          {ARTICLE_TYPE_LABELS[type]}
        </option>
      ))}
    </>
  );
}

export function KnowledgeBaseEditor({ access, announce }: { access: Admin; announce(message: string): void }) {
  const articles = useCatalog('article', { includeUnpublished: true });
  const [typeFilter, setTypeFilter] = useState<ArticleType | ''>('');
  const headingId = useId();
  const rows = useMemo(() => articles.data.filter((row) => typeFilter === '' || articleBodySchema.safeParse(row.body).data?.article_type === typeFilter), [articles.data, typeFilter]);
  const nextSortOrder = useMemo(() => articles.data.reduce((max, row) => Math.max(max, row.sort_order), 0) + 1, [articles.data]);
  const editor = useCatalogEntryEditor({
    access,
    announce,
    check: checkArticleDraft,
    write: (columns: CheckedArticle, draft: ArticleDraft): CatalogEntryWrite => {
      if (draft.id) return { update: draft.id, patch: columns, action: `save “${columns.title}”` };
      const id = crypto.randomUUID();
      return { insert: { id, kind: 'article', slug: articleSlug(columns.title, id), tags: ['article'], sort_order: nextSortOrder, ...columns } };
    },
    savedMessage: (saved) => savedEntrySentence('article', saved),
  });
  const draft = editor.draft;

  return (
    <>
      <section className="card" aria-labelledby={headingId}>
        <div className="admin-card-head">
          <h2 id={headingId}>Knowledge base</h2>
          <button type="button" className="button button--small" onClick={() => editor.open(newArticleDraft())}>
            New article
          </button>
        </div>
        <div className="admin-filters">
          <FormField label="Article type">
            <select value={typeFilter} onChange={(event) => setTypeFilter(event.target.value as ArticleType | '')}>
              <option value="">All types</option>
              <ArticleTypeOptions />
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
                        <button type="button" className="button button--small" onClick={() => editor.open(articleDraftOf(row))}>
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
        <ArticleForm draft={draft} editor={editor} blocked={access.blocked} existingTitle={draft.id ? articles.data.find((row) => row.id === draft.id)?.title ?? null : null} />
      ) : null}
    </>
  );
}

function ArticleForm({
  draft,
  editor,
  blocked,
  existingTitle,
}: {
  draft: ArticleDraft;
  editor: CatalogEntryEditor<ArticleDraft>;
  blocked: string | null;
  /** The stored title of the article being edited: the heading keeps it while the draft's title changes. */
  existingTitle: string | null;
}) {
  const { errors, set, clearErrors } = editor;
  const headingId = useId();
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

  return (
    <section className="card admin-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{draft.id ? `Edit “${existingTitle ?? draft.title}”` : 'New article'}</h2>
      <form className="form" noValidate onSubmit={(event) => void editor.save(event)}>
        <FormField label="Title" error={errors['title']}>
          <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
        </FormField>
        <div className="form-grid">
          <FormField label="Type" error={errors['articleType']}>
            <select value={draft.articleType} onChange={(event) => set({ articleType: event.target.value as ArticleType })}>
              <ArticleTypeOptions />
            </select>
          </FormField>
          <FormField label="Topic" hint="A word or two partners filter by, e.g. commissions." error={errors['topic']}>
            <input type="text" value={draft.topic} onChange={(event) => set({ topic: event.target.value })} />
          </FormField>
          <FormField label="Tier required" hint="The lowest tier that may read it." error={errors['tier']}>
            <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
              <TierOptions />
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
        <FormAlert message={editor.failure} />
        <SubmitRow label="Save article" busyLabel="Saving…" busy={editor.busy} blocked={blocked} onCancel={editor.close} />
      </form>
    </section>
  );
}
