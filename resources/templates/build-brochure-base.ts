/**
 * Builds siso-overview-brochure.pdf, the SISO brochure the co-branded template stamps partner
 * details into (zones left as light panels on pages 1 and 2). Run with
 * `npx tsx resources/templates/build-brochure-base.ts` after changing the design; the PDF is committed.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const NAVY = rgb(0.07, 0.16, 0.29);
const TEAL = rgb(0.0, 0.55, 0.55);
const INK = rgb(0.13, 0.15, 0.18);
const PANEL = rgb(0.94, 0.95, 0.96);
const W = 595.28;
const H = 841.89;

const doc = await PDFDocument.create();
const regular = await doc.embedFont(StandardFonts.Helvetica);
const bold = await doc.embedFont(StandardFonts.HelveticaBold);
doc.setTitle('SISO overview brochure');
doc.setAuthor('SISO');
doc.setCreator('SISO');

function paragraph(page: ReturnType<typeof doc.addPage>, text: string, x: number, y: number, width: number, size: number): number {
  let line = '';
  let cursor = y;
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (regular.widthOfTextAtSize(candidate, size) > width) {
      page.drawText(line, { x, y: cursor, size, font: regular, color: INK });
      cursor -= size * 1.5;
      line = word;
    } else line = candidate;
  }
  page.drawText(line, { x, y: cursor, size, font: regular, color: INK });
  return cursor - size * 1.5;
}

const cover = doc.addPage([W, H]);
cover.drawRectangle({ x: 0, y: H - 360, width: W, height: 360, color: NAVY });
cover.drawRectangle({ x: 0, y: H - 366, width: W, height: 6, color: TEAL });
cover.drawText('SISO', { x: 56, y: H - 90, size: 30, font: bold, color: rgb(1, 1, 1) });
cover.drawText('Run every client project', { x: 56, y: H - 200, size: 34, font: bold, color: rgb(1, 1, 1) });
cover.drawText('in one place.', { x: 56, y: H - 242, size: 34, font: bold, color: rgb(1, 1, 1) });
cover.drawText('Projects, milestones, files, approvals and reporting, with a branded client portal.', { x: 56, y: H - 290, size: 12, font: regular, color: rgb(0.85, 0.9, 0.95) });
let y = H - 420;
for (const [title, body] of [
  ['One workspace', 'Every project, file and approval in one place, so nothing lives in email threads.'],
  ['A portal for clients', 'Clients log in to see progress, approve work and download deliverables.'],
  ['Reporting built in', 'Delivery, utilisation and revenue at a glance, without spreadsheets.'],
] as const) {
  cover.drawRectangle({ x: 56, y: y - 4, width: 6, height: 16, color: TEAL });
  cover.drawText(title, { x: 72, y, size: 14, font: bold, color: INK });
  y = paragraph(cover, body, 72, y - 20, 440, 11) - 14;
}
// Zone "presented-by": x 56, y 56, 483 x 170 (kept in step with co-branded-brochure.json).
cover.drawRectangle({ x: 56, y: 56, width: 483, height: 170, color: PANEL });

const back = doc.addPage([W, H]);
back.drawRectangle({ x: 0, y: H - 120, width: W, height: 120, color: NAVY });
back.drawText('What SISO does for your team', { x: 56, y: H - 75, size: 24, font: bold, color: rgb(1, 1, 1) });
y = H - 170;
for (const [title, body] of [
  ['Plan', 'Templates for your common project types, with milestones and owners set up in minutes.'],
  ['Deliver', 'Tasks, files and approvals in one timeline your team and your clients share.'],
  ['Report', 'Live dashboards for delivery and revenue, and monthly reports your clients can read.'],
  ['Grow', 'Integrations with accounting, CRM and chat tools, and an API for everything else.'],
] as const) {
  back.drawText(title, { x: 56, y, size: 15, font: bold, color: NAVY });
  y = paragraph(back, body, 56, y - 20, 483, 11) - 16;
}
// Zone "contact": x 56, y 56, 483 x 200.
back.drawRectangle({ x: 56, y: 56, width: 483, height: 200, color: PANEL });

const here = dirname(fileURLToPath(import.meta.url));
await writeFile(join(here, 'siso-overview-brochure.pdf'), await doc.save());
