/**
 * "Download course for offline": the size before anything is fetched, a progress bar while the
 * videos are fetched and verified, then "Available offline" with a way to remove the copy.
 */
import { useId, useState } from 'react';
import { formatBytes } from '../../../../sync/domain/assets';
import { ProgressBar } from '../../../ui/ProgressBar';
import { plural } from '../../../ui/format';
import { describeDownloadSize, downloadCourseVideos, removeCourseVideos, type DownloadProgress } from '../course-download';
import type { CourseOffline } from '../use-course-offline';

export interface CourseDownloadProps {
  courseTitle: string;
  offline: CourseOffline;
}

export function CourseDownload({ courseTitle, offline }: CourseDownloadProps) {
  const headingId = useId();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [busy, setBusy] = useState<'download' | 'remove' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { summary } = offline;

  if (summary.state === 'no-videos' && summary.streamOnly.length === 0) return null;

  const download = async () => {
    setProblem(null);
    setStatus(null);
    if (!offline.client) {
      setProblem('Course videos can only be downloaded while signed in to your partner account.');
      return;
    }
    if (!navigator.onLine) {
      setProblem('This device is offline, so the videos cannot be downloaded now. Connect to the internet and choose Download again.');
      return;
    }
    setBusy('download');
    const outcome = await downloadCourseVideos(summary, { files: offline.files, isOnline: () => navigator.onLine, onProgress: setProgress });
    await offline.refresh();
    setBusy(null);
    setProgress(null);
    if (outcome.ok) setStatus(`${courseTitle} is available offline.`);
    else setProblem(outcome.message);
  };

  const remove = async () => {
    setProblem(null);
    setStatus(null);
    setBusy('remove');
    const outcome = await removeCourseVideos(summary.keepable, offline.cache);
    await offline.refresh();
    setBusy(null);
    if (outcome.ok) setStatus('The offline copy was removed. The videos stream again when you are online.');
    else setProblem(outcome.message);
  };

  return (
    <section className="card training-offline" aria-labelledby={headingId}>
      <h2 id={headingId}>Offline</h2>
      {summary.state === 'available' ? (
        <>
          <p className="training-offline__state">
            <strong>Available offline</strong> · {describeDownloadSize(summary)} on this device, checked against the catalog.
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy !== null} onClick={() => void remove()}>
              Remove offline copy
            </button>
          </div>
        </>
      ) : summary.state === 'no-videos' ? null : (
        <>
          <p className="card__text">
            {`Written lessons are already on this device. Download the video lessons (${describeDownloadSize(summary)}` +
              (summary.state === 'partial' ? `; ${summary.onDevice.length} already here, ${formatBytes(summary.remainingBytes)} to go` : '') +
              ') to take the whole course offline.'}
          </p>
          {progress ? (
            <ProgressBar
              fraction={progress.fraction}
              label={`Downloading ${courseTitle} for offline`}
              valueText={
                progress.totalBytes > 0
                  ? `${formatBytes(progress.doneBytes)} of ${formatBytes(progress.totalBytes)} (${progress.doneVideos} of ${plural(progress.totalVideos, 'video')})`
                  : `${progress.doneVideos} of ${plural(progress.totalVideos, 'video')}`
              }
            />
          ) : null}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void download()}>
              {busy === 'download' ? 'Downloading…' : 'Download course for offline'}
            </button>
          </div>
        </>
      )}
      {summary.streamOnly.length > 0 ? (
        <p className="card__text">
          {plural(summary.streamOnly.length, 'video lesson')} can only stream: the catalog gives no checksum to verify a copy against.
        </p>
      ) : null}
      {offline.listProblem ? <p role="alert">{offline.listProblem}</p> : null}
      {problem ? <p role="alert">{problem}</p> : null}
      <p role="status">{status}</p>
    </section>
  );
}
