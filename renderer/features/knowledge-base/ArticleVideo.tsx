/**
 * A video tutorial's player. The renderer's CSP plays media only from blob: URLs of verified bytes,
 * never straight from the network, so the file comes through the verified file access: this
 * device's copy when one is kept, otherwise downloaded from the `assets` bucket and checked against
 * the catalog's sha256.
 */
import { useEffect, useState } from 'react';
import type { AssetFiles } from '../../platform/verified-files';
import { errorMessage } from '../../ui/error-message';
import type { KnowledgeBaseArticle } from './use-knowledge-base-data';
import { KNOWLEDGE_BASE_CACHE_ID_PREFIX } from '../../../sync/domain/assets';

type Playable = { status: 'opening' } | { status: 'ready'; url: string; from: 'cache' | 'network' } | { status: 'problem'; message: string; alert: boolean };

const DEFAULT_VIDEO_TYPE = 'video/mp4';
/**
 * Cache ids of tutorial copies: prefixed like the training videos' ('training:'), so the marketing
 * center's cache upkeep, which removes ids it does not know, can tell them apart.
 */

export interface ArticleVideoProps {
  articleId: string;
  title: string;
  video: NonNullable<KnowledgeBaseArticle['video']>;
  /** Whether a partner account is signed in (the demo workspace has no video files). */
  signedIn: boolean;
  files: AssetFiles;
  online: boolean;
}

export function ArticleVideo({ articleId, title, video, signedIn, files, online }: ArticleVideoProps) {
  const key = `${articleId}|${video.path}|${video.sha256 ?? ''}|${video.version}|${online ? 'online' : 'offline'}`;
  const [answer, setAnswer] = useState<{ key: string; playable: Playable } | null>(null);

  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    const settle = (playable: Playable) => {
      if (!cancelled) setAnswer({ key, playable });
    };
    async function open(): Promise<Playable> {
      const result = await files.open({ id: `${KNOWLEDGE_BASE_CACHE_ID_PREFIX}${articleId}`, version: video.version, file: { path: video.path, sha256: video.sha256 } });
      if (result.ok) {
        objectUrl = URL.createObjectURL(new Blob([result.bytes], { type: video.mimeType ?? DEFAULT_VIDEO_TYPE }));
        return { status: 'ready', url: objectUrl, from: result.from };
      }
      if (result.reason === 'offline') {
        return { status: 'problem', alert: false, message: 'This video comes from SISO and needs a connection. The written part of the article works offline.' };
      }
      if (result.reason === 'no-source' || !signedIn) {
        return { status: 'problem', alert: false, message: 'Video tutorials need a signed-in partner account; the demo workspace has written articles only.' };
      }
      return { status: 'problem', alert: true, message: result.message };
    }
    open().then(settle, (error: unknown) =>
      settle({ status: 'problem', alert: true, message: `The video could not be opened: ${errorMessage(error)} Try again later.` }),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [key, articleId, video, signedIn, files]);

  const playable: Playable = answer?.key === key ? answer.playable : { status: 'opening' };
  switch (playable.status) {
    case 'opening':
      return <p className="card__text">Opening the video…</p>;
    case 'problem':
      return playable.alert ? <p role="alert">{playable.message}</p> : <p className="card__text">{playable.message}</p>;
    case 'ready':
      return (
        <figure className="knowledge-base-article__video">
          <video src={playable.url} controls aria-label={`Video: ${title}`} />
          <figcaption>{playable.from === 'cache' ? `${title} · Playing the copy on this device` : title}</figcaption>
        </figure>
      );
  }
}
