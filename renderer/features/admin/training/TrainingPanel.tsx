/**
 * The admin's Training tab: completion and pass rates per course and tier held at the time
 * (admin_training_report, read from the server), courses authored with their modules and
 * assessments (CourseList), and webinars and coaching slots published, edited and retired through
 * the same catalog writes as promotions, each body checked with its schema before it is sent.
 */
import { useCallback, useId } from 'react';
import { catalogSlug } from '../../../../sync/domain/admin/catalog-forms';
import { coachingSlotBodySchema, webinarBodySchema } from '../../../../sync/schema/catalog-bodies';
import { type Tier } from '../../../../sync/schema/fields';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { FormField, SubmitRow, FormAlert } from '../../../ui/FormField';
import { formatPercent, systemTimeZone } from '../../../ui/format';
import { TIER_LABELS } from '../shared/labels';
import { CourseList } from './CourseList';
import { ReportHead } from '../shared/ReportHead';
import type { Checked, FormErrors } from '../shared/checked-draft';
import { EntryActions, RetireEntryDialog } from '../shared/RetireEntry';
import type { AdminAccess } from '../shared/use-admin-access';
import { retiredEntrySentence, savedEntrySentence, useCatalogEntryEditor, type CatalogEntryWrite } from '../shared/use-catalog-entry-editor';
import { useServerReport } from '../shared/use-admin-data';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;
type SessionKind = 'webinar' | 'coaching_slot';

interface Draft {
  kind: SessionKind;
  /** null for a new entry. */
  id: string | null;
  title: string;
  /** datetime-local value, in this device's time zone. */
  startsAt: string;
  durationMinutes: string;
  /** Host of a webinar, coach of a slot. */
  person: string;
  joinUrl: string;
  capacity: string;
  description: string;
  tier: Tier;
  published: boolean;
}

const KIND_NOUN: Record<SessionKind, string> = { webinar: 'webinar', coaching_slot: 'coaching slot' };

function kindOf(row: PlainDoc<'catalog'>): SessionKind {
  return row.kind === 'coaching_slot' ? 'coaching_slot' : 'webinar';
}

function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function newDraft(kind: SessionKind): Draft {
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  nextWeek.setHours(15, 0, 0, 0);
  return {
    kind, id: null, title: '', startsAt: localDateTime(nextWeek.toISOString()), durationMinutes: kind === 'webinar' ? '60' : '30',
    person: '', joinUrl: '', capacity: '50', description: '', tier: kind === 'webinar' ? 'starter' : 'elite', published: true,
  };
}

function draftOf(row: PlainDoc<'catalog'>, kind: SessionKind): Draft {
  const base = { ...newDraft(kind), id: row.id, title: row.title, tier: row.tier_required, published: row.published };
  if (kind === 'webinar') {
    const body = webinarBodySchema.safeParse(row.body).data;
    return body
      ? { ...base, startsAt: localDateTime(body.starts_at), durationMinutes: String(body.duration_minutes), person: body.host, joinUrl: body.join_url, capacity: String(body.capacity), description: body.description }
      : base;
  }
  const body = coachingSlotBodySchema.safeParse(row.body).data;
  return body ? { ...base, startsAt: localDateTime(body.starts_at), durationMinutes: String(body.duration_minutes), person: body.coach } : base;
}

