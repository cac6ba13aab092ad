/**
 * The month's community challenge: what is running this month (UTC, as the server counts), and
 * creating or editing it — description, what is counted, the target and the reward points the
 * server awards when a partner meets it — as the month's `challenge` catalog row.
 */
import { useId, useMemo } from 'react';
import { CHALLENGE_METRICS, challengeBodySchema, type ChallengeMetric } from '../../../../sync/schema/community-bodies';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { Dialog } from '../../../ui/Dialog';
import { FormField, FormAlert, SubmitRow } from '../../../ui/FormField';
import { formatMonthKey } from '../../../ui/format';
import { useNow } from '../../../ui/use-now';
import { challengeMonth, challengeSlug, checkChallengeDraft, newChallengeDraft, type ChallengeDraft } from './community-authoring';
import { CHALLENGE_METRIC_LABELS } from './community-labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { useCatalogEntryEditor, type CatalogEntryEditor } from '../shared/use-catalog-entry-editor';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

export function ChallengeSection({ access, announce }: { access: Admin; announce(message: string): void }) {
  const challenges = useCatalog('challenge', { includeUnpublished: true });
  const now = useNow(60_000);
  const month = challengeMonth(now);
  const headingId = useId();
  const current = useMemo(() => challenges.data.find((row) => challengeBodySchema.safeParse(row.body).data?.month === month || row.slug === challengeSlug(month)) ?? null, [challenges.data, month]);
  const body = current ? challengeBodySchema.safeParse(current.body).data ?? null : null;
  const monthName = formatMonthKey(month).long;
  const editor = useCatalogEntryEditor({
    access,
    announce,
    check: (draft: ChallengeDraft) => checkChallengeDraft(draft, month),
    write: ({ title, body }) =>
      current
        ? { update: current.id, patch: { title, body, published: true }, action: `save the ${monthName} challenge` }
        : { insert: { id: crypto.randomUUID(), kind: 'challenge', title, slug: challengeSlug(month), category: 'community', tags: ['challenge'], sort_order: 0, published: true, tier_required: 'starter', body } },
    savedMessage: (saved) => `Published the ${monthName} challenge “${saved.title}”.`,
  });

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId}>Monthly challenge</h2>
        <button type="button" className="button button--small" onClick={() => editor.open(draftOf(current))}>
          {current ? 'Edit this month’s challenge' : 'Create this month’s challenge'}
        </button>
      </div>
      {challenges.loading ? <p className="card__text">Loading challenges…</p> : null}
      {!challenges.loading && !current ? <p className="card__text">No challenge is set for {monthName}. Partners see the Monthly challenge region empty until one is published.</p> : null}
      {current ? (
        <dl className="facts">
          <dt>{monthName}</dt>
          <dd>{current.title}</dd>
          <dt>Task</dt>
          <dd>{body?.description ?? 'Its details cannot be read; edit it to fix it.'}</dd>
          {body ? (
            <>
              <dt>Target</dt>
              <dd>
                {body.target} {CHALLENGE_METRIC_LABELS[body.metric].toLowerCase()}, for {body.reward_points} points
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {editor.draft ? <ChallengeDialog draft={editor.draft} editor={editor} blocked={access.blocked} monthName={monthName} editingCurrent={current !== null} /> : null}
    </section>
  );
}

function draftOf(row: PlainDoc<'catalog'> | null): ChallengeDraft {
  const body = row ? challengeBodySchema.safeParse(row.body).data : undefined;
  if (!row || !body) return newChallengeDraft();
  return { title: row.title, description: body.description, metric: body.metric, target: String(body.target), rewardPoints: String(body.reward_points) };
}

function ChallengeDialog({
  draft,
  editor,
  blocked,
  monthName,
  editingCurrent,
}: {
  draft: ChallengeDraft;
  editor: CatalogEntryEditor<ChallengeDraft>;
  blocked: string | null;
  monthName: string;
  editingCurrent: boolean;
}) {
  const { errors, set } = editor;

  return (
    <Dialog title={`${editingCurrent ? 'Edit' : 'Create'} the ${monthName} challenge`} onClose={editor.close} busy={editor.busy}>
      <form className="form" noValidate onSubmit={(event) => void editor.save(event)}>
        <FormField label="Title" error={errors['title']}>
          <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
        </FormField>
        <FormField label="Description" hint="What partners have to do, in a sentence." error={errors['description']}>
          <textarea rows={2} value={draft.description} onChange={(event) => set({ description: event.target.value })} />
        </FormField>
        <div className="form-grid">
          <FormField label="Metric" error={errors['metric']}>
            <select value={draft.metric} onChange={(event) => set({ metric: event.target.value as ChallengeMetric })}>
              {CHALLENGE_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {CHALLENGE_METRIC_LABELS[metric]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Target" error={errors['target']}>
            <input type="number" min={1} step={1} value={draft.target} onChange={(event) => set({ target: event.target.value })} />
          </FormField>
          <FormField label="Reward points" hint="Awarded by the server when a partner meets the target." error={errors['rewardPoints']}>
            <input type="number" min={1} step={1} value={draft.rewardPoints} onChange={(event) => set({ rewardPoints: event.target.value })} />
          </FormField>
        </div>
        <FormAlert message={editor.failure} />
        <SubmitRow label="Publish challenge" busyLabel="Publishing…" busy={editor.busy} blocked={blocked} onCancel={editor.close} />
      </form>
    </Dialog>
  );
}
