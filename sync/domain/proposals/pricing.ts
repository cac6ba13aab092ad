/**
 * Pricing-table maths: splits a lead's estimated value into the template's line items in the
 * currency's minor units (largest remainder, so the lines always add up to the subtotal exactly).
 */
export interface PricingLine {
  label: string;
  percent: number;
  amountMinor: number;
}

export interface Pricing {
  currency: string;
  fractionDigits: number;
  lines: PricingLine[];
  subtotalMinor: number;
  tax: { label: string; percent: number; amountMinor: number } | null;
  totalMinor: number;
}

// Building an Intl.NumberFormat costs far more than formatting with one; statements format thousands of amounts.
const fractionDigitsByCurrency = new Map<string, number>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigitsByCurrency.set(currency, digits);
  }
  return digits;
}

export function computePricing(
  value: number,
  currency: string,
  items: readonly { label: string; percent: number }[],
  tax?: { label: string; percent: number },
): Pricing {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`An estimated value of ${value} cannot be priced.`);
  const fractionDigits = currencyFractionDigits(currency);
  const scale = 10 ** fractionDigits;
  const subtotalMinor = Math.round(value * scale);
  const exact = items.map((item) => (subtotalMinor * item.percent) / 100);
  const floors = exact.map(Math.floor);
  let remainder = subtotalMinor - floors.reduce((sum, n) => sum + n, 0);
  const order = exact.map((n, index) => ({ index, fraction: n - Math.floor(n) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (const { index } of order) {
    if (remainder <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    remainder -= 1;
  }
  const lines = items.map((item, index) => ({ label: item.label, percent: item.percent, amountMinor: floors[index] ?? 0 }));
  const taxLine = tax ? { label: tax.label, percent: tax.percent, amountMinor: Math.round((subtotalMinor * tax.percent) / 100) } : null;
  return { currency, fractionDigits, lines, subtotalMinor, tax: taxLine, totalMinor: subtotalMinor + (taxLine?.amountMinor ?? 0) };
}

/**
 * Money on a proposal document: an amount in the currency's minor units, in the template's fixed
 * locale, so a PDF reads the same on every machine (screens use renderer/ui's formatMoney instead).
 */
export function formatMinorUnits(minor: number, currency: string, locale: string): string {
  const fractionDigits = currencyFractionDigits(currency);
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** fractionDigits);
}

export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}