/** The draft as a checked body, or the message for each field that is wrong. */
function checkDraft(draft: Draft): Checked<Record<string, string | number | boolean>> {
  const errors: FormErrors = {};
  if (!draft.title.trim()) errors.title = 'Give it a title partners recognise, e.g. “Enterprise deal playbook”.';
  const starts = new Date(draft.startsAt);
  if (!draft.startsAt || Number.isNaN(starts.getTime())) errors.startsAt = 'Choose the day and time it starts.';
  const duration = Number(draft.durationMinutes);
  if (!Number.isInteger(duration) || duration <= 0) errors.durationMinutes = 'Enter the length in whole minutes, e.g. 45.';
  if (!draft.person.trim()) errors.person = draft.kind === 'webinar' ? 'Name the host partners will see.' : 'Name the coach.';
  const startsIso = Number.isNaN(starts.getTime()) ? '' : starts.toISOString();
  if (draft.kind === 'coaching_slot') {
    const parsed = coachingSlotBodySchema.safeParse({ starts_at: startsIso, duration_minutes: duration, coach: draft.person.trim() });
    if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
    return { ok: true, value: parsed.data };
  }
  const capacity = Number(draft.capacity);
  if (!Number.isInteger(capacity) || capacity <= 0) errors.capacity = 'Enter how many partners can join, e.g. 100.';
  const parsed = webinarBodySchema.safeParse({
    starts_at: startsIso, duration_minutes: duration, host: draft.person.trim(), join_url: draft.joinUrl.trim(), capacity, description: draft.description.trim(),
  });
  if (!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'join_url')) {
    errors.joinUrl = 'Enter the full meeting link, starting with https://.';
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

function sessionWrite(body: Record<string, string | number | boolean>, draft: Draft): CatalogEntryWrite {
  const title = draft.title.trim();
  const tierRequired: Tier = draft.kind === 'coaching_slot' ? 'elite' : draft.tier;
  const columns = { title, body, tier_required: tierRequired, published: draft.published };
  if (draft.id) return { update: draft.id, patch: columns, action: `save “${title}”` };
  const id = crypto.randomUUID();
  return {
    insert: { id, kind: draft.kind, slug: catalogSlug(title, id), category: draft.kind === 'webinar' ? 'webinars' : 'coaching', tags: [draft.kind], sort_order: 0, ...columns },
  };
}

export function TrainingPanel({ access, announce }: { access: Admin; announce(message: string): void }) {
  return (
    <div className="admin-stack">
      <TrainingReport access={access} />
      <CourseList access={access} announce={announce} />
      <SessionsEditor access={access} announce={announce} />
    </div>
  );
}

function TrainingReport({ access }: { access: Admin }) {
  const api = access.api;
  const load = useCallback(() => api.trainingReport(), [api]);
  const report = useServerReport(access.blocked !== null ? null : load);
  const headingId = useId();
  const rows = report.data ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <ReportHead headingId={headingId} heading="Completion and pass rates" subject="training report" report={report} blocked={access.blocked} />
      {report.data && rows.length === 0 ? <p className="card__text">No partner has started a course yet.</p> : null}
      {rows.length > 0 ? (
        <table className="data-table admin-table" aria-label="Training by course and tier">
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Tier</th>
              <th scope="col">Partners started</th>
              <th scope="col">Modules completed</th>
              <th scope="col">Attempts</th>
              <th scope="col">Pass rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.course_id}-${row.tier}`}>
                <th scope="row">{row.course_title}</th>
                <td>{TIER_LABELS[row.tier]}</td>
                <td>{row.partners_started}</td>
                <td>{row.modules_completed}</td>
                <td>{row.attempts}</td>
                <td>{row.pass_rate === null ? 'No graded attempts' : `${formatPercent(row.pass_rate)} (${row.passed} passed)`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function SessionsEditor({ access, announce }: { access: Admin; announce(message: string): void }) {
  const webinars = useCatalog('webinar', { includeUnpublished: true });
  const slots = useCatalog('coaching_slot', { includeUnpublished: true });
  const editor = useCatalogEntryEditor({
    access,
    announce,
    check: checkDraft,
    write: sessionWrite,
    savedMessage: (saved, draft) => savedEntrySentence(KIND_NOUN[draft.kind], saved),
    retiredMessage: (row) => retiredEntrySentence(KIND_NOUN[kindOf(row)], row),
  });
  const { draft, errors, set } = editor;
  const formHeadingId = useId();
  const timeZone = systemTimeZone();
  const when = (row: PlainDoc<'catalog'>) => {
    const startsAt = typeof row.body.starts_at === 'string' ? new Date(row.body.starts_at) : null;
    return startsAt && !Number.isNaN(startsAt.getTime())
      ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(startsAt)
      : 'Its time cannot be read; edit it to fix it';
  };

  const list = (kind: SessionKind, rows: PlainDoc<'catalog'>[], loading: boolean, headingId: string) =>
    loading ? (
      <p className="card__text">Loading…</p>
    ) : rows.length === 0 ? (
      <p className="card__text">None yet.</p>
    ) : (
      <ul className="admin-list" aria-labelledby={headingId}>
        {rows.map((row) => (
          <li key={row.id} className="admin-list__item">
            <span>
              <strong>{row.title}</strong>
              <span className="data-table__sub">
                {when(row)} · {TIER_LABELS[row.tier_required]} and above · version {row.version} · {row.published ? 'published' : 'draft'}
              </span>
            </span>
            <EntryActions row={row} editor={editor} blocked={access.blocked} onEdit={() => editor.open(draftOf(row, kind))} />
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <section className="card" aria-labelledby="admin-webinars-heading">
        <h2 id="admin-webinars-heading">Webinars</h2>
        <FormAlert message={editor.rowError} />
        {list('webinar', webinars.data, webinars.loading, 'admin-webinars-heading')}
        <div className="button-row">
          <button type="button" className="button" onClick={() => editor.open(newDraft('webinar'))}>
            New webinar
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby="admin-coaching-heading">
        <h2 id="admin-coaching-heading">Coaching slots</h2>
        <p className="card__text">Coaching is for Elite partners; each slot can be booked by one partner.</p>
        {list('coaching_slot', slots.data, slots.loading, 'admin-coaching-heading')}
        <div className="button-row">
          <button type="button" className="button" onClick={() => editor.open(newDraft('coaching_slot'))}>
            New coaching slot
          </button>
        </div>
      </section>
      {draft ? (
        <section className="card admin-form" aria-labelledby={formHeadingId}>
          <h2 id={formHeadingId}>{draft.id ? `Edit “${draft.title}”` : `New ${KIND_NOUN[draft.kind]}`}</h2>
          <form className="form" noValidate onSubmit={(event) => void editor.save(event)}>
            <FormField label="Title" error={errors.title}>
              <input type="text" value={draft.title} onChange={(event) => set({ title: event.target.value })} />
            </FormField>
            <div className="form-grid">
              <FormField label="Starts at" hint={`In this device’s time zone (${timeZone}).`} error={errors.startsAt}>
                <input type="datetime-local" value={draft.startsAt} onChange={(event) => set({ startsAt: event.target.value })} />
              </FormField>
              <FormField label="Duration (minutes)" error={errors.durationMinutes}>
                <input type="number" min={1} step={1} value={draft.durationMinutes} onChange={(event) => set({ durationMinutes: event.target.value })} />
              </FormField>
              <FormField label={draft.kind === 'webinar' ? 'Host' : 'Coach'} error={errors.person}>
                <input type="text" value={draft.person} onChange={(event) => set({ person: event.target.value })} />
              </FormField>
              {draft.kind === 'webinar' ? (
                <>
                  <FormField label="Capacity" error={errors.capacity}>
                    <input type="number" min={1} step={1} value={draft.capacity} onChange={(event) => set({ capacity: event.target.value })} />
                  </FormField>
                  <FormField label="Tier required" hint="Above Starter makes it exclusive; others see it locked.">
                    <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
                      <TierOptions />
                    </select>
                  </FormField>
                </>
              ) : null}
              <label className="admin-checkbox">
                <input type="checkbox" checked={draft.published} onChange={(event) => set({ published: event.target.checked })} /> Published
              </label>
            </div>
            {draft.kind === 'webinar' ? (
              <>
                <FormField label="Join link" error={errors.joinUrl}>
                  <input type="url" value={draft.joinUrl} onChange={(event) => set({ joinUrl: event.target.value })} />
                </FormField>
                <FormField label="Description">
                  <textarea rows={3} value={draft.description} onChange={(event) => set({ description: event.target.value })} />
                </FormField>
              </>
            ) : null}
            <FormAlert message={editor.failure} />
            <SubmitRow label={`Save ${KIND_NOUN[draft.kind]}`} busyLabel="Saving…" busy={editor.busy} blocked={access.blocked} onCancel={editor.close} />
          </form>
        </section>
      ) : null}
      <RetireEntryDialog
        editor={editor}
        blocked={access.blocked}
        consequence="Partners’ apps remove it from Live sessions as soon as they sync; their registrations stay on record."
        confirmLabel={editor.retiring ? `Retire ${KIND_NOUN[kindOf(editor.retiring)]}` : 'Retire'}
      />
    </>
  );
}
