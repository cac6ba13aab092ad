/**
 * renderCommissionStatement: the monthly commission statement and the annual summary for tax
 * purposes as a PDF, laid out with pdf-lib and the bundled Noto Sans (shared with proposals). Pure:
 * the rows, fonts and clock arrive as arguments. Every partner-supplied string is checked against
 * the fonts first (MissingGlyphError), so names in any script the fonts cover stay selectable text.
 */
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { PageContentWriter } from './page-content';
import { embedNotoSans, type EmbeddedFonts, type FontBytes } from '../pdf/embed-fonts';
import { assertDrawable } from '../proposals/glyphs';
import { formatMinorUnits } from '../proposals/pricing';
import { PDF_CREATOR, PDF_PRODUCER } from '../proposals/render';
import {
  SUMMARY_TYPES,
  annualSummaryFigures,
  isStatementMonth,
  monthlyStatementFigures,
  statementCurrencies,
  toMinor,
  type AnnualSummaryFigures,
  type MonthlyStatementFigures,
  type StatementEarning,
  type StatementPayout,
  type StatementPeriod,
} from './statement-maths';

export const SISO_DETAILS = { name: 'SISO Agency', email: 'partners@siso.agency', website: 'siso.agency' } as const;
/** Statements use one fixed locale so a PDF reads the same on every machine. */
const LOCALE = 'en-GB';

export interface StatementPartner {
  name: string;
  company?: string | null;
  email?: string | null;
  /** Two-letter country code or a country name. */
  country?: string | null;
  /** The masked tax details, e.g. "Northwind Referrals Ltd · GB · tax ID ••••7781". */
  taxSummary?: string | null;
  /** The masked payout method, e.g. "Bank account GB •••• 4321 (Northwind Ltd)". */
  payoutMethod?: string | null;
}

export interface CommissionStatementInput {
  earnings: readonly StatementEarning[];
  payouts: readonly StatementPayout[];
  partner: StatementPartner;
  /** The partner's main currency: its section comes first, and it is the only one when there is no activity. */
  currency: string;
  fonts: FontBytes;
  now: Date;
}

export class StatementRenderError extends Error {
  override name = 'StatementRenderError';
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN * 2;
const HEADER_BOTTOM = PAGE_HEIGHT - 66;
const FOOTER_TOP = 44;
const BODY_SIZE = 8.5;
const ROW_HEIGHT = 14;
const NOTE_SIZE = 7.5;
/** A currency's heading, summary box and the start of its first table stay on one page. */
const SECTION_KEEP_WITH = 5 * ROW_HEIGHT + 10 + 60;
const NOTE_HEIGHT = 10;
const BRAND = rgb(0.122, 0.306, 0.475);
const TEXT_DARK = rgb(0.11, 0.12, 0.14);
const TEXT_MUTED = rgb(0.36, 0.38, 0.42);
const SURFACE = rgb(0.93, 0.95, 0.97);
const RULE = rgb(0.82, 0.84, 0.87);
const WHITE = rgb(1, 1, 1);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TYPE_LABELS: Record<string, string> = { referral: 'Referral', upsell: 'Upsell', base: 'Base', bonus: 'Bonus', clawback: 'Clawback' };
const STATUS_LABELS: Record<string, string> = {
  pending: 'Pending',
  processing: 'Processing',
  approved: 'Approved',
  paid: 'Paid',
  reversed: 'Reversed',
  requested: 'Requested',
  rejected: 'Rejected',
};

interface TableRow {
  cells: readonly string[];
  /** A second, smaller line under the row from the second column on (a clawback's reason). */
  note?: string | null;
  emphasise?: boolean;
}

interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

const monthTitle = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
/** "12 Nov 2026" from an ISO timestamp, in UTC like the month boundaries. */
function shortDate(iso: string): string {
  const month = MONTH_NAMES[Number(iso.slice(5, 7)) - 1]?.slice(0, 3) ?? '';
  return `${Number(iso.slice(8, 10))} ${month} ${iso.slice(0, 4)}`;
}

class StatementLayout {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly ellipsisCache = new Map<string, string>();
  private readonly content: PageContentWriter;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: EmbeddedFonts,
    private readonly title: string,
    private readonly footerText: string,
  ) {
    this.content = new PageContentWriter(doc);
  }

