/**
 * Turns a file the partner picked or dropped into logo bytes the PDF renderer can embed: checked
 * by content (sync/domain/brand-kit), SVG rasterised to PNG on a canvas, PNG and JPEG kept as they are.
 */
import { checkLogoFile, checkLogoSize, svgRasterSize, type LogoFacts } from '../../../sync/domain/brand-kit';
import { errorMessage } from '../../ui/error-message';
import { readPickedFile } from '../../platform/read-picked-file';

export interface PreparedLogo {
  type: 'png' | 'jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The picked file was an SVG, converted to this PNG. */
  fromSvg: boolean;
}

export type PrepareResult = { ok: true; logo: PreparedLogo } | { ok: false; message: string };

export async function prepareLogoFile(file: File): Promise<PrepareResult> {
  const read = await readPickedFile(file, checkLogoSize);
  if (!read.ok) return read;
  const { bytes } = read;
  const check = checkLogoFile(bytes, file.name);
  if (!check.ok) return { ok: false, message: check.message };
  if (check.logo.type !== 'svg') return { ok: true, logo: { type: check.logo.type, bytes, width: check.logo.width, height: check.logo.height, fromSvg: false } };
  return rasteriseSvg(bytes, check.logo, file.name);
}

async function rasteriseSvg(bytes: Uint8Array, facts: LogoFacts, fileName: string): Promise<PrepareResult> {
  const size = svgRasterSize(facts.width, facts.height);
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'image/svg+xml' }));
  try {
    const image = new Image(size.width, size.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas is available');
    context.drawImage(image, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas produced no image');
    const png = new Uint8Array(await blob.arrayBuffer());
    // The PNG is checked like an upload, so a converted logo obeys the same limits.
    const check = checkLogoFile(png, fileName.replace(/\.svg$/i, '.png'));
    if (!check.ok) return { ok: false, message: check.message };
    return { ok: true, logo: { type: 'png', bytes: png, width: size.width, height: size.height, fromSvg: true } };
  } catch (error) {
    return {
      ok: false,
      message: `“${fileName}” is an SVG this app could not draw (${errorMessage(error)}). Export the logo as PNG and try again.`,
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}
