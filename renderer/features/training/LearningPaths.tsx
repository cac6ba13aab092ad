/** The hub's "Featured learning paths": each path's courses in order with progress, the next course as a link, and the tier a locked course waits on. */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { learningPathProgress, type PathCourseInput, type PathStep } from '../../../sync/domain/learning-paths';
import type { CourseModuleRef, ModuleProgressInput } from '../../../sync/domain/training-stats';
import { tierLabel } from '../../../sync/domain/tiers';
import type { Tier } from '../../../sync/schema/fields';
import { ProgressBar } from '../../ui/ProgressBar';
import { availableRoute } from '../../ui/known-routes';
import { plural } from '../../ui/format';
import type { TrainingCourse, TrainingLearningPath } from './use-training-data';
import './learning-paths.css';

export interface LearningPathsProps {
  paths: readonly TrainingLearningPath[];
  courses: readonly TrainingCourse[];
  /** course id → its modules on this device. */
  moduleRefs: ReadonlyMap<string, readonly CourseModuleRef[]>;
  moduleProgress: readonly ModuleProgressInput[];
  tier: Tier | null;
}

export function LearningPaths({ paths, courses, moduleRefs, moduleProgress, tier }: LearningPathsProps) {
  const pathCourses = useMemo(
    () =>
      new Map<string, PathCourseInput>(
        courses.map((course) => [
          course.id,
          { id: course.id, title: course.title, tierRequired: course.tierRequired, moduleCount: course.body.modules.length, modules: moduleRefs.get(course.id) ?? [] },
        ]),
      ),
    [courses, moduleRefs],
  );
  if (paths.length === 0) return null;
  return (
    <section aria-labelledby="training-paths">
      <h2 id="training-paths">Featured learning paths</h2>
      <ul className="learning-paths">
        {paths.map((path) => (
          <LearningPathCard key={path.id} path={path} courses={pathCourses} moduleProgress={moduleProgress} tier={tier} />
        ))}
      </ul>
    </section>
  );
}

function LearningPathCard({
  path,
  courses,
  moduleProgress,
  tier,
}: {
  path: TrainingLearningPath;
  courses: ReadonlyMap<string, PathCourseInput>;
  moduleProgress: readonly ModuleProgressInput[];
  tier: Tier | null;
}) {
  const progress = learningPathProgress({ courseIds: path.body.course_ids }, courses, moduleProgress, tier);
  const headingId = `learning-path-${path.id}`;
  return (
    <li className="card learning-path">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>{path.title}</h3>
        <p className="card__text">{path.body.summary}</p>
        <p className="learning-path__meta">
          {progress.coursesDone} of {plural(progress.coursesKnown, 'course')} done
        </p>
        <ol className="learning-path__steps" aria-label={`${path.title}: courses in order`}>
          {progress.steps.map((step) => (
            <PathStepItem key={step.courseId} pathTitle={path.title} step={step} />
          ))}
        </ol>
        <NextStep progress={progress} />
      </article>
    </li>
  );
}

function PathStepItem({ pathTitle, step }: { pathTitle: string; step: PathStep }) {
  if (!step.course) {
    return (
      <li className="learning-path__step" data-state={step.state}>
        <span className="learning-path__course">A course not on this device yet</span>
        <span className="learning-path__status">Sync to see it.</span>
      </li>
    );
  }
  const { course } = step;
  return (
    <li className="learning-path__step" data-state={step.state}>
      <span className="learning-path__course">{course.title}</span>
      {step.state === 'locked' && step.unlockTier ? (
        <span className="learning-path__status">Locked: unlocks at the {tierLabel(step.unlockTier)} tier.</span>
      ) : (
        <>
          <ProgressBar
            fraction={step.fraction}
            label={`${pathTitle}: ${course.title} progress`}
            valueText={`${step.completed} of ${plural(step.total, 'module')} completed`}
          />
          <span className="learning-path__status">{step.state === 'done' ? 'Done' : `${step.completed} of ${plural(step.total, 'module')} completed`}</span>
        </>
      )}
    </li>
  );
}

function NextStep({ progress }: { progress: ReturnType<typeof learningPathProgress> }) {
  if (progress.next?.course) {
    const { course } = progress.next;
    return (
      <p className="learning-path__next">
        Next step: <Link to={`/training/courses/${course.id}`}>{`${progress.next.state === 'in-progress' ? 'Continue' : 'Start'} ${course.title}`}</Link>
      </p>
    );
  }
  if (progress.blockedBy?.course && progress.blockedBy.unlockTier) {
    const tiers = availableRoute('/tiers');
    return (
      <p className="learning-path__next">
        Next step: {progress.blockedBy.course.title}, which unlocks at the {tierLabel(progress.blockedBy.unlockTier)} tier.{' '}
        {tiers ? <Link to={tiers}>See what it takes</Link> : null}
      </p>
    );
  }
  if (progress.complete) return <p className="learning-path__next">Path complete: every course is done.</p>;
  return <p className="learning-path__next">The courses of this path have not reached this device yet. Connect so the workstation can sync them.</p>;
}
