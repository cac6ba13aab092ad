/**
 * The Elite executive report: the figures it shows (computed here from the partner's own leads and
 * earnings; the forecast is the Analytics page's own, from analytics.ts) and its six-page PDF made
 * with pdf-lib — cover, summary KPIs, trend, funnel, sources and forecast — with charts drawn as
 * vector shapes and the partner's brand on a white-label report. Pure: rows, fonts and the clock
 * arrive as arguments.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { LEAD_SOURCES, LEAD_STAGES, type LeadStage } from '../schema/leads.schema';
import { foldForSearch, sourceLabel, stageLabel } from './leads';
import { embedNotoSans, type FontBytes } from './pdf/embed-fonts';
import { assertDrawable } from './proposals/glyphs';
import { KPI_METRIC_LABELS, type DashboardKpi, type KpiMetric } from './analytics-layout';
import { FORECAST_METHOD, OPEN_STAGES, forecastFromRows, formatCloses, type AnalyticsActivity, type AnalyticsLead, type Forecast } from './analytics';
import type { EarningRowInput } from './dashboard-stats';

/** A lead as the report reads it: the Analytics page's lead, so both forecast from the same rows. */
export type ReportLead = AnalyticsLead;

/** What the forecast learns from besides the leads: as on the Analytics page. */
export interface ReportForecastInput {
  /** Stage changes (activities of kind stage_change): the per-stage win rates and timings. */
  readonly activities: readonly AnalyticsActivity[];
  /** The partner's commission rate in percent; null while unknown (then there is no forecast, as on the page). */
  readonly commissionRate: number | null;
}

export interface MoneyTotal {
  currency: string;
  amount: number;
}

export interface TrendPoint {
  /** YYYY-MM (UTC). */
  month: string;
  leads: number;
  conversions: number;
  /** Of the leads created this month, how many are won now (the month's cohort). */
  cohortWon: number;
}

export interface ExecutiveFigures {
  /** First and last day of the period, YYYY-MM-DD. */
  periodStart: string;
  periodEnd: string;
  leads: number;
  conversions: number;
  /** Won ÷ leads created in the period, 0–1; null with no leads. */
  conversionRate: number | null;
  earnings: MoneyTotal[];
  openPipeline: number;
  avgDaysToClose: number | null;
  trend: TrendPoint[];
  funnel: { stage: LeadStage; label: string; count: number }[];
  sources: { label: string; count: number }[];
  /** The Analytics page's forecast for the same rows (analytics.ts forecastFor). */
  forecast: Forecast | null;
}

const DAY_MS = 86_400_000;

function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * The report's figures. The period is the last `months` calendar months (UTC) ending with `now`'s
 * month. The forecast is not the report's own: it is the one the Analytics page shows, computed by
 * the same function from the same leads, stage changes and commission rate.
 */
