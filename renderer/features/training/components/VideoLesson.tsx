/**
 * A video lesson: played from this device's verified copy when the course was downloaded for
 * offline, otherwise fetched from the `assets` bucket for viewing only (verified against the
 * catalog's checksum when it states one, and not kept); either way through an object URL, since
 * the page's CSP lets media play only from blob: URLs. Resumed where the partner left it, the
 * place saved on pause and every ~10 seconds.
 */
import { useEffect, useRef, useState } from 'react';
import type { AssetFiles, CatalogFileRef } from '../../../platform/verified-files';
import { errorMessage } from '../../../ui/error-message';

const SAVE_EVERY_SECONDS = 10;

export interface VideoLessonProps {
  caption: string;
  online: boolean;
  resumeAt: number;
  onPosition(seconds: number): void;
  /** The lesson's file as the cache and the server know it. */
  video: { ref: CatalogFileRef; mimeType: string; files: AssetFiles };
  /** Changes whenever the device's copies may have changed (after a download or removal). */
  cacheRevision: number;
}

type Playable = { status: 'opening' } | { status: 'ready'; url: string; from: 'device' | 'network' } | { status: 'refused'; message: string; alert: boolean };

const NOT_ON_DEVICE =
  'This video is not on this device. Connect to the internet to watch it, or download the course for offline while you are online. Written lessons work offline.';
const DAMAGED =
  'The offline copy of this video was damaged, so it was removed. Connect to the internet to watch it, and download the course again to keep it offline.';

function refusalFor(reason: string, message: string, damaged: boolean): { message: string; alert: boolean } {
  switch (reason) {
    case 'offline':
      return { message: damaged ? DAMAGED : NOT_ON_DEVICE, alert: false };
    case 'no-source':
      return { message: 'Video lessons need a signed-in partner account; the demo workspace has written lessons only.', alert: false };
    case 'checksum':
      return { message: 'The video arrived damaged (it does not match the checksum in the catalog), so it was not played. Try again later; if it keeps happening, contact SISO support.', alert: true };
    default:
      return { message: `The video could not be opened. ${message}`, alert: true };
  }
}

export function VideoLesson({ caption, online, resumeAt, onPosition, video, cacheRevision }: VideoLessonProps) {
  const lastSaved = useRef(resumeAt);
  const { files, mimeType } = video;
  const { id, version } = video.ref;
  const path = video.ref.file?.path ?? '';
  const sha256 = video.ref.file?.sha256 ?? null;

  // Answers are kept with the inputs they answer, so a new lesson or revision reads as "opening" until its own arrives. The
  // connection counts only while the video is not playing: bytes already in memory keep playing when it drops.
  const lessonKey = `${id}|${path}|${sha256 ?? ''}|${cacheRevision}`;
  const [answer, setAnswer] = useState<{ key: string; online: boolean; playable: Playable } | null>(null);
  const current = answer?.key.startsWith(`${lessonKey}|`) ? answer : null;
  const askedOnline = current?.playable.status === 'ready' ? current.online : online;
  const key = `${lessonKey}|${askedOnline}`;
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    const ref: CatalogFileRef = { id, version, file: { path, sha256 } };
    const play = (bytes: Uint8Array<ArrayBuffer>, from: 'device' | 'network') => {
      objectUrl = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
      setAnswer({ key, online: askedOnline, playable: { status: 'ready', url: objectUrl, from } });
    };
    void (async () => {
      try {
        const cached = await files.readCached(ref);
        if (cancelled) return;
        if (cached.status === 'found') return play(cached.bytes, 'device');
        const result = await files.open(ref, { keep: false });
        if (cancelled) return;
        if (result.ok) return play(result.bytes, result.from === 'cache' ? 'device' : 'network');
        setAnswer({ key, online: askedOnline, playable: { status: 'refused', ...refusalFor(result.reason, result.message, cached.status === 'damaged' || result.damaged) } });
      } catch (error) {
        if (!cancelled) setAnswer({ key, online: askedOnline, playable: { status: 'refused', message: `The video could not be opened: ${errorMessage(error)}`, alert: true } });
      }
    })();
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [files, id, version, path, sha256, mimeType, key, askedOnline]);
  const playable: Playable = answer?.key === key ? answer.playable : { status: 'opening' };

  if (playable.status === 'opening') return <p className="card__text">Opening the video…</p>;
  if (playable.status === 'refused') return playable.alert ? <p role="alert">{playable.message}</p> : <p className="card__text">{playable.message}</p>;
  const save = (seconds: number) => {
    lastSaved.current = seconds;
    onPosition(seconds);
  };
  return (
    <figure className="lesson__video">
      <video
        src={playable.url}
        controls
        aria-label={caption}
        data-source={playable.from}
        onLoadedMetadata={(event) => {
          if (resumeAt > 0) event.currentTarget.currentTime = resumeAt;
        }}
        onPause={(event) => save(event.currentTarget.currentTime)}
        onTimeUpdate={(event) => {
          const at = event.currentTarget.currentTime;
          if (Math.abs(at - lastSaved.current) >= SAVE_EVERY_SECONDS) save(at);
        }}
      />
      <figcaption>
        {caption}
        {playable.from === 'device' ? ' · Playing the copy on this device' : ''}
      </figcaption>
    </figure>
  );
}
