/** One course on the hub: size, the partner's progress, or the tier that unlocks it. */
import { Link } from 'react-router-dom';
import { tierLabel } from '../../../../sync/domain/tiers';
import type { CourseProgress } from '../../../../sync/domain/training-stats';
import { ProgressBar } from '../../../ui/ProgressBar';
import { plural } from '../../../ui/format';
import type { TrainingCourse } from '../use-training-data';

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function CourseCard({ course, locked, progress }: { course: TrainingCourse; locked: boolean; progress: CourseProgress }) {
  const moduleCount = course.body.module_count ?? course.body.modules.length;
  return (
    <li className="card training-course" data-locked={locked}>
      <h3>{locked ? course.title : <Link to={`/training/courses/${course.id}`}>{course.title}</Link>}</h3>
      <p className="card__text">{course.body.summary}</p>
      <p className="training-course__meta">
        {plural(moduleCount, 'module')} · {formatMinutes(course.body.duration_minutes)}
        {course.body.level ? ` · ${course.body.level[0]!.toUpperCase()}${course.body.level.slice(1)}` : ''}
      </p>
      {locked ? (
        <p className="training-course__lock">
          Locked: unlocks at the {tierLabel(course.tierRequired)} tier.
        </p>
      ) : (
        <>
          <ProgressBar
            fraction={progress.fraction}
            label={`${course.title} progress`}
            valueText={`${progress.completed} of ${plural(progress.total, 'module')} completed`}
          />
          <p className="training-course__meta">
            {progress.completed} of {plural(progress.total, 'module')} completed
          </p>
        </>
      )}
    </li>
  );
}
