/**
 * Embedding the bundled Noto Sans pair into a pdf-lib document, shared by every PDF the app makes
 * (proposals, commission statements): the subset-safe fontkit with its caches, deterministic subset
 * tags, and the character sets text is checked against before drawing.
 */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { subsetSafeFontkit } from '../proposals/subset-fontkit';

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface EmbeddedFonts {
  regular: PDFFont;
  bold: PDFFont;
  regularSet: ReadonlySet<number>;
  boldSet: ReadonlySet<number>;
}

/**
 * The six-letter prefix PDF readers expect on a subset font's name (ISO 32000 9.6.4), derived from
 * the document's inputs so the same document renders to the same bytes.
 */
export function subsetTag(seed: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) ^ Math.imul(hash, 31);
    hash >>>= 0;
  }
  return tag;
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
export function characterSet(font: PDFFont): ReadonlySet<number> {
  const cached = characterSets.get(font);
  if (cached) return cached;
  const set = new Set(font.getCharacterSet());
  characterSets.set(font, set);
  return set;
}

/** OpenType features to switch on or off when pdf-lib shapes text (fontkit's feature map). */
export type FontFeatures = Record<string, boolean>;

/** Registers the subset-safe fontkit on `doc` and embeds both weights as subsets. */
export async function embedNotoSans(doc: PDFDocument, fonts: FontBytes, tagSeed: string, features?: FontFeatures): Promise<EmbeddedFonts> {
  doc.registerFontkit(subsetSafeFontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, customName: `${subsetTag(`${tagSeed}|regular`)}+NotoSans-Regular`, features });
  const bold = await doc.embedFont(fonts.bold, { subset: true, customName: `${subsetTag(`${tagSeed}|bold`)}+NotoSans-Bold`, features });
  return { regular, bold, regularSet: characterSet(regular), boldSet: characterSet(bold) };
}
