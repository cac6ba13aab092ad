/**
 * Page content for long tables written as raw PDF operators, one flate stream per page. pdf-lib's
 * drawText builds a dozen operator objects per string and shapes each whole string, which for a
 * 1,000-line statement is most of the render; here text is shaped and encoded a word at a time
 * (words repeat across rows, so the font's shaped-run cache and the per-word hex cache hit) and
 * the operators are plain strings. Kerning across a space is the only thing given up.
 */
import type { PDFDocument, PDFFont, PDFName, PDFPage, RGB } from 'pdf-lib';

const n = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
const colour = (c: RGB) => `${n(c.red)} ${n(c.green)} ${n(c.blue)}`;

class FontWords {
  private readonly hex = new Map<string, string>();
  /** Widths at size 1. */
  private readonly widths = new Map<string, number>();
  readonly spaceHex: string;
  readonly spaceWidth: number;

  constructor(readonly font: PDFFont) {
    this.spaceHex = font.encodeText(' ').asString();
    this.spaceWidth = font.widthOfTextAtSize(' ', 1);
  }

  wordHex(word: string): string {
    let value = this.hex.get(word);
    if (value === undefined) {
      value = this.font.encodeText(word).asString();
      this.hex.set(word, value);
    }
    return value;
  }

  wordWidth(word: string): number {
    let value = this.widths.get(word);
    if (value === undefined) {
      value = this.font.widthOfTextAtSize(word, 1);
      this.widths.set(word, value);
    }
    return value;
  }

  width(text: string, size: number): number {
    let total = 0;
    let first = true;
    for (const word of text.split(' ')) {
      if (!first) total += this.spaceWidth;
      first = false;
      if (word !== '') total += this.wordWidth(word);
    }
    return total * size;
  }

  encode(text: string): string {
    let out = '';
    let first = true;
    for (const word of text.split(' ')) {
      if (!first) out += this.spaceHex;
      first = false;
      if (word !== '') out += this.wordHex(word);
    }
    return out;
  }
}

export class PageContentWriter {
  private readonly words = new Map<PDFFont, FontWords>();
  private readonly pages = new Map<PDFPage, { ops: string[]; fontKeys: Map<PDFFont, PDFName> }>();

  constructor(private readonly doc: PDFDocument) {}

  private fontWords(font: PDFFont): FontWords {
    let words = this.words.get(font);
    if (!words) {
      words = new FontWords(font);
      this.words.set(font, words);
    }
    return words;
  }

  private current(page: PDFPage) {
    let entry = this.pages.get(page);
    if (!entry) {
      entry = { ops: [], fontKeys: new Map() };
      this.pages.set(page, entry);
    }
    return entry;
  }

  width(text: string, font: PDFFont, size: number): number {
    return this.fontWords(font).width(text, size);
  }

  text(page: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, fill: RGB): void {
    const entry = this.current(page);
    let key = entry.fontKeys.get(font);
    if (!key) {
      key = page.node.newFontDictionary(font.name, font.ref);
      entry.fontKeys.set(font, key);
    }
    entry.ops.push(`BT ${key.toString()} ${n(size)} Tf ${colour(fill)} rg ${n(x)} ${n(y)} Td <${this.fontWords(font).encode(text)}> Tj ET`);
  }

  rectangle(page: PDFPage, x: number, y: number, width: number, height: number, fill: RGB): void {
    this.current(page).ops.push(`${colour(fill)} rg ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f`);
  }

  line(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness: number, stroke: RGB): void {
    this.current(page).ops.push(`${colour(stroke)} RG ${n(thickness)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`);
  }

  /** Adds each page's operators to it as one compressed content stream. */
  flush(): void {
    for (const [page, { ops }] of this.pages) {
      if (ops.length === 0) continue;
      const stream = this.doc.context.flateStream(`q\n${ops.join('\n')}\nQ\n`);
      page.node.addContentStream(this.doc.context.register(stream));
    }
    this.pages.clear();
  }
}
