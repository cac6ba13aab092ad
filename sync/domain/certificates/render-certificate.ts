/** The certificate PDF: one landscape A4 page with the partner's name, track, dates, verification code and a vector QR to the verify page. */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { embedNotoSans, type FontBytes, type FontFeatures } from '../pdf/embed-fonts';
import { assertDrawable } from '../proposals/glyphs';
import { verificationUrl } from '../certifications';
import { drawQr } from '../pdf/draw-qr';

export interface CertificateInput {
  partnerName: string;
  /** The certification track, e.g. "Sales". */
  track: string;
  /** The course the certificate was earned in, shown under the track. */
  courseTitle: string | null;
  issuedAt: string;
  expiresAt: string | null;
  verificationCode: string;
  fonts: FontBytes;
}

export class CertificateRenderError extends Error {
  override name = 'CertificateRenderError';
}

const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const INK = rgb(0.12, 0.14, 0.2);
const MUTED = rgb(0.38, 0.4, 0.46);
const ACCENT = rgb(0.93, 0.36, 0.15);

/**
 * GPOS features (kerning, mark and cursive positioning) switched off: pdf-lib writes each glyph at
 * its advance width and discards fontkit's positions, so those lookups change nothing in the PDF,
 * yet decoding Noto Sans's kerning tables was most of a first render (~60 ms a weight). Glyph
 * substitutions (GSUB: ligatures, composed accents) stay on, so the same glyphs are drawn.
 */
const POSITIONING_OFF: FontFeatures = { kern: false, mark: false, mkmk: false, dist: false, curs: false, abvm: false, blwm: false };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 December 2026", as en-GB writes a long date, in UTC. */
function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new CertificateRenderError(`'${iso}' is not a date. Sync once so the certificate's dates come from SISO, then try again.`);
  // Spelled out rather than through Intl: building a DateTimeFormat costs ~10 ms on a first render.
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

function centred(page: PDFPage, text: string, y: number, size: number, font: PDFFont, color: RGB): void {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (PAGE_WIDTH - width) / 2, y, size, font, color });
}

/** The certificate's PDF bytes; the same input gives the same bytes. */
export async function renderCertificate(input: CertificateInput): Promise<Uint8Array> {
  if (input.partnerName.trim() === '') throw new CertificateRenderError('Your profile has no display name yet, so the certificate has no name to show. Add your name in Settings, then try again.');
  const issued = longDate(input.issuedAt);
  const expires = input.expiresAt ? longDate(input.expiresAt) : null;
  const doc = await PDFDocument.create();
  const fonts = await embedNotoSans(doc, input.fonts, `certificate|${input.verificationCode}|${input.partnerName}`, POSITIONING_OFF);
  assertDrawable(input.partnerName, 'your display name', fonts.boldSet);
  assertDrawable(input.track, 'the certification track', fonts.boldSet);
  if (input.courseTitle) assertDrawable(input.courseTitle, 'the course title', fonts.regularSet);

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  page.drawRectangle({ x: 24, y: 24, width: PAGE_WIDTH - 48, height: PAGE_HEIGHT - 48, borderColor: ACCENT, borderWidth: 3 });
  page.drawRectangle({ x: 34, y: 34, width: PAGE_WIDTH - 68, height: PAGE_HEIGHT - 68, borderColor: MUTED, borderWidth: 0.6 });
  centred(page, 'SISO PARTNER PROGRAMME', 500, 14, fonts.bold, ACCENT);
  centred(page, 'Certificate of achievement', 455, 32, fonts.bold, INK);
  centred(page, 'This certifies that', 410, 13, fonts.regular, MUTED);
  centred(page, input.partnerName, 370, 30, fonts.bold, INK);
  centred(page, 'has passed the SISO certification assessment in', 330, 13, fonts.regular, MUTED);
  centred(page, `${input.track} certification`, 295, 22, fonts.bold, INK);
  if (input.courseTitle) centred(page, input.courseTitle, 270, 12, fonts.regular, MUTED);

  const url = verificationUrl(input.verificationCode);
  const details: [string, string][] = [
    ['Issued', issued],
    ['Valid until', expires ?? 'No expiry'],
    ['Verification code', input.verificationCode],
    ['Verify at', url],
  ];
  let y = 180;
  for (const [label, value] of details) {
    page.drawText(label, { x: 80, y, size: 10, font: fonts.regular, color: MUTED });
    page.drawText(value, { x: 200, y, size: 11, font: fonts.bold, color: INK });
    y -= 22;
  }
  drawQr(page, url, PAGE_WIDTH - 80 - 120, 80, 120, INK);
  page.drawText('Scan to verify', { x: PAGE_WIDTH - 80 - 120 + 24, y: 66, size: 9, font: fonts.regular, color: MUTED });

  const title = `${input.track} certification — ${input.partnerName}`;
  const stamp = new Date(input.issuedAt);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor('SISO');
  doc.setSubject(`SISO ${input.track} certification, verification code ${input.verificationCode}`);
  doc.setCreator('SISO Partner Workstation');
  doc.setProducer('SISO Partner Workstation (pdf-lib)');
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  doc.setLanguage('en-GB');
  return doc.save();
}

/**
 * Renders a throwaway certificate so the partner's first real one finds the fonts parsed and the PDF
 * code compiled (a first render in a fresh page is ~4× a warm one). For the certifications screen
 * to call in idle time when it opens, with the same font bytes it will render with.
 */
export async function prepareCertificateRenderer(fonts: FontBytes): Promise<void> {
  await renderCertificate({
    partnerName: 'Ada Lovelace',
    track: 'Sales',
    courseTitle: 'Sales Fundamentals',
    issuedAt: '2026-01-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
    verificationCode: 'PREPARE',
    fonts,
  });
}
