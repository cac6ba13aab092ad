/**
 * The certificate shapes text with OpenType positioning (GPOS) switched off, for speed. That is
 * only safe while pdf-lib draws glyphs at their advance widths and ignores fontkit's positions:
 * these checks fail if the glyphs or widths with positioning off ever differ from the defaults.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedNotoSans } from '../../sync/domain/pdf/embed-fonts';

const fonts = () => ({
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
});
const POSITIONING_OFF = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };
const SAMPLES = ['AVATAR WAVE To Ty', 'Łukasz Żółć-Παπαδόπουλος', 'Дмитрий Иванов', 'office fi ffl', 'Zoë O’Brien — e\u0301'];

describe('certificate text with positioning off', () => {
  it('draws the same glyphs at the same widths as with the default features', async () => {
    const plain = await embedNotoSans(await PDFDocument.create(), fonts(), 'a');
    const fast = await embedNotoSans(await PDFDocument.create(), fonts(), 'a', POSITIONING_OFF);
    for (const text of SAMPLES) {
      for (const weight of ['regular', 'bold'] as const) {
        expect(fast[weight].encodeText(text).toString(), text).toBe(plain[weight].encodeText(text).toString());
        expect(fast[weight].widthOfTextAtSize(text, 30), text).toBe(plain[weight].widthOfTextAtSize(text, 30));
      }
    }
  });
});
