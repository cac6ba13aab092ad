/**
 * Which files an admin may publish as marketing assets, decided before any byte is uploaded: size
 * (the assets bucket's 50 MB limit), and type by extension *and* content (the first bytes), so a
 * renamed executable or a mislabelled file is refused with a sentence saying what to do. Also the
 * storage path an upload goes to.
 */

/** The assets bucket's file_size_limit (migration storage_buckets). */
export const ASSET_MAX_BYTES = 50 * 1024 * 1024;

/** How many leading bytes the content check needs. */
export const SNIFF_BYTES = 512;

export type AssetPreviewKind = 'image' | 'video' | 'pdf' | 'none';

interface AssetFileType {
  label: string;
  extensions: readonly string[];
  mimeType: string;
  preview: AssetPreviewKind;
  /** True when the leading bytes look like this type. */
  matches(head: Uint8Array): boolean;
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, index) => head[offset + index] === byte);
}

function ascii(head: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...head.slice(offset, offset + length));
}

/** Text files: no NUL byte and no C0 control other than tab, newline, carriage return, form feed. */
function looksLikeText(head: Uint8Array): boolean {
  return head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c);
}

function textStart(head: Uint8Array): string {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return text.trimStart().toLowerCase();
}

const isZip = (head: Uint8Array) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
const isIsoMedia = (head: Uint8Array) => ascii(head, 4, 4) === 'ftyp';

