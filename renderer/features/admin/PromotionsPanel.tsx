/**
 * Promotions partners see in the Commission center's bonus tracking, as catalog content: listed
 * from the local store like assets and templates, published, edited and retired through the same
 * catalog writes, the body checked with promotionBodySchema before anything is sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { catalogSlug } from '../../../sync/domain/admin/catalog-forms';
import { promotionBodySchema, type PromotionBody } from '../../../sync/schema/catalog-bodies';
import { TIERS, type Tier } from '../../../sync/schema/fields';
import type { PlainDoc } from '../../data/collection-queries';
import { useCatalog } from '../../data/workstation-hooks';
import { Dialog } from '../../ui/Dialog';
import { FormField, SubmitRow, FormAlert } from '../../ui/FormField';
import { errorMessage } from '../../ui/error-message';
import { formatDate, systemTimeZone } from '../../ui/format';
import { TIER_LABELS } from './labels';
import type { AdminAccess } from './use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

interface Draft {
  /** null for a new promotion. */
  id: string | null;
  title: string;
  headline: string;
  description: string;
  reward: string;
  /** Local calendar dates (YYYY-MM-DD): the promotion runs from the start of one to the end of the other. */
  startsOn: string;
  endsOn: string;
  tier: Tier;
  published: boolean;
}

type DraftErrors = Partial<Record<'title' | 'headline' | 'description' | 'reward' | 'startsOn' | 'endsOn', string>>;

function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DD as the local start (or end) of that day, as an ISO timestamp; null when not a date. */
function dayBoundary(date: string, end: boolean): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const moment = end ? new Date(Number(year), Number(month) - 1, Number(day), 23, 59, 59, 999) : new Date(Number(year), Number(month) - 1, Number(day));
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

function readBody(row: PlainDoc<'catalog'>): PromotionBody | null {
  const parsed = promotionBodySchema.safeParse(row.body);
  return parsed.success ? parsed.data : null;
}

function draftOf(row: PlainDoc<'catalog'>, body: PromotionBody): Draft {
  return {
    id: row.id,
    title: row.title,
    headline: body.headline,
    description: body.description,
    reward: body.reward,
    startsOn: localDate(body.starts_at),
    endsOn: localDate(body.ends_at),
    tier: row.tier_required,
    published: row.published,
  };
}

function newDraft(): Draft {
  const today = new Date();
  const inAMonth = new Date(today.getFullYear(), today.getMonth() + 1, today.getDate());
  return { id: null, title: '', headline: '', description: '', reward: '', startsOn: localDate(today.toISOString()), endsOn: localDate(inAMonth.toISOString()), tier: 'starter', published: true };
}