  private rectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    this.content.rectangle(this.page, x, y, width, height, color);
  }

  private rule(x1: number, y1: number, x2: number, y2: number, thickness: number): void {
    this.content.line(this.page, x1, y1, x2, y2, thickness, RULE);
  }

  private width(text: string, bold: boolean | undefined, size: number): number {
    return this.content.width(text, bold ? this.fonts.bold : this.fonts.regular, size);
  }

  money(minor: number, currency: string): string {
    return formatMinorUnits(minor, currency, LOCALE);
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    const top = PAGE_HEIGHT - MARGIN;
    this.rectangle(0, PAGE_HEIGHT - 8, PAGE_WIDTH, 8, BRAND);
    this.text(SISO_DETAILS.name, MARGIN, top - 4, { size: 13, bold: true, color: BRAND });
    this.textRight(`${SISO_DETAILS.email} · ${SISO_DETAILS.website}`, MARGIN + CONTENT_WIDTH, top - 4, { size: 8.5, color: TEXT_MUTED });
    this.text(this.title, MARGIN, top - 18, { size: 8.5, color: TEXT_MUTED });
    this.rule(MARGIN, HEADER_BOTTOM, MARGIN + CONTENT_WIDTH, HEADER_BOTTOM, 0.6);
    this.y = HEADER_BOTTOM - 12;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number): boolean {
    if (this.y - height >= FOOTER_TOP) return false;
    this.newPage();
    return true;
  }

  text(text: string, x: number, y: number, options: { size?: number; bold?: boolean; color?: RGB } = {}): void {
    if (text === '') return;
    this.content.text(this.page, text, x, y, options.bold ? this.fonts.bold : this.fonts.regular, options.size ?? BODY_SIZE, options.color ?? TEXT_DARK);
  }

  textRight(text: string, right: number, y: number, options: { size?: number; bold?: boolean; color?: RGB } = {}): void {
    this.text(text, right - this.width(text, options.bold, options.size ?? BODY_SIZE), y, options);
  }

  /** Shortens `text` with an ellipsis to fit `width` (cells never run into their neighbours). */
  fit(text: string, width: number, bold: boolean, size = BODY_SIZE): string {
    if (this.width(text, bold, size) <= width) return text;
    const key = `${bold ? 'b' : 'r'}${size}|${width}|${text}`;
    const cached = this.ellipsisCache.get(key);
    if (cached !== undefined) return cached;
    const characters = [...text];
    let low = 0;
    let high = characters.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(`${characters.slice(0, mid).join('').trimEnd()}…`, bold, size) <= width) low = mid;
      else high = mid - 1;
    }
    const fitted = `${characters.slice(0, low).join('').trimEnd()}…`;
    this.ellipsisCache.set(key, fitted);
    return fitted;
  }

  /** A heading kept on the same page as the next `keepWith` points of content. */
  heading(text: string, size = 12, keepWith = 40): void {
    this.ensure(size + 10 + keepWith);
    this.y -= size;
    this.text(text, MARGIN, this.y, { size, bold: true, color: BRAND });
    this.y -= 10;
  }

  paragraph(text: string, color: RGB = TEXT_MUTED): void {
    this.ensure(ROW_HEIGHT);
    this.y -= BODY_SIZE + 2;
    this.text(text, MARGIN, this.y, { color });
    this.y -= 6;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** The partner's details on the left, SISO's on the right, the period and issue date under SISO's. */
  parties(partner: StatementPartner, periodText: string, issued: string): void {
    const left = [partner.company, partner.email, partner.country, partner.taxSummary ? `Tax: ${partner.taxSummary}` : null, partner.payoutMethod ? `Paid to: ${partner.payoutMethod}` : null].filter(
      (value): value is string => !!value,
    );
    const right = [SISO_DETAILS.email, SISO_DETAILS.website, `Period: ${periodText}`, `Issued: ${issued}`];
    const half = CONTENT_WIDTH / 2 - 10;
    const rightX = MARGIN + CONTENT_WIDTH / 2 + 10;
    let y = this.y - 9;
    this.text('Statement for', MARGIN, y, { size: 7.5, color: TEXT_MUTED });
    this.text('From', rightX, y, { size: 7.5, color: TEXT_MUTED });
    y -= 14;
    this.text(this.fit(partner.name, half, true), MARGIN, y, { size: 11, bold: true });
    this.text(SISO_DETAILS.name, rightX, y, { size: 11, bold: true });
    let leftY = y;
    for (const line of left) {
      leftY -= 12;
      this.text(this.fit(line, half, false), MARGIN, leftY);
    }
    let rightY = y;
    for (const line of right) {
      rightY -= 12;
      this.text(line, rightX, rightY);
    }
    this.y = Math.min(leftY, rightY) - 16;
  }

  /** Label–amount pairs in a shaded box; the last one bold. */
  summary(rows: readonly [label: string, value: string][]): void {
    const height = rows.length * ROW_HEIGHT + 10;
    this.ensure(height + 8);
    const top = this.y;
    const width = 300;
    this.rectangle(MARGIN, top - height, width, height, SURFACE);
    let y = top - 5;
    rows.forEach(([label, value], index) => {
      y -= ROW_HEIGHT;
      const bold = index === rows.length - 1;
      this.text(label, MARGIN + 8, y + 4, { bold });
      this.textRight(value, MARGIN + width - 8, y + 4, { bold });
    });
    this.y = top - height - 12;
  }

  private tableHeader(columns: readonly Column[]): void {
    this.rectangle(MARGIN, this.y - ROW_HEIGHT, CONTENT_WIDTH, ROW_HEIGHT, BRAND);
    let x = MARGIN;
    for (const column of columns) {
      if (column.align === 'right') this.textRight(column.label, x + column.width - 4, this.y - 10, { bold: true, color: WHITE });
      else this.text(column.label, x + 4, this.y - 10, { bold: true, color: WHITE });
      x += column.width;
    }
    this.y -= ROW_HEIGHT;
  }

  /** A table whose header repeats on every page it continues onto; `emphasise` rows are bold and shaded. */
  table(caption: string, columns: readonly Column[], rows: readonly TableRow[]): void {
    this.ensure(ROW_HEIGHT * 3 + 14);
    this.y -= 10;
    this.text(caption, MARGIN, this.y, { bold: true, size: 9.5 });
    this.y -= 6;
    this.tableHeader(columns);
    for (const row of rows) {
      const height = row.note ? ROW_HEIGHT + NOTE_HEIGHT : ROW_HEIGHT;
      if (this.ensure(height)) {
        this.y -= 10;
        this.text(`${caption} (continued)`, MARGIN, this.y, { bold: true, size: 9.5 });
        this.y -= 6;
        this.tableHeader(columns);
      }
      const bold = !!row.emphasise;
      if (bold) this.rectangle(MARGIN, this.y - height, CONTENT_WIDTH, height, SURFACE);
      let x = MARGIN;
      const baseline = this.y - 10;
      columns.forEach((column, c) => {
        const cell = row.cells[c] ?? '';
        const fitted = this.fit(cell, column.width - 8, bold || !!column.bold);
        if (column.align === 'right') this.textRight(fitted, x + column.width - 4, baseline, { bold: bold || column.bold });
        else this.text(fitted, x + 4, baseline, { bold: bold || column.bold });
        x += column.width;
      });
      if (row.note) {
        const noteX = MARGIN + (columns[0]?.width ?? 0) + 4;
        this.text(this.fit(row.note, MARGIN + CONTENT_WIDTH - noteX - 4, false, NOTE_SIZE), noteX, baseline - NOTE_HEIGHT + 1, { size: NOTE_SIZE, color: TEXT_MUTED });
      }
      this.y -= height;
      this.rule(MARGIN, this.y, MARGIN + CONTENT_WIDTH, this.y, 0.4);
    }
    this.y -= 8;
  }

  /** "Page n of m" and the footer line, once every page exists. */
  finish(): void {
    const count = this.pages.length;
    this.pages.forEach((page, index) => {
      this.page = page;
      this.rule(MARGIN, FOOTER_TOP - 10, MARGIN + CONTENT_WIDTH, FOOTER_TOP - 10, 0.6);
      this.text(this.fit(this.footerText, CONTENT_WIDTH - 90, false), MARGIN, FOOTER_TOP - 24, { size: 7.5, color: TEXT_MUTED });
      this.textRight(`Page ${index + 1} of ${count}`, MARGIN + CONTENT_WIDTH, FOOTER_TOP - 24, { size: 7.5, color: TEXT_MUTED });
    });
    this.content.flush();
  }
}

