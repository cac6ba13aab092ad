/**
 * Commission statement PDFs checked with poppler: pdftotext must extract the lines, balances, page
 * numbers and Unicode names as text, the annual summary's totals must be the domain's maths, and
 * pdftoppm rasterises every page into /tmp/shots-statements/ for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earningSchema, type EarningDoc } from '../../sync/schema/earnings.schema';
import { payoutSchema, type PayoutDoc } from '../../sync/schema/payouts.schema';
import { rebaseRelativeDates, type JsonValue } from '../../sync/schema/relative-dates';
import { computeBalances } from '../../sync/domain/payouts';
import { MissingGlyphError, formatMinorUnits } from '../../sync/domain/proposals';
import { annualSummaryFigures, monthlyStatementFigures, renderCommissionStatement, statementFileName, toMinor, type StatementPartner } from '../../sync/domain/statements';

const fonts = {
  regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
  bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
};
const now = new Date('2026-12-01T09:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'statements-pdf-'));
const shots = '/tmp/shots-statements';
mkdirSync(shots, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const partner: StatementPartner = {
  name: 'Łukasz Żółć',
  company: 'Ελένη & Дмитрий Partners',
  email: 'lukasz@example.com',
  country: 'PL',
  taxSummary: 'Łukasz Żółć · PL · tax ID ••••7781',
  payoutMethod: 'Bank account PL •••• 4321 (Łukasz Żółć)',
};

const normalise = (text: string) => text.replace(/\s+/g, ' ');
const gbp = (minor: number) => formatMinorUnits(minor, 'GBP', 'en-GB');

function pdfText(pdf: Uint8Array, name: string): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(shots, name.replace(/\.pdf$/, ''))]);
  return normalise(execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'));
}

function line(index: number, overrides: Partial<EarningDoc> = {}): EarningDoc {
  const day = String((index % 28) + 1).padStart(2, '0');
  const month = String(Math.floor((index * 12) / 1000) + 1).padStart(2, '0');
  const types = ['referral', 'upsell', 'base', 'bonus'] as const;
  return {
    id: `line-${index}`,
    partner_id: 'partner-1',
    created_at: `2026-${month}-${day}T10:00:00.000Z`,
    updated_at: `2026-${month}-${day}T10:00:00.000Z`,
    kind: 'commission',
    lead_id: `lead-${index}`,
    deal_name: ['Ελένη Παπαδοπούλου — platform licence', 'Дмитрий Иванов — onboarding', "Zoë O'Brien Ltd — support plan", 'Żółć Logistics — platform licence'][index % 3] ?? 'Deal',
    commission_type: types[index % 4] ?? 'referral',
    amount: 100 + (index % 50) * 7.35,
    currency: 'GBP',
    rate: 22,
    status: index % 5 === 0 ? 'pending' : index % 3 === 0 ? 'paid' : 'approved',
    period: null,
    history: [],
    ...overrides,
  };
}

/** 1,000 lines over 2026 with clawbacks, and a paid payout per month. */
function yearOfLines(): { earnings: EarningDoc[]; payouts: PayoutDoc[] } {
  const earnings = Array.from({ length: 1000 }, (_, index) =>
    index % 40 === 7 ? line(index, { commission_type: 'clawback', amount: -150, status: 'approved', reason: 'Client cancelled within 30 days', deal_name: 'Дмитрий Иванов — onboarding' }) : line(index),
  );
  const payouts: PayoutDoc[] = Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1).padStart(2, '0');
    return {
      id: `payout-${index}`,
      partner_id: 'partner-1',
      created_at: `2026-${month}-20T09:00:00.000Z`,
      amount: 1500,
      currency: 'GBP',
      method: 'bank',
      status: 'paid',
      reference: `SISO-2026-${month}`,
      approved_at: `2026-${month}-21T09:00:00.000Z`,
      paid_at: `2026-${month}-22T09:00:00.000Z`,
    };
  });
  return { earnings, payouts };
}

