/**
 * What a partner's logo file really is, judged by its bytes and never by its name: PNG (signature
 * and IHDR), JPEG (SOI and an SOFn marker) or SVG (XML text whose root element is <svg>). Each
 * refusal is a sentence naming the problem and the limit, ready to show as it is.
 */

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** Raster logos smaller than this on their short side look blurred in a printed proposal. */
export const LOGO_MIN_SHORT_SIDE = 64;
export const LOGO_MAX_SIDE = 4000;
/** Long side divided by short side; wider than this is a banner, not a logo. */
export const LOGO_MAX_ASPECT_RATIO = 8;

export type LogoType = 'png' | 'jpeg' | 'svg';

export interface LogoFacts {
  type: LogoType;
  width: number;
  height: number;
  bytes: number;
}

export type LogoRefusal =
  | 'empty'
  | 'too-large'
  | 'not-an-image'
  | 'unsupported-image'
  | 'damaged'
  | 'too-small'
  | 'too-big-dimensions'
  | 'aspect-ratio'
  | 'svg-without-size';

export type LogoCheck = { ok: true; logo: LogoFacts } | { ok: false; reason: LogoRefusal; message: string };

export const LOGO_MIME_TYPES: Record<LogoType, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };
export const LOGO_EXTENSIONS: Record<LogoType, string> = { png: 'png', jpeg: 'jpg', svg: 'svg' };

const ACCEPTED = 'Use a PNG, JPEG or SVG file.';

function refuse(reason: LogoRefusal, message: string): LogoCheck {
  return { ok: false, reason, message };
}

/** "1.5 MB", "820 KB": sizes in the units people see in their file manager. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function quoted(fileName: string | undefined): string {
  return fileName ? `“${fileName}”` : 'The file';
}

/** Checked before reading a file at all, so a huge file is refused without loading it. */
export function checkLogoSize(size: number, fileName?: string): LogoCheck | null {
  if (size === 0) return refuse('empty', `${quoted(fileName)} is empty. ${ACCEPTED}`);
  if (size > LOGO_MAX_BYTES) {
    return refuse(
      'too-large',
      `${quoted(fileName)} is ${formatFileSize(size)}; a logo can be at most ${formatFileSize(LOGO_MAX_BYTES)}. Export it smaller (about 1000 px wide is plenty) and try again.`,
    );
  }
  return null;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((value, index) => bytes[offset + index] === value);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Other formats people commonly try, so the message can say what the file actually is. */
const OTHER_FORMATS: readonly { name: string; matches(bytes: Uint8Array): boolean }[] = [
  { name: 'a GIF image', matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { name: 'a PDF document', matches: (b) => startsWith(b, ascii('%PDF-')) },
  { name: 'a WebP image', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'a BMP image', matches: (b) => startsWith(b, ascii('BM')) && b.length > 26 && b[14] !== undefined && [12, 40, 56, 108, 124].includes(b[14]) },
  { name: 'a TIFF image', matches: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'an ICO icon', matches: (b) => startsWith(b, [0x00, 0x00, 0x01, 0x00]) },
  { name: 'a HEIC or AVIF image', matches: (b) => startsWith(b, ascii('ftyp'), 4) },
  { name: 'a ZIP archive', matches: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
];

/** Identifies and measures a logo, then applies the size and dimension limits. */
export function checkLogoFile(bytes: Uint8Array, fileName?: string): LogoCheck {
  const sizeProblem = checkLogoSize(bytes.length, fileName);
  if (sizeProblem) return sizeProblem;
  const facts = identify(bytes, fileName);
  if (!facts.ok) return facts;
  return checkDimensions(facts.logo, fileName);
}

function identify(bytes: Uint8Array, fileName: string | undefined): LogoCheck {
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes, fileName);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes, fileName);
  const svg = readSvg(bytes, fileName);
  if (svg) return svg;
  const other = OTHER_FORMATS.find((format) => format.matches(bytes));
  const named = claimedType(fileName);
  if (other) return refuse('unsupported-image', `${quoted(fileName)} is ${other.name}${named ? `, not a ${named}` : ''}. ${ACCEPTED}`);
  const kind = looksLikeText(bytes) ? 'plain text' : 'data in no image format this app reads';
  return refuse('not-an-image', `${quoted(fileName)} is not an image: it contains ${kind}${named ? `, not a ${named}` : ''}. ${ACCEPTED}`);
}

function claimedType(fileName: string | undefined): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'png') return 'PNG';
  if (extension === 'jpg' || extension === 'jpeg') return 'JPEG';
  if (extension === 'svg') return 'SVG';
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  return sample.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20);
}

const damaged = (fileName: string | undefined, type: string) =>
  refuse('damaged', `${quoted(fileName)} starts like a ${type} but is damaged or cut short, so its size cannot be read. Export it again and try once more.`);

function readUint32(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] ?? 0) << 24) >>> 0) + ((bytes[offset + 1] ?? 0) << 16) + ((bytes[offset + 2] ?? 0) << 8) + (bytes[offset + 3] ?? 0);
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) + (bytes[offset + 1] ?? 0);
}

function readPng(bytes: Uint8Array, fileName: string | undefined): LogoCheck {
  // The first chunk must be IHDR (13 bytes): width, height, then bit depth and colour type.
  if (bytes.length < 33 || readUint32(bytes, 8) !== 13 || !startsWith(bytes, ascii('IHDR'), 12)) return damaged(fileName, 'PNG');
  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  if (width === 0 || height === 0) return damaged(fileName, 'PNG');
  return { ok: true, logo: { type: 'png', width, height, bytes: bytes.length } };
}