const LINE_COLUMNS: readonly Column[] = [
  { label: 'Date', width: 64 },
  { label: 'Client / deal', width: 196 },
  { label: 'Type', width: 58 },
  { label: 'Rate', width: 36, align: 'right' },
  { label: 'Status', width: 62 },
  { label: 'Amount', width: CONTENT_WIDTH - 64 - 196 - 58 - 36 - 62, align: 'right' },
];
const PAYOUT_COLUMNS: readonly Column[] = [
  { label: 'Requested', width: 70 },
  { label: 'Reference', width: 150 },
  { label: 'Method', width: 70 },
  { label: 'Status', width: 60 },
  { label: 'Paid', width: 70 },
  { label: 'Amount', width: CONTENT_WIDTH - 70 - 150 - 70 - 60 - 70, align: 'right' },
];

function lineRow(line: StatementEarning, layout: StatementLayout, currency: string): TableRow {
  const cells = [
    shortDate(line.created_at),
    line.deal_name ?? (line.lead_id ? `Lead ${line.lead_id}` : 'Commission'),
    TYPE_LABELS[line.commission_type ?? 'base'] ?? 'Base',
    line.rate != null ? `${line.rate}%` : '',
    STATUS_LABELS[line.status] ?? line.status,
    layout.money(toMinor(line.amount, currency), currency),
  ];
  return { cells, note: line.reason ? `Reason: ${line.reason}` : null };
}

