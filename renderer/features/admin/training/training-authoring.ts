/**
 * Course authoring: the editable draft of a course with its ordered modules and assessment, how a
 * draft is read from catalog rows and checked (sentences per field, then the catalog body schemas
 * partners' screens parse), and every write a save makes. The answer key goes only through
 * admin_set_assessment_keys; the assessment's catalog body carries the questions alone.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { slugWords } from '../../../../sync/domain/admin/asset-files';
import { catalogSlug } from '../../../../sync/domain/admin/catalog-forms';
import {
  type COURSE_LEVELS,
  assessmentBodySchema,
  courseBodySchema,
  moduleBodySchema,
  type AssessmentBody,
  type CourseBody,
  type LessonBlock,
  type ModuleBody,
} from '../../../../sync/schema/catalog-bodies';
import type { Tier } from '../../../../sync/schema/fields';
import type { PlainDoc } from '../../../data/collection-queries';
import { AdminRequestError, parseReply, sentenceFor } from '../shared/admin-server';
import type { AdminApi } from '../shared/use-admin-access';

export type CourseLevel = (typeof COURSE_LEVELS)[number];
export type BlockType = LessonBlock['type'];

/** `key` is a React key only; ids are what the server stores. */
export interface BlockDraft {
  key: string;
  type: BlockType;
  /** For a list, one item per line. */
  text: string;
}

export type LessonDraft =
  | { key: string; kind: 'text'; blocks: BlockDraft[] }
  | {
      key: string;
      kind: 'video';
      assetPath: string;
      fileName: string;
      /** Of the uploaded file; null for a lesson saved before they were recorded, which partners can only stream. */
      sha256: string | null;
      sizeBytes: number | null;
      mimeType: string | null;
      durationSeconds: string;
      caption: string;
    };

export interface ModuleDraft {
  key: string;
  id: string;
  /** False until the module's row exists on the server. */
  stored: boolean;
  title: string;
  durationMinutes: string;
  lessons: LessonDraft[];
}

export interface OptionDraft {
  key: string;
  id: string;
  text: string;
  correct: boolean;
}

export interface QuestionDraft {
  key: string;
  id: string;
  prompt: string;
  kind: 'single' | 'multiple';
  options: OptionDraft[];
}

export interface AssessmentDraft {
  id: string;
  stored: boolean;
  /** Whether the questions or key were touched: only then are they saved (the stored key cannot be read back). */
  changed: boolean;
  passMarkPercent: string;
  cooldownHours: string;
  questions: QuestionDraft[];
}

export interface CourseDraft {
  id: string;
  stored: boolean;
  title: string;
  slug: string;
  /** True once the admin typed a slug; until then it follows the title. */
  slugEdited: boolean;
  level: CourseLevel;
  summary: string;
  durationMinutes: string;
  tier: Tier;
  track: string;
  published: boolean;
  sortOrder: number;
  modules: ModuleDraft[];
  /** Stored modules removed in the editor: retired on save. */
  removedModuleIds: string[];
  assessment: AssessmentDraft | null;
  /** A stored assessment removed in the editor: retired on save. */
  removedAssessmentId: string | null;
}

const newKey = (): string => crypto.randomUUID();
const shortId = (prefix: string): string => `${prefix}${crypto.randomUUID().replace(/-/g, '').slice(0, 8)}`;

export function newBlock(type: BlockType = 'paragraph'): BlockDraft {
  return { key: newKey(), type, text: '' };
}

export function newTextLesson(): LessonDraft {
  return { key: newKey(), kind: 'text', blocks: [newBlock('heading'), newBlock('paragraph')] };
}

export function newVideoLesson(): LessonDraft {
  return { key: newKey(), kind: 'video', assetPath: '', fileName: '', sha256: null, sizeBytes: null, mimeType: null, durationSeconds: '', caption: '' };
}

