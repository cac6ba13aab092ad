/**
 * renderProposal: lays a template's pages of blocks out with pdf-lib and returns the PDF bytes.
 * Pure: fonts, logo and base PDF arrive as bytes, the clock as `now`. Every string is checked
 * against the embedded fonts before it is drawn (MissingGlyphError names the character and where
 * it came from).
 */
import { embedNotoSans } from '../pdf/embed-fonts';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { assertDrawable } from './glyphs';
import { computePricing, formatMinorUnits, formatPercent } from './pricing';
import { computeQuote, defaultSelection, type QuoteSelection } from './quote';
import {
  PAGE_SIZES,
  TEMPLATE_VARIABLES,
  isTemplateVariable,
  parseProposalTemplate,
  type ColourToken,
  type ProposalBlock,
  type ProposalTemplate,
  type TemplateVariable,
} from './template-schema';
import { drawQr } from '../pdf/draw-qr';
import { subsetSafeFontkit } from './subset-fontkit';

export const PDF_CREATOR = 'SISO Partner Workstation';
export const PDF_PRODUCER = 'SISO Partner Workstation (pdf-lib)';
export const SISO_FOOTER = 'Created with SISO Partner Workstation · siso.agency';

export interface ProposalPartner {
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  tagline?: string | null;
}

export interface ProposalLead {
  company: string;
  contact?: string | null;
  estimatedValue?: number | null;
  currency?: string | null;
}

export interface ProposalLogo {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
}

export interface ProposalData {
  partner: ProposalPartner;
  lead: ProposalLead;
  brand: { primary: string; secondary: string; logo?: ProposalLogo | null };
  referralUrl: string;
  intro?: string | null;
  sectionsOff?: readonly string[];
  whiteLabel: boolean;
  /** The client's choices for a template with a price list; its defaults when absent. */
  quote?: QuoteSelection | null;
  /** Drawn large, diagonal and translucent across every page (selectable text), e.g. PENDING_WATERMARK. */
  watermark?: string | null;
}

export interface RenderProposalInput {
  /** A parsed template or its JSON; JSON is validated (InvalidTemplateError). */
  template: ProposalTemplate | unknown;
  data: ProposalData;
  fonts: { regular: Uint8Array; bold: Uint8Array };
  now: Date;
  /** The bytes of `template.base_pdf`, for templates that stamp into an existing brochure. */
  basePdf?: Uint8Array;
  /** For `{today}`; defaults to the runtime's zone. */
  timeZone?: string;
}

export class ProposalRenderError extends Error {
  override name = 'ProposalRenderError';
}

const DEFAULT_CURRENCY = 'GBP';
const MARGIN = 56;
const FOOTER_RESERVE = 30;
const FOOTER_BASELINE = 24;
const TEXT_DARK = rgb(0.11, 0.12, 0.14);
const TEXT_MUTED = rgb(0.36, 0.38, 0.42);
const SURFACE = rgb(0.95, 0.96, 0.97);
const WHITE = rgb(1, 1, 1);

interface Frame {
  x: number;
  width: number;
  top: number;
  bottom: number;
  /** Where overflow goes: a continuation page, or an error for a fixed zone. */
  overflow: 'new-page' | { zone: string };
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  regularSet: ReadonlySet<number>;
  boldSet: ReadonlySet<number>;
}

