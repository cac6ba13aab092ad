import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PENDING_WATERMARK,
  bundledTemplates,
  commissionPreviewMinor,
  computeQuote,
  defaultSelection,
  parseProposalTemplate,
  priceListOf,
  quoteSelectionSchema,
  renderProposal,
  type PriceListItem,
  type ProposalData,
  type ProposalTemplate,
} from '../../sync/domain/proposals';

const list: PriceListItem[] = [
  { id: 'discovery', label: 'Discovery workshop', unit_price: 1500, quantity: 1, optional: false, included: true },
  { id: 'build', label: 'Platform build', description: 'Configured by SISO.', unit_price: 12_000.5, quantity: 1, optional: false, included: true },
  { id: 'portal', label: 'Client portal', unit_price: 3000, quantity: 1, optional: true, included: true },
  { id: 'support', label: 'Support retainer', unit_price: 800, unit: 'month', quantity: 3, optional: true, included: false },
];

const template = (blocks: unknown[]) => ({ id: 'tiny', name: 'Tiny', description: 'A test template.', title: 'Tiny', category: 'proposals', pages: [{ blocks }] });

describe('price list templates', () => {
  it('needs exactly one of items or price_list on a pricing table, naming the block', () => {
    expect(() => parseProposalTemplate(template([{ type: 'pricing-table', id: 'fees' }]))).toThrow(
      /page 1, block 1 \(pricing-table 'fees'\): needs exactly one of items .* or price_list/,
    );
    expect(() =>
      parseProposalTemplate(template([{ type: 'pricing-table', id: 'fees', items: [{ label: 'All', percent: 100 }], price_list: [{ id: 'a', label: 'A', unit_price: 1 }] }])),
    ).toThrow(/needs exactly one of items/);
  });

  it('fills price list defaults and refuses repeated ids and negative prices', () => {
    const parsed = parseProposalTemplate(template([{ type: 'pricing-table', price_list: [{ id: 'a', label: 'A', unit_price: 10 }] }]));
    const block = priceListOf(parsed);
    expect(block?.price_list).toEqual([{ id: 'a', label: 'A', unit_price: 10, quantity: 1, optional: false, included: true }]);
    expect(block?.headings.quantity).toBe('Qty');
    expect(() => parseProposalTemplate(template([{ type: 'pricing-table', price_list: [{ id: 'a', label: 'A', unit_price: 1 }, { id: 'a', label: 'B', unit_price: 2 }] }]))).toThrow(
      /each price list item needs its own id/,
    );
    expect(() => parseProposalTemplate(template([{ type: 'pricing-table', price_list: [{ id: 'a', label: 'A', unit_price: -1 }] }]))).toThrow(/unit price/);
  });

  it('priceListOf finds the bundled priced proposal and is null for a percent split', () => {
    const templates = bundledTemplates();
    const priced = templates.find((t) => t.id === 'priced-proposal') as ProposalTemplate;
    expect(priceListOf(priced)?.price_list.map((item) => item.id)).toContain('support-retainer');
    expect(priceListOf(templates.find((t) => t.id === 'four-page-proposal') as ProposalTemplate)).toBeNull();
  });
});

