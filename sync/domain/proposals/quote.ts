/**
 * Quotes from a template's price list: which lines the client takes and how many, a discount on
 * the subtotal and tax after it, all in the currency's minor units so the rows add up exactly.
 */
import { z } from 'zod';
import { currencyFractionDigits } from './pricing';
import type { PriceListItem, PricingTableBlock, ProposalTemplate } from './template-schema';

export const MAX_QUANTITY = 999;

export interface QuoteSelection {
  items: Record<string, { included: boolean; quantity: number }>;
  discountPercent: number;
}

export const quoteSelectionSchema: z.ZodType<QuoteSelection> = z.object({
  items: z.record(
    z.string().min(1),
    z.object({
      included: z.boolean(),
      quantity: z.int('Quantities are whole numbers.').min(1, 'A quantity is at least 1.').max(MAX_QUANTITY, `A quantity is at most ${MAX_QUANTITY}.`),
    }),
  ),
  discountPercent: z.number().min(0, 'A discount cannot be negative.').max(100, 'A discount cannot be more than 100%.'),
});

export interface QuoteLine {
  id: string;
  label: string;
  description: string | null;
  unit: string | null;
  unitMinor: number;
  quantity: number;
  amountMinor: number;
  optional: boolean;
  included: boolean;
}

export interface Quote {
  currency: string;
  fractionDigits: number;
  lines: QuoteLine[];
  subtotalMinor: number;
  discountPercent: number;
  discountMinor: number;
  tax: { label: string; percent: number; amountMinor: number } | null;
  totalMinor: number;
}

export type PriceListBlock = PricingTableBlock & { price_list: PriceListItem[] };

/** The template's first pricing table that has a price list (in page order, zones included), or null. */
export function priceListOf(template: ProposalTemplate): PriceListBlock | null {
  for (const page of template.pages) {
    for (const block of [...page.blocks, ...page.zones.flatMap((zone) => zone.blocks)]) {
      if (block.type === 'pricing-table' && block.price_list) return block as PriceListBlock;
    }
  }
  return null;
}

export function defaultSelection(priceList: readonly PriceListItem[]): QuoteSelection {
  const items: QuoteSelection['items'] = {};
  for (const item of priceList) items[item.id] = { included: item.optional ? item.included : true, quantity: clampQuantity(item.quantity) };
  return { items, discountPercent: 0 };
}

function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_QUANTITY, Math.max(1, Math.round(quantity)));
}

function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, percent));
}

/**
 * Required items are always included; quantities are clamped to 1..999; the discount applies to
 * the subtotal of included lines and tax to what remains after it.
 */
export function computeQuote(priceList: readonly PriceListItem[], selection: QuoteSelection, currency: string, tax?: { label: string; percent: number }): Quote {
  const fractionDigits = currencyFractionDigits(currency);
  const scale = 10 ** fractionDigits;
  const lines = priceList.map((item): QuoteLine => {
    const chosen = selection.items[item.id];
    const included = item.optional ? (chosen?.included ?? item.included) : true;
    const quantity = clampQuantity(chosen?.quantity ?? item.quantity);
    const unitMinor = Math.round(item.unit_price * scale);
    return {
      id: item.id,
      label: item.label,
      description: item.description ?? null,
      unit: item.unit ?? null,
      unitMinor,
      quantity,
      amountMinor: unitMinor * quantity,
      optional: item.optional,
      included,
    };
  });
  const subtotalMinor = lines.reduce((sum, line) => (line.included ? sum + line.amountMinor : sum), 0);
  const discountPercent = clampPercent(selection.discountPercent);
  const discountMinor = Math.round((subtotalMinor * discountPercent) / 100);
  const taxable = subtotalMinor - discountMinor;
  const taxLine = tax ? { label: tax.label, percent: tax.percent, amountMinor: Math.round((taxable * tax.percent) / 100) } : null;
  return { currency, fractionDigits, lines, subtotalMinor, discountPercent, discountMinor, tax: taxLine, totalMinor: taxable + (taxLine?.amountMinor ?? 0) };
}

/** The partner's commission on the quote: the rate applied to the total before tax (after the discount). */
export function commissionPreviewMinor(quote: Quote, ratePercent: number): number {
  return Math.round(((quote.subtotalMinor - quote.discountMinor) * clampPercent(ratePercent)) / 100);
}
