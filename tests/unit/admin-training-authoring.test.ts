/**
 * The course authoring draft (renderer/features/admin/training/training-authoring.ts): what a blank draft is
 * refused for, that a filled one becomes bodies partners' schemas accept with the module order as
 * the index and the key kept apart from the questions, single-choice key rules, that an uploaded
 * video's checksum and size go on its module's row where the offline download reads them, and that
 * a stored course reads back into the same draft.
 */
import { describe, expect, it } from 'vitest';
import { assessmentBodySchema, courseBodySchema, moduleBodySchema } from '../../sync/schema/catalog-bodies';
import type { PlainDoc } from '../../renderer/data/collection-queries';
import { courseVideos, summarizeCourseOffline } from '../../renderer/features/training/course-download';
import {
  checkCourseDraft,
  courseDraftOf,
  moduleFileColumns,
  moveModule,
  newAssessment,
  newCourseDraft,
  newModule,
  type CourseDraft,
} from '../../renderer/features/admin/training/training-authoring';

const VIDEO_SHA256 = 'ab'.repeat(32);

function filledDraft(): CourseDraft {
  const draft = newCourseDraft(7);
  const first = newModule();
  const second = newModule();
  const assessment = newAssessment();
  const [question] = assessment.questions;
  return {
    ...draft,
    title: 'Referral etiquette',
    slug: 'referral-etiquette',
    summary: 'How to introduce SISO.',
    durationMinutes: '25',
    track: 'Sales',
    modules: [
      { ...first, title: 'Permission', lessons: [{ key: 'l1', kind: 'text', blocks: [{ key: 'b1', type: 'heading', text: 'Ask first' }, { key: 'b2', type: 'list', text: 'One\n\n Two ' }] }] },
      { ...second, title: 'Video', durationMinutes: '5', lessons: [{ key: 'l2', kind: 'video', assetPath: 'training/x/abc-v.mp4', fileName: 'v.mp4', sha256: VIDEO_SHA256, sizeBytes: 2059, mimeType: 'video/mp4', durationSeconds: '90', caption: ' Watch ' }] },
    ],
    assessment: {
      ...assessment,
      questions: [{ ...question!, prompt: 'What first?', options: question!.options.map((option, index) => ({ ...option, text: `Option ${index + 1}`, correct: index === 1 })) }],
    },
  };
}

