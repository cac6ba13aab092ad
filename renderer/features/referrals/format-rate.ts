/** Conversion rates are often well under 1%, so they keep one decimal place. */
export function formatRate(fraction: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}