/** The draft as a checked body, or the message for each field that is wrong. */
function checkDraft(draft: Draft): { ok: true; body: PromotionBody } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Give the promotion a title for the list, e.g. “Winter referral sprint”.';
  const starts = dayBoundary(draft.startsOn, false);
  const ends = dayBoundary(draft.endsOn, true);
  if (!starts) errors.startsOn = 'Choose the day the promotion starts.';
  if (!ends) errors.endsOn = 'Choose the last day of the promotion.';
  const parsed = promotionBodySchema.safeParse({ headline: draft.headline, description: draft.description, reward: draft.reward, starts_at: starts ?? '', ends_at: ends ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'headline' || field === 'description' || field === 'reward') errors[field] ??= issue.message;
      if (field === 'ends_at' && starts && ends) errors.endsOn ??= 'The last day must be on or after the first day.';
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

export function PromotionsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const promotions = useCatalog('promotion', { includeUnpublished: true });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retiring, setRetiring] = useState<PlainDoc<'catalog'> | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const headingId = useId();
  const timeZone = systemTimeZone();

  function open(next: Draft) {
    setDraft(next);
    setErrors({});
    setFailure(null);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft || busy || access.blocked) return;
    setFailure(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const title = draft.title.trim();
      const columns = { title, body: checked.body, tier_required: draft.tier, published: draft.published };
      const id = draft.id ?? crypto.randomUUID();
      const saved = draft.id
        ? await access.api.updateEntry(draft.id, columns, `save “${title}”`)
        : await access.api.insertEntry({ id, kind: 'promotion', slug: catalogSlug(title, id), category: 'promotions', tags: ['promotion'], sort_order: 0, ...columns });
      setDraft(null);
      announce(`Saved promotion “${saved.title}” (version ${saved.version}${saved.published ? ', published' : ', draft'}).`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function retire(row: PlainDoc<'catalog'>) {
    setBusy(true);
    setRowError(null);
    try {
      await access.api.updateEntry(row.id, { _deleted: true }, `retire “${row.title}”`);
      if (draft?.id === row.id) setDraft(null);
      announce(`Retired promotion “${row.title}”. Partners’ apps remove it when they sync.`);
    } catch (error) {
      setRowError(errorMessage(error));
    } finally {
      setRetiring(null);
      setBusy(false);
    }
  }

  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch });

  return (
    <div className="admin-stack">
      <section className="card" aria-labelledby="admin-promotions-heading">
        <h2 id="admin-promotions-heading">Promotions</h2>
        <FormAlert message={rowError} />
        {promotions.loading ? (
          <p className="card__text">Loading promotions…</p>
        ) : promotions.data.length === 0 ? (
          <p className="card__text">No promotions yet. Partners see published promotions under bonus tracking in their Commission center.</p>
        ) : (
          <ul className="admin-list" aria-labelledby="admin-promotions-heading">
            {promotions.data.map((row) => {
              const body = readBody(row);
              return (
                <li key={row.id} className="admin-list__item">
                  <span>
                    <strong>{row.title}</strong>
                    <span className="data-table__sub">
                      {body ? `${body.reward} · ${formatDate(body.starts_at, timeZone)} to ${formatDate(body.ends_at, timeZone)} · ` : 'Its details cannot be read; edit it to fix them · '}
                      {TIER_LABELS[row.tier_required]} and above · version {row.version} · {row.published ? 'published' : 'draft'}
                    </span>
                  </span>
                  <span className="admin-actions">
                    <button type="button" className="button button--small" onClick={() => open(body ? draftOf(row, body) : { ...newDraft(), id: row.id, title: row.title, tier: row.tier_required, published: row.published })}>
                      Edit<span className="visually-hidden"> {row.title}</span>
                    </button>
                    <button type="button" className="button button--small" onClick={() => setRetiring(row)} disabled={access.blocked !== null} title={access.blocked ?? undefined}>
                      Retire<span className="visually-hidden"> {row.title}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => open(newDraft())}>
            New promotion
          </button>
        </div>
      </section>
      {draft ? (
        <section className="card admin-form" aria-labelledby={headingId}>
          <h2 id={headingId}>{draft.id ? `Edit “${draft.title}”` : 'New promotion'}</h2>
          <form className="form" noValidate onSubmit={(event) => void save(event)}>
            <FormField label="Title" hint="How the promotion is listed." error={errors.title}>
              <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
            </FormField>
            <FormField label="Headline" hint="The one line partners read first." error={errors.headline}>
              <input type="text" value={draft.headline} onChange={(event) => set({ headline: event.target.value })} />
            </FormField>
            <FormField label="Description" error={errors.description}>
              <textarea rows={3} value={draft.description} onChange={(event) => set({ description: event.target.value })} />
            </FormField>
            <FormField label="Reward" hint="What partners get, in words: “£250 bonus”, “+5% commission on upsells”." error={errors.reward}>
              <input type="text" value={draft.reward} onChange={(event) => set({ reward: event.target.value })} />
            </FormField>
            <div className="form-grid">
              <FormField label="Starts on" error={errors.startsOn}>
                <input type="date" value={draft.startsOn} onChange={(event) => set({ startsOn: event.target.value })} />
              </FormField>
              <FormField label="Ends on" error={errors.endsOn}>
                <input type="date" value={draft.endsOn} onChange={(event) => set({ endsOn: event.target.value })} />
              </FormField>
              <FormField label="Tier required" hint="The lowest tier that qualifies; others see it locked.">
                <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
                  {TIERS.map((tier) => (
                    <option key={tier} value={tier}>
                      {TIER_LABELS[tier]}
                    </option>
                  ))}
                </select>
              </FormField>
              <label className="admin-checkbox">
                <input type="checkbox" checked={draft.published} onChange={(event) => set({ published: event.target.checked })} /> Published
              </label>
            </div>
            <FormAlert message={failure} />
            <SubmitRow label="Save promotion" busyLabel="Saving…" busy={busy} blocked={access.blocked}>
              <button type="button" className="button" onClick={() => setDraft(null)} disabled={busy}>
                Cancel
              </button>
            </SubmitRow>
          </form>
        </section>
      ) : null}
      {retiring ? (
        <Dialog title={`Retire “${retiring.title}”?`} onClose={() => setRetiring(null)} busy={busy}>
          <p className="card__text">Partners’ apps remove it from bonus tracking as soon as they sync.</p>
          <div className="button-row dialog__actions">
            <button type="button" className="button button--danger" onClick={() => void retire(retiring)} disabled={busy || access.blocked !== null}>
              {busy ? 'Retiring…' : 'Retire promotion'}
            </button>
            <button type="button" className="button" onClick={() => setRetiring(null)} disabled={busy}>
              Keep it
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
