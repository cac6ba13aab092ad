/**
 * A course (/training/courses/:courseId): its modules, the module player (written lessons from
 * structured blocks, video lessons with resume), "Mark complete", and the link to its assessment.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { tierLabel } from '../../../sync/domain/tiers';
import { completedModuleIds, courseProgress, findModuleRow, isCourseLocked } from '../../../sync/domain/training-stats';
import { useOnlineStatus } from '../../platform/online-status';
import { PageHeader } from '../../ui/PageHeader';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage } from '../../ui/error-message';
import { plural } from '../../ui/format';
import { LessonBlocks } from '../../ui/LessonBlocks';
import { VideoLesson } from './components/VideoLesson';
import { CourseDownload } from './components/CourseDownload';
import { formatMinutes } from './components/CourseCard';
import { videoCacheId, videoFileRef } from './course-download';
import { completeModule, saveVideoPosition, type ModuleRef } from './training-writes';
import { useCourseOffline, type CourseOffline } from './use-course-offline';
import { useTrainingData, type TrainingData } from './use-training-data';
import './training.css';

export function CoursePage() {
  const data = useTrainingData();
  const { courseId = '' } = useParams();
  const course = data.courses.find((candidate) => candidate.id === courseId) ?? null;
  return (
    <>
      <title>{`${course?.title ?? 'Course'} · SISO Partner Workstation`}</title>
      <PageHeader title={course?.title ?? 'Course'} description={course?.body.summary} />
      <p>
        <Link to="/training">Back to Training</Link>
      </p>
      <CourseBody data={data} courseId={courseId} />
    </>
  );
}

function CourseBody({ data, courseId }: { data: TrainingData; courseId: string }) {
  const online = useOnlineStatus();
  const offline = useCourseOffline(courseId);
  const [chosenIndex, setChosenIndex] = useState<number | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  if (!data.db || !data.partnerId) return <p className="card card__text">No workspace is open on this device. Open one to see your training.</p>;
  if (data.error) {
    return (
      <p className="card card__text" role="alert">
        This course could not be read from this device ({data.error.message}). Restart the app; if it keeps happening, contact SISO support.
      </p>
    );
  }
  if (data.loading) return <p className="card__text">Loading the course…</p>;
  const course = data.courses.find((candidate) => candidate.id === courseId);
  if (!course) return <p className="card card__text">This course is not on this device. It may have been retired; go back to Training to see the current courses.</p>;
  if (isCourseLocked(course.tierRequired, data.tier)) {
    return <p className="card card__text">This course unlocks at the {tierLabel(course.tierRequired)} tier. Your tier page shows what it takes to get there.</p>;
  }
  const modules = data.modules.filter((module) => module.body.course_id === course.id);
  if (modules.length === 0) {
    return <p className="card card__text">The lessons of this course have not reached this device yet. Connect to the internet so the workstation can sync them.</p>;
  }
  const db = data.db;
  const partnerId = data.partnerId;
  const refs = modules.map((module) => ({ id: module.id, index: module.body.index }));
  const done = completedModuleIds(data.moduleProgress, course.id, refs);
  const progress = courseProgress(data.moduleProgress, course.id, refs, course.body.modules.length);
  const firstOpen = modules.findIndex((module) => !done.has(module.id));
  const position = Math.min(chosenIndex ?? (firstOpen === -1 ? 0 : firstOpen), modules.length - 1);
  const module = modules[position]!;
  const ref: ModuleRef = { courseId: course.id, moduleId: module.id, moduleIndex: module.body.index };
  const row = findModuleRow(data.moduleProgress, course.id, { id: module.id, index: module.body.index });
  const isDone = done.has(module.id);
  const assessmentId = data.assessmentByCourse.get(course.id);

  const write = (action: Promise<void>) => {
    setSaveProblem(null);
    action.catch((error: unknown) => setSaveProblem(`Your progress could not be saved on this device: ${errorMessage(error)} Try again; if it keeps failing, restart the app.`));
  };

  return (
    <div className="training-course-page">
      <section className="card" aria-labelledby="course-progress">
        <h2 id="course-progress">Your progress</h2>
        <ProgressBar
          fraction={progress.fraction}
          label={`${course.title} progress`}
          valueText={`${progress.completed} of ${plural(progress.total, 'module')} completed`}
        />
        <p className="training-course__meta">
          {progress.completed} of {plural(progress.total, 'module')} completed · {formatMinutes(course.body.duration_minutes)}
        </p>
        {offline.videos.length === 0 ? (
          <p className="card__text">Every lesson of this course is written and already stored on this device, so the whole course works offline.</p>
        ) : null}
        {assessmentId ? (
          <p>
            <Link to={`/training/assessments/${assessmentId}`}>Take the {course.title} assessment</Link>
          </p>
        ) : null}
      </section>
      <CourseDownload courseTitle={course.title} offline={offline} />
      <div className="training-course-page__layout">
        <nav aria-label="Modules" className="card">
          <ol className="training-modules">
            {modules.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="training-modules__item"
                  aria-current={index === position ? 'step' : undefined}
                  onClick={() => setChosenIndex(index)}
                >
                  {item.body.title}
                  {done.has(item.id) ? <span className="training-modules__done"> (completed)</span> : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <article className="card training-player" aria-labelledby="module-title">
          <h2 id="module-title">
            Module {position + 1} of {modules.length}: {module.body.title}
          </h2>
          <p className="training-course__meta">{formatMinutes(module.body.duration_minutes)}</p>
          {module.body.lessons.map((lesson, index) =>
            lesson.kind === 'text' ? (
              <LessonBlocks key={index} blocks={lesson.blocks} />
            ) : (
              <VideoLesson
                key={index}
                caption={lesson.caption}
                online={online}
                resumeAt={row?.position_seconds ?? 0}
                onPosition={(seconds) => write(saveVideoPosition(db, partnerId, ref, seconds))}
                video={videoFor(offline, module.id, index, lesson.asset_path)}
                cacheRevision={offline.revision}
              />
            ),
          )}
          {saveProblem ? <p role="alert">{saveProblem}</p> : null}
          <div className="training-player__actions">
            <button type="button" className="button" disabled={position === 0} onClick={() => setChosenIndex(position - 1)}>
              Previous
            </button>
            {isDone ? (
              <p role="status">Completed</p>
            ) : (
              <button type="button" className="button button--primary" onClick={() => {
                  // Stay on this module: otherwise the first unfinished one would move on under the reader.
                  setChosenIndex(position);
                  write(completeModule(db, partnerId, ref));
                }}>
                Mark complete
              </button>
            )}
            <button type="button" className="button" disabled={position === modules.length - 1} onClick={() => setChosenIndex(position + 1)}>
              Next
            </button>
          </div>
        </article>
      </div>
    </div>
  );
}

/** The lesson's file as the cache and the server know it (no checksum when the catalog states none). */
function videoFor(offline: CourseOffline, moduleId: string, lessonIndex: number, assetPath: string) {
  const cacheId = videoCacheId(moduleId, lessonIndex);
  const video = offline.videos.find((candidate) => candidate.cacheId === cacheId);
  const ref = video ? videoFileRef(video) : { id: cacheId, version: 1, file: { path: assetPath, sha256: null } };
  return { ref, mimeType: video?.mimeType ?? 'video/webm', files: offline.files };
}
