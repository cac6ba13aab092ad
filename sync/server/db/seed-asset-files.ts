/**
 * The real files behind the seeded marketing assets, generated the same way on every run (fixed
 * dates, no randomness) so their sha256 is stable: PDFs drawn with pdf-lib, PNG social cards
 * rasterised here and encoded with node:zlib, SVG logos, HTML email templates and a text copy deck.
 * The SISO overview brochure is the committed one the co-branded proposal template stamps into;
 * the walkthrough video is a committed WebM recorded by resources/marketing/build-walkthrough-video.ts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

const here = path.dirname(fileURLToPath(import.meta.url));
const overviewBrochurePath = path.resolve(here, '../../../resources/templates/siso-overview-brochure.pdf');
const walkthroughVideoPath = path.resolve(here, '../../../resources/marketing/product-walkthrough.webm');
const FIXED_DATE = new Date('2026-01-05T09:00:00Z');

export interface SeedAssetFile {
  mimeType: string;
  bytes: Uint8Array;
  /** PNG data URL for the catalog row's body.thumbnail (image assets only). */
  thumbnail?: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// --- PNG -----------------------------------------------------------------------------------------

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** An 8-bit RGB PNG (no alpha) from `rgb` rows. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array())]),
  );
}

type Colour = readonly [number, number, number];
const ORANGE: Colour = [0xff, 0x57, 0x22];
const INK: Colour = [0x1a, 0x1a, 0x2e];
const PAPER: Colour = [0xfa, 0xfa, 0xf7];
const TEAL: Colour = [0x00, 0x8c, 0x8c];

class Raster {
  readonly pixels: Uint8Array;
  constructor(readonly width: number, readonly height: number, background: Colour) {
    this.pixels = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, background);
  }
  private set(x: number, y: number, colour: Colour): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.pixels[i] = colour[0];
    this.pixels[i + 1] = colour[1];
    this.pixels[i + 2] = colour[2];
  }
  rect(x: number, y: number, w: number, h: number, colour: Colour): void {
    for (let yy = Math.round(y); yy < Math.round(y + h); yy += 1) for (let xx = Math.round(x); xx < Math.round(x + w); xx += 1) this.set(xx, yy, colour);
  }
  circle(cx: number, cy: number, r: number, colour: Colour): void {
    for (let yy = Math.floor(cy - r); yy <= cy + r; yy += 1)
      for (let xx = Math.floor(cx - r); xx <= cx + r; xx += 1) if ((xx - cx) ** 2 + (yy - cy) ** 2 <= r * r) this.set(xx, yy, colour);
  }
  png(): Uint8Array {
    return encodePng(this.width, this.height, this.pixels);
  }
}

/** A launch post card: ink background, orange band, the SISO mark and three "post" lines. */
function drawLaunchCard(width: number, height: number): Raster {
  const s = width / 1200;
  const r = new Raster(width, height, INK);
  r.rect(0, height - 90 * s, width, 90 * s, ORANGE);
  r.circle(160 * s, 170 * s, 80 * s, ORANGE);
  r.circle(160 * s, 170 * s, 44 * s, INK);
  r.rect(300 * s, 120 * s, 620 * s, 40 * s, PAPER);
  r.rect(300 * s, 190 * s, 460 * s, 28 * s, [0xc9, 0xc9, 0xd6]);
  r.rect(300 * s, 240 * s, 520 * s, 28 * s, [0xc9, 0xc9, 0xd6]);
  r.rect(80 * s, 340 * s, 1040 * s, 150 * s, [0x2a, 0x2a, 0x44]);
  for (let i = 0; i < 5; i += 1) r.rect((120 + i * 200) * s, 370 * s, 150 * s, 90 * s, i % 2 === 0 ? TEAL : ORANGE);
  return r;
}

/** A case-study card: paper background, a rising bar chart in brand colours. */
function drawCaseStudyCard(width: number, height: number): Raster {
  const s = width / 1080;
  const r = new Raster(width, height, PAPER);
  r.rect(0, 0, width, 120 * s, INK);
  r.circle(80 * s, 60 * s, 36 * s, ORANGE);
  r.rect(150 * s, 42 * s, 420 * s, 36 * s, PAPER);
  const heights = [220, 300, 390, 520, 680];
  heights.forEach((h, i) => r.rect((140 + i * 170) * s, (980 - h) * s, 120 * s, h * s, i === heights.length - 1 ? ORANGE : TEAL));
  r.rect(100 * s, 980 * s, 880 * s, 6 * s, INK);
  return r;
}

function dataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

// --- SVG -----------------------------------------------------------------------------------------

export type LogoVariant = 'light' | 'dark' | 'colour';