export const ASSET_FILE_TYPES: readonly AssetFileType[] = [
  { label: 'PDF', extensions: ['pdf'], mimeType: 'application/pdf', preview: 'pdf', matches: (h) => ascii(h, 0, 5) === '%PDF-' },
  { label: 'PNG', extensions: ['png'], mimeType: 'image/png', preview: 'image', matches: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { label: 'JPEG', extensions: ['jpg', 'jpeg'], mimeType: 'image/jpeg', preview: 'image', matches: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { label: 'GIF', extensions: ['gif'], mimeType: 'image/gif', preview: 'image', matches: (h) => ascii(h, 0, 6) === 'GIF87a' || ascii(h, 0, 6) === 'GIF89a' },
  { label: 'WebP', extensions: ['webp'], mimeType: 'image/webp', preview: 'image', matches: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 4) === 'WEBP' },
  {
    label: 'SVG',
    extensions: ['svg'],
    mimeType: 'image/svg+xml',
    preview: 'image',
    // An XML declaration or comment may come first; within the sniffed bytes that is as far as we can tell.
    matches: (h) => looksLikeText(h) && /^(<\?xml|<!--|<!doctype svg|<svg[\s>])/.test(textStart(h)),
  },
  { label: 'MP4', extensions: ['mp4', 'm4v'], mimeType: 'video/mp4', preview: 'video', matches: (h) => isIsoMedia(h) && ascii(h, 8, 2) !== 'qt' },
  { label: 'MOV', extensions: ['mov'], mimeType: 'video/quicktime', preview: 'video', matches: (h) => isIsoMedia(h) || ['moov', 'mdat', 'wide', 'free'].includes(ascii(h, 4, 4)) },
  { label: 'WebM', extensions: ['webm'], mimeType: 'video/webm', preview: 'video', matches: (h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]) },
  { label: 'ZIP', extensions: ['zip'], mimeType: 'application/zip', preview: 'none', matches: isZip },
  { label: 'PowerPoint (PPTX)', extensions: ['pptx'], mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', preview: 'none', matches: isZip },
  { label: 'Word (DOCX)', extensions: ['docx'], mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', preview: 'none', matches: isZip },
  { label: 'Excel (XLSX)', extensions: ['xlsx'], mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', preview: 'none', matches: isZip },
  { label: 'HTML', extensions: ['html', 'htm'], mimeType: 'text/html', preview: 'none', matches: (h) => looksLikeText(h) && /^(<!doctype html|<html|<head|<body|<table|<div|<p[\s>]|<!--)/.test(textStart(h)) },
  { label: 'text', extensions: ['txt', 'md', 'csv'], mimeType: 'text/plain', preview: 'none', matches: looksLikeText },
];

/** "PDF", "PNG"… for a stored MIME type; the type itself when it is not one we offer. */
export function fileTypeLabel(mimeType: string | null | undefined): string {
  if (!mimeType) return 'File';
  const label = ASSET_FILE_TYPES.find((type) => type.mimeType === mimeType)?.label ?? mimeType;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** One sentence listing what may be uploaded, for hints and refusals. */
export const ALLOWED_ASSET_TYPES_SENTENCE =
  'PDF, images (PNG, JPEG, GIF, WebP, SVG), videos (MP4, MOV, WebM), ZIP archives, PowerPoint, Word and Excel files (PPTX, DOCX, XLSX), HTML email templates and text files';

/** The `accept` attribute for the file input (the content check still runs). */
export const ASSET_ACCEPT = ASSET_FILE_TYPES.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');

export interface AssetFileCandidate {
  name: string;
  size: number;
  /** The first SNIFF_BYTES bytes (fewer for a smaller file). */
  head: Uint8Array;
}

export type AssetFileCheck =
  | { ok: true; mimeType: string; label: string; preview: AssetPreviewKind }
  | { ok: false; message: string };

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? '';
}

export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  const extension = dot <= 0 || dot === base.length - 1 ? '' : base.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]+$/.test(extension) ? extension : '';
}

/** "12.3 MB", "840 KB", "12 bytes" — binary units, as the size limit is. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function checkAssetFile(file: AssetFileCandidate): AssetFileCheck {
  const name = file.name.trim() || 'The file';
  if (file.size === 0) return { ok: false, message: `“${name}” is empty. Choose the file again; if it is still empty, export it again from where it was made.` };
  if (file.size > ASSET_MAX_BYTES) {
    return {
      ok: false,
      message: `“${name}” is ${formatFileSize(file.size)}; asset files can be at most ${formatFileSize(ASSET_MAX_BYTES)}. Compress it (or split it into parts) and upload it again.`,
    };
  }
  const extension = extensionOf(file.name);
  const candidates = ASSET_FILE_TYPES.filter((type) => type.extensions.includes(extension));
  if (candidates.length === 0) {
    const what = extension ? `.${extension} files` : 'files without an extension';
    return { ok: false, message: `“${name}” can’t be published: ${what} are not offered to partners. Upload one of: ${ALLOWED_ASSET_TYPES_SENTENCE}.` };
  }
  const type = candidates.find((candidate) => candidate.matches(file.head));
  if (!type) {
    const expected = candidates[0]?.label ?? extension.toUpperCase();
    return {
      ok: false,
      message: `“${name}” ends in .${extension} but its contents are not a ${expected} file, so partners could not open it. Export it again as ${expected}, or rename it to its real type.`,
    };
  }
  return { ok: true, mimeType: type.mimeType, label: type.label, preview: type.preview };
}

/** Lower-case ASCII letters and digits joined by hyphens ("Łukasz Żółć" → "lukasz-zolc"), at most `max` characters. */
export function slugWords(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters NFKD does not decompose.
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** A file name safe in a storage path and a URL: lower-case letters, digits, dots, hyphens. */
export function safeFileName(fileName: string): string {
  const name = baseName(fileName);
  const extension = extensionOf(name);
  const base = slugWords(extension ? name.slice(0, -(extension.length + 1)) : name, 80);
  return `${base || 'file'}${extension ? `.${extension}` : ''}`;
}

/**
 * Where an asset's file lives in the assets bucket. Each content gets its own path (by hash), so
 * partners never fetch new bytes while their row still names the old hash; the old object is
 * removed after the row points at the new one.
 */
export function assetStoragePath(input: { category: string; assetId: string; sha256: string; fileName: string }): string {
  const category = input.category.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'other';
  const id = input.assetId.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${category}/${id}/${input.sha256.slice(0, 16)}-${safeFileName(input.fileName)}`;
}
