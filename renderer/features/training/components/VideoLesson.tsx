/**
 * A video lesson: streamed from the `assets` bucket with a signed URL (videos are not kept on the
 * device), resumed where the partner left it; the place is saved on pause and every ~10 seconds.
 */
import { useEffect, useRef, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { errorMessage } from '../../../ui/error-message';

const SAVE_EVERY_SECONDS = 10;

export interface VideoLessonProps {
  assetPath: string;
  caption: string;
  client: SupabaseClient | null;
  online: boolean;
  resumeAt: number;
  onPosition(seconds: number): void;
}

export function VideoLesson({ assetPath, caption, client, online, resumeAt, onPosition }: VideoLessonProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lastSaved = useRef(resumeAt);

  useEffect(() => {
    if (!client || !online) return;
    let cancelled = false;
    client.storage
      .from('assets')
      .createSignedUrl(assetPath, 3600)
      .then(({ data, error }) => {
        if (cancelled) return;
        if (error || !data) setProblem(`The video could not be opened (${error?.message ?? 'no address returned'}). Try again later or contact SISO support.`);
        else setUrl(data.signedUrl);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(`The video could not be opened: ${errorMessage(error)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [assetPath, client, online]);

  if (!client) return <p className="card__text">Video lessons need a signed-in partner account; the demo workspace has written lessons only.</p>;
  if (!online && !url) return <p className="card__text">This video needs a connection. Written lessons work offline; come back to it when you are online.</p>;
  if (problem) return <p role="alert">{problem}</p>;
  if (!url) return <p className="card__text">Opening the video…</p>;
  const save = (seconds: number) => {
    lastSaved.current = seconds;
    onPosition(seconds);
  };
  return (
    <figure className="lesson__video">
      <video
        src={url}
        controls
        aria-label={caption}
        onLoadedMetadata={(event) => {
          if (resumeAt > 0) event.currentTarget.currentTime = resumeAt;
        }}
        onPause={(event) => save(event.currentTarget.currentTime)}
        onTimeUpdate={(event) => {
          const at = event.currentTarget.currentTime;
          if (Math.abs(at - lastSaved.current) >= SAVE_EVERY_SECONDS) save(at);
        }}
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