/** The SISO logo: a rounded mark with the S stroke and the word mark. `light` is for dark backgrounds. */
export function sisoLogoSvg(variant: LogoVariant): string {
  const mark = variant === 'light' ? '#FAFAF7' : variant === 'dark' ? '#1A1A2E' : '#FF5722';
  const stroke = variant === 'light' ? '#1A1A2E' : '#FAFAF7';
  const word = variant === 'light' ? '#FAFAF7' : '#1A1A2E';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 48" width="160" height="48" role="img" aria-label="SISO">`,
    `<rect x="0" y="0" width="48" height="48" rx="12" fill="${mark}"/>`,
    `<path d="M32 17c-1.2-2.4-4-3.8-7.5-3.8-4.5 0-7.5 2.3-7.5 5.4 0 7.2 15 3.9 15 10.8 0 3.2-3.2 5.6-7.7 5.6-3.7 0-6.7-1.5-8.1-4.2" fill="none" stroke="${stroke}" stroke-width="3.9" stroke-linecap="round"/>`,
    `<text x="60" y="33" font-family="Inter, Helvetica, Arial, sans-serif" font-size="24" font-weight="700" fill="${word}">SISO</text>`,
    `</svg>`,
  ].join('');
}

// --- PDF -----------------------------------------------------------------------------------------

