/**
 * The Training hub (/training): the courses with their progress or the tier that unlocks them, the
 * partner's learning statistics, featured learning paths, and links to certifications and live
 * sessions. All from the local store, so it works offline.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { courseProgress, isCourseLocked, learningStats, type CourseModuleRef } from '../../../sync/domain/training-stats';
import { PageHeader } from '../../ui/PageHeader';
import { availableRoute } from '../../ui/known-routes';
import { plural } from '../../ui/format';
import { CourseCard } from './components/CourseCard';
import { LearningPaths } from './LearningPaths';
import { useTrainingData, type TrainingData } from './use-training-data';
import './training.css';

export function TrainingHubPage() {
  const data = useTrainingData();
  return (
    <>
      <title>Training · SISO Partner Workstation</title>
      <PageHeader title="Training" description="Courses that grow your skills and count toward your next tier. Written lessons work offline." />
      <TrainingHubBody data={data} />
    </>
  );
}

function TrainingHubBody({ data }: { data: TrainingData }) {
  const counts = useMemo(() => new Map(data.courses.map((course) => [course.id, course.body.modules.length])), [data.courses]);
  const moduleRefs = useMemo(() => moduleRefsByCourse(data.modules), [data.modules]);
  const stats = useMemo(
    () =>
      learningStats({
        rows: data.moduleProgress,
        modules: data.modules.map((module) => ({ id: module.id, ...module.body })),
        courseModuleCounts: counts,
        now: data.now,
        timeZone: data.timeZone,
      }),
    [data.moduleProgress, data.modules, counts, data.now, data.timeZone],
  );

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to see your training.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        Your training could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading your training…</p>;

  const certifications = availableRoute('/certifications');
  const liveSessions = availableRoute('/live-sessions');
  return (
    <div className="training-hub">
      <section aria-labelledby="training-stats" className="card">
        <h2 id="training-stats">Your learning</h2>
        <dl className="training-stats">
          <div>
            <dt>Modules this month</dt>
            <dd>{stats.modulesThisMonth}</dd>
          </div>
          <div>
            <dt>Hours this month</dt>
            <dd>{stats.hoursThisMonth}</dd>
          </div>
          <div>
            <dt>Learning streak</dt>
            <dd>{plural(stats.streakDays, 'day')}</dd>
          </div>
          <div>
            <dt>Courses in progress</dt>
            <dd>{stats.coursesInProgress}</dd>
          </div>
        </dl>
        <p className="training-hub__links">
          {certifications ? <Link to={certifications}>Your certifications</Link> : null}
          {liveSessions ? <Link to={liveSessions}>Live sessions and coaching</Link> : null}
        </p>
      </section>
      <LearningPaths paths={data.featuredPaths} courses={data.courses} moduleRefs={moduleRefs} moduleProgress={data.moduleProgress} tier={data.tier} />
      <section aria-labelledby="training-courses">
        <h2 id="training-courses">Courses</h2>
        {data.courses.length === 0 ? (
          <p className="card card__text">No courses have reached this device yet. Connect to the internet so the workstation can sync them.</p>
        ) : (
          <ul className="training-courses">
            {data.courses.map((course) => (
              <CourseCard
                key={course.id}
                course={course}
                locked={isCourseLocked(course.tierRequired, data.tier)}
                progress={courseProgress(data.moduleProgress, course.id, moduleRefs.get(course.id) ?? [], counts.get(course.id) ?? 0)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** course id → its modules on this device, so progress follows each module wherever an admin moved it. */
function moduleRefsByCourse(modules: TrainingData['modules']): Map<string, CourseModuleRef[]> {
  const byCourse = new Map<string, CourseModuleRef[]>();
  for (const module of modules) {
    const refs = byCourse.get(module.body.course_id) ?? [];
    refs.push({ id: module.id, index: module.body.index });
    byCourse.set(module.body.course_id, refs);
  }
  return byCourse;
}
