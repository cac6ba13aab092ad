/**
 * The Training tab's Courses section: every course (drafts too) with its module count, tier and
 * whether partners see it, and the course editor opened from "New course" or a course's "Edit".
 */
import { useMemo, useState } from 'react';
import { moduleBodySchema } from '../../../../sync/schema/catalog-bodies';
import type { PlainDoc } from '../../../data/collection-queries';
import { useCatalog } from '../../../data/workstation-hooks';
import { plural } from '../../../ui/format';
import { CourseEditor } from './CourseEditor';
import { TIER_LABELS } from '../shared/labels';
import { courseDraftOf, newCourseDraft, type CourseDraft } from './training-authoring';
import type { AdminAccess } from '../shared/use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

export function CourseList({ access, announce }: { access: Admin; announce(message: string): void }) {
  const courses = useCatalog('course', { includeUnpublished: true });
  const modules = useCatalog('module', { includeUnpublished: true });
  const assessments = useCatalog('assessment', { includeUnpublished: true });
  const [editing, setEditing] = useState<{ draft: CourseDraft; storedTitle: string | null; session: number } | null>(null);

  const moduleCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of modules.data) {
      const body = moduleBodySchema.safeParse(row.body);
      if (body.success) counts.set(body.data.course_id, (counts.get(body.data.course_id) ?? 0) + 1);
    }
    return counts;
  }, [modules.data]);

  const open = (draft: CourseDraft, storedTitle: string | null) => setEditing((previous) => ({ draft, storedTitle, session: (previous?.session ?? 0) + 1 }));
  const edit = (row: PlainDoc<'catalog'>) => open(courseDraftOf(row, modules.data, assessments.data), row.title);
  const nextSortOrder = courses.data.reduce((max, row) => Math.max(max, row.sort_order), 0) + 1;
  const loading = courses.loading || modules.loading || assessments.loading;

  return (
    <>
      <section className="card" aria-labelledby="admin-courses-heading">
        <h2 id="admin-courses-heading">Courses</h2>
        {loading ? (
          <p className="card__text">Loading…</p>
        ) : courses.data.length === 0 ? (
          <p className="card__text">No courses yet.</p>
        ) : (
          <ul className="admin-list" aria-labelledby="admin-courses-heading">
            {courses.data.map((row) => (
              <li key={row.id} className="admin-list__item">
                <span>
                  <strong>{row.title}</strong>
                  <span className="data-table__sub">
                    {plural(moduleCounts.get(row.id) ?? 0, 'module')} · {TIER_LABELS[row.tier_required]} and above · version {row.version} ·{' '}
                    {row.published ? 'published' : 'draft'}
                  </span>
                </span>
                <span className="admin-actions">
                  <button type="button" className="button button--small" onClick={() => edit(row)}>
                    Edit<span className="visually-hidden"> {row.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => open(newCourseDraft(nextSortOrder), null)} disabled={loading}>
            New course
          </button>
        </div>
      </section>
      {editing ? (
        <CourseEditor
          key={editing.session}
          access={access}
          initial={editing.draft}
          storedTitle={editing.storedTitle}
          onCancel={() => setEditing(null)}
          onDone={(message) => {
            setEditing(null);
            announce(message);
          }}
        />
      ) : null}
    </>
  );
}
