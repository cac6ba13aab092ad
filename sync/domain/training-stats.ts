/** Training hub arithmetic: course locks, per-course progress and the partner's learning statistics, from local rows. */
import { TIERS, type Tier } from '../schema/fields';
import { parseInstant, zonedMonthKey, zonedParts } from './zoned-time';

/** The parts of a training_progress row these calculations read. */
export interface ModuleProgressInput {
  readonly kind?: string | null;
  readonly course_id: string;
  readonly module_index: number;
  readonly module_id?: string | null;
  readonly completed_at?: string | null;
  readonly _deleted?: boolean;
}

/** A course module's duration, to turn completions into hours. */
export interface ModuleDurationInput {
  readonly course_id: string;
  readonly index: number;
  readonly duration_minutes: number;
}

/** Whether a course needing `required` is above `partnerTier`; an unknown tier locks everything above Starter. */
export function isCourseLocked(required: Tier | null | undefined, partnerTier: Tier | null | undefined): boolean {
  const need = TIERS.indexOf(required ?? 'starter');
  const have = TIERS.indexOf(partnerTier ?? 'starter');
  return need > have;
}

function isModuleRow(row: ModuleProgressInput): boolean {
  return (row.kind ?? 'module') === 'module' && !row._deleted;
}

/** The partner's module row for one module of a course, completed or not (for idempotent writes). */
export function findModuleRow<T extends ModuleProgressInput>(rows: readonly T[], courseId: string, moduleIndex: number): T | null {
  return rows.find((row) => isModuleRow(row) && row.course_id === courseId && row.module_index === moduleIndex) ?? null;
}

/** Module indexes of `courseId` with a completion, each once. */
export function completedModuleIndexes(rows: readonly ModuleProgressInput[], courseId: string): Set<number> {
  const done = new Set<number>();
  for (const row of rows) {
    if (isModuleRow(row) && row.course_id === courseId && parseInstant(row.completed_at)) done.add(row.module_index);
  }
  return done;
}

export interface CourseProgress {
  completed: number;
  total: number;
  /** 0–1. */
  fraction: number;
}

export function courseProgress(rows: readonly ModuleProgressInput[], courseId: string, moduleCount: number): CourseProgress {
  const completed = [...completedModuleIndexes(rows, courseId)].filter((index) => index < moduleCount).length;
  return { completed, total: moduleCount, fraction: moduleCount > 0 ? completed / moduleCount : 0 };
}

export interface LearningStats {
  modulesThisMonth: number;
  hoursThisMonth: number;
  /** Consecutive days, ending today (or yesterday, while today has none yet), with a completed module. */
  streakDays: number;
  coursesInProgress: number;
}

function dayKey(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First completion per (course, module), so a module done twice counts once. */
function firstCompletions(rows: readonly ModuleProgressInput[], now: Date): Map<string, { row: ModuleProgressInput; at: Date }> {
  const byModule = new Map<string, { row: ModuleProgressInput; at: Date }>();
  for (const row of rows) {
    if (!isModuleRow(row)) continue;
    const at = parseInstant(row.completed_at);
    if (!at || at > now) continue;
    const key = `${row.course_id}\u0000${row.module_index}`;
    const earlier = byModule.get(key);
    if (!earlier || at < earlier.at) byModule.set(key, { row, at });
  }
  return byModule;
}

export function learningStats(input: {
  rows: readonly ModuleProgressInput[];
  modules: readonly ModuleDurationInput[];
  /** course id → module count, for "in progress" (started, not finished). */
  courseModuleCounts: ReadonlyMap<string, number>;
  now: Date;
  timeZone: string;
}): LearningStats {
  const { rows, modules, courseModuleCounts, now, timeZone } = input;
  const completions = firstCompletions(rows, now);
  const minutesByModule = new Map(modules.map((module) => [`${module.course_id}\u0000${module.index}`, module.duration_minutes]));
  const thisMonth = zonedMonthKey(now, timeZone);
  let modulesThisMonth = 0;
  let minutesThisMonth = 0;
  const days = new Set<string>();
  for (const [key, { at }] of completions) {
    days.add(dayKey(at, timeZone));
    if (zonedMonthKey(at, timeZone) !== thisMonth) continue;
    modulesThisMonth += 1;
    minutesThisMonth += minutesByModule.get(key) ?? 0;
  }

  const DAY_MS = 24 * 60 * 60 * 1000;
  let cursor = days.has(dayKey(now, timeZone)) ? now : new Date(now.getTime() - DAY_MS);
  let streakDays = 0;
  while (days.has(dayKey(cursor, timeZone))) {
    streakDays += 1;
    cursor = new Date(cursor.getTime() - DAY_MS);
  }

  let coursesInProgress = 0;
  for (const [courseId, total] of courseModuleCounts) {
    const { completed } = courseProgress(rows, courseId, total);
    if (completed > 0 && completed < total) coursesInProgress += 1;
  }
  return { modulesThisMonth, hoursThisMonth: Math.round((minutesThisMonth / 60) * 10) / 10, streakDays, coursesInProgress };
}
