import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { createAnalyticsEngine, formatCloses, type AnalyticsActivity } from '../../sync/domain/analytics';
import {
  computeExecutiveFigures,
  executiveReportFileName,
  kpiValue,
  renderExecutiveReport,
  type ExecutiveReportInput,
  type ReportForecastInput,
  type ReportLead,
} from '../../sync/domain/analytics-report';
import type { EarningRowInput } from '../../sync/domain/dashboard-stats';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const work = mkdtempSync(join(tmpdir(), 'exec-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const now = new Date('2026-12-01T12:00:00.000Z');
const leads: ReportLead[] = [
  { id: 'won-sep', stage: 'won', source: 'referral_link', created_at: '2026-09-01T10:00:00.000Z', stage_changed_at: '2026-09-21T10:00:00.000Z' },
  { id: 'won-oct', stage: 'won', source: 'website', created_at: '2026-10-01T10:00:00.000Z', stage_changed_at: '2026-10-11T10:00:00.000Z' },
  { id: 'won-nov', stage: 'won', source: 'website', created_at: '2026-11-02T10:00:00.000Z', stage_changed_at: '2026-12-01T09:00:00.000Z' },
  { id: 'lost-nov', stage: 'lost', source: 'event', created_at: '2026-11-03T10:00:00.000Z', stage_changed_at: '2026-11-10T10:00:00.000Z' },
  { id: 'open-proposal', stage: 'proposal', source: 'website', created_at: '2026-11-05T10:00:00.000Z', estimated_value: 12_000, currency: 'GBP' },
  { id: 'open-new', stage: 'new', source: 'referral_link', created_at: '2026-12-01T08:00:00.000Z', estimated_value: 3_000, currency: 'GBP' },
  // Before the six-month period: counts for history (the forecast's rates), not for the period.
  { id: 'won-jan', stage: 'won', source: 'event', created_at: '2026-01-05T10:00:00.000Z', stage_changed_at: '2026-02-04T10:00:00.000Z' },
  // A slow win (75 days), so the 30-, 60- and 90-day horizons differ.
  { id: 'won-may', stage: 'won', source: 'event', created_at: '2026-03-01T10:00:00.000Z', stage_changed_at: '2026-05-15T10:00:00.000Z' },
];
// Stage changes: the lost lead had reached Proposal, so the Proposal win rate depends on this history.
const activities: AnalyticsActivity[] = [
  { lead_id: 'won-sep', kind: 'stage_change', occurred_at: '2026-09-10T10:00:00.000Z', meta: '{"from":"new","to":"proposal"}' },
  { lead_id: 'won-sep', kind: 'stage_change', occurred_at: '2026-09-21T10:00:00.000Z', meta: '{"from":"proposal","to":"won"}' },
  { lead_id: 'won-nov', kind: 'stage_change', occurred_at: '2026-11-20T10:00:00.000Z', meta: '{"from":"new","to":"qualified"}' },
  { lead_id: 'won-nov', kind: 'stage_change', occurred_at: '2026-12-01T09:00:00.000Z', meta: '{"from":"qualified","to":"won"}' },
  { lead_id: 'lost-nov', kind: 'stage_change', occurred_at: '2026-11-06T10:00:00.000Z', meta: '{"from":"new","to":"proposal"}' },
  { lead_id: 'lost-nov', kind: 'stage_change', occurred_at: '2026-11-10T10:00:00.000Z', meta: '{"from":"proposal","to":"lost"}' },
];
const forecastInput: ReportForecastInput = { activities, commissionRate: 20 };
const earnings: EarningRowInput[] = [
  { kind: 'commission', status: 'paid', amount: 1200, currency: 'GBP', period: '2026-10', created_at: '2026-10-12T00:00:00.000Z' },
  { kind: 'commission', status: 'pending', amount: 800.5, currency: 'GBP', period: null, created_at: '2026-12-01T10:00:00.000Z' },
  { kind: 'commission', status: 'reversed', amount: 999, currency: 'GBP', period: '2026-11', created_at: '2026-11-01T00:00:00.000Z' },
  { kind: 'payout', status: 'paid', amount: 1200, currency: 'GBP', period: '2026-11', created_at: '2026-11-01T00:00:00.000Z' },
  { kind: 'commission', status: 'paid', amount: 50, currency: 'GBP', period: '2026-01', created_at: '2026-01-10T00:00:00.000Z' },
];

function pdfText(bytes: Uint8Array): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function input(overrides: Partial<ExecutiveReportInput> = {}): ExecutiveReportInput {
  return {
    partner: { name: 'Łukasz Żółć Consulting', brandColour: '#AA3311' },
    whiteLabel: true,
    figures: computeExecutiveFigures(leads, earnings, now, forecastInput),
    kpis: [{ id: 'kpi-1', label: 'Quarterly wins — Ωmega', metric: 'conversions', target: 6 }],
    fonts,
    now,
    formatMoney: (amount, currency) => `${currency} ${amount.toFixed(2)}`,
    ...overrides,
  };
}

describe('computeExecutiveFigures', () => {
  it('counts the period’s leads, wins, earnings, funnel and sources', () => {
    const figures = computeExecutiveFigures(leads, earnings, now, forecastInput);
    expect(figures.periodStart).toBe('2026-07-01');
    expect(figures.leads).toBe(6);
    expect(figures.conversions).toBe(3);
    expect(figures.conversionRate).toBeCloseTo(3 / 6);
    expect(figures.earnings).toEqual([{ currency: 'GBP', amount: 2000.5 }]);
    expect(figures.openPipeline).toBe(2);
    expect(figures.trend.map((point) => point.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(figures.trend.find((point) => point.month === '2026-12')).toEqual({ month: '2026-12', leads: 1, conversions: 1, cohortWon: 0 });
    expect(figures.trend.find((point) => point.month === '2026-11')).toEqual({ month: '2026-11', leads: 3, conversions: 0, cohortWon: 1 });
    expect(figures.funnel.find((entry) => entry.stage === 'won')?.count).toBe(3);
    expect(figures.sources[0]).toEqual({ label: 'Website', count: 3 });
    expect(kpiValue(figures, 'conversion_rate')).toBe(50);
  });

  it('forecasts exactly what the Analytics page shows for the same leads, stage changes and commission rate', () => {
    const page = createAnalyticsEngine().compute({
      leads,
      earnings: [],
      clicks: [],
      links: [],
      activities,
      period: { kind: 'this-month' },
      now,
      timeZone: 'Europe/London',
      commissionRate: 20,
    });
    const pageForecast = page?.forecast;
    expect(pageForecast?.kind).toBe('ready');
    if (pageForecast?.kind !== 'ready') return;
    expect(pageForecast.horizons[0]?.closes.expected).toBeLessThan(pageForecast.horizons[2]?.closes.expected ?? 0);
    expect(computeExecutiveFigures(leads, earnings, now, forecastInput).forecast).toEqual(pageForecast);
  });

  it('has no forecast without enough closed history, nor before the commission rate is known — as on the page', () => {
    const none = computeExecutiveFigures([], [], now, { activities: [], commissionRate: 20 });
    expect(none.conversionRate).toBeNull();
    expect(none.forecast).toEqual({ kind: 'not-enough-history', closedLeads: 0, needed: 5 });
    expect(computeExecutiveFigures(leads, earnings, now, { activities, commissionRate: null }).forecast).toBeNull();
  });
});

describe('renderExecutiveReport', () => {
  it('makes six pages showing the partner’s Unicode name, the key figures and the KPI — and no SISO when white-labelled', async () => {
    const bytes = await renderExecutiveReport(input());
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(6);
    const text = pdfText(bytes);
    expect(text).toContain('Łukasz Żółć Consulting');
    expect(text).toContain('Executive report');
    expect(text).toMatch(/Won deals 3\b/);
    expect(text).toContain('GBP 2000.50');
    expect(text).toContain('50.0%');
    expect(text).toContain('Quarterly wins — Ωmega');
    expect(text).toContain('3 of 6');
    expect(text).toContain('Next 90 days');
    expect(text).not.toMatch(/SISO/);
  });

  it('prints the page’s forecast: each horizon’s expected closes with the range, commission and the learned rates', async () => {
    const figures = computeExecutiveFigures(leads, earnings, now, forecastInput);
    const text = pdfText(await renderExecutiveReport(input({ figures })));
    expect(figures.forecast?.kind).toBe('ready');
    if (figures.forecast?.kind !== 'ready') return;
    expect(text).toContain(`Expected from your ${figures.forecast.openLeads} open leads (90% range)`);
    for (const { closes } of figures.forecast.horizons) {
      expect(text).toContain(`${formatCloses(closes.expected)} (range ${formatCloses(closes.low)} to ${formatCloses(closes.high)})`);
    }
    const commission90 = figures.forecast.horizons[2]?.commission[0];
    expect(commission90).toBeDefined();
    if (commission90) expect(text).toContain(`GBP ${commission90.expected.toFixed(2)}`);
    expect(text).toMatch(/Win rates learned from your history: New \d+% \(\d+ of \d+ won\)/);
  });

  it('says why there is no forecast instead of drawing an empty chart', async () => {
    const figures = computeExecutiveFigures(leads, earnings, now, { activities, commissionRate: null });
    expect(pdfText(await renderExecutiveReport(input({ figures })))).toContain('The forecast appears once your commission rate has synced to this device.');
  });

  it('carries the SISO programme name when not white-labelled', async () => {
    expect(pdfText(await renderExecutiveReport(input({ whiteLabel: false })))).toContain('SISO Partner Program');
  });

  it('draws its charts as vector paths, not images', async () => {
    const bytes = await renderExecutiveReport(input());
    const file = join(work, 'vector.pdf');
    writeFileSync(file, bytes);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
    expect(images).toHaveLength(2); // pdfimages' two header lines, no image rows
    const doc = await PDFDocument.load(bytes);
    const operators = (pageIndex: number) => {
      const contents = doc.getPages()[pageIndex]?.node.Contents();
      const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
      return streams.map((stream) => (stream instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(stream).decode()) : '')).join('\n');
    };
    // Trend: stroked polylines (l … S) and dots as curves (c); funnel: filled closed paths, one per stage plus the page band.
    expect(operators(2)).toMatch(/\sl\n[\s\S]*\nS\n/);
    expect(operators(2)).toMatch(/\sc\n/);
    expect((operators(3).match(/\nh\nf\n/g) ?? []).length).toBeGreaterThanOrEqual(7);
  });

  it('refuses a partner without a name, with a sentence saying what to do', async () => {
    await expect(renderExecutiveReport(input({ partner: { name: '  ' } }))).rejects.toThrow(/Add one in Settings/);
  });

  it('names the file after the partner and the day', () => {
    expect(executiveReportFileName('Łukasz Żółć Consulting', now)).toBe('executive-report-lukasz-zolc-consulting-2026-12-01.pdf');
  });
});
