/**
 * Reading, checking, hashing and uploading an asset file. supabase-js's upload reports no progress,
 * so the file goes up with XMLHttpRequest (the one place this app does not use the client), to the
 * same Storage endpoint the client would use, with the signed-in session's access token.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { SNIFF_BYTES, checkAssetFile, type AssetFileCheck } from '../../../../sync/domain/admin/asset-files';

export async function inspectAssetFile(file: File): Promise<AssetFileCheck> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return checkAssetFile({ name: file.name, size: file.size, head });
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

const storageError = z.object({ message: z.string(), statusCode: z.union([z.string(), z.number()]).optional() }).loose();

function refusalSentence(status: number, body: string): string {
  let message = '';
  try {
    const parsed = storageError.safeParse(JSON.parse(body));
    if (parsed.success) message = parsed.data.message;
  } catch {
    // Not JSON: fall back to the status below.
  }
  if (status === 413) return 'The server refused the file: it is larger than the assets bucket allows (50 MB). Compress it and try again.';
  if (status === 415) return `The server refused the file type${message ? ` (${message})` : ''}. Upload one of the listed types.`;
  if (status === 401) return 'Your session has expired. Sign in again, then upload the file again.';
  if (status === 403) return 'The server refused the upload: only SISO admins may upload assets. Sign in again if your role changed.';
  return `The upload failed (${status}${message ? `: ${message}` : ''}). Try again; if it keeps failing, contact SISO support.`;
}

function encodeObjectPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface UploadAssetOptions {
  client: SupabaseClient;
  serverUrl: string;
  anonKey: string;
  path: string;
  file: File;
  contentType: string;
  onProgress(progress: UploadProgress): void;
  signal?: AbortSignal;
}

/** Resolves when stored; rejects with a sentence. Uses x-upsert so a retried upload of the same content succeeds. */
export async function uploadAssetFile(options: UploadAssetOptions): Promise<void> {
  const { data } = await options.client.auth.getSession();
  const token = data.session?.access_token;
  if (!token) throw new Error('You are signed out. Sign in again, then upload the file again.');
  const url = `${options.serverUrl.replace(/\/+$/, '')}/storage/v1/object/assets/${encodeObjectPath(options.path)}`;

  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('apikey', options.anonKey);
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('x-upsert', 'true');
    xhr.setRequestHeader('cache-control', '3600');
    xhr.upload.onprogress = (event) => {
      options.onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : options.file.size });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress({ loaded: options.file.size, total: options.file.size });
        resolve();
      } else reject(new Error(refusalSentence(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new Error('The upload stopped: the server could not be reached. Check your connection and try again; the form keeps your entries.'));
    xhr.onabort = () => reject(new Error('The upload was cancelled.'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(options.file);
  });
}