export function newModule(): ModuleDraft {
  return { key: newKey(), id: crypto.randomUUID(), stored: false, title: '', durationMinutes: '10', lessons: [newTextLesson()] };
}

export function newOption(): OptionDraft {
  return { key: newKey(), id: shortId('o'), text: '', correct: false };
}

export function newQuestion(): QuestionDraft {
  return { key: newKey(), id: shortId('q'), prompt: '', kind: 'single', options: [newOption(), newOption()] };
}

export function newAssessment(): AssessmentDraft {
  return { id: crypto.randomUUID(), stored: false, changed: true, passMarkPercent: '80', cooldownHours: '24', questions: [newQuestion()] };
}

export function newCourseDraft(nextSortOrder: number): CourseDraft {
  return {
    id: crypto.randomUUID(), stored: false, title: '', slug: '', slugEdited: false, level: 'beginner', summary: '', durationMinutes: '30',
    tier: 'starter', track: '', published: false, sortOrder: nextSortOrder, modules: [newModule()], removedModuleIds: [], assessment: null, removedAssessmentId: null,
  };
}

export function courseSlugFor(title: string): string {
  return slugWords(title, 60);
}

function blockDraft(block: LessonBlock): BlockDraft {
  return { key: newKey(), type: block.type, text: block.type === 'list' ? (block.items ?? []).join('\n') : (block.text ?? '') };
}

/** The module row states its video's checksum, size and type only when its file is this lesson's. */
function storedFileFacts(row: PlainDoc<'catalog'>, assetPath: string): { sha256: string | null; sizeBytes: number | null; mimeType: string | null } {
  if (row.file_path !== assetPath) return { sha256: null, sizeBytes: null, mimeType: null };
  return { sha256: row.file_sha256 ?? null, sizeBytes: row.file_size ?? null, mimeType: row.mime_type ?? null };
}

/** The file columns of a module's catalog row. */
export interface ModuleFileColumns {
  file_path: string | null;
  file_sha256: string | null;
  file_size: number | null;
  mime_type: string | null;
}

/**
 * Where a module's video is stated the way seeded modules state theirs: on the module's catalog row,
 * which holds one file, so the first video lesson whose checksum is known is the one partners can
 * keep offline (verified against it). A module without one gets empty columns, clearing a removed video's.
 */
export function moduleFileColumns(module: Pick<ModuleDraft, 'lessons'>): ModuleFileColumns {
  for (const lesson of module.lessons) {
    if (lesson.kind !== 'video' || !lesson.assetPath || !lesson.sha256 || lesson.sizeBytes === null) continue;
    return { file_path: lesson.assetPath, file_sha256: lesson.sha256, file_size: lesson.sizeBytes, mime_type: lesson.mimeType };
  }
  return { file_path: null, file_sha256: null, file_size: null, mime_type: null };
}

