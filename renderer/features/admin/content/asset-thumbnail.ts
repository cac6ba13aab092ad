/**
 * A small JPEG preview of an asset, made in the renderer when the file is chosen and stored in the
 * row's body (≤ 96 KB as a data URL), so partners see it offline without fetching the file.
 *
 * Images: drawn to a canvas. Videos: the frame at ~1 s (or the first, for short clips), via a
 * <video> element on a blob: URL (the CSP allows blob: media). SVGs are drawn as images too.
 * PDFs: no thumbnail — rendering a page needs pdf.js (≈1 MB of worker code) that nothing else in
 * the app uses; the marketing center shows a PDF icon instead. Other types have no preview.
 * Every failure resolves to null: a thumbnail is a nicety, never a reason to refuse a file.
 */
import { THUMBNAIL_MAX_CHARS } from '../../../../sync/schema/catalog-bodies';
import type { AssetPreviewKind } from '../../../../sync/domain/admin/asset-files';

const MAX_EDGE = 320;
const QUALITIES = [0.8, 0.65, 0.5, 0.35] as const;
const TIMEOUT_MS = 8000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

function drawToJpeg(source: CanvasImageSource, width: number, height: number): string | null {
  if (!width || !height) return null;
  const scale = Math.min(1, MAX_EDGE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  // JPEG has no transparency: put transparent logos on white rather than black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  for (const quality of QUALITIES) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= THUMBNAIL_MAX_CHARS && url.startsWith('data:image/jpeg;base64,')) return url;
  }
  return null;
}

function imageThumbnail(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(drawToJpeg(image, image.naturalWidth || MAX_EDGE, image.naturalHeight || MAX_EDGE));
    image.onerror = () => resolve(null);
    image.src = url;
  });
}

function videoThumbnail(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.playsInline = true;
    video.onloadeddata = () => {
      video.currentTime = Math.min(1, (video.duration || 0) / 2);
    };
    video.onseeked = () => resolve(drawToJpeg(video, video.videoWidth, video.videoHeight));
    video.onerror = () => resolve(null);
    video.src = url;
  });
}

export async function makeThumbnail(file: File, preview: AssetPreviewKind): Promise<string | null> {
  if (preview !== 'image' && preview !== 'video') return null;
  const url = URL.createObjectURL(file);
  try {
    return await withTimeout(preview === 'image' ? imageThumbnail(url) : videoThumbnail(url), TIMEOUT_MS);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
