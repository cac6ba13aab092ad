/**
 * The month's community challenge: what is running this month (UTC, as the server counts), and
 * creating or editing it — description, what is counted, the target and the reward points the
 * server awards when a partner meets it — as the month's `challenge` catalog row.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { CHALLENGE_METRICS, challengeBodySchema, type ChallengeMetric } from '../../../sync/schema/community-bodies';
import type { PlainDoc } from '../../data/collection-queries';
import { useCatalog } from '../../data/workstation-hooks';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormAlert, SubmitRow } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatMonthKey } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { challengeMonth, challengeSlug, checkChallengeDraft, newChallengeDraft, type ChallengeDraft, type FormErrors } from './community-authoring';
import { CHALLENGE_METRIC_LABELS } from './support-labels';
import type { AdminAccess } from './use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

export function ChallengeSection({ access, announce }: { access: Admin; announce(message: string): void }) {
  const challenges = useCatalog('challenge', { includeUnpublished: true });
  const now = useNow(60_000);
  const month = challengeMonth(now);
  const [editing, setEditing] = useState(false);
  const headingId = useId();
  const current = useMemo(() => challenges.data.find((row) => challengeBodySchema.safeParse(row.body).data?.month === month || row.slug === challengeSlug(month)) ?? null, [challenges.data, month]);
  const body = current ? challengeBodySchema.safeParse(current.body).data ?? null : null;
  const monthName = formatMonthKey(month).long;

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId}>Monthly challenge</h2>
        <button type="button" className="button button--small" onClick={() => setEditing(true)}>
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
      {editing ? (
        <ChallengeDialog
          access={access}
          month={month}
          monthName={monthName}
          current={current}
          onClose={() => setEditing(false)}
          onSaved={(message) => {
            setEditing(false);
            announce(message);
          }}
        />
      ) : null}
    </section>
  );
}

function draftOf(row: PlainDoc<'catalog'> | null): ChallengeDraft {
  const body = row ? challengeBodySchema.safeParse(row.body).data : undefined;
  if (!row || !body) return newChallengeDraft();
  return { title: row.title, description: body.description, metric: body.metric, target: String(body.target), rewardPoints: String(body.reward_points) };
}

function ChallengeDialog({
  access,
  month,
  monthName,
  current,
  onClose,
  onSaved,
}: {
  access: Admin;
  month: string;
  monthName: string;
  current: PlainDoc<'catalog'> | null;
  onClose(): void;
  onSaved(message: string): void;
}) {
  const [draft, setDraft] = useState<ChallengeDraft>(() => draftOf(current));
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ChallengeDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    // Editing a field clears its message; the rest stay until the next submit.
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !(key in patch))));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const checked = checkChallengeDraft(draft, month);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { title, body } = checked.value;
      const saved = current
        ? await access.api.updateEntry(current.id, { title, body, published: true }, `save the ${monthName} challenge`)
        : await access.api.insertEntry({ id: crypto.randomUUID(), kind: 'challenge', title, slug: challengeSlug(month), category: 'community', tags: ['challenge'], sort_order: 0, published: true, tier_required: 'starter', body });
      onSaved(`Published the ${monthName} challenge “${saved.title}”.`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`${current ? 'Edit' : 'Create'} the ${monthName} challenge`} onClose={onClose} busy={busy}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
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
        <FormAlert message={failure} />
        <SubmitRow label="Publish challenge" busyLabel="Publishing…" busy={busy} blocked={access.blocked} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