/** Modules and assessment of a course, from the catalog rows an admin's store holds. */
export function courseDraftOf(
  course: PlainDoc<'catalog'>,
  moduleRows: readonly PlainDoc<'catalog'>[],
  assessmentRows: readonly PlainDoc<'catalog'>[],
): CourseDraft {
  const body = courseBodySchema.safeParse(course.body).data;
  const modules = moduleRows
    .flatMap((row) => {
      const parsed = moduleBodySchema.safeParse(row.body);
      return parsed.success && parsed.data.course_id === course.id ? [{ row, body: parsed.data }] : [];
    })
    .sort((a, b) => a.body.index - b.body.index)
    .map(({ row, body: moduleBody }): ModuleDraft => ({
      key: newKey(), id: row.id, stored: true, title: moduleBody.title, durationMinutes: String(moduleBody.duration_minutes),
      lessons: moduleBody.lessons.map((lesson): LessonDraft =>
        lesson.kind === 'text'
          ? { key: newKey(), kind: 'text', blocks: lesson.blocks.map(blockDraft) }
          : {
              key: newKey(), kind: 'video', assetPath: lesson.asset_path, fileName: lesson.asset_path.split('/').at(-1) ?? '',
              ...storedFileFacts(row, lesson.asset_path), durationSeconds: String(lesson.duration_seconds), caption: lesson.caption,
            },
      ),
    }));
  let assessment: AssessmentDraft | null = null;
  for (const row of assessmentRows) {
    const parsed = assessmentBodySchema.safeParse(row.body);
    if (!parsed.success || parsed.data.course_id !== course.id) continue;
    assessment = {
      id: row.id, stored: true, changed: false,
      passMarkPercent: String(Math.round(parsed.data.pass_mark * 100)), cooldownHours: String(parsed.data.cooldown_hours),
      questions: parsed.data.questions.map((question) => ({
        key: newKey(), id: question.id, prompt: question.prompt, kind: question.kind,
        options: question.options.map((option) => ({ key: newKey(), id: option.id, text: option.text, correct: false })),
      })),
    };
    break;
  }
  return {
    id: course.id, stored: true, title: course.title, slug: course.slug, slugEdited: true,
    level: body?.level ?? 'beginner', summary: body?.summary ?? '', durationMinutes: body ? String(body.duration_minutes) : '30',
    tier: course.tier_required, track: body?.track ?? '', published: course.published, sortOrder: course.sort_order,
    modules, removedModuleIds: [], assessment, removedAssessmentId: null,
  };
}

/** Swaps a module with its neighbour; the order is the modules' index when saved. */
export function moveModule(modules: readonly ModuleDraft[], from: number, direction: -1 | 1): ModuleDraft[] {
  const to = from + direction;
  if (to < 0 || to >= modules.length) return [...modules];
  const next = [...modules];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Field path → sentence. Paths: course fields by name, `module.<key>.<field>`, `lesson.<key>…`, `question.<key>…`. */
export type DraftErrors = Record<string, string>;

export interface CheckedCourse {
  course: CourseBody;
  modules: { draft: ModuleDraft; body: ModuleBody }[];
  assessment: { draft: AssessmentDraft; body: AssessmentBody; keys: Record<string, string[]> } | null;
}

const wholeNumber = (text: string): number | null => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) ? value : null;
};

function checkBlocks(lessonKey: string, blocks: readonly BlockDraft[], errors: DraftErrors): LessonBlock[] {
  if (blocks.length === 0) errors[`lesson.${lessonKey}`] = 'Add at least one block of text to this lesson, or remove the lesson.';
  return blocks.map((block) => {
    if (block.type === 'list') {
      const items = block.text.split('\n').map((line) => line.trim()).filter(Boolean);
      if (items.length === 0) errors[`block.${block.key}`] = 'Write the list with one item per line.';
      return { type: 'list', items };
    }
    if (!block.text.trim()) errors[`block.${block.key}`] = `Write the ${block.type === 'tip' ? 'tip' : block.type}, or remove the block.`;
    return { type: block.type, text: block.text.trim() };
  });
}

function checkModule(draft: ModuleDraft, index: number, courseId: string, errors: DraftErrors): ModuleBody | null {
  const before = Object.keys(errors).length;
  const title = draft.title.trim();
  if (!title) errors[`module.${draft.key}.title`] = `Give module ${index + 1} a title partners will see in the module list.`;
  const minutes = wholeNumber(draft.durationMinutes);
  if (minutes === null || minutes <= 0) errors[`module.${draft.key}.duration`] = 'Enter how long the module takes in whole minutes, e.g. 10.';
  if (draft.lessons.length === 0) errors[`module.${draft.key}.lessons`] = `Module ${index + 1} has no lessons. Add a text or video lesson.`;
  const lessons = draft.lessons.map((lesson) => {
    if (lesson.kind === 'text') return { kind: 'text' as const, blocks: checkBlocks(lesson.key, lesson.blocks, errors) };
    if (!lesson.assetPath) errors[`lesson.${lesson.key}.file`] = 'Upload the video for this lesson, or remove the lesson.';
    const seconds = wholeNumber(lesson.durationSeconds);
    if (seconds === null || seconds <= 0) errors[`lesson.${lesson.key}.duration`] = 'Enter the video’s length in whole seconds, e.g. 180.';
    return { kind: 'video' as const, asset_path: lesson.assetPath, duration_seconds: seconds ?? 0, caption: lesson.caption.trim() };
  });
  if (Object.keys(errors).length > before) return null;
  const parsed = moduleBodySchema.safeParse({ course_id: courseId, index, title, duration_minutes: minutes, lessons });
  if (!parsed.success) {
    errors[`module.${draft.key}.title`] = `Module ${index + 1} is not in the shape partners’ apps read (${parsed.error.issues[0]?.path.join('.') ?? 'unknown field'}). Check its lessons.`;
    return null;
  }
  return parsed.data;
}

