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
  readonly id: string;
  readonly course_id: string;
  readonly index: number;
  readonly duration_minutes: number;
}

/**
 * A module of a course as progress rows name it: its catalog id and its current place. Admins
 * reorder modules, so a row belongs to the module its module_id names; only legacy rows without
 * one belong to whichever module now holds their module_index.
 */
export interface CourseModuleRef {
  readonly id: string;
  readonly index: number;
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

/** The partner's module row for one module of a course, completed or not (for idempotent writes); a row naming the module wins over a legacy one. */
export function findModuleRow<T extends ModuleProgressInput>(rows: readonly T[], courseId: string, module: CourseModuleRef): T | null {
  let legacy: T | null = null;
  for (const row of rows) {
    if (!isModuleRow(row) || row.course_id !== courseId) continue;
    if (row.module_id) {
      if (row.module_id === module.id) return row;
    } else if (!legacy && row.module_index === module.index) {
      legacy = row;
    }
  }
  return legacy;
}

interface CourseCompletions {
  /** module ids with a completed row naming them. */
  readonly ids: Set<string>;
  /** module_index of completed legacy rows (no module_id). */
  readonly legacyIndexes: Set<number>;
}

function courseCompletions(rows: readonly ModuleProgressInput[], courseId: string): CourseCompletions {
  const ids = new Set<string>();
  const legacyIndexes = new Set<number>();
  for (const row of rows) {
    if (!isModuleRow(row) || row.course_id !== courseId || !parseInstant(row.completed_at)) continue;
    if (row.module_id) ids.add(row.module_id);
    else legacyIndexes.add(row.module_index);
  }
  return { ids, legacyIndexes };
}

/** Ids of the given modules of `courseId` with a completion. */
export function completedModuleIds(rows: readonly ModuleProgressInput[], courseId: string, modules: readonly CourseModuleRef[]): Set<string> {
  const { ids, legacyIndexes } = courseCompletions(rows, courseId);
  return new Set(modules.filter((module) => ids.has(module.id) || legacyIndexes.has(module.index)).map((module) => module.id));
}

export interface CourseProgress {
  completed: number;
  total: number;
  /** 0–1. */
  fraction: number;
}

/**
 * Progress in a course of `moduleCount` modules (the course's own list), given the modules this
 * device holds. Modules of a locked course never reach the device, so completions it cannot
 * place are counted by what their rows name, up to the modules it lacks; with every module known,
 * completions of retired modules count for nothing.
 */
export function courseProgress(
  rows: readonly ModuleProgressInput[],
  courseId: string,
  modules: readonly CourseModuleRef[],
  moduleCount: number = modules.length,
): CourseProgress {
  const { ids, legacyIndexes } = courseCompletions(rows, courseId);
  const known = modules.filter((module) => ids.has(module.id) || legacyIndexes.has(module.index)).length;
  let unplaced = 0;
  const missing = moduleCount - modules.length;
  if (missing > 0) {
    const knownIds = new Set(modules.map((module) => module.id));
    const knownIndexes = new Set(modules.map((module) => module.index));
    unplaced += [...ids].filter((id) => !knownIds.has(id)).length;
    unplaced += [...legacyIndexes].filter((index) => index < moduleCount && !knownIndexes.has(index)).length;
    unplaced = Math.min(unplaced, missing);
  }
  const completed = Math.min(known + unplaced, moduleCount);
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

/** First completion per module, keyed by module id (legacy rows: the module now at their place, else that place), so a module done twice counts once. */
function firstCompletions(
  rows: readonly ModuleProgressInput[],
  moduleAtPlace: ReadonlyMap<string, string>,
  now: Date,
): Map<string, { row: ModuleProgressInput; at: Date }> {
  const byModule = new Map<string, { row: ModuleProgressInput; at: Date }>();
  for (const row of rows) {
    if (!isModuleRow(row)) continue;
    const at = parseInstant(row.completed_at);
    if (!at || at > now) continue;
    const place = placeKey(row.course_id, row.module_index);
    const key = row.module_id ?? moduleAtPlace.get(place) ?? place;
    const earlier = byModule.get(key);
    if (!earlier || at < earlier.at) byModule.set(key, { row, at });
  }
  return byModule;
}

function placeKey(courseId: string, index: number): string {
  return `${courseId}\u0000${index}`;
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
  const moduleAtPlace = new Map(modules.map((module) => [placeKey(module.course_id, module.index), module.id]));
  const completions = firstCompletions(rows, moduleAtPlace, now);
  const minutesByModule = new Map(modules.map((module) => [module.id, module.duration_minutes]));
  const refsByCourse = new Map<string, CourseModuleRef[]>();
  for (const module of modules) {
    const refs = refsByCourse.get(module.course_id) ?? [];
    refs.push({ id: module.id, index: module.index });
    refsByCourse.set(module.course_id, refs);
  }
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
    const { completed } = courseProgress(rows, courseId, refsByCourse.get(courseId) ?? [], total);
    if (completed > 0 && completed < total) coursesInProgress += 1;
  }
  return { modulesThisMonth, hoursThisMonth: Math.round((minutesThisMonth / 60) * 10) / 10, streakDays, coursesInProgress };
}