describe('computeQuote', () => {
  it('starts with required items and optional items that are on by default', () => {
    const selection = defaultSelection(list);
    expect(selection).toEqual({
      items: { discovery: { included: true, quantity: 1 }, build: { included: true, quantity: 1 }, portal: { included: true, quantity: 1 }, support: { included: false, quantity: 3 } },
      discountPercent: 0,
    });
    const quote = computeQuote(list, selection, 'GBP');
    expect(quote.lines.filter((line) => line.included).map((line) => line.id)).toEqual(['discovery', 'build', 'portal']);
    expect(quote.lines[1]).toMatchObject({ unitMinor: 1_200_050, amountMinor: 1_200_050, description: 'Configured by SISO.', unit: null });
    expect(quote.subtotalMinor).toBe(150_000 + 1_200_050 + 300_000);
    expect(quote.totalMinor).toBe(quote.subtotalMinor);
    expect(quote.tax).toBeNull();
  });

  it('keeps required items in, clamps quantities and applies the discount before tax', () => {
    const quote = computeQuote(
      list,
      {
        items: { discovery: { included: false, quantity: 0 }, portal: { included: false, quantity: 1 }, support: { included: true, quantity: 5000 } },
        discountPercent: 12.5,
      },
      'EUR',
      { label: 'VAT', percent: 20 },
    );
    expect(quote.lines.map((line) => [line.id, line.included, line.quantity])).toEqual([
      ['discovery', true, 1],
      ['build', true, 1],
      ['portal', false, 1],
      ['support', true, 999],
    ]);
    const subtotal = 150_000 + 1_200_050 + 80_000 * 999;
    expect(quote.subtotalMinor).toBe(subtotal);
    expect(quote.discountMinor).toBe(Math.round(subtotal * 0.125));
    expect(quote.tax).toEqual({ label: 'VAT', percent: 20, amountMinor: Math.round((subtotal - quote.discountMinor) * 0.2) });
    expect(quote.totalMinor).toBe(subtotal - quote.discountMinor + (quote.tax?.amountMinor ?? 0));
  });

  it('prices currencies without minor units in whole units', () => {
    const quote = computeQuote([{ id: 'a', label: 'A', unit_price: 1234.6, quantity: 2, optional: false, included: true }], { items: {}, discountPercent: 10 }, 'JPY');
    expect(quote.fractionDigits).toBe(0);
    expect(quote.lines[0]?.amountMinor).toBe(2470);
    expect(quote.discountMinor).toBe(247);
  });

  it('previews commission on the total before tax, after the discount', () => {
    const quote = computeQuote(list, { ...defaultSelection(list), discountPercent: 10 }, 'GBP', { label: 'VAT', percent: 20 });
    expect(commissionPreviewMinor(quote, 15)).toBe(Math.round((quote.subtotalMinor - quote.discountMinor) * 0.15));
    expect(commissionPreviewMinor(quote, 0)).toBe(0);
  });

  it('validates a selection read back from storage with sentences', () => {
    expect(quoteSelectionSchema.safeParse(defaultSelection(list)).success).toBe(true);
    const bad = quoteSelectionSchema.safeParse({ items: { a: { included: true, quantity: 0 } }, discountPercent: 120 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual(['A quantity is at least 1.', 'A discount cannot be more than 100%.']);
  });
});

describe('rendering a price list', () => {
  const fonts = {
    regular: new Uint8Array(readFileSync('resources/fonts/NotoSans-Regular.ttf')),
    bold: new Uint8Array(readFileSync('resources/fonts/NotoSans-Bold.ttf')),
  };
  const work = mkdtempSync(join(tmpdir(), 'proposals-quote-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const priced = bundledTemplates().find((t) => t.id === 'priced-proposal') as ProposalTemplate;
  const data: ProposalData = {
    partner: { name: 'Łukasz Żółć', company: 'Żółć Partners' },
    lead: { company: "Zoë O'Brien Ltd", contact: 'Zoë', estimatedValue: null, currency: 'GBP' },
    brand: { primary: '#1F4E79', secondary: '#F2A900' },
    referralUrl: 'https://siso.agency/r/lukasz?utm_source=proposal',
    whiteLabel: false,
  };
  const text = async (input: ProposalData, name: string) => {
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, await renderProposal({ template: priced, data: input, fonts, now: new Date('2026-12-01T10:00:00Z') }));
    // -layout keeps each table row on one line.
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  it('lists the included lines with quantities, the discount, subtotal, VAT and total of the selection', async () => {
    const block = priceListOf(priced);
    if (!block) throw new Error('The priced proposal has no price list.');
    const selection = defaultSelection(block.price_list);
    selection.items['support-retainer'] = { included: true, quantity: 6 };
    selection.items['client-portal'] = { included: false, quantity: 1 };
    selection.discountPercent = 10;
    const out = await text({ ...data, quote: selection }, 'selected');
    expect(out).toMatch(/Item Qty Amount/);
    expect(out).toContain('Support retainer (per month) 6 £4,800.00');
    expect(out).not.toContain('Client portal');
    expect(out).not.toContain('Training day');
    // 1,500 + 12,000 + 6 × 800 = 18,300; −10% = 16,470; VAT 20% = 3,294.
    expect(out).toContain('Discount (−10%) −£1,830.00');
    expect(out).toContain('Subtotal £16,470.00');
    expect(out).toContain('VAT 20% £3,294.00');
    expect(out).toContain('Total £19,764.00');
    expect(out).not.toContain(PENDING_WATERMARK);
  });

  it('uses the default selection without a quote and leaves the discount row out at 0%', async () => {
    const out = await text(data, 'default');
    expect(out).toContain('Client portal 1 £3,000.00');
    expect(out).not.toContain('Support retainer');
    expect(out).not.toContain('Discount');
    expect(out).toContain('Total £19,800.00');
  });

  it('draws the pending-approval watermark on every page as text pdftotext extracts', async () => {
    const file = join(work, 'watermarked.pdf');
    writeFileSync(file, await renderProposal({ template: priced, data: { ...data, watermark: PENDING_WATERMARK }, fonts, now: new Date('2026-12-01T10:00:00Z') }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page += 1) {
      const pageText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      expect(pageText.replace(/\s+/g, ' ')).toContain('Draft — pending approval');
    }
  });
});
