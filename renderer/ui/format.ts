/** Display formatting with Intl only; dates are shown in the partner's time zone. */

const money = new Map<string, Intl.NumberFormat>();

/** An amount in its currency; with no currency (values stored without one) the plain number, so nothing is invented. */
export function formatMoney(amount: number, currency: string | null): string {
  const key = currency ?? '';
  let format = money.get(key);
  if (!format) {
    try {
      format = currency
        ? new Intl.NumberFormat(undefined, { style: 'currency', currency })
        : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    money.set(key, format);
  }
  return format.format(amount);
}

const compactMoney = new Map<string, Intl.NumberFormat>();

/** "€4K"-style amounts for chart labels, where space is short; tables keep the full amount. */
export function formatMoneyCompact(amount: number, currency: string): string {
  let format = compactMoney.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactMoney.set(currency, format);
  }
  return format.format(amount);
}

export function formatDate(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return 'Unknown date';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(date);
}

/** "2026-11" → { short: "Nov", long: "November 2026" } (month keys are calendar months, no zone). */
export function formatMonthKey(key: string): { short: string; long: string } {
  const [year, month] = key.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 15));
  return {
    short: new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }).format(date),
    long: new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date),
  };
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The time zone this device is set to, for data that does not name one. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
