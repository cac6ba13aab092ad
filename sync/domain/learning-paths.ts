/** Learning paths: a path's courses in order with the partner's progress in each, and the next step to take (or the tier that unlocks it). */
import type { Tier } from '../schema/fields';
import { courseProgress, isCourseLocked, type CourseModuleRef, type ModuleProgressInput } from './training-stats';

export interface PathCourseInput {
  readonly id: string;
  readonly title: string;
  readonly tierRequired: Tier;
  readonly moduleCount: number;
  /** The course's modules on this device (none for a locked course), so progress follows a reordered module. */
  readonly modules?: readonly CourseModuleRef[];
}

export interface LearningPathInput {
  readonly courseIds: readonly string[];
}

/**
 * done: every module completed; in-progress / not-started: open to the partner; locked: above the
 * partner's tier; missing: the path names a course this device does not have (withdrawn, not synced).
 */
export type PathStepState = 'done' | 'in-progress' | 'not-started' | 'locked' | 'missing';

export interface PathStep {
  readonly courseId: string;
  /** null for a missing course. */
  readonly course: PathCourseInput | null;
  readonly state: PathStepState;
  readonly completed: number;
  readonly total: number;
  /** 0–1. */
  readonly fraction: number;
  /** The tier that opens a locked course; null otherwise. */
  readonly unlockTier: Tier | null;
}

export interface PathProgress {
  readonly steps: readonly PathStep[];
  readonly coursesDone: number;
  /** Courses the path names that are on this device. */
  readonly coursesKnown: number;
  /** The first course in order not done yet, when the partner can open it. */
  readonly next: PathStep | null;
  /** The first course not done yet, when it is locked: the path waits on that tier. */
  readonly blockedBy: PathStep | null;
  /** Every course of the path on this device is done (and there is at least one). */
  readonly complete: boolean;
}

function stepFor(courseId: string, course: PathCourseInput | undefined, rows: readonly ModuleProgressInput[], partnerTier: Tier | null): PathStep {
  if (!course) return { courseId, course: null, state: 'missing', completed: 0, total: 0, fraction: 0, unlockTier: null };
  const progress = courseProgress(rows, course.id, course.modules ?? [], course.moduleCount);
  if (isCourseLocked(course.tierRequired, partnerTier)) {
    // Modules completed at a higher tier still count once the partner is back up there.
    return { courseId, course, state: 'locked', ...progress, unlockTier: course.tierRequired };
  }
  const state: PathStepState = progress.total > 0 && progress.completed >= progress.total ? 'done' : progress.completed > 0 ? 'in-progress' : 'not-started';
  return { courseId, course, state, ...progress, unlockTier: null };
}

/**
 * The path's steps in its order. A course named twice counts once (its first place), so progress
 * cannot be inflated by an authoring slip. Missing courses are shown but never block the next step.
 */
export function learningPathProgress(
  path: LearningPathInput,
  courses: ReadonlyMap<string, PathCourseInput>,
  rows: readonly ModuleProgressInput[],
  partnerTier: Tier | null,
): PathProgress {
  const seen = new Set<string>();
  const steps: PathStep[] = [];
  for (const courseId of path.courseIds) {
    if (seen.has(courseId)) continue;
    seen.add(courseId);
    steps.push(stepFor(courseId, courses.get(courseId), rows, partnerTier));
  }
  const known = steps.filter((step) => step.state !== 'missing');
  const firstOpen = known.find((step) => step.state !== 'done') ?? null;
  const coursesDone = known.filter((step) => step.state === 'done').length;
  return {
    steps,
    coursesDone,
    coursesKnown: known.length,
    next: firstOpen && firstOpen.state !== 'locked' ? firstOpen : null,
    blockedBy: firstOpen?.state === 'locked' ? firstOpen : null,
    complete: known.length > 0 && coursesDone === known.length,
  };
}