function checkAssessment(draft: AssessmentDraft, courseId: string, errors: DraftErrors): CheckedCourse['assessment'] {
  const before = Object.keys(errors).length;
  const passMark = Number(draft.passMarkPercent);
  if (draft.passMarkPercent.trim() === '' || !(passMark >= 0 && passMark <= 100)) errors['assessment.passMark'] = 'Enter the pass mark as a percentage from 0 to 100, e.g. 80.';
  const cooldown = Number(draft.cooldownHours);
  if (draft.cooldownHours.trim() === '' || !(cooldown >= 0)) errors['assessment.cooldown'] = 'Enter the hours a partner waits after failing, 0 or more, e.g. 24.';
  if (draft.questions.length === 0) errors['assessment.questions'] = 'Add at least one question, or remove the assessment.';
  const keys: Record<string, string[]> = {};
  const questions = draft.questions.map((question, index) => {
    const prompt = question.prompt.trim();
    if (!prompt) errors[`question.${question.key}.prompt`] = `Write question ${index + 1}.`;
    if (question.options.length < 2) errors[`question.${question.key}.options`] = `Question ${index + 1} needs at least two options.`;
    for (const option of question.options) {
      if (!option.text.trim()) errors[`option.${option.key}`] = 'Write this option, or remove it.';
    }
    const correct = question.options.filter((option) => option.correct).map((option) => option.id);
    if (draft.changed) {
      if (correct.length === 0) errors[`question.${question.key}.correct`] = `Mark the correct option of question ${index + 1}.`;
      else if (question.kind === 'single' && correct.length > 1) {
        errors[`question.${question.key}.correct`] = `Question ${index + 1} is single choice: mark exactly one correct option, or make it multiple choice.`;
      }
    }
    keys[question.id] = correct;
    return { id: question.id, prompt, kind: question.kind, options: question.options.map((option) => ({ id: option.id, text: option.text.trim() })) };
  });
  if (Object.keys(errors).length > before) return null;
  const parsed = assessmentBodySchema.safeParse({ course_id: courseId, pass_mark: passMark / 100, cooldown_hours: cooldown, questions });
  if (!parsed.success) {
    errors['assessment.questions'] = `The assessment is not in the shape partners’ apps read (${parsed.error.issues[0]?.path.join('.') ?? 'unknown field'}). Check its questions.`;
    return null;
  }
  return { draft, body: parsed.data, keys };
}

