/**
 * The file of an upload request as storage-js sends it: multipart form data (a file part plus
 * `cacheControl` and optional `metadata` fields) or the raw bytes with `content-type` and
 * `cache-control` headers.
 */
import type { IncomingMessage } from 'node:http';
import { invalidRequest, objectTooLarge } from './storage-errors';

export interface UploadedFile {
  bytes: Uint8Array;
  mimeType: string;
  /** As Supabase stores it: `max-age=<seconds>`. */
  cacheControl: string;
}

// Room for multipart boundaries and the small form fields around the file part.
const multipartOverheadBytes = 64 * 1024;
const defaultMimeType = 'application/octet-stream';

function cacheControlFrom(value: string | null | undefined): string {
  if (!value) return 'max-age=3600';
  return /^\d+$/.test(value.trim()) ? `max-age=${value.trim()}` : value.trim();
}

async function readRequest(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limitBytes) {
    req.resume();
    throw objectTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) {
      req.resume();
      throw objectTooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses the upload; bytes beyond `fileLimitBytes` are refused with Supabase's 413. */
export async function readUpload(req: IncomingMessage, fileLimitBytes: number): Promise<UploadedFile> {
  const contentType = req.headers['content-type'] ?? '';
  const multipart = /^multipart\/form-data/i.test(contentType);
  const body = await readRequest(req, fileLimitBytes + (multipart ? multipartOverheadBytes : 0));
  if (!multipart) {
    const headerCache = req.headers['cache-control'];
    return {
      bytes: body,
      mimeType: contentType.trim() || defaultMimeType,
      cacheControl: cacheControlFrom(typeof headerCache === 'string' ? headerCache : undefined),
    };
  }
  let form: FormData;
  try {
    form = await new Request('http://storage.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw invalidRequest('The multipart body could not be parsed');
  }
  let file: Blob | undefined;
  for (const [, value] of form.entries()) {
    if (typeof value !== 'string') {
      file = value;
      break;
    }
  }
  if (!file) throw invalidRequest('The form has no file part');
  const cacheField = form.get('cacheControl');
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    mimeType: file.type || defaultMimeType,
    cacheControl: cacheControlFrom(typeof cacheField === 'string' ? cacheField : undefined),
  };
}

/** `image/png; charset=x` → `image/png`, for matching against a bucket's allowed types. */
export function baseMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Allowed types may be exact (`image/png`) or wildcards (`image/*`), as in Supabase. */
export function mimeTypeAllowed(mimeType: string, allowed: readonly string[] | null): boolean {
  if (!allowed || allowed.length === 0) return true;
  const base = baseMimeType(mimeType);
  return allowed.some((pattern) => {
    const normalized = pattern.trim().toLowerCase();
    return normalized.endsWith('/*') ? base.startsWith(normalized.slice(0, -1)) : base === normalized;
  });
}