function payoutRow(payout: StatementPayout, layout: StatementLayout, currency: string): TableRow {
  const cells = [
    shortDate(payout.created_at),
    payout.reference ?? (payout.status === 'rejected' && payout.reason ? `Rejected: ${payout.reason}` : '—'),
    payout.method === 'paypal' ? 'PayPal' : 'Bank transfer',
    STATUS_LABELS[payout.status] ?? payout.status,
    payout.paid_at ? shortDate(payout.paid_at) : '',
    layout.money(toMinor(payout.amount, currency), currency),
  ];
  return { cells };
}

function drawMonthSection(layout: StatementLayout, figures: MonthlyStatementFigures, multiCurrency: boolean): void {
  const { currency } = figures;
  const money = (minor: number) => layout.money(minor, currency);
  if (multiCurrency) layout.heading(`${currency} account`, 11, SECTION_KEEP_WITH);
  layout.summary([
    [`Opening balance (1 ${monthTitle(figures.month)})`, money(figures.openingMinor)],
    ['Commission approved or paid', money(figures.earnedMinor)],
    ['Clawbacks', money(figures.clawbacksMinor)],
    ['Payouts', money(0 - figures.payoutsMinor)],
    ['Closing balance', money(figures.closingMinor)],
  ]);
  if (figures.pendingMinor !== 0) layout.paragraph(`Pending commission not yet in the balance: ${money(figures.pendingMinor)}.`);
  if (figures.lines.length === 0) {
    layout.gap(4);
    layout.paragraph('No commission lines this month.', TEXT_DARK);
  } else {
    layout.table(
      multiCurrency ? `Commission lines (${currency})` : 'Commission lines',
      LINE_COLUMNS,
      figures.lines.map((line) => lineRow(line, layout, currency)),
    );
  }
  if (figures.payouts.length === 0) layout.paragraph('No payouts this month.', TEXT_DARK);
  else layout.table(multiCurrency ? `Payouts (${currency})` : 'Payouts', PAYOUT_COLUMNS, figures.payouts.map((payout) => payoutRow(payout, layout, currency)));
  layout.gap(6);
}

function drawYearSection(layout: StatementLayout, figures: AnnualSummaryFigures, multiCurrency: boolean): void {
  const { currency } = figures;
  const money = (minor: number) => layout.money(minor, currency);
  if (multiCurrency) layout.heading(`${currency} account`, 11, SECTION_KEEP_WITH);
  layout.summary([
    [`Opening balance (1 January ${figures.year})`, money(figures.openingMinor)],
    ['Commission earned (approved or paid)', money(figures.yearTotalMinor)],
    ['Payouts received', money(figures.yearPayoutsReceivedMinor)],
    [`Closing balance (31 December ${figures.year})`, money(figures.closingMinor)],
  ]);
  const typeWidth = 62;
  const columns: Column[] = [
    { label: 'Month', width: CONTENT_WIDTH - typeWidth * 5 - 66 - 80 },
    ...SUMMARY_TYPES.map((type): Column => ({ label: TYPE_LABELS[type] ?? type, width: typeWidth, align: 'right' })),
    { label: 'Total', width: 66, align: 'right', bold: true },
    { label: 'Payouts received', width: 80, align: 'right' },
  ];
  const rows: TableRow[] = figures.months.map((row) => ({
    cells: [MONTH_NAMES[Number(row.month.slice(5, 7)) - 1] ?? row.month, ...SUMMARY_TYPES.map((type) => money(row.byTypeMinor[type])), money(row.totalMinor), money(row.payoutsReceivedMinor)],
  }));
  rows.push({
    cells: [`Year ${figures.year}`, ...SUMMARY_TYPES.map((type) => money(figures.yearByTypeMinor[type])), money(figures.yearTotalMinor), money(figures.yearPayoutsReceivedMinor)],
    emphasise: true,
  });
  layout.table(multiCurrency ? `Earnings by month and type, ${figures.year} (${currency})` : `Earnings by month and type, ${figures.year}`, columns, rows);
  if (figures.yearPendingMinor !== 0) layout.paragraph(`Commission for ${figures.year} still pending, not included above: ${money(figures.yearPendingMinor)}.`);
  layout.gap(6);
}

