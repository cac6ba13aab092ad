/**
 * The ordered modules of a course in the course editor: each module's title, length and lessons,
 * reordered with Move up / Move down buttons (focus stays on the moved module's button), added
 * and removed. The order here is each module's index when the course is saved.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { FormField } from '../../../ui/FormField';
import { ModuleLessonEditor } from './ModuleLessonEditor';
import { moveModule, newModule, newTextLesson, newVideoLesson, type DraftErrors, type LessonDraft, type ModuleDraft } from './training-authoring';
import type { AdminAccess } from '../shared/use-admin-access';

type Admin = Extract<AdminAccess, { kind: 'admin' }>;

export interface ModuleEditorProps {
  access: Admin;
  modules: readonly ModuleDraft[];
  errors: DraftErrors;
  /** `removed` is the module just taken out, so a stored one can be retired on save. */
  onChange(modules: ModuleDraft[], removed?: ModuleDraft): void;
}

export function ModuleEditor({ access, modules, errors, onChange }: ModuleEditorProps) {
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);

  // Reordering moves DOM nodes, which can drop focus; put it back on the moved module's button,
  // or its other button when the module reached the end of the list.
  useEffect(() => {
    if (!focusRequest || !listRef.current) return;
    const find = (direction: string) => listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${focusRequest.key}:${direction}"]`);
    const wanted = find(focusRequest.direction);
    (wanted && !wanted.disabled ? wanted : find(focusRequest.direction === 'up' ? 'down' : 'up'))?.focus();
  }, [focusRequest]);

  const setModule = (index: number, patch: Partial<ModuleDraft>) => onChange(modules.map((module, at) => (at === index ? { ...module, ...patch } : module)));
  const setLessons = (index: number, lessons: LessonDraft[]) => setModule(index, { lessons });

  function move(index: number, direction: 'up' | 'down') {
    const module = modules[index];
    if (!module) return;
    onChange(moveModule(modules, index, direction === 'up' ? -1 : 1));
    setFocusRequest({ key: module.key, direction });
  }

  return (
    <div className="course-modules">
      <h3 id={headingId}>Modules</h3>
      {errors.modules ? <p className="form-field__error">{errors.modules}</p> : null}
      <ol ref={listRef} className="course-module-list" aria-labelledby={headingId}>
        {modules.map((module, index) => {
          const name = `Module ${index + 1}`;
          const fullName = module.title.trim() ? `${name}: ${module.title.trim()}` : name;
          return (
            <li key={module.key}>
              <fieldset className="admin-fieldset course-module">
                <legend>{fullName}</legend>
                <div className="form-grid">
                  <FormField label="Module title" error={errors[`module.${module.key}.title`]}>
                    <input type="text" value={module.title} onChange={(event) => setModule(index, { title: event.target.value })} maxLength={200} />
                  </FormField>
                  <FormField label="Module length (minutes)" error={errors[`module.${module.key}.duration`]}>
                    <input type="number" min={1} step={1} value={module.durationMinutes} onChange={(event) => setModule(index, { durationMinutes: event.target.value })} />
                  </FormField>
                </div>
                {errors[`module.${module.key}.lessons`] ? <p className="form-field__error">{errors[`module.${module.key}.lessons`]}</p> : null}
                {module.lessons.map((lesson, lessonIndex) => (
                  <ModuleLessonEditor
                    key={lesson.key}
                    access={access}
                    moduleId={module.id}
                    lesson={lesson}
                    name={`Lesson ${lessonIndex + 1} of ${name}`}
                    errors={errors}
                    onChange={(next) => setLessons(index, module.lessons.map((item, at) => (at === lessonIndex ? next : item)))}
                    onRemove={() => setLessons(index, module.lessons.filter((_, at) => at !== lessonIndex))}
                  />
                ))}
                <div className="button-row">
                  <button type="button" className="button button--small" onClick={() => setLessons(index, [...module.lessons, newTextLesson()])}>
                    Add text lesson<span className="visually-hidden"> to {name}</span>
                  </button>
                  <button type="button" className="button button--small" onClick={() => setLessons(index, [...module.lessons, newVideoLesson()])}>
                    Add video lesson<span className="visually-hidden"> to {name}</span>
                  </button>
                </div>
                <div className="button-row">
                  <button type="button" className="button button--small" data-move={`${module.key}:up`} disabled={index === 0} onClick={() => move(index, 'up')}>
                    Move up<span className="visually-hidden"> {fullName}</span>
                  </button>
                  <button type="button" className="button button--small" data-move={`${module.key}:down`} disabled={index === modules.length - 1} onClick={() => move(index, 'down')}>
                    Move down<span className="visually-hidden"> {fullName}</span>
                  </button>
                  <button type="button" className="button button--small" onClick={() => onChange(modules.filter((_, at) => at !== index), module)}>
                    Remove<span className="visually-hidden"> {fullName}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...modules, newModule()])}>
        Add module
      </button>
    </div>
  );
}