describe('monthly commission statement', () => {
  const { earnings, payouts } = yearOfLines();

  it('lists every line of the month with the balances, both parties and page numbers', async () => {
    const pdf = await renderCommissionStatement({ kind: 'month', month: '2026-11' }, { earnings, payouts, partner, currency: 'GBP', fonts, now });
    const text = pdfText(pdf, 'statement-2026-11.pdf');
    const figures = monthlyStatementFigures(earnings, payouts, 'GBP', '2026-11');
    expect(figures.lines.length).toBeGreaterThan(50);
    expect(text).toContain('Łukasz Żółć');
    expect(text).toContain('Ελένη & Дмитрий Partners');
    expect(text).toContain('SISO Agency');
    expect(text).toContain('partners@siso.agency');
    expect(text).toContain('Commission statement — November 2026');
    expect(text).toMatch(new RegExp(`Opening balance \\(1 November 2026\\) ${escapeRegExp(gbp(figures.openingMinor))}`));
    expect(text).toMatch(new RegExp(`Closing balance ${escapeRegExp(gbp(figures.closingMinor))}`));
    expect(figures.closingMinor).toBe(figures.openingMinor + figures.earnedMinor + figures.clawbacksMinor - figures.payoutsMinor);
    const before = computeBalances(earnings.filter((l) => l.created_at < '2026-12'), payouts.filter((p) => p.created_at < '2026-12'))[0];
    expect(figures.closingMinor).toBe(toMinor(before?.available ?? 0, 'GBP'));
    // Every line's amount appears, in date order.
    let from = 0;
    for (const entry of figures.lines) {
      const amount = gbp(toMinor(entry.amount, 'GBP'));
      const at = text.indexOf(amount, from);
      expect(at, `line ${entry.id} (${amount})`).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(text).toContain('Reason: Client cancelled within 30 days');
    expect(text).toContain('Clawback 22% Approved -£150.00');
    expect(text).toContain('SISO-2026-11');
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.match(/Client \/ deal/g)?.length).toBe(pages);
  });

  it('still renders a month with no lines and says so', async () => {
    const pdf = await renderCommissionStatement({ kind: 'month', month: '2027-02' }, { earnings, payouts, partner, currency: 'GBP', fonts, now });
    const text = pdfText(pdf, 'statement-empty-2027-02.pdf');
    expect(text).toContain('No commission lines this month.');
    expect(text).toContain('No payouts this month.');
    expect(text).toContain('Page 1 of 1');
    const closing = monthlyStatementFigures(earnings, payouts, 'GBP', '2026-12').closingMinor;
    expect(text).toContain(`Opening balance (1 February 2027) ${gbp(closing)}`);
  });

  it('renders the demo workspace, one section per currency', async () => {
    const demo = JSON.parse(readFileSync('resources/demo/workspace.json', 'utf8')) as JsonValue;
    const collections = (rebaseRelativeDates(demo, now) as { collections: { earnings: unknown[]; payouts: unknown[] } }).collections;
    const demoEarnings = collections.earnings.map((row) => earningSchema.parse(row));
    const demoPayouts = collections.payouts.map((row) => payoutSchema.parse(row));
    const month = now.toISOString().slice(0, 7);
    const pdf = await renderCommissionStatement({ kind: 'month', month }, { earnings: demoEarnings, payouts: demoPayouts, partner: { name: 'Demo Partner', email: 'demo.partner@example.com' }, currency: 'GBP', fonts, now });
    const text = pdfText(pdf, `statement-demo-${month}.pdf`);
    const currencies = [...new Set([...demoEarnings, ...demoPayouts].map((row) => row.currency))];
    expect(currencies.length).toBeGreaterThan(1);
    for (const currency of currencies) expect(text).toContain(`${currency} account`);
  });

  it('names a character the fonts lack instead of drawing a blank', async () => {
    await expect(
      renderCommissionStatement({ kind: 'month', month: '2026-11' }, { earnings: [], payouts: [], partner: { ...partner, name: 'Partner 𝔘' }, currency: 'GBP', fonts, now }),
    ).rejects.toBeInstanceOf(MissingGlyphError);
  });
});

describe('annual summary for tax purposes', () => {
  const { earnings, payouts } = yearOfLines();

  it('shows per-month totals by type, payouts received and the year total from the domain maths', async () => {
    const pdf = await renderCommissionStatement({ kind: 'year', year: 2026 }, { earnings, payouts, partner, currency: 'GBP', fonts, now });
    const text = pdfText(pdf, 'annual-summary-2026.pdf');
    const figures = annualSummaryFigures(earnings, payouts, 'GBP', 2026);
    const balances = computeBalances(earnings, payouts)[0];
    expect(figures.yearTotalMinor).toBe(toMinor((balances?.approved ?? 0) + (balances?.paid ?? 0), 'GBP'));
    expect(figures.yearPayoutsReceivedMinor).toBe(toMinor(balances?.paidOut ?? 0, 'GBP'));
    expect(figures.yearPendingMinor).toBe(toMinor(balances?.pending ?? 0, 'GBP'));
    expect(figures.closingMinor).toBe(toMinor(balances?.available ?? 0, 'GBP'));
    expect(Object.values(figures.yearByTypeMinor).reduce((a, b) => a + b, 0)).toBe(figures.yearTotalMinor);
    expect(text).toContain('Annual commission summary 2026 — for tax purposes');
    expect(text).toContain('Łukasz Żółć');
    for (const row of figures.months) expect(text).toContain(gbp(row.totalMinor));
    const yearRow = ['Year 2026', ...(['referral', 'upsell', 'base', 'bonus', 'clawback'] as const).map((type) => gbp(figures.yearByTypeMinor[type])), gbp(figures.yearTotalMinor), gbp(figures.yearPayoutsReceivedMinor)];
    expect(text).toContain(yearRow.join(' '));
    expect(text).toContain(`Closing balance (31 December 2026) ${gbp(figures.closingMinor)}`);
    expect(text).toContain('Page 1 of 1');
  });

  it('names the files after the period', () => {
    expect(statementFileName({ kind: 'month', month: '2026-11' })).toBe('siso-statement-2026-11.pdf');
    expect(statementFileName({ kind: 'year', year: 2026 })).toBe('siso-annual-summary-2026.pdf');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
