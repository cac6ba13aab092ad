import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import {
  computeExecutiveFigures,
  executiveReportFileName,
  kpiValue,
  renderExecutiveReport,
  type ExecutiveReportInput,
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
  { stage: 'won', source: 'referral_link', created_at: '2026-09-01T10:00:00.000Z', stage_changed_at: '2026-09-21T10:00:00.000Z' },
  { stage: 'won', source: 'website', created_at: '2026-10-01T10:00:00.000Z', stage_changed_at: '2026-10-11T10:00:00.000Z' },
  { stage: 'won', source: 'website', created_at: '2026-11-02T10:00:00.000Z', stage_changed_at: '2026-12-01T09:00:00.000Z' },
  { stage: 'lost', source: 'event', created_at: '2026-11-03T10:00:00.000Z', stage_changed_at: '2026-11-10T10:00:00.000Z' },
  { stage: 'proposal', source: 'website', created_at: '2026-11-05T10:00:00.000Z' },
  { stage: 'new', source: 'referral_link', created_at: '2026-12-01T08:00:00.000Z' },
  // Before the six-month period: counts for history (close rate), not for the period.
  { stage: 'won', source: 'event', created_at: '2026-01-05T10:00:00.000Z', stage_changed_at: '2026-02-04T10:00:00.000Z' },
];
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
    figures: computeExecutiveFigures(leads, earnings, now),
    kpis: [{ id: 'kpi-1', label: 'Quarterly wins — Ωmega', metric: 'conversions', target: 6 }],
    fonts,
    now,
    formatMoney: (amount, currency) => `${currency} ${amount.toFixed(2)}`,
    ...overrides,
  };
}

describe('computeExecutiveFigures', () => {
  it('counts the period’s leads, wins, earnings, funnel and sources, and forecasts from the whole history', () => {
    const figures = computeExecutiveFigures(leads, earnings, now);
    expect(figures.periodStart).toBe('2026-07-01');
    expect(figures.leads).toBe(6);
    expect(figures.conversions).toBe(3);
    expect(figures.conversionRate).toBeCloseTo(3 / 6);
    expect(figures.earnings).toEqual([{ currency: 'GBP', amount: 2000.5 }]);
    expect(figures.openPipeline).toBe(2);
    expect(figures.closeRate).toBeCloseTo(4 / 5);
    expect(figures.trend.map((point) => point.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(figures.trend.find((point) => point.month === '2026-12')).toEqual({ month: '2026-12', leads: 1, conversions: 1, cohortWon: 0 });
    expect(figures.trend.find((point) => point.month === '2026-11')).toEqual({ month: '2026-11', leads: 3, conversions: 0, cohortWon: 1 });
    expect(figures.funnel.find((entry) => entry.stage === 'won')?.count).toBe(3);
    expect(figures.sources[0]).toEqual({ label: 'Website', count: 3 });
    for (const point of figures.forecast) {
      expect(point.low).toBeLessThanOrEqual(point.expected);
      expect(point.expected).toBeLessThanOrEqual(point.high);
      expect(point.high).toBeLessThanOrEqual(figures.openPipeline);
    }
    expect(kpiValue(figures, 'conversion_rate')).toBe(50);
  });

  it('has no rates and a zero forecast with no leads at all', () => {
    const figures = computeExecutiveFigures([], [], now);
    expect(figures.conversionRate).toBeNull();
    expect(figures.closeRate).toBeNull();
    expect(figures.forecast.every((point) => point.expected === 0 && point.high === 0)).toBe(true);
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
