import { describe, expect, it } from 'vitest';
import { courseProgress, findModuleRow, isCourseLocked, learningStats, type ModuleProgressInput } from '../../sync/domain/training-stats';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const done = (course: string, index: number, at: string | null, kind = 'module'): ModuleProgressInput => ({
  kind,
  course_id: course,
  module_index: index,
  completed_at: at,
});

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
    expect(courseProgress(rows, 'c1', 4)).toEqual({ completed: 1, total: 4, fraction: 0.25 });
  });

  it('finds the one module row to update rather than adding another', () => {
    const rows = [done('c1', 0, null), done('c1', 0, ago(1), 'attempt')];
    expect(findModuleRow(rows, 'c1', 0)).toBe(rows[0]);
    expect(findModuleRow(rows, 'c1', 1)).toBeNull();
  });
});

describe('learningStats', () => {
  const modules = [
    { course_id: 'c1', index: 0, duration_minutes: 30 },
    { course_id: 'c1', index: 1, duration_minutes: 45 },
    { course_id: 'c1', index: 2, duration_minutes: 60 },
    { course_id: 'c2', index: 0, duration_minutes: 20 },
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
