/** A QR code drawn as vector rectangles on a pdf-lib page: sharp at any zoom, text-free, no image. */
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import QRCode from 'qrcode';

const WHITE = rgb(1, 1, 1);

/** Draws `text` as a QR code in a `size` square whose bottom-left corner is (x, y), with a quiet zone. */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number, colour: RGB): void {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const count = modules.size;
  const quiet = 2;
  const cell = size / (count + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: WHITE });
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!modules.data[row * count + col]) {
        col += 1;
        continue;
      }
      // One rectangle per run of dark modules keeps the content stream small.
      const start = col;
      while (col < count && modules.data[row * count + col]) col += 1;
      page.drawRectangle({ x: x + (quiet + start) * cell, y: y + size - (quiet + row + 1) * cell, width: (col - start) * cell, height: cell, color: colour });
    }
  }
}
