import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { learningPathProgress, type PathCourseInput } from '../../sync/domain/learning-paths';
import type { ModuleProgressInput } from '../../sync/domain/training-stats';
import { learningPathBodySchema } from '../../sync/schema/catalog-bodies';

const courses = new Map<string, PathCourseInput>(
  [
    { id: 'platform', title: 'SISO Platform Mastery', tierRequired: 'starter', moduleCount: 3 },
    { id: 'technical', title: 'Technical Basics', tierRequired: 'performer', moduleCount: 2 },
    { id: 'advanced', title: 'Advanced Techniques', tierRequired: 'elite', moduleCount: 2 },
    { id: 'sales', title: 'Sales Fundamentals', tierRequired: 'starter', moduleCount: 2 },
  ].map((course) => [course.id, course as PathCourseInput]),
);
const specialist = { courseIds: ['platform', 'technical', 'advanced'] };
const completed = (course: string, ...indexes: number[]): ModuleProgressInput[] =>
  indexes.map((index) => ({ kind: 'module', course_id: course, module_index: index, completed_at: '2026-11-20T10:00:00Z' }));

describe('learningPathProgress', () => {
  it('starts with the first course as the next step and progress per course in path order', () => {
    const progress = learningPathProgress(specialist, courses, [], 'elite');
    expect(progress.steps.map((step) => [step.courseId, step.state])).toEqual([
      ['platform', 'not-started'],
      ['technical', 'not-started'],
      ['advanced', 'not-started'],
    ]);
    expect(progress.next?.courseId).toBe('platform');
    expect(progress.blockedBy).toBeNull();
    expect(progress.complete).toBe(false);
  });

  it('moves the next step past finished courses and reports partial progress', () => {
    const rows = [...completed('platform', 0, 1, 2), ...completed('technical', 1)];
    const progress = learningPathProgress(specialist, courses, rows, 'elite');
    expect(progress.steps[0]).toMatchObject({ state: 'done', completed: 3, total: 3, fraction: 1 });
    expect(progress.steps[1]).toMatchObject({ state: 'in-progress', completed: 1, total: 2, fraction: 0.5 });
    expect(progress.next?.courseId).toBe('technical');
    expect(progress.coursesDone).toBe(1);
  });

  it('names the tier when the next course is locked instead of skipping ahead', () => {
    const progress = learningPathProgress(specialist, courses, completed('platform', 0, 1, 2), 'active');
    expect(progress.next).toBeNull();
    expect(progress.blockedBy).toMatchObject({ courseId: 'technical', state: 'locked', unlockTier: 'performer' });
    expect(progress.steps[2]).toMatchObject({ state: 'locked', unlockTier: 'elite' });
  });

  it('counts each course once and lets missing courses neither block nor complete the path', () => {
    const path = { courseIds: ['sales', 'withdrawn', 'sales', 'platform'] };
    const rows = [...completed('sales', 0, 1), ...completed('platform', 0, 1, 2)];
    const progress = learningPathProgress(path, courses, rows, 'starter');
    expect(progress.steps.map((step) => step.state)).toEqual(['done', 'missing', 'done']);
    expect(progress.coursesKnown).toBe(2);
    expect(progress.next).toBeNull();
    expect(progress.complete).toBe(true);
  });

  it('treats a path with no course on this device as not complete', () => {
    const progress = learningPathProgress({ courseIds: ['gone', 'also-gone'] }, courses, [], 'starter');
    expect(progress.complete).toBe(false);
    expect(progress.next).toBeNull();
  });

  it('follows each module of a course to its new place after a reorder', () => {
    const sales = { id: 'sales', title: 'Sales Fundamentals', tierRequired: 'starter' as const, moduleCount: 2, modules: [{ id: 'B', index: 0 }, { id: 'A', index: 1 }] };
    // A was completed at place 0 before the admin swapped A and B.
    const rows: ModuleProgressInput[] = [{ kind: 'module', course_id: 'sales', module_id: 'A', module_index: 0, completed_at: '2026-11-20T10:00:00Z' }];
    const progress = learningPathProgress({ courseIds: ['sales'] }, new Map([['sales', sales]]), rows, 'starter');
    expect(progress.steps[0]).toMatchObject({ state: 'in-progress', completed: 1, total: 2 });
    const both = [...rows, { kind: 'module', course_id: 'sales', module_id: 'B', module_index: 0, completed_at: '2026-11-21T10:00:00Z' }];
    expect(learningPathProgress({ courseIds: ['sales'] }, new Map([['sales', sales]]), both, 'starter').complete).toBe(true);
  });
});

describe('the demo workspace’s learning paths', () => {
  it('are featured, parse, and name only courses the demo has, so the demo hub shows them', () => {
    const demo = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo/workspace.json'), 'utf8')) as {
      collections: { catalog: { id: string; kind: string; title: string; body: unknown }[] };
    };
    const courseIds = new Set(demo.collections.catalog.filter((row) => row.kind === 'course').map((row) => row.id));
    const paths = demo.collections.catalog.filter((row) => row.kind === 'learning_path');
    expect(paths.map((row) => row.title)).toEqual(['Close your first deal', 'Become a SISO specialist', 'Grow with marketing']);
    for (const row of paths) {
      const body = learningPathBodySchema.parse(row.body);
      expect(body.featured).toBe(true);
      expect(body.course_ids.filter((id) => !courseIds.has(id))).toEqual([]);
    }
  });
});
