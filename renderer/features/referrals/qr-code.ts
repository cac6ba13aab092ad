/**
 * QR codes for referral URLs: one matrix from `qrcode`, drawn as an SVG path (inline and for the
 * SVG download) and rendered to PNG bytes through the library's browser canvas renderer.
 */
import QRCode from 'qrcode';

export const QR_QUIET_ZONE = 4;
const ERROR_CORRECTION = 'M' as const;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One path with a 1×1 square per dark module, offset by the quiet zone. */
  path: string;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A standalone SVG file: black on white, with a title naming the URL. */
export function qrSvgDocument(text: string): string {
  const { size, path } = qrMatrix(text);
  const side = size + 2 * QR_QUIET_ZONE;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 8}" height="${side * 8}" shape-rendering="crispEdges">`,
    `<title>QR code for ${escapeXml(text)}</title>`,
    `<rect width="${side}" height="${side}" fill="#ffffff"/>`,
    `<path d="${path}" fill="#000000"/>`,
    '</svg>',
  ].join('\n');
}

export async function qrPngBytes(text: string, width = 512): Promise<Uint8Array> {
  const dataUrl = await QRCode.toDataURL(text, {
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_QUIET_ZONE,
    width,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A file name from the link name: "Spring post" → "referral-spring-post-qr". */
export function qrFileBase(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `referral-${slug || 'link'}-qr`;
}
