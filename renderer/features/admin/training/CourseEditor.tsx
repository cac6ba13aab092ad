/**
 * The course editor: the course's own fields, its modules (ModuleEditor) and assessment
 * (AssessmentEditor) in one form, checked as a whole before anything is sent, then saved by
 * saveCourse. What was typed stays in the form through every refusal.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { COURSE_LEVELS } from '../../../../sync/schema/catalog-bodies';
import { type Tier } from '../../../../sync/schema/fields';
import { FormAlert, FormField, SubmitRow } from '../../../ui/FormField';
import { errorMessage } from '../../../ui/error-message';
import { plural } from '../../../ui/format';
import { AssessmentEditor } from './AssessmentEditor';
import { ModuleEditor } from './ModuleEditor';
import { checkCourseDraft, courseSlugFor, saveCourse, type CourseDraft, type CourseLevel, type DraftErrors } from './training-authoring';
import type { AdminAccess } from '../shared/use-admin-access';
import { TierOptions } from '../shared/TierOptions';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

const LEVEL_LABELS: Record<CourseLevel, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

export interface CourseEditorProps {
  access: Admin;
  initial: CourseDraft;
  /** The title it had when opened, for the heading of an existing course. */
  storedTitle: string | null;
  onDone(message: string): void;
  onCancel(): void;
}

export function CourseEditor({ access, initial, storedTitle, onDone, onCancel }: CourseEditorProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [draft, setDraft] = useState<CourseDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (focusRequest > 0) sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const set = (patch: Partial<CourseDraft>) => setDraft((previous) => ({ ...previous, ...patch }));
  const setTitle = (title: string) => setDraft((previous) => ({ ...previous, title, ...(previous.slugEdited ? {} : { slug: courseSlugFor(title) }) }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || access.blocked) return;
    setFailure(null);
    const result = checkCourseDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setFailure(`Nothing was saved: ${plural(count, 'field needs', 'fields need')} attention. Each is marked in the form with what to fix.`);
      setFocusRequest((value) => value + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await saveCourse(access.api, access.client, draft, result.checked);
      onDone(`${saved.published ? 'Published' : 'Saved as a draft:'} course “${saved.title}” (version ${saved.version}, ${plural(draft.modules.length, 'module')}${draft.assessment ? ' and an assessment' : ''}).`);
    } catch (error) {
      setFailure(`${errorMessage(error)} Parts saved before the refusal are kept; fix the problem and save again.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section ref={sectionRef} className="card admin-form course-editor" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {storedTitle ? `Edit “${storedTitle}”` : 'New course'}
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
          <FormField label="Course title" error={errors.title}>
            <input type="text" value={draft.title} onChange={(event) => setTitle(event.target.value)} maxLength={120} />
          </FormField>
          <FormField label="Slug" hint="Part of the course’s address; lower-case words joined by hyphens." error={errors.slug}>
            <input type="text" value={draft.slug} onChange={(event) => set({ slug: event.target.value, slugEdited: true })} maxLength={80} />
          </FormField>
          <FormField label="Description" error={errors.summary} className="form-field--notes">
            <textarea rows={2} value={draft.summary} onChange={(event) => set({ summary: event.target.value })} maxLength={2000} />
          </FormField>
          <FormField label="Level">
            <select value={draft.level} onChange={(event) => set({ level: event.target.value as CourseLevel })}>
              {COURSE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Duration (minutes)" error={errors.duration}>
            <input type="number" min={1} step={1} value={draft.durationMinutes} onChange={(event) => set({ durationMinutes: event.target.value })} />
          </FormField>
          <FormField label="Tier required" hint="Lower tiers see the course locked; its modules and assessment reach only this tier and above.">
            <select value={draft.tier} onChange={(event) => set({ tier: event.target.value as Tier })}>
              <TierOptions />
            </select>
          </FormField>
          <FormField label="Certification track" hint="Optional; named on the certificate a pass earns, e.g. Sales.">
            <input type="text" value={draft.track} onChange={(event) => set({ track: event.target.value })} maxLength={80} />
          </FormField>
        </div>
        <ModuleEditor
          access={access}
          modules={draft.modules}
          errors={errors}
          onChange={(modules, removed) =>
            setDraft((previous) => ({
              ...previous,
              modules,
              removedModuleIds: removed?.stored ? [...previous.removedModuleIds, removed.id] : previous.removedModuleIds,
            }))
          }
        />
        <AssessmentEditor
          assessment={draft.assessment}
          errors={errors}
          onChange={(assessment) =>
            setDraft((previous) => ({
              ...previous,
              assessment,
              removedAssessmentId: assessment === null && previous.assessment?.stored ? previous.assessment.id : previous.removedAssessmentId,
            }))
          }
        />
        <label className="admin-checkbox">
          <input type="checkbox" checked={draft.published} onChange={(event) => set({ published: event.target.checked })} /> Published (partners see it; otherwise it is a draft only admins see)
        </label>
        <FormAlert message={failure} />
        <SubmitRow label={draft.published ? 'Publish course' : 'Save draft'} busyLabel="Saving…" busy={busy} blocked={access.blocked} onCancel={onCancel} />
      </form>
    </section>
  );
}
