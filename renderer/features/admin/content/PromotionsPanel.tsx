/**
 * Promotions partners see in the Commission center's bonus tracking, as catalog content: listed
 * from the local store like assets and templates, published, edited and retired through the same
 * catalog writes, the body checked with promotionBodySchema before anything is sent.
 */
import { useId } from 'react';
import { catalogSlug } from '../../../../sync/domain/admin/catalog-forms';
import { promotionBodySchema, type PromotionBody } from '../../../../sync/schema/catalog-bodies';
import { type Tier } from '../../../../sync/schema/fields';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, SubmitRow, FormAlert } from '../../../ui/FormField';
import { formatDate, systemTimeZone } from '../../../ui/format';
import { TIER_LABELS } from '../shared/labels';
import type { Checked, FormErrors } from '../shared/checked-draft';
import { EntryActions, RetireEntryDialog } from '../shared/RetireEntry';
import type { AdminAccess } from '../shared/use-admin-access';
import { retiredEntrySentence, savedEntrySentence, useCatalogEntryEditor, type CatalogEntryWrite } from '../shared/use-catalog-entry-editor';
import { TierOptions } from '../shared/TierOptions';

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
function checkDraft(draft: Draft): Checked<PromotionBody> {
  const errors: FormErrors = {};
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
  return { ok: true, value: parsed.data };
}

function promotionWrite(body: PromotionBody, draft: Draft): CatalogEntryWrite {
  const title = draft.title.trim();
  const columns = { title, body, tier_required: draft.tier, published: draft.published };
  if (draft.id) return { update: draft.id, patch: columns, action: `save “${title}”` };
  const id = crypto.randomUUID();
  return { insert: { id, kind: 'promotion', slug: catalogSlug(title, id), category: 'promotions', tags: ['promotion'], sort_order: 0, ...columns } };
}

export function PromotionsPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  const promotions = useCatalog('promotion', { includeUnpublished: true });
  const editor = useCatalogEntryEditor({
    access,
    announce,
    check: checkDraft,
    write: promotionWrite,
    savedMessage: (saved) => savedEntrySentence('promotion', saved),
    retiredMessage: (row) => retiredEntrySentence('promotion', row),
  });
  const { draft, errors, set } = editor;
  const headingId = useId();
  const timeZone = systemTimeZone();

  return (
    <div className="admin-stack">
      <section className="card" aria-labelledby="admin-promotions-heading">
        <h2 id="admin-promotions-heading">Promotions</h2>
        <FormAlert message={editor.rowError} />
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
                  <EntryActions
                    row={row}
                    editor={editor}
                    blocked={access.blocked}
                    onEdit={() => editor.open(body ? draftOf(row, body) : { ...newDraft(), id: row.id, title: row.title, tier: row.tier_required, published: row.published })}
                  />
                </li>
              );
            })}
          </ul>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => editor.open(newDraft())}>
            New promotion
          </button>
        </div>
      </section>
      {draft ? (
        <section className="card admin-form" aria-labelledby={headingId}>
          <h2 id={headingId}>{draft.id ? `Edit “${draft.title}”` : 'New promotion'}</h2>
          <form className="form" noValidate onSubmit={(event) => void editor.save(event)}>
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
                  <TierOptions />
                </select>
              </FormField>
              <label className="admin-checkbox">
                <input type="checkbox" checked={draft.published} onChange={(event) => set({ published: event.target.checked })} /> Published
              </label>
            </div>
            <FormAlert message={editor.failure} />
            <SubmitRow label="Save promotion" busyLabel="Saving…" busy={editor.busy} blocked={access.blocked} onCancel={editor.close} />
          </form>
        </section>
      ) : null}
      <RetireEntryDialog editor={editor} blocked={access.blocked} consequence="Partners’ apps remove it from bonus tracking as soon as they sync." confirmLabel="Retire promotion" />
    </div>
  );
}
