/**
 * Checks text against the bundled fonts before anything is drawn, so a character no font has is
 * reported by name and place instead of coming out blank or crashing pdf-lib.
 */
export class MissingGlyphError extends Error {
  override name = 'MissingGlyphError';
  constructor(
    readonly character: string,
    readonly codePoint: number,
    /** Where the text came from, e.g. "the lead's company name". */
    readonly where: string,
  ) {
    super(
      `The character '${character}' (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}) in ${where} is not in the bundled fonts. Replace it with a similar character and try again.`,
    );
  }
}

/** Characters the layout handles itself rather than drawing (line breaks, tabs). */
const LAYOUT_CHARACTERS = new Set([0x0a, 0x0d, 0x09]);

export function assertDrawable(text: string, where: string, characterSet: ReadonlySet<number>): void {
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (LAYOUT_CHARACTERS.has(codePoint)) continue;
    if (!characterSet.has(codePoint)) throw new MissingGlyphError(character, codePoint, where);
  }
}