export function computeExecutiveFigures(
  leads: readonly ReportLead[],
  earnings: readonly EarningRowInput[],
  now: Date,
  forecastInput: ReportForecastInput,
  months = 6,
): ExecutiveFigures {
  const startDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const start = startDate.toISOString();
  const end = now.toISOString();
  const trend: TrendPoint[] = [];
  const trendIndex = new Map<string, TrendPoint>();
  for (let i = 0; i < months; i += 1) {
    const point = { month: monthKey(new Date(Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + i, 1))), leads: 0, conversions: 0, cohortWon: 0 };
    trend.push(point);
    trendIndex.set(point.month, point);
  }
  const funnelCounts = new Map<LeadStage, number>(LEAD_STAGES.map((stage) => [stage, 0]));
  const sourceCounts = new Map<string, number>();
  let periodLeads = 0;
  let periodWon = 0;
  let conversions = 0;
  let open = 0;
  let closeDaysTotal = 0;
  let closeDaysCount = 0;
  for (const lead of leads) {
    if (OPEN_STAGES.includes(lead.stage)) open += 1;
    const closedAt = lead.stage_changed_at ?? lead.created_at;
    if (lead.stage === 'won') {
      const days = (Date.parse(closedAt) - Date.parse(lead.created_at)) / DAY_MS;
      if (Number.isFinite(days) && days >= 0) {
        closeDaysTotal += days;
        closeDaysCount += 1;
      }
      if (closedAt >= start && closedAt <= end) {
        conversions += 1;
        const point = trendIndex.get(closedAt.slice(0, 7));
        if (point) point.conversions += 1;
      }
    }
    if (lead.created_at < start || lead.created_at > end) continue;
    periodLeads += 1;
    if (lead.stage === 'won') periodWon += 1;
    const point = trendIndex.get(lead.created_at.slice(0, 7));
    if (point) {
      point.leads += 1;
      if (lead.stage === 'won') point.cohortWon += 1;
    }
    funnelCounts.set(lead.stage, (funnelCounts.get(lead.stage) ?? 0) + 1);
    const source = lead.source ? sourceName(lead.source) : 'Unknown';
    sourceCounts.set(source, (sourceCounts.get(source) ?? 0) + 1);
  }
  const earningTotals = new Map<string, number>();
  const startMonth = start.slice(0, 7);
  const endMonth = end.slice(0, 7);
  for (const row of earnings) {
    if (row.kind !== 'commission' || row.status === 'reversed') continue;
    const month = row.period ?? row.created_at.slice(0, 7);
    if (month < startMonth || month > endMonth) continue;
    earningTotals.set(row.currency, (earningTotals.get(row.currency) ?? 0) + row.amount);
  }
  const avgDaysToClose = closeDaysCount > 0 ? closeDaysTotal / closeDaysCount : null;
  return {
    periodStart: start.slice(0, 10),
    periodEnd: end.slice(0, 10),
    leads: periodLeads,
    conversions,
    conversionRate: periodLeads > 0 ? periodWon / periodLeads : null,
    earnings: [...earningTotals].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((a, b) => a.currency.localeCompare(b.currency)),
    openPipeline: open,
    avgDaysToClose: avgDaysToClose === null ? null : round1(avgDaysToClose),
    trend,
    funnel: LEAD_STAGES.map((stage) => ({ stage, label: stageLabel(stage), count: funnelCounts.get(stage) ?? 0 })),
    sources: [...sourceCounts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    forecast: forecastFromRows(leads, forecastInput.activities, forecastInput.commissionRate),
  };
}

function sourceName(source: string): string {
  const known = LEAD_SOURCES.find((entry) => entry === source);
  return known ? sourceLabel(known) : source;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A KPI's current value from the figures (earnings: the first currency's total). */
export function kpiValue(figures: ExecutiveFigures, metric: KpiMetric): number {
  switch (metric) {
    case 'leads':
      return figures.leads;
    case 'conversions':
      return figures.conversions;
    case 'conversion_rate':
      return figures.conversionRate === null ? 0 : round1(figures.conversionRate * 100);
    case 'earnings':
      return figures.earnings[0]?.amount ?? 0;
    case 'open_pipeline':
      return figures.openPipeline;
    case 'avg_days_to_close':
      return figures.avgDaysToClose ?? 0;
  }
}

// PDF --------------------------------------------------------------------------------------------

export interface ExecutiveReportPartner {
  /** The partner's company, else their own name. */
  name: string;
  /** The brand kit's primary colour, #RRGGBB. */
  brandColour?: string | null;
}

export interface ExecutiveReportInput {
  partner: ExecutiveReportPartner;
  /** True: the report carries only the partner's brand; false: "SISO Partner Program" too. */
  whiteLabel: boolean;
  figures: ExecutiveFigures;
  kpis: readonly DashboardKpi[];
  fonts: FontBytes;
  now: Date;
  formatMoney(amount: number, currency: string): string;
}

export class ExecutiveReportRenderError extends Error {
  override name = 'ExecutiveReportRenderError';
}

const PAGE_WIDTH = 841.89;
const PAGE_HEIGHT = 595.28;
const MARGIN = 48;
const INK = rgb(0.11, 0.12, 0.14);
const MUTED = rgb(0.36, 0.38, 0.42);
const GRID = rgb(0.86, 0.88, 0.9);
const SISO_BRAND = rgb(0.122, 0.306, 0.475);
const ACCENT = rgb(0.85, 0.47, 0.13);

function colourOf(hex: string | null | undefined, fallback: RGB): RGB {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!match) return fallback;
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? '0', 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