export function checkCourseDraft(draft: CourseDraft): { ok: true; checked: CheckedCourse } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Give the course a title partners recognise, e.g. “Sales Fundamentals”.';
  const slug = draft.slug.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) errors.slug = 'Use lower-case letters, digits and hyphens for the slug, e.g. sales-fundamentals.';
  if (!draft.summary.trim()) errors.summary = 'Describe in a sentence what partners learn.';
  const minutes = wholeNumber(draft.durationMinutes);
  if (minutes === null || minutes <= 0) errors.duration = 'Enter the whole course’s length in minutes, e.g. 90.';
  if (draft.modules.length === 0) errors.modules = 'A course needs at least one module. Add one.';
  const modules = draft.modules.map((module, index) => ({ draft: module, body: checkModule(module, index, draft.id, errors) }));
  const assessment = draft.assessment ? checkAssessment(draft.assessment, draft.id, errors) : null;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const course = courseBodySchema.safeParse({
    summary: draft.summary.trim(), duration_minutes: minutes, level: draft.level, ...(draft.track.trim() ? { track: draft.track.trim() } : {}),
    modules: modules.map(({ body }) => ({ title: body?.title ?? '', duration_minutes: body?.duration_minutes ?? 0 })), module_count: modules.length,
  });
  if (!course.success) return { ok: false, errors: { title: `The course is not in the shape partners’ apps read (${course.error.issues[0]?.path.join('.') ?? 'unknown field'}).` } };
  return {
    ok: true,
    checked: { course: course.data, modules: modules.flatMap(({ draft: module, body }) => (body ? [{ draft: module, body }] : [])), assessment },
  };
}

/** admin_set_assessment_keys: replaces the key; resolves with how many questions were keyed. */
export async function saveAssessmentKeys(client: SupabaseClient, assessmentId: string, keys: Record<string, string[]>, title: string): Promise<number> {
  const action = `save the answer key of “${title}”`;
  const { data, error } = await client.rpc('admin_set_assessment_keys', { assessment_id: assessmentId, keys });
  if (error) throw new AdminRequestError(sentenceFor(action, error));
  return parseReply(z.int().min(0), data, action);
}

/**
 * Writes a checked course. Modules and the assessment go first and the course row last, so a
 * partner's hub never shows a newly published course whose modules have not arrived; the key is
 * set right after the questions it marks.
 */
export async function saveCourse(api: AdminApi, client: SupabaseClient, draft: CourseDraft, checked: CheckedCourse): Promise<{ title: string; version: number; published: boolean }> {
  const title = draft.title.trim();
  const shared = { tier_required: draft.tier, published: draft.published };
  for (const { draft: module, body } of checked.modules) {
    const columns = { title: body.title, body, sort_order: body.index, ...moduleFileColumns(module), ...shared };
    if (module.stored) await api.updateEntry(module.id, columns, `save module “${body.title}”`);
    else await api.insertEntry({ id: module.id, kind: 'module', slug: catalogSlug(body.title, module.id), category: 'training', tags: ['module'], ...columns });
  }
  for (const id of draft.removedModuleIds) await api.updateEntry(id, { _deleted: true }, 'retire the removed module');
  if (draft.removedAssessmentId) await api.updateEntry(draft.removedAssessmentId, { _deleted: true }, 'retire the removed assessment');

  const assessment = draft.assessment;
  if (assessment && checked.assessment) {
    const assessmentTitle = `${title} assessment`;
    if (!assessment.stored) {
      await api.insertEntry({
        id: assessment.id, kind: 'assessment', slug: catalogSlug(assessmentTitle, assessment.id), category: 'training', tags: ['assessment'],
        title: assessmentTitle, body: checked.assessment.body, sort_order: 0, ...shared,
      });
    } else {
      await api.updateEntry(assessment.id, { title: assessmentTitle, ...(assessment.changed ? { body: checked.assessment.body } : {}), ...shared }, `save “${assessmentTitle}”`);
    }
    if (assessment.changed) await saveAssessmentKeys(client, assessment.id, checked.assessment.keys, assessmentTitle);
  }

  const columns = { title, slug: draft.slug.trim(), body: checked.course, ...shared };
  const saved = draft.stored
    ? await api.updateEntry(draft.id, columns, `save “${title}”`)
    : await api.insertEntry({ id: draft.id, kind: 'course', category: 'training', tags: ['course'], sort_order: draft.sortOrder, ...columns });
  return { title: saved.title, version: saved.version, published: saved.published };
}