function parseHex(hex: string, what: string): RGB {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new ProposalRenderError(`The ${what} colour '${hex}' is not a six-digit hex colour such as #1F4E79.`);
  const n = Number.parseInt(match[1], 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

function onColour(colour: RGB): RGB {
  const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * channel(colour.red) + 0.7152 * channel(colour.green) + 0.0722 * channel(colour.blue);
  // Pick whichever of white or near-black contrasts more with the brand colour.
  return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.0625) ? WHITE : TEXT_DARK;
}

/** Joins " · "-separated parts, dropping the ones whose variable was empty. */
function tidySeparators(text: string): string {
  if (!text.includes(' · ')) return text;
  return text
    .split(' · ')
    .filter((part) => part.trim() !== '')
    .join(' · ');
}

interface PricingRow {
  label: string;
  share: string;
  amount: string;
  bold: boolean;
  kind: 'head' | 'line' | 'sum';
}

class ProposalLayout {
  private readonly colours: Record<ColourToken, RGB>;
  private readonly sectionsOff: ReadonlySet<string>;
  private readonly values: Record<TemplateVariable, string>;
  private readonly pageNumbers: { page: PDFPage; format: string; align: 'left' | 'center' | 'right' }[] = [];
  private logoImage: PDFImage | null | undefined;
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly template: ProposalTemplate,
    private readonly data: ProposalData,
    private readonly fonts: Fonts,
    now: Date,
    timeZone: string | undefined,
  ) {
    const primary = parseHex(data.brand.primary, 'primary brand');
    const secondary = parseHex(data.brand.secondary, 'secondary brand');
    this.colours = {
      primary,
      secondary,
      'on-primary': onColour(primary),
      'on-secondary': onColour(secondary),
      text: TEXT_DARK,
      muted: TEXT_MUTED,
      white: WHITE,
      surface: SURFACE,
    };
    this.sectionsOff = new Set(data.sectionsOff ?? []);
    const { partner, lead } = data;
    const currency = lead.currency ?? DEFAULT_CURRENCY;
    this.values = {
      'partner.name': partner.name,
      'partner.company': partner.company ?? '',
      'partner.email': partner.email ?? '',
      'partner.phone': partner.phone ?? '',
      'partner.website': partner.website ?? '',
      'partner.tagline': partner.tagline ?? '',
      'lead.company': lead.company,
      'lead.contact': lead.contact ?? '',
      'lead.value': '',
      'referral.url': data.referralUrl,
      intro: (data.intro ?? '').replace(/\r\n?/g, '\n').trim(),
      today: new Intl.DateTimeFormat(template.locale, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(now),
    };
    if (lead.estimatedValue != null) {
      const pricing = computePricing(lead.estimatedValue, currency, [{ label: 'value', percent: 100 }]);
      this.values['lead.value'] = formatMinorUnits(pricing.subtotalMinor, currency, template.locale);
    }
  }

  isVisible(block: { section?: string | undefined }): boolean {
    return !block.section || !this.sectionsOff.has(block.section);
  }

  /** Interpolates a template text, checking each value (and the template's own words) against the font. */
  resolve(text: string, bold: boolean): string {
    const set = bold ? this.fonts.boldSet : this.fonts.regularSet;
    const out = text.replace(/\{([a-z]+(?:\.[a-z]+)?)\}/g, (whole, name: string) => {
      if (!isTemplateVariable(name)) return whole;
      const value = this.values[name];
      assertDrawable(value, TEMPLATE_VARIABLES[name], set);
      return value;
    });
    assertDrawable(text.replace(/\{([a-z]+(?:\.[a-z]+)?)\}/g, ''), `the template '${this.template.name}'`, set);
    return tidySeparators(out);
  }

  /** Resolves every visible string first, so a missing glyph is reported before anything is drawn. */
  precheck(): void {
    const check = (text: string, bold: boolean, where: string) => assertDrawable(text, where, bold ? this.fonts.boldSet : this.fonts.regularSet);
    this.resolve(this.template.title, false);
    if (!this.data.whiteLabel) check(SISO_FOOTER, false, 'the SISO footer');
    if (this.data.watermark) check(this.data.watermark, true, 'the watermark');
    for (const page of this.template.pages) {
      if (!this.isVisible(page)) continue;
      for (const block of [...page.blocks, ...page.zones.flatMap((zone) => zone.blocks)]) {
        if (!this.isVisible(block)) continue;
        if (block.type === 'text') this.resolve(block.text, block.weight === 'bold');
        if (block.type === 'qr' && block.caption) this.resolve(block.caption, false);
        if (block.type === 'logo' && !this.data.brand.logo) check(this.wordmark(), true, TEMPLATE_VARIABLES['partner.company']);
        if (block.type === 'pricing-table') {
          for (const line of this.pricingRows(block)) {
            check(line.label, line.bold, `the pricing table of '${this.template.name}'`);
            check(line.share, line.bold, `the pricing table of '${this.template.name}'`);
            check(line.amount, line.bold, `the pricing table of '${this.template.name}'`);
          }
        }
        if (block.type === 'page-number') check(block.format.replace(/\{pages?\}/g, '0123456789'), false, `the page numbers of '${this.template.name}'`);
      }
    }
  }

  async render(basePdf: Uint8Array | undefined, boldBytes: Uint8Array): Promise<void> {
    const [width, height] = PAGE_SIZES[this.template.page_size];
    let base: PDFDocument | null = null;
    if (this.template.base_pdf) {
      if (!basePdf) throw new ProposalRenderError(`The template '${this.template.name}' stamps into ${this.template.base_pdf}, which was not supplied.`);
      try {
        base = await PDFDocument.load(basePdf);
      } catch {
        throw new ProposalRenderError(`The brochure ${this.template.base_pdf} could not be read as a PDF.`);
      }
    }
    for (const page of this.template.pages) {
      if (!this.isVisible(page)) continue;
      if (page.base_page !== undefined && base) {
        if (page.base_page >= base.getPageCount()) {
          throw new ProposalRenderError(`The template '${this.template.name}' stamps page ${page.base_page + 1} of ${this.template.base_pdf}, which has ${base.getPageCount()} pages.`);
        }
        const [copied] = await this.doc.copyPages(base, [page.base_page]);
        if (!copied) throw new ProposalRenderError(`Page ${page.base_page + 1} of ${this.template.base_pdf} could not be copied.`);
        this.page = this.doc.addPage(copied);
      } else {
        this.page = this.doc.addPage([width, height]);
      }
      const pageFrame: Frame = { x: MARGIN, width: this.page.getWidth() - 2 * MARGIN, top: this.page.getHeight() - MARGIN, bottom: MARGIN + FOOTER_RESERVE, overflow: 'new-page' };
      for (const zone of page.zones) {
        if (zone.fill) this.page.drawRectangle({ x: zone.x, y: zone.y, width: zone.width, height: zone.height, color: this.colours[zone.fill] });
        const frame: Frame = { x: zone.x + zone.padding, width: zone.width - 2 * zone.padding, top: zone.y + zone.height - zone.padding, bottom: zone.y + zone.padding, overflow: { zone: zone.id } };
        this.y = frame.top;
        const zonePage = this.page;
        for (const block of zone.blocks) if (this.isVisible(block)) await this.drawBlock(block, frame);
        this.page = zonePage;
      }
      this.y = pageFrame.top;
      for (const block of page.blocks) if (this.isVisible(block)) await this.drawBlock(block, pageFrame);
    }
    this.drawFooters();
    this.drawWatermarks(boldBytes);
  }

  private wordmark(): string {
    return this.data.partner.company?.trim() || this.data.partner.name;
  }

  /** Makes room for `needed` points, moving to a continuation page or failing for a zone. */
  private ensure(needed: number, frame: Frame): void {
    if (this.y - needed >= frame.bottom - 0.01) return;
    if (frame.overflow === 'new-page') {
      this.page = this.doc.addPage([this.page.getWidth(), this.page.getHeight()]);
      this.y = frame.top;
      return;
    }
    throw new ProposalRenderError(`The partner details do not fit the '${frame.overflow.zone}' zone of '${this.template.name}'. Shorten them and try again.`);
  }

  private alignX(frame: Frame, width: number, align: 'left' | 'center' | 'right'): number {
    if (align === 'center') return frame.x + (frame.width - width) / 2;
    if (align === 'right') return frame.x + frame.width - width;
    return frame.x;
  }

  private async drawBlock(block: ProposalBlock, frame: Frame): Promise<void> {
    switch (block.type) {
      case 'text': {
        const bold = block.weight === 'bold';
        const text = this.resolve(block.text, bold);
        if (text.trim() === '') return;
        const font = bold ? this.fonts.bold : this.fonts.regular;
        const lineHeight = block.size * block.line_height;
        for (const line of wrapText(text, font, block.size, frame.width)) {
          this.ensure(lineHeight, frame);
          const width = textWidth(line, font, block.size);
          const baseline = this.y - (lineHeight + block.size * 0.7) / 2;
          if (line !== '') this.page.drawText(line, { x: this.alignX(frame, width, block.align), y: baseline, size: block.size, font, color: this.colours[block.colour] });
          this.y -= lineHeight;
        }
        this.y -= block.space_after;
        return;
      }
      case 'logo': {
        const logo = await this.logo();
        if (logo) {
          const scale = block.height / logo.height;
          const width = Math.min(logo.width * scale, frame.width);
          const height = (width / logo.width) * logo.height;
          this.ensure(height, frame);
          this.page.drawImage(logo, { x: this.alignX(frame, width, block.align), y: this.y - height, width, height });
          this.y -= height + block.space_after;
          return;
        }
        // No logo uploaded: the partner's company set as a wordmark in the brand colour.
        const size = Math.min(block.height * 0.55, 28);
        const text = this.wordmark();
        const width = Math.min(textWidth(text, this.fonts.bold, size), frame.width);
        this.ensure(block.height, frame);
        this.page.drawText(text, { x: this.alignX(frame, width, block.align), y: this.y - (block.height + size * 0.7) / 2, size, font: this.fonts.bold, color: this.colours.primary, maxWidth: frame.width });
        this.y -= block.height + block.space_after;
        return;
      }
      case 'colour-band': {
        this.ensure(block.height, frame);
        const x = block.full_bleed ? 0 : frame.x;
        const width = block.full_bleed ? this.page.getWidth() : frame.width;
        const top = block.full_bleed && this.y >= frame.top - 0.01 && frame.overflow === 'new-page' ? this.page.getHeight() : this.y;
        const height = top - (this.y - block.height);
        this.page.drawRectangle({ x, y: this.y - block.height, width, height, color: this.colours[block.colour] });
        this.y -= block.height + block.space_after;
        return;
      }
      case 'pricing-table':
        this.drawPricing(block, frame);
        return;
      case 'qr': {
        const caption = block.caption ? this.resolve(block.caption, false) : '';
        const captionHeight = caption ? 9 * 1.4 + 4 : 0;
        this.ensure(block.size + captionHeight, frame);
        const x = this.alignX(frame, block.size, block.align);
        drawQr(this.page, this.data.referralUrl, x, this.y - block.size, block.size, this.colours.text);
        this.y -= block.size;
        if (caption) {
          this.y -= 4;
          for (const line of wrapText(caption, this.fonts.regular, 9, Math.max(frame.width, block.size))) {
            const width = textWidth(line, this.fonts.regular, 9);
            const lineX = block.align === 'left' ? x : this.alignX(frame, width, block.align);
            this.page.drawText(line, { x: lineX, y: this.y - 9, size: 9, font: this.fonts.regular, color: this.colours.muted });
            this.y -= 9 * 1.4;
          }
        }
        this.y -= block.space_after;
        return;
      }
      case 'page-number':
        this.pageNumbers.push({ page: this.page, format: block.format, align: block.align });
        return;
      case 'spacer':
        this.y = Math.max(frame.bottom, this.y - block.height);
        return;
    }
  }

  private pricingRows(block: Extract<ProposalBlock, { type: 'pricing-table' }>): PricingRow[] {
    const currency = this.data.lead.currency ?? DEFAULT_CURRENCY;
    const locale = this.template.locale;
    const money = (minor: number) => formatMinorUnits(minor, currency, locale);
    if (block.price_list) {
      const quote = computeQuote(block.price_list, this.data.quote ?? defaultSelection(block.price_list), currency, block.tax);
      const rows: PricingRow[] = [{ label: block.headings.item, share: block.headings.quantity, amount: block.headings.amount, bold: true, kind: 'head' }];
      for (const line of quote.lines) {
        if (!line.included) continue;
        rows.push({ label: line.unit ? `${line.label} (per ${line.unit})` : line.label, share: String(line.quantity), amount: money(line.amountMinor), bold: false, kind: 'line' });
      }
      if (quote.discountMinor > 0) {
        rows.push({ label: `Discount (−${formatPercent(quote.discountPercent, locale)})`, share: '', amount: `−${money(quote.discountMinor)}`, bold: false, kind: 'sum' });
      }
      rows.push({ label: 'Subtotal', share: '', amount: money(quote.subtotalMinor - quote.discountMinor), bold: false, kind: 'sum' });
      if (quote.tax) rows.push({ label: quote.tax.label, share: formatPercent(quote.tax.percent, locale), amount: money(quote.tax.amountMinor), bold: false, kind: 'sum' });
      rows.push({ label: 'Total', share: '', amount: money(quote.totalMinor), bold: true, kind: 'sum' });
      return rows;
    }
    const { estimatedValue } = this.data.lead;
    if (estimatedValue == null || !block.items) return [{ label: block.empty_text, share: '', amount: '', bold: false, kind: 'line' }];
    const pricing = computePricing(estimatedValue, currency, block.items, block.tax);
    const rows: PricingRow[] = [
      { label: block.headings.item, share: block.headings.share, amount: block.headings.amount, bold: true, kind: 'head' },
      ...pricing.lines.map((line) => ({ label: line.label, share: formatPercent(line.percent, locale), amount: money(line.amountMinor), bold: false, kind: 'line' as const })),
      { label: 'Subtotal', share: '', amount: money(pricing.subtotalMinor), bold: false, kind: 'sum' },
    ];
    if (pricing.tax) rows.push({ label: pricing.tax.label, share: formatPercent(pricing.tax.percent, locale), amount: money(pricing.tax.amountMinor), bold: false, kind: 'sum' });
    rows.push({ label: 'Total', share: '', amount: money(pricing.totalMinor), bold: true, kind: 'sum' });
    return rows;
  }

  private drawPricing(block: Extract<ProposalBlock, { type: 'pricing-table' }>, frame: Frame): void {
    const rows = this.pricingRows(block);
    const size = 10.5;
    const rowHeight = 24;
    const shareRight = frame.x + frame.width * 0.7;
    const amountRight = frame.x + frame.width - 8;
    for (const row of rows) {
      this.ensure(rowHeight, frame);
      const font = row.bold ? this.fonts.bold : this.fonts.regular;
      const top = this.y;
      let colour = this.colours.text;
      if (row.kind === 'head') {
        this.page.drawRectangle({ x: frame.x, y: top - rowHeight, width: frame.width, height: rowHeight, color: this.colours.primary });
        colour = this.colours['on-primary'];
      } else if (row.bold) {
        this.page.drawRectangle({ x: frame.x, y: top - rowHeight, width: frame.width, height: rowHeight, color: SURFACE });
      }
      const baseline = top - (rowHeight + size * 0.7) / 2;
      this.page.drawText(row.label, { x: frame.x + 8, y: baseline, size, font, color: colour, maxWidth: frame.width * 0.5 });
      if (row.share) this.page.drawText(row.share, { x: shareRight - textWidth(row.share, font, size), y: baseline, size, font, color: colour });
      if (row.amount) this.page.drawText(row.amount, { x: amountRight - textWidth(row.amount, font, size), y: baseline, size, font, color: colour });
      this.y -= rowHeight;
      if (row.kind !== 'head') this.page.drawLine({ start: { x: frame.x, y: this.y }, end: { x: frame.x + frame.width, y: this.y }, thickness: 0.5, color: rgb(0.82, 0.84, 0.87) });
    }
    this.y -= block.space_after;
  }

  private async logo(): Promise<PDFImage | null> {
    if (this.logoImage !== undefined) return this.logoImage;
    const logo = this.data.brand.logo;
    if (!logo) return (this.logoImage = null);
    try {
      this.logoImage = logo.type === 'png' ? await this.doc.embedPng(logo.bytes) : await this.doc.embedJpg(logo.bytes);
    } catch {
      throw new ProposalRenderError(`The logo is not a readable ${logo.type.toUpperCase()} image. Upload it again in Settings.`);
    }
    return this.logoImage;
  }

  /**
   * The watermark twice: as real text in a label above each page's content (so search, copy and
   * pdftotext find it), and large and diagonal across the page as glyph outlines — diagonal text
   * would interleave with the page's own lines when a reader extracts text.
   */
  private drawWatermarks(boldBytes: Uint8Array): void {
    const text = this.data.watermark?.trim();
    if (!text) return;
    const font = this.fonts.bold;
    const colour = rgb(0.75, 0.1, 0.1);
    const outline = watermarkOutline(text, boldBytes);
    for (const page of this.doc.getPages()) {
      const width = page.getWidth();
      const height = page.getHeight();
      const labelSize = 9;
      const labelWidth = textWidth(text, font, labelSize);
      page.drawRectangle({ x: width - MARGIN - labelWidth - 12, y: height - 32, width: labelWidth + 12, height: 16, color: rgb(1, 1, 1), opacity: 0.85, borderColor: colour, borderWidth: 0.75 });
      page.drawText(text, { x: width - MARGIN - labelWidth - 6, y: height - 27.5, size: labelSize, font, color: colour });
      const angle = Math.atan2(height, width);
      const scale = Math.min(72 / 1000, (Math.hypot(width, height) * 0.7) / Math.max(1, outline.advance));
      const run = outline.advance * scale;
      const rise = outline.capHeight * scale;
      // Place the outline so the middle of its cap height sits on the page centre.
      const x = width / 2 - (Math.cos(angle) * run) / 2 + (Math.sin(angle) * rise) / 2;
      const y = height / 2 - (Math.sin(angle) * run) / 2 - (Math.cos(angle) * rise) / 2;
      page.drawSvgPath(outline.path, { x, y, scale, rotate: degrees((angle * 180) / Math.PI), color: colour, opacity: 0.16, borderWidth: 0 });
    }
  }

  private drawFooters(): void {
    const pages = this.doc.getPages();
    const size = 8;
    const font = this.fonts.regular;
    for (const { page, format, align } of this.pageNumbers) {
      const text = format.replace(/\{page\}/g, String(pages.indexOf(page) + 1)).replace(/\{pages\}/g, String(pages.length));
      const width = textWidth(text, font, size);
      const frame: Frame = { x: MARGIN, width: page.getWidth() - 2 * MARGIN, top: 0, bottom: 0, overflow: 'new-page' };
      page.drawText(text, { x: this.alignX(frame, width, align), y: FOOTER_BASELINE, size, font, color: TEXT_MUTED });
    }
    if (this.data.whiteLabel) return;
    for (const page of pages) page.drawText(SISO_FOOTER, { x: MARGIN, y: FOOTER_BASELINE, size, font, color: TEXT_MUTED });
  }

  title(): string {
    return this.resolve(this.template.title, false);
  }
}

interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): void;
  closePath(): void;
}