describe('checkCourseDraft', () => {
  it('refuses a blank draft with a sentence for each field to fix', () => {
    const draft = newCourseDraft(1);
    const result = checkCourseDraft({ ...draft, assessment: newAssessment() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const module = draft.modules[0]!;
    expect(result.errors.title).toBe('Give the course a title partners recognise, e.g. “Sales Fundamentals”.');
    expect(result.errors.slug).toBe('Use lower-case letters, digits and hyphens for the slug, e.g. sales-fundamentals.');
    expect(result.errors.summary).toBe('Describe in a sentence what partners learn.');
    expect(result.errors[`module.${module.key}.title`]).toBe('Give module 1 a title partners will see in the module list.');
    const lesson = module.lessons[0]!;
    expect(lesson.kind).toBe('text');
    if (lesson.kind === 'text') expect(result.errors[`block.${lesson.blocks[0]!.key}`]).toBe('Write the heading, or remove the block.');
    const question = result.errors && Object.entries(result.errors).find(([path]) => path.endsWith('.correct'));
    expect(question?.[1]).toBe('Mark the correct option of question 1.');
    for (const message of Object.values(result.errors)) expect(message).toMatch(/[.”]$/);
  });

  it('turns a filled draft into bodies partners can read, ordered as shown, with the key apart', () => {
    const draft = filledDraft();
    const moved = { ...draft, modules: moveModule(draft.modules, 1, -1) };
    const result = checkCourseDraft(moved);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { course, modules, assessment } = result.checked;
    expect(courseBodySchema.parse(course)).toEqual({
      summary: 'How to introduce SISO.', duration_minutes: 25, level: 'beginner', track: 'Sales', module_count: 2,
      modules: [{ title: 'Video', duration_minutes: 5 }, { title: 'Permission', duration_minutes: 10 }],
    });
    expect(modules.map(({ body }) => moduleBodySchema.parse(body)).map((body) => [body.index, body.title, body.course_id])).toEqual([
      [0, 'Video', draft.id], [1, 'Permission', draft.id],
    ]);
    expect(modules[1]!.body.lessons).toEqual([{ kind: 'text', blocks: [{ type: 'heading', text: 'Ask first' }, { type: 'list', items: ['One', 'Two'] }] }]);
    expect(modules[0]!.body.lessons).toEqual([{ kind: 'video', asset_path: 'training/x/abc-v.mp4', duration_seconds: 90, caption: 'Watch' }]);

    const body = assessmentBodySchema.parse(assessment!.body);
    expect(body.pass_mark).toBe(0.8);
    expect(JSON.stringify(body)).not.toMatch(/correct/);
    const question = draft.assessment!.questions[0]!;
    expect(assessment!.keys).toEqual({ [question.id]: [question.options[1]!.id] });
  });

  it('asks for exactly one correct option on a single-choice question, and none on an untouched stored assessment', () => {
    const draft = filledDraft();
    const question = draft.assessment!.questions[0]!;
    const twoMarked = { ...question, options: question.options.map((option) => ({ ...option, correct: true })) };
    const single = checkCourseDraft({ ...draft, assessment: { ...draft.assessment!, questions: [twoMarked] } });
    expect(single.ok).toBe(false);
    if (!single.ok) expect(single.errors[`question.${question.key}.correct`]).toBe('Question 1 is single choice: mark exactly one correct option, or make it multiple choice.');
    expect(checkCourseDraft({ ...draft, assessment: { ...draft.assessment!, questions: [{ ...twoMarked, kind: 'multiple' }] } }).ok).toBe(true);

    const unmarked = { ...question, options: question.options.map((option) => ({ ...option, correct: false })) };
    expect(checkCourseDraft({ ...draft, assessment: { ...draft.assessment!, stored: true, changed: false, questions: [unmarked] } }).ok).toBe(true);
    expect(checkCourseDraft({ ...draft, assessment: { ...draft.assessment!, stored: true, changed: true, questions: [unmarked] } }).ok).toBe(false);
  });
});

describe('moduleFileColumns', () => {
  it('states an uploaded video on its module row so partners can keep it offline, verified', () => {
    const draft = filledDraft();
    const result = checkCourseDraft(draft);
    if (!result.ok) throw new Error('the filled draft should pass');
    const [text, video] = result.checked.modules;
    expect(moduleFileColumns(video!.draft)).toEqual({ file_path: 'training/x/abc-v.mp4', file_sha256: VIDEO_SHA256, file_size: 2059, mime_type: 'video/mp4' });
    expect(moduleFileColumns(text!.draft)).toEqual({ file_path: null, file_sha256: null, file_size: null, mime_type: null });

    // The row as saved is one the offline download keeps, with its size.
    const rows = result.checked.modules.map(({ draft: module, body }) => ({ id: module.id, version: 1, body, ...moduleFileColumns(module) }));
    const summary = summarizeCourseOffline(courseVideos(rows, draft.id), []);
    expect(summary.streamOnly).toEqual([]);
    expect(summary.keepable.map((kept) => [kept.path, kept.sha256, kept.size, kept.mimeType])).toEqual([['training/x/abc-v.mp4', VIDEO_SHA256, 2059, 'video/mp4']]);
    expect(summary.totalBytes).toBe(2059);
  });

  it('leaves the columns empty for a video saved before checksums were recorded', () => {
    const module = filledDraft().modules[1]!;
    const legacy = { ...module, lessons: module.lessons.map((lesson) => (lesson.kind === 'video' ? { ...lesson, sha256: null, sizeBytes: null, mimeType: null } : lesson)) };
    expect(moduleFileColumns(legacy)).toEqual({ file_path: null, file_sha256: null, file_size: null, mime_type: null });
  });
});

describe('moveModule', () => {
  it('swaps neighbours and leaves the ends alone', () => {
    const modules = [newModule(), newModule(), newModule()];
    expect(moveModule(modules, 2, -1).map((module) => module.key)).toEqual([modules[0]!.key, modules[2]!.key, modules[1]!.key]);
    expect(moveModule(modules, 0, -1)).toEqual(modules);
    expect(moveModule(modules, 2, 1)).toEqual(modules);
  });
});

describe('courseDraftOf', () => {
  it('reads a stored course back into the draft it was saved from, without the key', () => {
    const draft = filledDraft();
    const result = checkCourseDraft(draft);
    if (!result.ok) throw new Error('the filled draft should pass');
    const row = (id: string, kind: PlainDoc<'catalog'>['kind'], title: string, body: unknown) =>
      ({ id, kind, title, slug: `${kind}-${id}`, body, tier_required: 'active', published: true, sort_order: 3, version: 2 }) as unknown as PlainDoc<'catalog'>;
    const course = row(draft.id, 'course', draft.title, result.checked.course);
    // Stored out of order: the index decides.
    const modules = [...result.checked.modules].reverse().map(({ draft: module, body }) => ({ ...row(module.id, 'module', body.title, body), ...moduleFileColumns(module) }));
    const other = row('other', 'module', 'Elsewhere', { ...result.checked.modules[0]!.body, course_id: 'another-course' });
    const assessment = row(draft.assessment!.id, 'assessment', 'x', result.checked.assessment!.body);

    const read = courseDraftOf(course, [...modules, other], [assessment]);
    expect(read).toMatchObject({ id: draft.id, stored: true, title: 'Referral etiquette', tier: 'active', published: true, track: 'Sales', durationMinutes: '25' });
    expect(read.modules.map((module) => [module.id, module.title, module.stored])).toEqual(draft.modules.map((module) => [module.id, module.title, true]));
    const text = read.modules[0]!.lessons[0]!;
    expect(text.kind === 'text' ? text.blocks.map((block) => [block.type, block.text]) : null).toEqual([['heading', 'Ask first'], ['list', 'One\nTwo']]);
    // Saving again keeps the video's checksum and size on the row.
    expect(read.modules[1]!.lessons[0]).toMatchObject({ kind: 'video', sha256: VIDEO_SHA256, sizeBytes: 2059, mimeType: 'video/mp4' });
    expect(moduleFileColumns(read.modules[1]!)).toEqual(moduleFileColumns(draft.modules[1]!));
    expect(read.assessment).toMatchObject({ id: draft.assessment!.id, stored: true, changed: false, passMarkPercent: '80' });
    expect(read.assessment!.questions[0]!.options.every((option) => !option.correct)).toBe(true);
  });
});
