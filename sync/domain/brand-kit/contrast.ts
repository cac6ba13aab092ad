/**
 * WCAG 2.x contrast between a brand colour and the two text colours proposals use: white, and the
 * dark text of the PDF renderer. Brand colours appear both as text on white pages (headings) and
 * behind text (bands), so a colour that fails 4.5:1 against white gets a warning saying which
 * text still reads on it.
 */

/** WCAG AA for normal-size text. */
export const AA_TEXT_CONTRAST = 4.5;
export const WHITE_HEX = '#FFFFFF';
/** The renderer's body text colour (rgb 0.11, 0.12, 0.14). */
export const DARK_TEXT_HEX = '#1C1F24';

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance (0 = black, 1 = white), or null for anything but a six-digit hex colour. */
export function relativeLuminance(hex: string): number | null {
  const match = HEX.exec(hex.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The contrast ratio between two hex colours, from 1 to 21; null if either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** "4.48:1" rounded down so a ratio just below the limit never displays as passing. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

export interface BrandColourContrast {
  hex: string;
  withWhite: number;
  withDarkText: number;
  /** The text colour that reads better on this colour. */
  bestText: 'white' | 'dark';
  /** A sentence when text in or on this colour falls below 4.5:1; null when it is fine. */
  warning: string | null;
}

/** Null when `hex` is not a six-digit hex colour (the form reports that separately). */
export function brandColourContrast(hex: string, label = 'This colour'): BrandColourContrast | null {
  const withWhite = contrastRatio(hex, WHITE_HEX);
  const withDarkText = contrastRatio(hex, DARK_TEXT_HEX);
  if (withWhite === null || withDarkText === null) return null;
  const shown = `#${hex.trim().replace(/^#/, '').toUpperCase()}`;
  const bestText = withWhite >= withDarkText ? 'white' : 'dark';
  let warning: string | null = null;
  if (withWhite < AA_TEXT_CONTRAST && withDarkText < AA_TEXT_CONTRAST) {
    warning = `${label} ${shown} is hard to read with any text: white text reaches ${formatRatio(withWhite)} and dark text ${formatRatio(withDarkText)}, below the ${formatRatio(AA_TEXT_CONTRAST)} WCAG AA needs. Choose a darker or lighter shade.`;
  } else if (withWhite < AA_TEXT_CONTRAST) {
    warning = `${label} ${shown} is too light for white text or for headings on a white page (${formatRatio(withWhite)}; WCAG AA needs ${formatRatio(AA_TEXT_CONTRAST)}). Dark text on it reads well (${formatRatio(withDarkText)}), so use it for bands and highlights, or choose a darker shade.`;
  }
  return { hex: shown, withWhite, withDarkText, bestText, warning };
}