const outlineCache = new WeakMap<Uint8Array, Map<string, { path: string; advance: number; capHeight: number }>>();

/** `text` as one SVG path in font units (y down, baseline at 0), laid out by fontkit. */
function watermarkOutline(text: string, fontBytes: Uint8Array): { path: string; advance: number; capHeight: number } {
  let byText = outlineCache.get(fontBytes);
  if (!byText) outlineCache.set(fontBytes, (byText = new Map()));
  const cached = byText.get(text);
  if (cached) return cached;
  const font = subsetSafeFontkit.create(fontBytes);
  const run = font.layout(text);
  const parts: string[] = [];
  let penX = 0;
  let dx = 0;
  let dy = 0;
  const n = (value: number) => Number(value.toFixed(1));
  const sink: PathSink = {
    moveTo: (x, y) => parts.push(`M${n(dx + x)} ${n(-(dy + y))}`),
    lineTo: (x, y) => parts.push(`L${n(dx + x)} ${n(-(dy + y))}`),
    quadraticCurveTo: (cx, cy, x, y) => parts.push(`Q${n(dx + cx)} ${n(-(dy + cy))} ${n(dx + x)} ${n(-(dy + y))}`),
    bezierCurveTo: (c1x, c1y, c2x, c2y, x, y) => parts.push(`C${n(dx + c1x)} ${n(-(dy + c1y))} ${n(dx + c2x)} ${n(-(dy + c2y))} ${n(dx + x)} ${n(-(dy + y))}`),
    closePath: () => parts.push('Z'),
  };
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    dx = penX + (position?.xOffset ?? 0);
    dy = position?.yOffset ?? 0;
    (glyph.path.toFunction() as (context: PathSink) => void)(sink);
    penX += position?.xAdvance ?? glyph.advanceWidth;
  });
  const scale = 1000 / font.unitsPerEm;
  const outline = { path: scalePath(parts.join(''), scale), advance: penX * scale, capHeight: font.capHeight * scale };
  byText.set(text, outline);
  return outline;
}

