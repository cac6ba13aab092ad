import { describe, expect, it } from 'vitest';
import {
  completedModuleIds,
  courseProgress,
  findModuleRow,
  isCourseLocked,
  learningStats,
  type CourseModuleRef,
  type ModuleProgressInput,
} from '../../sync/domain/training-stats';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const done = (course: string, index: number, at: string | null, kind = 'module'): ModuleProgressInput => ({
  kind,
  course_id: course,
  module_index: index,
  completed_at: at,
});
/** A row as the app writes it: naming the module and its place at the time. */
const doneModule = (course: string, moduleId: string, index: number, at: string | null): ModuleProgressInput => ({
  kind: 'module',
  course_id: course,
  module_id: moduleId,
  module_index: index,
  completed_at: at,
});
const refs = (...ids: string[]): CourseModuleRef[] => ids.map((id, index) => ({ id, index }));

describe('isCourseLocked', () => {
  it('locks courses above the partner tier only', () => {
    expect(isCourseLocked('performer', 'starter')).toBe(true);
    expect(isCourseLocked('active', 'active')).toBe(false);
    expect(isCourseLocked('starter', 'elite')).toBe(false);
    expect(isCourseLocked('active', null)).toBe(true);
  });
});

describe('courseProgress', () => {
  it('counts each completed module once and ignores attempts, unfinished and deleted rows', () => {
    const rows = [
      done('c1', 0, ago(2)),
      done('c1', 0, ago(1)),
      done('c1', 1, null),
      done('c1', 2, ago(1), 'attempt'),
      { ...done('c1', 3, ago(1)), _deleted: true },
      done('c2', 0, ago(1)),
    ];
    expect(courseProgress(rows, 'c1', refs('m0', 'm1', 'm2', 'm3'))).toEqual({ completed: 1, total: 4, fraction: 0.25 });
  });

  it('finds the one module row to update rather than adding another', () => {
    const rows = [done('c1', 0, null), done('c1', 0, ago(1), 'attempt')];
    expect(findModuleRow(rows, 'c1', { id: 'm0', index: 0 })).toBe(rows[0]);
    expect(findModuleRow(rows, 'c1', { id: 'm1', index: 1 })).toBeNull();
  });
});

describe('progress after an admin reorders modules', () => {
  // Module A was completed at place 0; the admin then swapped A and B, so B is at 0 and A at 1.
  const rows = [doneModule('c1', 'A', 0, ago(1)), doneModule('c1', 'B', 1, null)];
  const swapped: CourseModuleRef[] = [
    { id: 'B', index: 0 },
    { id: 'A', index: 1 },
    { id: 'C', index: 2 },
  ];

  it('keeps the completed module completed and the other open', () => {
    expect(completedModuleIds(rows, 'c1', swapped)).toEqual(new Set(['A']));
    expect(courseProgress(rows, 'c1', swapped)).toEqual({ completed: 1, total: 3, fraction: 1 / 3 });
  });

  it('finds each module its own row wherever it now sits', () => {
    expect(findModuleRow(rows, 'c1', { id: 'A', index: 1 })).toBe(rows[0]);
    expect(findModuleRow(rows, 'c1', { id: 'B', index: 0 })).toBe(rows[1]);
    expect(findModuleRow(rows, 'c1', { id: 'C', index: 2 })).toBeNull();
  });

  it('counts both modules once the moved one is completed at the place the other held', () => {
    const later = [...rows.slice(0, 1), doneModule('c1', 'B', 0, ago(0))];
    expect(courseProgress(later, 'c1', swapped).completed).toBe(2);
    const modules = swapped.map((module) => ({ ...module, course_id: 'c1', duration_minutes: 30 }));
    const stats = learningStats({ rows: later, modules, courseModuleCounts: new Map([['c1', 3]]), now: NOW, timeZone: 'UTC' });
    expect(stats.modulesThisMonth).toBe(2);
    expect(stats.hoursThisMonth).toBe(1);
    expect(stats.coursesInProgress).toBe(1);
  });

  it('still places legacy rows without a module id by index', () => {
    const legacy = [done('c1', 0, ago(1)), done('c1', 2, null)];
    expect(completedModuleIds(legacy, 'c1', swapped)).toEqual(new Set(['B']));
    expect(courseProgress(legacy, 'c1', swapped).completed).toBe(1);
    expect(findModuleRow(legacy, 'c1', { id: 'C', index: 2 })).toBe(legacy[1]);
    expect(findModuleRow([...legacy, doneModule('c1', 'C', 2, null)], 'c1', { id: 'C', index: 2 })?.module_id).toBe('C');
  });

  it('counts completions of a course whose modules are not on this device, up to its size', () => {
    const locked = [doneModule('c1', 'A', 0, ago(1)), doneModule('c1', 'B', 0, ago(1)), done('c1', 5, ago(1))];
    expect(courseProgress(locked, 'c1', [], 3).completed).toBe(2);
    expect(courseProgress(locked, 'c1', [], 1).completed).toBe(1);
  });

  it('ignores completions of retired modules once every module is known', () => {
    expect(courseProgress([doneModule('c1', 'gone', 0, ago(1))], 'c1', swapped).completed).toBe(0);
  });
});

describe('learningStats', () => {
  const modules = [
    { id: 'c1-m0', course_id: 'c1', index: 0, duration_minutes: 30 },
    { id: 'c1-m1', course_id: 'c1', index: 1, duration_minutes: 45 },
    { id: 'c1-m2', course_id: 'c1', index: 2, duration_minutes: 60 },
    { id: 'c2-m0', course_id: 'c2', index: 0, duration_minutes: 20 },
  ];
  const counts = new Map([
    ['c1', 3],
    ['c2', 1],
  ]);

  it('sums this month, counts the streak back from today and courses started but not finished', () => {
    const rows = [done('c1', 0, ago(0)), done('c1', 1, ago(1)), done('c2', 0, ago(3)), done('c1', 2, ago(40))];
    const stats = learningStats({ rows, modules, courseModuleCounts: counts, now: NOW, timeZone: 'UTC' });
    expect(stats.modulesThisMonth).toBe(3);
    expect(stats.hoursThisMonth).toBeCloseTo((30 + 45 + 20) / 60, 1);
    expect(stats.streakDays).toBe(2);
    expect(stats.coursesInProgress).toBe(0);
  });

  it('keeps yesterday’s streak alive until today ends and reports a started course', () => {
    const rows = [done('c1', 0, ago(1)), done('c1', 1, ago(2))];
    const stats = learningStats({ rows, modules, courseModuleCounts: counts, now: NOW, timeZone: 'UTC' });
    expect(stats.streakDays).toBe(2);
    expect(stats.coursesInProgress).toBe(1);
  });

  it('has no streak after a day without learning', () => {
    const rows = [done('c1', 0, ago(2))];
    expect(learningStats({ rows, modules, courseModuleCounts: counts, now: NOW, timeZone: 'UTC' }).streakDays).toBe(0);
  });
});
