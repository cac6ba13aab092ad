/**
 * @pdf-lib/fontkit 1.1 writes TrueType subsets with a short `loca` table but never pads glyph
 * records to even lengths, so one odd-length glyph shifts every later offset and many letters come
 * out blank (Hopding/pdf-lib#1232; fixed upstream in fontkit 1.8 by foliojs/fontkit#191). This
 * wrapper makes every TrueType subset use the long `loca` format, which stores exact offsets, and
 * keeps parsed fonts for reuse across renders.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The parts of fontkit's TTFSubset this touches (not in its published types). */
interface TrueTypeSubsetInternals {
  loca?: { offsets: number[]; version?: number };
  _addGlyph?: (glyphId: number) => number;
}

function useLongLoca(subset: object): void {
  const internals = subset as TrueTypeSubsetInternals;
  const addGlyph = internals._addGlyph;
  if (typeof addGlyph !== 'function') return; // CFF subsets have no loca table.
  internals._addGlyph = function addGlyphWithLongLoca(this: TrueTypeSubsetInternals, glyphId: number): number {
    // encode() replaces `loca` before adding glyphs; preEncode keeps a version that is already set.
    if (this.loca && this.loca.version == null) this.loca.version = 1;
    return addGlyph.call(this, glyphId);
  };
}

type FontkitFont = ReturnType<Fontkit['create']>;

/**
 * Parsed fonts by their bytes: parsing NotoSans's layout tables is most of a render's cost, and
 * the same bundled bytes are passed in every time. Subsets are created per document.
 */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

export const subsetSafeFontkit: Fontkit = {
  create(buffer, postscriptName) {
    const cached = postscriptName === undefined ? parsedFonts.get(buffer) : undefined;
    if (cached) return cached;
    const font = fontkit.create(buffer, postscriptName);
    if (postscriptName === undefined) parsedFonts.set(buffer, font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      useLongLoca(subset);
      return subset;
    };
    return font;
  },
};