/** Scales every coordinate of a path built above to 1000 units per em. */
function scalePath(path: string, scale: number): string {
  return scale === 1 ? path : path.replace(/-?\d+(?:\.\d+)?/g, (value) => String(Number((Number(value) * scale).toFixed(1))));
}

const advanceCache = new WeakMap<PDFFont, Map<string, number>>();

/**
 * Text width from cached per-character advances: shaping a whole string in fontkit for every
 * word-wrap candidate dominates render time, and pdf-lib draws glyph advances without kerning anyway.
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let advances = advanceCache.get(font);
  if (!advances) advanceCache.set(font, (advances = new Map()));
  let total = 0;
  for (const character of text) {
    let advance = advances.get(character);
    if (advance === undefined) {
      advance = font.widthOfTextAtSize(character, 1000);
      advances.set(character, advance);
    }
    total += advance;
  }
  return (total * size) / 1000;
}

/** Greedy word wrap; words longer than the line are broken between characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split('\n')) {
    const words = paragraph.split(/ +/).filter((word) => word !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (textWidth(word, font, size) <= width) {
        line = word;
        continue;
      }
      let piece = '';
      for (const character of word) {
        if (piece && textWidth(piece + character, font, size) > width) {
          lines.push(piece);
          piece = '';
        }
        piece += character;
      }
      line = piece;
    }
    lines.push(line);
  }
  return lines;
}

/** Draws the QR code as vector rectangles (one per run of dark modules), with a quiet zone. */

export async function renderProposal(input: RenderProposalInput): Promise<Uint8Array> {
  const template = parseProposalTemplate(input.template);
  const doc = await PDFDocument.create();
  const tagSeed = `${template.id}|${input.data.partner.name}|${input.data.lead.company}|${input.now.toISOString()}`;
  const fonts: Fonts = await embedNotoSans(doc, input.fonts, tagSeed);
  const layout = new ProposalLayout(doc, template, input.data, fonts, input.now, input.timeZone);
  layout.precheck();
  await layout.render(input.basePdf, input.fonts.bold);
  const partner = input.data.partner;
  doc.setTitle(layout.title(), { showInWindowTitleBar: true });
  doc.setAuthor(partner.company ? `${partner.name}, ${partner.company}` : partner.name);
  doc.setSubject(`${template.name} for ${input.data.lead.company}`);
  doc.setKeywords(['proposal', template.id]);
  doc.setCreator(input.data.whiteLabel ? partner.company || partner.name : PDF_CREATOR);
  doc.setProducer(input.data.whiteLabel ? 'pdf-lib' : PDF_PRODUCER);
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  doc.setLanguage(template.locale);
  return doc.save();
}