function checkPartnerText(partner: StatementPartner, input: CommissionStatementInput, fonts: EmbeddedFonts): void {
  assertDrawable(partner.name, 'your name', fonts.boldSet);
  const regular: [string | null | undefined, string][] = [
    [partner.name, 'your name'],
    [partner.company, 'your company name'],
    [partner.email, 'your e-mail address'],
    [partner.country, 'your country'],
    [partner.taxSummary, 'your tax details'],
    [partner.payoutMethod, 'your payout method'],
  ];
  for (const [text, where] of regular) if (text) assertDrawable(text, where, fonts.regularSet);
  for (const line of input.earnings) {
    if (line.deal_name) assertDrawable(line.deal_name, `the deal name of commission line ${line.id}`, fonts.regularSet);
    if (line.reason) assertDrawable(line.reason, `the reason on commission line ${line.id}`, fonts.regularSet);
  }
  for (const payout of input.payouts) {
    if (payout.reference) assertDrawable(payout.reference, `the reference of payout ${payout.id}`, fonts.regularSet);
    if (payout.reason) assertDrawable(payout.reason, `the reason on payout ${payout.id}`, fonts.regularSet);
  }
}

export async function renderCommissionStatement(period: StatementPeriod, input: CommissionStatementInput): Promise<Uint8Array> {
  if (period.kind === 'month' && !isStatementMonth(period.month)) throw new StatementRenderError(`'${period.month}' is not a month. Choose a statement month such as 2026-11.`);
  if (period.kind === 'year' && !(Number.isInteger(period.year) && period.year >= 2000 && period.year <= 9999)) {
    throw new StatementRenderError(`${period.year} is not a tax year the app can summarise. Choose a year such as 2026.`);
  }
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new StatementRenderError(`'${input.currency}' is not a currency code. Set your currency (such as GBP) in your profile and try again.`);
  const doc = await PDFDocument.create();
  const periodKey = period.kind === 'month' ? period.month : String(period.year);
  const fonts = await embedNotoSans(doc, input.fonts, `statement|${periodKey}|${input.partner.name}|${input.now.toISOString()}`);
  checkPartnerText(input.partner, input, fonts);
  const issued = shortDate(input.now.toISOString());
  const title = period.kind === 'month' ? `Commission statement — ${monthTitle(period.month)}` : `Annual commission summary ${period.year} — for tax purposes`;
  const layout = new StatementLayout(doc, fonts, title, `${title} · ${input.partner.name} · issued ${issued}`);
  layout.newPage();
  layout.heading(title, 16);
  const lastMonth = period.kind === 'month' ? period.month : `${period.year}-12`;
  const periodText = period.kind === 'month' ? `1–${new Date(Date.UTC(Number(period.month.slice(0, 4)), Number(period.month.slice(5, 7)), 0)).getUTCDate()} ${monthTitle(period.month)}` : `1 January – 31 December ${period.year}`;
  layout.parties(input.partner, periodText, issued);
  const currencies = statementCurrencies(input.earnings, input.payouts, input.currency, lastMonth);
  const multiCurrency = currencies.length > 1;
  for (const currency of currencies) {
    if (period.kind === 'month') drawMonthSection(layout, monthlyStatementFigures(input.earnings, input.payouts, currency, period.month), multiCurrency);
    else drawYearSection(layout, annualSummaryFigures(input.earnings, input.payouts, currency, period.year), multiCurrency);
  }
  if (period.kind === 'year') {
    layout.paragraph('Amounts are in each account’s currency and are never added across currencies. Commission counts in the month it was earned for;');
    layout.paragraph('payouts count in the month they were paid. Keep this summary with your tax records; SISO does not deduct tax from commission.');
  }
  layout.finish();
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(SISO_DETAILS.name);
  doc.setSubject(`${title} for ${input.partner.name}`);
  doc.setKeywords(['commission statement', periodKey]);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  doc.setLanguage(LOCALE);
  return doc.save();
}
