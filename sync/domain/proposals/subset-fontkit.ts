/**
 * The fontkit pdf-lib embeds fonts with: parsed fonts, shaped text runs and encoded subsets are
 * kept for the life of the runtime (the proposal worker), and TrueType subsets always use the long
 * `loca` format. @pdf-lib/fontkit 1.1 writes subsets with a short `loca` table but never pads
 * glyph records to even lengths, so one odd-length glyph shifts every later offset and many
 * letters come out blank (Hopding/pdf-lib#1232; fixed upstream in fontkit 1.8 by
 * foliojs/fontkit#191); the long format stores exact offsets.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;
type GlyphRun = ReturnType<FontkitFont['layout']>;
type FontSubset = ReturnType<FontkitFont['createSubset']>;
type SubsetStream = ReturnType<FontSubset['encodeStream']>;

/** The parts of fontkit's TTFSubset this touches (not in its published types). */
interface TrueTypeSubsetInternals {
  loca?: { offsets: number[]; version?: number };
  glyphs?: number[];
  _addGlyph?: (glyphId: number) => number;
}

/**
 * Shaped runs kept per font. A proposal shapes a few hundred distinct strings (words tried while
 * wrapping, table cells, footers); the cap only guards against a runaway stream of unique text.
 */
const MAX_CACHED_RUNS = 20_000;
/** Encoded subsets per font: a live preview re-renders the same glyph set on most keystrokes. */
const MAX_CACHED_SUBSETS = 16;

function useLongLoca(subset: TrueTypeSubsetInternals): void {
  const addGlyph = subset._addGlyph;
  if (typeof addGlyph !== 'function') return; // CFF subsets have no loca table.
  subset._addGlyph = function addGlyphWithLongLoca(this: TrueTypeSubsetInternals, glyphId: number): number {
    // encode() replaces `loca` before adding glyphs; preEncode keeps a version that is already set.
    if (this.loca && this.loca.version == null) this.loca.version = 1;
    return addGlyph.call(this, glyphId);
  };
}

type StreamEvent = 'data' | 'end' | 'error';

/** Plays cached subset bytes back through the event interface pdf-lib reads a subset with. */
function replayStream(bytes: Uint8Array): SubsetStream {
  const listeners: { event: StreamEvent; callback: (data: Uint8Array) => unknown }[] = [];
  const stream = {
    on(event: StreamEvent, callback: (data: Uint8Array) => unknown) {
      listeners.push({ event, callback });
      return stream;
    },
  };
  // Asynchronous like fontkit's own stream, so every listener is attached before anything is emitted.
  void Promise.resolve().then(() => {
    for (const { event, callback } of listeners) if (event === 'data') callback(bytes);
    for (const { event, callback } of listeners) if (event === 'end') callback(new Uint8Array());
  });
  return stream as SubsetStream;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/**
 * Serves a subset's bytes from `encoded` when the same glyphs were subset in the same order before
 * (the subset's glyph ids follow first use, so the order is part of what the bytes depend on).
 */
function reuseEncodedSubsets(subset: FontSubset, encoded: Map<string, Uint8Array>): void {
  const encodeStream = subset.encodeStream.bind(subset);
  subset.encodeStream = () => {
    const glyphs = (subset as TrueTypeSubsetInternals).glyphs;
    if (!Array.isArray(glyphs)) return encodeStream();
    const key = glyphs.join(',');
    const cached = encoded.get(key);
    if (cached) return replayStream(cached);
    const parts: Uint8Array[] = [];
    const stream = encodeStream();
    stream.on('data', (part) => void parts.push(part));
    stream.on('end', () => {
      if (encoded.size >= MAX_CACHED_SUBSETS) encoded.delete(encoded.keys().next().value ?? '');
      encoded.set(key, concat(parts));
    });
    return stream;
  };
}

/** Shapes each distinct string once per font; pdf-lib shapes every word it measures or draws. */
function reuseShapedRuns(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    const cached = runs.get(text);
    if (cached) return cached;
    const run = layout(text);
    if (runs.size >= MAX_CACHED_RUNS) runs.clear();
    runs.set(text, run);
    return run;
  };
}

/**
 * Parsed fonts by their bytes: parsing NotoSans's layout tables is most of a first render's cost,
 * and the same bundled bytes are passed in every time.
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

export const subsetSafeFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const cached = postscriptName === undefined ? parsedFonts.get(buffer) : undefined;
    if (cached) return cached;
    const font = fontkit.create(buffer, postscriptName);
    if (postscriptName === undefined) parsedFonts.set(buffer, font);
    reuseShapedRuns(font);
    const encodedSubsets = new Map<string, Uint8Array>();
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      useLongLoca(subset as TrueTypeSubsetInternals);
      reuseEncodedSubsets(subset, encodedSubsets);
      return subset;
    };
    return font;
  },
};
