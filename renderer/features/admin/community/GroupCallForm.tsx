/**
 * Group support calls partners book from Support (Active: monthly, Performer: weekly): the ones
 * published, and "Publish group call" — starts at, duration, host, https join link, capacity,
 * agenda and tier — saved as a `group_call` catalog row like other admin publications.
 */
import { useId, useMemo } from 'react';
import { parseInstant } from '../../../../sync/domain/zoned-time';
import { groupCallBodySchema } from '../../../../sync/schema/community-bodies';
import { type Tier } from '../../../../sync/schema/fields';
import { catalogSlug } from '../../../../sync/domain/admin/catalog-forms';
import { useCatalog } from '../../../data/workstation-hooks';
import { Dialog } from '../../../ui/Dialog';
import { FormField, FormAlert, SubmitRow } from '../../../ui/FormField';
import { systemTimeZone } from '../../../ui/format';
import { useNow } from '../../../ui/use-now';
import { checkGroupCallDraft, newGroupCallDraft, type CheckedGroupCall, type GroupCallDraft } from './community-authoring';
import { TIER_LABELS } from '../shared/labels';
import type { AdminAccess } from '../shared/use-admin-access';
import { useCatalogEntryEditor, type CatalogEntryEditor, type CatalogEntryWrite } from '../shared/use-catalog-entry-editor';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

function groupCallWrite({ title, tier_required, body }: CheckedGroupCall): CatalogEntryWrite {
  const id = crypto.randomUUID();
  return {
    insert: { id, kind: 'group_call', title, slug: `group-call-${catalogSlug(title, id)}`, category: 'group-calls', tags: ['group_call'], sort_order: 0, published: true, tier_required, body },
  };
}

export function GroupCallsSection({ access, announce }: { access: Admin; announce(message: string): void }) {
  const calls = useCatalog('group_call', { includeUnpublished: true });
  const now = useNow(60_000);
  const editor = useCatalogEntryEditor({
    access,
    announce,
    check: checkGroupCallDraft,
    write: groupCallWrite,
    savedMessage: (saved) => `Published group call “${saved.title}” for ${TIER_LABELS[saved.tier_required]} partners and above.`,
  });
  const headingId = useId();
  const timeZone = systemTimeZone();
  // Upcoming calls, soonest first; past ones are partners' history, not the admin's to-do.
  const upcoming = useMemo(
    () =>
      calls.data
        .map((row) => ({ row, body: groupCallBodySchema.safeParse(row.body).data ?? null }))
        .filter(({ body }) => !body || (parseInstant(body.starts_at)?.getTime() ?? 0) + body.duration_minutes * 60_000 >= now.getTime())
        .sort((a, b) => (parseInstant(a.body?.starts_at)?.getTime() ?? 0) - (parseInstant(b.body?.starts_at)?.getTime() ?? 0)),
    [calls.data, now],
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="admin-card-head">
        <h2 id={headingId}>Group calls</h2>
        <button type="button" className="button button--small" onClick={() => editor.open(newGroupCallDraft(new Date()))}>
          Publish group call
        </button>
      </div>
      {calls.loading ? <p className="card__text">Loading group calls…</p> : null}
      {!calls.loading && upcoming.length === 0 ? <p className="card__text">No upcoming group calls. Active partners expect one a month, Performers one a week.</p> : null}
      {upcoming.length > 0 ? (
        <ul className="admin-list" aria-labelledby={headingId}>
          {upcoming.map(({ row, body }) => (
            <li key={row.id} className="admin-list__item">
              <span>
                <strong>{row.title}</strong>
                <span className="data-table__sub">
                  {body
                    ? `${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(body.starts_at))} · ${body.duration_minutes} min · host ${body.host} · ${body.capacity} places`
                    : 'Its details cannot be read; publish a corrected call.'}{' '}
                  · {TIER_LABELS[row.tier_required]} and above · {row.published ? 'published' : 'draft'}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {editor.draft ? <GroupCallDialog draft={editor.draft} editor={editor} blocked={access.blocked} /> : null}
    </section>
  );
}

function GroupCallDialog({ draft, editor, blocked }: { draft: GroupCallDraft; editor: CatalogEntryEditor<GroupCallDraft>; blocked: string | null }) {
  const { errors, set } = editor;
  const timeZone = systemTimeZone();

  return (
    <Dialog title="Publish group call" onClose={editor.close} busy={editor.busy}>
      <form className="form" noValidate onSubmit={(event) => void editor.save(event)}>
        <FormField label="Title" error={errors['title']}>
          <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
        </FormField>
        <div className="form-grid">
          <FormField label="Starts at" hint={`In this device’s time zone (${timeZone}).`} error={errors['startsAt']}>
            <input type="datetime-local" value={draft.startsAt} onChange={(event) => set({ startsAt: event.target.value })} />
          </FormField>
          <FormField label="Duration (minutes)" error={errors['durationMinutes']}>
            <input type="number" min={1} step={1} value={draft.durationMinutes} onChange={(event) => set({ durationMinutes: event.target.value })} />
          </FormField>
          <FormField label="Host" error={errors['host']}>
            <input type="text" value={draft.host} onChange={(event) => set({ host: event.target.value })} />
          </FormField>
          <FormField label="Capacity" error={errors['capacity']}>
            <input type="number" min={1} step={1} value={draft.capacity} onChange={(event) => set({ capacity: event.target.value })} />
          </FormField>
          <FormField label="Tier required" hint="Active for monthly calls, Performer for weekly ones." error={errors['tier']}>
            <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
              <TierOptions />
            </select>
          </FormField>
        </div>
        <FormField label="Join link" error={errors['joinUrl']}>
          <input type="url" value={draft.joinUrl} onChange={(event) => set({ joinUrl: event.target.value })} />
        </FormField>
        <FormField label="Agenda" error={errors['agenda']}>
          <textarea rows={3} value={draft.agenda} onChange={(event) => set({ agenda: event.target.value })} />
        </FormField>
        <FormAlert message={editor.failure} />
        <SubmitRow label="Publish call" busyLabel="Publishing…" busy={editor.busy} blocked={blocked} onCancel={editor.close} />
      </form>
    </Dialog>
  );
}