interface Slide {
  heading: string;
  lines: string[];
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function documentPdf(options: { title: string; subject: string; landscape: boolean; brand: boolean; slides: Slide[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title);
  doc.setSubject(options.subject);
  doc.setAuthor(options.brand ? 'SISO' : '');
  doc.setCreator(options.brand ? 'SISO' : '');
  doc.setProducer('SISO Partner Workstation seed');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [w, h] = options.landscape ? [842, 595] : [595, 842];
  const accent: RGB = options.brand ? rgb(1, 0.341, 0.133) : rgb(0.3, 0.33, 0.38);
  const ink = rgb(0.1, 0.1, 0.18);

  const cover: PDFPage = doc.addPage([w, h]);
  cover.drawRectangle({ x: 0, y: 0, width: w, height: h, color: ink });
  cover.drawRectangle({ x: 0, y: 0, width: w, height: 24, color: accent });
  cover.drawText(options.title, { x: 56, y: h / 2 + 20, size: 30, font: bold, color: rgb(0.98, 0.98, 0.97) });
  cover.drawText(options.subject, { x: 56, y: h / 2 - 16, size: 14, font: regular, color: rgb(0.8, 0.8, 0.86) });
  if (options.brand) cover.drawText('SISO', { x: 56, y: h - 72, size: 22, font: bold, color: accent });

  options.slides.forEach((slide, index) => {
    const page = doc.addPage([w, h]);
    page.drawRectangle({ x: 0, y: h - 8, width: w, height: 8, color: accent });
    page.drawText(slide.heading, { x: 56, y: h - 80, size: 22, font: bold, color: ink });
    let y = h - 124;
    for (const text of slide.lines) {
      for (const [i, line] of wrap(text, regular, 13, w - 140).entries()) {
        if (i === 0) page.drawCircle({ x: 62, y: y + 4, size: 3, color: accent });
        page.drawText(line, { x: 76, y, size: 13, font: regular, color: ink });
        y -= 19;
      }
      y -= 8;
    }
    page.drawText(`${index + 2}`, { x: w - 64, y: 32, size: 10, font: regular, color: rgb(0.4, 0.4, 0.45) });
  });
  return doc.save({ useObjectStreams: false });
}

// --- HTML and text -------------------------------------------------------------------------------

function emailHtml(subject: string, paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `      <p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#1A1A2E">${p}</p>`).join('\n');
  return new TextEncoder().encode(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${subject}</title>
  </head>
  <body style="margin:0;padding:24px;background:#FAFAF7;font-family:Helvetica,Arial,sans-serif">
    <div style="max-width:600px;margin:0 auto;background:#FFFFFF;padding:32px;border-top:6px solid #FF5722">
${body}
      <p style="margin:24px 0 0;font-size:14px;color:#4A4A5E">{partner.name} · {partner.company} · {partner.email}</p>
    </div>
  </body>
</html>
`);
}

const copyDeck = `SISO co-branded brochure — copy deck
=====================================

Use this copy with your own layout. Keep SISO's logo and yours the same height, with half the logo
height of clear space around each.

Headline: Run every client project in one place
Subhead: {partner.company} and SISO bring your projects, people and reporting together.

Panel 1 — Projects: plan milestones, share files and keep every client update in one timeline.
Panel 2 — Client portal: your clients see progress, approve work and pay invoices without email chains.
Panel 3 — Reporting: see margin, utilisation and delivery risk across every account.

Call to action: Book a walkthrough with {partner.name} — {partner.email} · {partner.phone}
`;

// --- the files -----------------------------------------------------------------------------------

/** Files keyed by asset slug (see seed-catalog.ts). */
export async function buildSeedAssetFiles(): Promise<Map<string, SeedAssetFile>> {
  const files = new Map<string, SeedAssetFile>();
  files.set('siso-overview-brochure', { mimeType: 'application/pdf', bytes: new Uint8Array(await readFile(overviewBrochurePath)) });
  files.set('product-demo-video', { mimeType: 'video/webm', bytes: new Uint8Array(await readFile(walkthroughVideoPath)) });
  files.set('siso-pricing-brochure', {
    mimeType: 'application/pdf',
    bytes: await documentPdf({
      title: 'Plans and pricing', subject: 'SISO plans for growing agencies', landscape: false, brand: true,
      slides: [
        { heading: 'Starter — £29 per user per month', lines: ['Projects, tasks and milestones for up to 10 active clients.', 'Client portal with approvals and file sharing.', 'Email support.'] },
        { heading: 'Growth — £49 per user per month', lines: ['Everything in Starter, for unlimited clients.', 'Time tracking, budgets and margin reports.', 'Integrations with accounting and CRM tools.', 'Priority support.'] },
        { heading: 'Enterprise — talk to us', lines: ['Single sign-on, audit logs and data residency.', 'A named success manager and onboarding plan.', 'Annual billing with volume pricing.'] },
      ],
    }),
  });
  files.set('intro-email-template', {
    mimeType: 'text/html',
    bytes: emailHtml('An introduction to SISO', [
      'Hi {lead.contact},',
      'I work with agencies like {lead.company} to simplify how they run client projects. SISO brings planning, the client portal and reporting into one place, so teams spend less time chasing updates.',
      'Would a 20-minute walkthrough next week be useful? I can show how similar agencies cut their reporting time in half.',
      'Best regards,<br>{partner.name}',
    ]),
  });
  files.set('follow-up-email-template', {
    mimeType: 'text/html',
    bytes: emailHtml('Following up on our call', [
      'Hi {lead.contact},',
      'Thank you for your time today. As promised, here is a short summary of what we discussed and the next steps.',
      'SISO can replace the three tools your team mentioned, and the client portal answers the "where are we?" emails. I have asked the SISO team to prepare a trial workspace for {lead.company}.',
      'Shall we book 30 minutes to set it up together?',
      'Best regards,<br>{partner.name}',
    ]),
  });
  files.set('siso-logo-pack', { mimeType: 'image/svg+xml', bytes: new TextEncoder().encode(`${sisoLogoSvg('colour')}\n`) });
  const launch = drawLaunchCard(1200, 628);
  files.set('social-launch-kit', { mimeType: 'image/png', bytes: launch.png(), thumbnail: dataUrl(drawLaunchCard(240, 126).png()) });
  const cards = drawCaseStudyCard(1080, 1080);
  files.set('social-case-study-cards', { mimeType: 'image/png', bytes: cards.png(), thumbnail: dataUrl(drawCaseStudyCard(160, 160).png()) });
  files.set('proposal-deck', {
    mimeType: 'application/pdf',
    bytes: await documentPdf({
      title: 'Proposal deck', subject: 'Slides for a proposal meeting', landscape: true, brand: true,
      slides: [
        { heading: 'Where you are today', lines: ['Projects spread across spreadsheets, chat and email.', 'Clients ask for status updates by email.', 'Reporting takes a day at the end of every month.'] },
        { heading: 'What SISO changes', lines: ['One timeline for every client project.', 'A portal where clients approve and pay.', 'Live margin and utilisation reports.'] },
        { heading: 'Rollout plan', lines: ['Week 1: workspace, imports and templates.', 'Week 2: first clients invited to the portal.', 'Week 4: reporting review with your leadership team.'] },
        { heading: 'Investment', lines: ['Growth plan for your team, billed annually.', 'Onboarding included.', 'Cancel any time in the first 30 days.'] },
      ],
    }),
  });
  files.set('webinar-slides', {
    mimeType: 'application/pdf',
    bytes: await documentPdf({
      title: 'Hosting a SISO webinar', subject: 'Slides for your own SISO webinar', landscape: true, brand: true,
      slides: [
        { heading: 'Agenda', lines: ['Why agencies outgrow spreadsheets.', 'A live tour of SISO.', 'Customer story.', 'Questions.'] },
        { heading: 'Why agencies outgrow spreadsheets', lines: ['Every client has a different tracker.', 'Nobody knows the margin until the month is over.', 'Clients wait for updates.'] },
        { heading: 'Customer story', lines: ['A 40-person agency moved 120 clients to SISO in six weeks.', 'Status emails fell by 70%.', 'Monthly reporting went from two days to two hours.'] },
        { heading: 'Questions', lines: ['Ask the host, or book a walkthrough through the link in the chat.'] },
      ],
    }),
  });
  files.set('white-label-kit', {
    mimeType: 'application/pdf',
    bytes: await documentPdf({
      title: 'Client project platform', subject: 'An unbranded brochure to present under your own brand', landscape: false, brand: false,
      slides: [
        { heading: 'One place for every client project', lines: ['Plan milestones, share files and keep every update in one timeline.', 'A client portal for approvals and payments.', 'Live reporting on margin and utilisation.'] },
        { heading: 'Your brand, your relationship', lines: ['Add your logo and colours to the cover and this page.', 'Replace this text with your own offer and contact details.'] },
      ],
    }),
  });
  files.set('co-branded-brochure-source', { mimeType: 'text/plain', bytes: new TextEncoder().encode(copyDeck) });
  return files;
}
