/**
 * Shows a file's bytes in the page: images in <img>, PDFs in the browser's viewer inside an
 * <iframe> of a blob URL, video in <video>, HTML in a sandboxed frame with no scripts, text as text.
 */
import { useMemo } from 'react';
import { previewKind } from '../../../sync/domain/assets';

export interface FilePreviewProps {
  title: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** A blob URL of the bytes, made by the owner (who revokes it), for images, PDFs and video. */
  url: string | null;
}

export function FilePreview({ title, mimeType, bytes, url }: FilePreviewProps) {
  const kind = previewKind(mimeType);
  const isHtml = mimeType.split(';')[0]?.trim() === 'text/html';
  const text = useMemo(() => (kind === 'text' ? new TextDecoder().decode(bytes) : ''), [kind, bytes]);

  if (kind === 'none') {
    return <p className="asset-preview__none">This format cannot be previewed here. Download it to open it in another app.</p>;
  }
  if (kind === 'text') {
    return isHtml ? (
      <iframe className="asset-preview__frame" title={`Preview of ${title}`} sandbox="" srcDoc={text} />
    ) : (
      <pre className="asset-preview__text" tabIndex={0} aria-label={`Contents of ${title}`}>
        {text}
      </pre>
    );
  }
  if (!url) return <p className="asset-preview__none">Preparing the preview…</p>;
  if (kind === 'image') return <img className="asset-preview__image" src={url} alt={`Preview of ${title}`} />;
  if (kind === 'video') {
    return (
      <video className="asset-preview__video" src={url} controls preload="metadata" aria-label={`Video: ${title}`}>
        Your system cannot play this video here. Download it to watch it.
      </video>
    );
  }
  return (
    <>
      <iframe className="asset-preview__frame asset-preview__frame--pdf" title={`Preview of ${title}`} src={url} />
      <p className="asset-preview__hint">If the preview stays blank, download the file to open it in your PDF viewer.</p>
    </>
  );
}
