/**
 * renderClientStatusReport: the Elite tier's white-label client status report as a PDF — the
 * partner's name, colour and logo (never SISO's), the client's contact details, projects and
 * referral status. Pure: the client, partner, fonts and clock arrive as arguments.
 */
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { embedNotoSans, type EmbeddedFonts, type FontBytes } from './pdf/embed-fonts';
import { assertDrawable } from './proposals/glyphs';
import { CLIENT_PROJECT_STATUS_LABELS, type Client } from './clients';
import { foldForSearch } from './leads';

export interface ReportPartner {
  /** The name the report goes out under: the partner's company, else their own name. */
  name: string;
  email?: string | null;
  website?: string | null;
  /** The brand kit's primary colour, #RRGGBB. */
  brandColour?: string | null;
  logo?: { type: 'png' | 'jpeg'; bytes: Uint8Array } | null;
}

export interface ClientStatusReportInput {
  client: Client;
  partner: ReportPartner;
  fonts: FontBytes;
  now: Date;
  /** Formats an amount in a currency, as the screen does. */
  formatMoney(amount: number, currency: string | null): string;
}

export class ClientReportRenderError extends Error {
  override name = 'ClientReportRenderError';
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 48;
const INK = rgb(0.11, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const RULE = rgb(0.82, 0.84, 0.87);
const DEFAULT_BRAND = rgb(0.122, 0.306, 0.475);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function colourOf(hex: string | null | undefined): RGB {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return DEFAULT_BRAND;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? '0', 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

/** "3 May 2026" in UTC; dates only, so a report reads the same in every time zone. */
export function reportDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}

/** The file name the report is offered under, e.g. "acme-ltd-status-2026-12-01.pdf". */
export function clientReportFileName(company: string, now: Date): string {
  const slug = foldForSearch(company)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'client'}-status-${now.toISOString().slice(0, 10)}.pdf`;
}

const VALUE_OFFSET = 130;

/** Splits text into lines no wider than `width`, breaking at spaces (or inside a word too long for a line). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

class ReportWriter {
  page: PDFPage;
  y = PAGE_HEIGHT - MARGIN;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: EmbeddedFonts,
  ) {
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  ensure(height: number) {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }

  text(value: string, x: number, size: number, font: PDFFont, color: RGB = INK) {
    this.page.drawText(value, { x, y: this.y, size, font, color });
  }

  heading(value: string, colour: RGB) {
    this.ensure(40);
    this.y -= 22;
    this.text(value, MARGIN, 13, this.fonts.bold, colour);
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_WIDTH - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 14;
  }

  row(label: string, value: string) {
    const lines = wrapText(value, this.fonts.bold, 10, PAGE_WIDTH - MARGIN * 2 - VALUE_OFFSET);
    this.ensure(16 + (lines.length - 1) * 13);
    this.text(label, MARGIN, 9.5, this.fonts.regular, MUTED);
    lines.forEach((line, index) => {
      if (index > 0) this.y -= 13;
      this.text(line, MARGIN + VALUE_OFFSET, 10, this.fonts.bold);
    });
    this.y -= 16;
  }
}

/** The report's PDF bytes. Rejects with a sentence when a name uses a character the fonts lack. */
export async function renderClientStatusReport(input: ClientStatusReportInput): Promise<Uint8Array> {
  const { client, partner } = input;
  const partnerName = partner.name.trim();
  if (!partnerName) throw new ClientReportRenderError('Your profile has no company or display name yet, so the report has no name to go out under. Add one in Settings or the Brand kit, then try again.');
  const doc = await PDFDocument.create();
  const fonts = await embedNotoSans(doc, input.fonts, `client-report|${client.id}|${partnerName}`);
  const brand = colourOf(partner.brandColour);

  const money = (amount: number, currency: string | null) => input.formatMoney(amount, currency);
  const contact: [string, string][] = [
    ['Company', client.company],
    ['Contact', client.contactName ?? '—'],
    ['Email', client.email ?? '—'],
    ['Phone', client.phone ?? '—'],
  ];
  if (client.website) contact.push(['Website', client.website]);
  contact.push(['Client since', client.wonAt ? reportDate(client.wonAt) : '—']);
  contact.push(['Referral status', client.referralStatus.label]);
  const projectLines = client.projects.map((project) => ({
    name: project.name,
    status: CLIENT_PROJECT_STATUS_LABELS[project.status],
    value: project.value !== null ? money(project.value, project.currency) : null,
    dates: [project.started_at ? `Started ${reportDate(project.started_at)}` : null, project.delivered_at ? `delivered ${reportDate(project.delivered_at)}` : null]
      .filter(Boolean)
      .join(', '),
  }));

  assertDrawable(partnerName, 'your company name', fonts.boldSet);
  for (const [label, value] of contact) assertDrawable(value, `the client's ${label.toLowerCase()}`, fonts.boldSet);
  for (const line of projectLines) {
    assertDrawable(line.name, 'a project name', fonts.boldSet);
    if (line.value) assertDrawable(line.value, 'a project value', fonts.regularSet);
  }
  if (partner.email) assertDrawable(partner.email, 'your email', fonts.regularSet);
  if (partner.website) assertDrawable(partner.website, 'your website', fonts.regularSet);

  const writer = new ReportWriter(doc, fonts);
  let logo: PDFImage | null = null;
  if (partner.logo) {
    try {
      logo = partner.logo.type === 'png' ? await doc.embedPng(partner.logo.bytes) : await doc.embedJpg(partner.logo.bytes);
    } catch {
      throw new ClientReportRenderError(`Your logo is not a readable ${partner.logo.type.toUpperCase()} image. Upload it again in the Brand kit, then try again.`);
    }
  }
  // Header band in the partner's colour, with their logo or their name as a wordmark.
  writer.page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 8, width: PAGE_WIDTH, height: 8, color: brand });
  writer.y -= 10;
  if (logo) {
    const height = 36;
    const width = Math.min((logo.width / logo.height) * height, 180);
    writer.page.drawImage(logo, { x: MARGIN, y: writer.y - height + 10, width, height: (width / logo.width) * logo.height });
    writer.y -= height + 4;
    writer.text(partnerName, MARGIN, 11, fonts.bold, brand);
  } else {
    writer.text(partnerName, MARGIN, 20, fonts.bold, brand);
  }
  writer.y -= 30;
  writer.text('Client status report', MARGIN, 22, fonts.bold);
  writer.y -= 18;
  writer.text(`${client.company} · prepared ${reportDate(input.now.toISOString())}`, MARGIN, 11, fonts.regular, MUTED);
  writer.y -= 8;

  writer.heading('Client', brand);
  for (const [label, value] of contact) writer.row(label, value);

  writer.heading('Projects', brand);
  if (projectLines.length === 0) {
    writer.text('No projects have been recorded for this client yet.', MARGIN, 10, fonts.regular, MUTED);
    writer.y -= 16;
  }
  for (const line of projectLines) {
    const status = line.value ? `${line.status} · ${line.value}` : line.status;
    const statusWidth = fonts.regular.widthOfTextAtSize(status, 10);
    const names = wrapText(line.name, fonts.bold, 10.5, PAGE_WIDTH - MARGIN * 2 - statusWidth - 16);
    writer.ensure(34 + (names.length - 1) * 13);
    writer.text(status, PAGE_WIDTH - MARGIN - statusWidth, 10, fonts.regular);
    names.forEach((name, index) => {
      if (index > 0) writer.y -= 13;
      writer.text(name, MARGIN, 10.5, fonts.bold);
    });
    writer.y -= 14;
    if (line.dates) {
      writer.text(line.dates, MARGIN, 9, fonts.regular, MUTED);
      writer.y -= 14;
    }
    writer.y -= 4;
  }

  if (client.nextAction) {
    assertDrawable(client.nextAction, 'the next step', fonts.regularSet);
    writer.heading('Next step', brand);
    writer.row(client.nextActionAt ? reportDate(client.nextActionAt) : 'Planned', client.nextAction);
  }

  const footer = [partnerName, partner.email, partner.website].filter(Boolean).join(' · ');
  for (const page of doc.getPages()) {
    page.drawText(footer, { x: MARGIN, y: 28, size: 8, font: fonts.regular, color: MUTED });
  }

  const stamp = input.now;
  doc.setTitle(`${client.company} — client status report`, { showInWindowTitleBar: true });
  doc.setAuthor(partnerName);
  doc.setCreator(partnerName);
  doc.setProducer(partnerName);
  doc.setSubject(`Status of ${client.company}'s projects`);
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  doc.setLanguage('en-GB');
  return doc.save();
}