/** SOF markers carry the frame size; C4 (DHT), C8 (reserved) and CC (DAC) share the range but are not frames. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function readJpeg(bytes: Uint8Array, fileName: string | undefined): LogoCheck {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return damaged(fileName, 'JPEG');
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = readUint16(bytes, offset + 2);
    if (length < 2) return damaged(fileName, 'JPEG');
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return damaged(fileName, 'JPEG');
      const height = readUint16(bytes, offset + 5);
      const width = readUint16(bytes, offset + 7);
      if (width === 0 || height === 0) return damaged(fileName, 'JPEG');
      return { ok: true, logo: { type: 'jpeg', width, height, bytes: bytes.length } };
    }
    offset += 2 + length;
  }
  return damaged(fileName, 'JPEG');
}

const MAX_SVG_PROLOGUE = 4096;

/** Null when the bytes are not SVG at all; a refusal when they are SVG that cannot be sized. */
function readSvg(bytes: Uint8Array, fileName: string | undefined): LogoCheck | null {
  if (!looksLikeText(bytes)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const root = svgRootTag(text);
  if (root === null) return null;
  const size = svgSize(root);
  if (!size) {
    return refuse(
      'svg-without-size',
      `${quoted(fileName)} is an SVG without a usable width and height or viewBox, so it cannot be sized. Add a viewBox (e.g. viewBox="0 0 400 120") and try again.`,
    );
  }
  return { ok: true, logo: { type: 'svg', width: size.width, height: size.height, bytes: bytes.length } };
}

/** The opening tag of the root element when it is <svg>, after the XML declaration, comments and doctype. */
function svgRootTag(text: string): string | null {
  let rest = text.replace(/^\uFEFF/, '');
  for (let guard = 0; guard < 64; guard += 1) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0 || end > MAX_SVG_PROLOGUE) return null;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return null;
      rest = rest.slice(end + 3);
    } else if (/^<!DOCTYPE/i.test(rest)) {
      const end = rest.search(/\]\s*>|>/);
      if (end < 0 || end > MAX_SVG_PROLOGUE) return null;
      rest = rest.slice(rest.indexOf('>', end) + 1);
    } else {
      break;
    }
  }
  const match = /^<(?:[A-Za-z_][\w.-]*:)?svg(?=[\s/>])[^>]*>/.exec(rest);
  return match ? match[0] : null;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2] ?? '').trim() : null;
}

const UNIT_TO_PX: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

function length(value: string | null): number | null {
  if (value === null) return null;
  const match = /^([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in)?$/i.exec(value);
  if (!match?.[1]) return null;
  const number = Number(match[1]) * (UNIT_TO_PX[(match[2] ?? '').toLowerCase()] ?? 1);
  return Number.isFinite(number) && number > 0 ? number : null;
}

function svgSize(tag: string): { width: number; height: number } | null {
  const width = length(attribute(tag, 'width'));
  const height = length(attribute(tag, 'height'));
  const viewBox = attribute(tag, 'viewBox')
    ?.split(/[\s,]+/)
    .map(Number);
  const box = viewBox && viewBox.length === 4 && viewBox.every(Number.isFinite) && (viewBox[2] ?? 0) > 0 && (viewBox[3] ?? 0) > 0 ? { width: viewBox[2] ?? 0, height: viewBox[3] ?? 0 } : null;
  if (width && height) return { width, height };
  if (box && width) return { width, height: (width * box.height) / box.width };
  if (box && height) return { width: (height * box.width) / box.height, height };
  return box;
}

const px = (value: number) => `${Math.round(value)} px`;

function checkDimensions(logo: LogoFacts, fileName: string | undefined): LogoCheck {
  const long = Math.max(logo.width, logo.height);
  const short = Math.min(logo.width, logo.height);
  const size = `${px(logo.width)} × ${px(logo.height)}`;
  const ratio = long / short;
  if (ratio > LOGO_MAX_ASPECT_RATIO) {
    return refuse(
      'aspect-ratio',
      `${quoted(fileName)} is ${size}, ${ratio.toFixed(1).replace(/\.0$/, '')} times longer than it is ${logo.width >= logo.height ? 'high' : 'wide'}; a logo can be at most ${LOGO_MAX_ASPECT_RATIO}:1. Crop it closer to the artwork and try again.`,
    );
  }
  // An SVG is drawn at whatever size it is needed, so only its proportions matter.
  if (logo.type === 'svg') return { ok: true, logo };
  if (short < LOGO_MIN_SHORT_SIDE) {
    return refuse('too-small', `${quoted(fileName)} is only ${size}; a logo needs at least ${px(LOGO_MIN_SHORT_SIDE)} on its shorter side to print sharply. Export a larger version.`);
  }
  if (long > LOGO_MAX_SIDE) {
    return refuse('too-big-dimensions', `${quoted(fileName)} is ${size}; a logo can be at most ${px(LOGO_MAX_SIDE)} on its longer side. Scale it down and try again.`);
  }
  return { ok: true, logo };
}

/** The pixel size an SVG is rasterised to: its own proportions, the long side between 512 and 1600 px. */
export function svgRasterSize(width: number, height: number): { width: number; height: number } {
  const long = Math.max(width, height);
  const target = Math.min(Math.max(long, 512), 1600);
  const scale = target / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Where a partner's logo lives in the `brand` bucket: their own folder, as the storage policy requires. */
export function brandLogoPath(partnerId: string, type: Exclude<LogoType, 'svg'>): string {
  return `${partnerId}/logo.${LOGO_EXTENSIONS[type]}`;
}