/** "executive-report-northlight-2026-12-01.pdf". */
export function executiveReportFileName(partnerName: string, now: Date): string {
  const slug = foldForSearch(partnerName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `executive-report-${slug || 'partner'}-${now.toISOString().slice(0, 10)}.pdf`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortMonth(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1] ?? key} ${key.slice(2, 4)}`;
}
function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A nice axis maximum (1, 2, 5 × 10ⁿ) at or above `value`. */
function axisMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function drawAxes(page: PDFPage, frame: Frame, max: number, font: PDFFont) {
  for (let i = 0; i <= 4; i += 1) {
    const y = frame.y + (frame.height * i) / 4;
    page.drawLine({ start: { x: frame.x, y }, end: { x: frame.x + frame.width, y }, thickness: 0.5, color: GRID });
    const tick = (max * i) / 4;
    const label = Number.isInteger(tick) ? String(tick) : tick.toFixed(1);
    page.drawText(label, { x: frame.x - 6 - font.widthOfTextAtSize(label, 8), y: y - 3, size: 8, font, color: MUTED });
  }
}

function barChart(page: PDFPage, frame: Frame, bars: readonly { label: string; value: number }[], colour: RGB, font: PDFFont, bold: PDFFont) {
  const max = axisMax(Math.max(0, ...bars.map((bar) => bar.value)));
  drawAxes(page, frame, max, font);
  const slot = frame.width / Math.max(bars.length, 1);
  bars.forEach((bar, index) => {
    const height = (bar.value / max) * frame.height;
    const x = frame.x + slot * index + slot * 0.18;
    const width = slot * 0.64;
    page.drawRectangle({ x, y: frame.y, width, height, color: colour });
    const value = String(bar.value);
    page.drawText(value, { x: x + width / 2 - bold.widthOfTextAtSize(value, 9) / 2, y: frame.y + height + 4, size: 9, font: bold, color: INK });
    const label = fitText(bar.label, font, 8, slot - 4);
    page.drawText(label, { x: x + width / 2 - font.widthOfTextAtSize(label, 8) / 2, y: frame.y - 14, size: 8, font, color: MUTED });
  });
}

function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text.length;
  while (cut > 1 && font.widthOfTextAtSize(`${text.slice(0, cut)}…`, size) > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

function lineChart(page: PDFPage, frame: Frame, points: readonly TrendPoint[], brand: RGB, font: PDFFont) {
  const max = axisMax(Math.max(0, ...points.map((point) => Math.max(point.leads, point.conversions))));
  drawAxes(page, frame, max, font);
  const step = points.length > 1 ? frame.width / (points.length - 1) : 0;
  const series: ['leads' | 'conversions', RGB][] = [
    ['leads', brand],
    ['conversions', ACCENT],
  ];
  for (const [key, colour] of series) {
    // An SVG path in page coordinates flipped by pdf-lib: y grows downwards from the given origin.
    const path = points
      .map((point, index) => `${index === 0 ? 'M' : 'L'} ${(step * index).toFixed(2)} ${(-(point[key] / max) * frame.height).toFixed(2)}`)
      .join(' ');
    page.drawSvgPath(path, { x: frame.x, y: frame.y, borderColor: colour, borderWidth: 2 });
    points.forEach((point, index) => {
      page.drawCircle({ x: frame.x + step * index, y: frame.y + (point[key] / max) * frame.height, size: 3, color: colour });
    });
  }
  points.forEach((point, index) => {
    const label = shortMonth(point.month);
    page.drawText(label, { x: frame.x + step * index - font.widthOfTextAtSize(label, 8) / 2, y: frame.y - 14, size: 8, font, color: MUTED });
  });
}

/**
 * Lines of at most `width` points, broken at spaces. Each word is measured once (a measurement is a
 * font layout, slow on a cold start), so kerning across words is ignored; the margin absorbs it.
 */
function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    const wordWidth = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + wordWidth > width) {
      lines.push(line);
      line = '';
      lineWidth = 0;
    }
    lineWidth += (line ? space : 0) + wordWidth;
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const FORECAST_STAGE_NAMES: Record<string, string> = { new: 'New', contacted: 'Contacted', qualified: 'Qualified', proposal: 'Proposal' };

/** The forecast page's body: the same table of horizons, rates and method the Analytics page shows. */
function drawForecast(
  page: PDFPage,
  forecast: Forecast | null,
  brand: RGB,
  { regular, bold }: { regular: PDFFont; bold: PDFFont },
  formatMoney: ExecutiveReportInput['formatMoney'],
) {
  const textWidth = PAGE_WIDTH - MARGIN * 2;
  const paragraph = (text: string, top: number, size = 11) =>
    wrapText(text, regular, size, textWidth).forEach((line, index) => page.drawText(line, { x: MARGIN, y: top - index * (size + 3), size, font: regular, color: MUTED }));
  if (forecast === null) {
    paragraph('The forecast appears once your commission rate has synced to this device.', PAGE_HEIGHT - 130);
    return;
  }
  if (forecast.kind === 'not-enough-history') {
    paragraph(`Not enough history to forecast yet: ${forecast.closedLeads} closed leads so far, and the forecast learns from at least ${forecast.needed}.`, PAGE_HEIGHT - 130);
    return;
  }
  page.drawText(`Expected from your ${forecast.openLeads} open leads (90% range)`, { x: MARGIN, y: PAGE_HEIGHT - 104, size: 11, font: bold, color: INK });
  paragraph('Each band is the range of won deals, its line the expected number; under each horizon, the expected commission per currency.', PAGE_HEIGHT - 120, 9);
  const frame: Frame = { x: MARGIN + 30, y: 222, width: PAGE_WIDTH - MARGIN * 2 - 40, height: 200 };
  const max = axisMax(Math.max(1, ...forecast.horizons.map((horizon) => horizon.closes.high)));
  drawAxes(page, frame, max, regular);
  const slot = frame.width / forecast.horizons.length;
  const yOf = (value: number) => frame.y + (value / max) * frame.height;
  forecast.horizons.forEach((horizon, index) => {
    const { low, expected, high } = horizon.closes;
    const cx = frame.x + slot * index + slot / 2;
    page.drawRectangle({ x: cx - 30, y: yOf(low), width: 60, height: Math.max(1, yOf(high) - yOf(low)), color: brand, opacity: 0.25 });
    page.drawLine({ start: { x: cx - 30, y: yOf(expected) }, end: { x: cx + 30, y: yOf(expected) }, thickness: 3, color: brand });
    const label = `${formatCloses(expected)} (range ${formatCloses(low)} to ${formatCloses(high)})`;
    page.drawText(label, { x: cx - bold.widthOfTextAtSize(label, 10) / 2, y: yOf(high) + 8, size: 10, font: bold, color: INK });
    const days = `Next ${horizon.days} days`;
    page.drawText(days, { x: cx - regular.widthOfTextAtSize(days, 9) / 2, y: frame.y - 14, size: 9, font: regular, color: MUTED });
    // Expected commission, one currency a line as on the page (never summed across currencies).
    const commission =
      horizon.commission.length === 0
        ? ['No estimated values on open leads']
        : horizon.commission.map((row) => `${formatMoney(row.expected, row.currency)} (range ${formatMoney(row.low, row.currency)} to ${formatMoney(row.high, row.currency)})`);
    commission.slice(0, 3).forEach((text, line) => {
      const fitted = fitText(text, regular, 8, slot - 6);
      page.drawText(fitted, { x: cx - regular.widthOfTextAtSize(fitted, 8) / 2, y: frame.y - 30 - line * 11, size: 8, font: regular, color: INK });
    });
  });
  const rates = forecast.rates.map((rate) => `${FORECAST_STAGE_NAMES[rate.stage] ?? rate.stage} ${Math.round(rate.winRate * 100)}% (${rate.won} of ${rate.closed} won)`).join(' · ');
  paragraph(`Win rates learned from your history: ${rates}.`, 146, 9.5);
  paragraph(`Method: ${FORECAST_METHOD}`, 118, 9);
}

/** The report's PDF bytes. Rejects with a sentence when a name uses a character the fonts lack. */
export async function renderExecutiveReport(input: ExecutiveReportInput): Promise<Uint8Array> {
  const { figures, partner } = input;
  const partnerName = partner.name.trim();
  if (!partnerName) throw new ExecutiveReportRenderError('Your profile has no company or display name yet, so the report has no name to go out under. Add one in Settings or the Brand kit, then try again.');
  const doc = await PDFDocument.create();
  const fonts = await embedNotoSans(doc, input.fonts, `executive-report|${partnerName}|${figures.periodEnd}`);
  const { regular, bold } = fonts;
  const brand = input.whiteLabel ? colourOf(partner.brandColour, SISO_BRAND) : SISO_BRAND;
  assertDrawable(partnerName, 'your company name', fonts.boldSet);
  for (const kpi of input.kpis) assertDrawable(kpi.label, 'a KPI name', fonts.boldSet);
  for (const source of figures.sources) assertDrawable(source.label, 'a source name', fonts.regularSet);
  const period = `${longDate(figures.periodStart)} – ${longDate(figures.periodEnd)}`;
  const footer = input.whiteLabel ? `${partnerName} · executive report` : `${partnerName} · SISO Partner Program executive report`;

  const pages: PDFPage[] = [];
  const newPage = (title: string, subtitle: string): PDFPage => {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawRectangle({ x: 0, y: PAGE_HEIGHT - 8, width: PAGE_WIDTH, height: 8, color: brand });
    page.drawText(title, { x: MARGIN, y: PAGE_HEIGHT - 58, size: 22, font: bold, color: INK });
    page.drawText(subtitle, { x: MARGIN, y: PAGE_HEIGHT - 78, size: 10.5, font: regular, color: MUTED });
    pages.push(page);
    return page;
  };
  const money = figures.earnings.length > 0 ? figures.earnings.map((total) => input.formatMoney(total.amount, total.currency)).join(' + ') : '—';
  const rate = figures.conversionRate === null ? '—' : `${(figures.conversionRate * 100).toFixed(1)}%`;

  // 1. Cover.
  const cover = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  pages.push(cover);
  cover.drawRectangle({ x: 0, y: 0, width: 18, height: PAGE_HEIGHT, color: brand });
  cover.drawText(input.whiteLabel ? partnerName : 'SISO Partner Program', { x: 72, y: PAGE_HEIGHT - 110, size: 14, font: bold, color: brand });
  cover.drawText('Executive report', { x: 72, y: PAGE_HEIGHT - 230, size: 40, font: bold, color: INK });
  cover.drawText(partnerName, { x: 72, y: PAGE_HEIGHT - 270, size: 22, font: bold, color: brand });
  cover.drawText(period, { x: 72, y: PAGE_HEIGHT - 300, size: 13, font: regular, color: MUTED });
  cover.drawText(`Prepared ${longDate(input.now.toISOString())}`, { x: 72, y: PAGE_HEIGHT - 320, size: 11, font: regular, color: MUTED });

  // 2. Summary KPIs.
  const summary = newPage('Summary', period);
  const tiles: [string, string][] = [
    ['Leads', String(figures.leads)],
    ['Won deals', String(figures.conversions)],
    ['Conversion rate', rate],
    ['Earnings', money],
    ['Open pipeline', String(figures.openPipeline)],
    ['Average days to close', figures.avgDaysToClose === null ? '—' : String(figures.avgDaysToClose)],
  ];
  // One tile per row, label and figure on one line, so text extraction reads "Won deals 3".
  const tileWidth = 330;
  tiles.forEach(([label, value], index) => {
    const y = PAGE_HEIGHT - 160 - index * 58;
    summary.drawRectangle({ x: MARGIN, y, width: tileWidth, height: 48, borderColor: GRID, borderWidth: 1 });
    summary.drawRectangle({ x: MARGIN, y, width: 4, height: 48, color: brand });
    summary.drawText(label, { x: MARGIN + 16, y: y + 18, size: 11, font: regular, color: MUTED });
    const figure = fitText(value, bold, 20, 150);
    summary.drawText(figure, { x: MARGIN + tileWidth - 14 - bold.widthOfTextAtSize(figure, 20), y: y + 16, size: 20, font: bold, color: INK });
  });
  let kpiY = PAGE_HEIGHT - 124;
  const kpiX = MARGIN + tileWidth + 40;
  if (input.kpis.length > 0) {
    summary.drawText('Custom KPIs', { x: kpiX, y: kpiY, size: 13, font: bold, color: brand });
    kpiY -= 30;
    for (const kpi of input.kpis.slice(0, 8)) {
      const value = kpiValue(figures, kpi.metric);
      const target = kpi.target;
      const progress = target === null ? `${value}` : `${value} of ${target}`;
      summary.drawText(fitText(kpi.label, bold, 10.5, 260), { x: kpiX, y: kpiY, size: 10.5, font: bold, color: INK });
      summary.drawText(progress, { x: PAGE_WIDTH - MARGIN - regular.widthOfTextAtSize(progress, 10.5), y: kpiY, size: 10.5, font: regular, color: INK });
      kpiY -= 14;
      const barX = kpiX;
      const barWidth = PAGE_WIDTH - MARGIN - barX;
      summary.drawRectangle({ x: barX, y: kpiY - 1, width: barWidth, height: 9, color: GRID });
      if (target !== null) {
        const share = target <= 0 ? 1 : Math.min(1, Math.max(0, value / target));
        summary.drawRectangle({ x: barX, y: kpiY - 1, width: barWidth * share, height: 9, color: brand });
      }
      summary.drawText(KPI_METRIC_LABELS[kpi.metric], { x: kpiX, y: kpiY - 13, size: 8, font: regular, color: MUTED });
      kpiY -= 36;
    }
  }

  const chartFrame: Frame = { x: MARGIN + 30, y: 110, width: PAGE_WIDTH - MARGIN * 2 - 40, height: PAGE_HEIGHT - 240 };

  // 3. Trend.
  const trendPage = newPage('Trend', 'Leads created and deals won per month');
  lineChart(trendPage, chartFrame, figures.trend, brand, regular);
  trendPage.drawRectangle({ x: MARGIN, y: 70, width: 10, height: 10, color: brand });
  trendPage.drawText('Leads', { x: MARGIN + 16, y: 71, size: 9, font: regular, color: INK });
  trendPage.drawRectangle({ x: MARGIN + 70, y: 70, width: 10, height: 10, color: ACCENT });
  trendPage.drawText('Won deals', { x: MARGIN + 86, y: 71, size: 9, font: regular, color: INK });

  // 4. Funnel.
  const funnelPage = newPage('Funnel', 'Leads created in the period by their current stage');
  barChart(funnelPage, chartFrame, figures.funnel.map((entry) => ({ label: entry.label, value: entry.count })), brand, regular, bold);

  // 5. Sources.
  const sourcesPage = newPage('Sources', 'Where the period’s leads came from');
  const sources = figures.sources.slice(0, 8);
  if (sources.length === 0) sourcesPage.drawText('No leads were created in this period.', { x: MARGIN, y: PAGE_HEIGHT - 130, size: 11, font: regular, color: MUTED });
  else barChart(sourcesPage, chartFrame, sources.map((entry) => ({ label: entry.label, value: entry.count })), brand, regular, bold);

  // 6. Forecast with its range: the Analytics page's figures, printed as the page prints them.
  const forecastPage = newPage('Forecast', 'Expected won deals from the open pipeline, with a 90% range');
  drawForecast(forecastPage, figures.forecast, brand, fonts, input.formatMoney);

  pages.forEach((page, index) => {
    page.drawText(footer, { x: MARGIN, y: 24, size: 8, font: regular, color: MUTED });
    const number = `${index + 1} / ${pages.length}`;
    page.drawText(number, { x: PAGE_WIDTH - MARGIN - regular.widthOfTextAtSize(number, 8), y: 24, size: 8, font: regular, color: MUTED });
  });

  doc.setTitle(`${partnerName} — executive report`, { showInWindowTitleBar: true });
  doc.setAuthor(partnerName);
  doc.setCreator(input.whiteLabel ? partnerName : 'SISO Partner Workstation');
  doc.setProducer(input.whiteLabel ? partnerName : 'SISO Partner Workstation');
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  doc.setLanguage('en-GB');
  return doc.save();
}

/**
 * Renders a throwaway report so the partner's first real download finds the fonts parsed and the
 * code compiled (a cold render is many times a warm one). For the Elite dashboard to call in idle
 * time when it opens, with the same font bytes it will render with.
 */
/** Enough closed history for a forecast, so the warm-up draws the forecast chart a real report draws. */
const WARM_UP_LEADS: ReportLead[] = [
  ...(['won', 'won', 'won', 'lost', 'lost'] as const).map((stage, index) => ({
    id: `warm-up-${index}`,
    stage,
    source: 'website' as const,
    created_at: '2025-11-01T00:00:00Z',
    stage_changed_at: '2025-11-20T00:00:00Z',
  })),
  { id: 'warm-up-open', stage: 'proposal', source: 'website', created_at: '2025-12-01T00:00:00Z', estimated_value: 1000, currency: 'GBP' },
];

export async function prepareExecutiveReportRenderer(fonts: FontBytes): Promise<void> {
  const now = new Date('2026-01-01T00:00:00Z');
  await renderExecutiveReport({
    partner: { name: 'Ada Lovelace' },
    whiteLabel: true,
    figures: computeExecutiveFigures(WARM_UP_LEADS, [], now, { activities: [], commissionRate: 20 }),
    kpis: [],
    fonts,
    now,
    formatMoney: (amount, currency) => `${currency} ${amount}`,
  });
}
