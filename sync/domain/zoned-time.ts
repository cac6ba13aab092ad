/**
 * Calendar arithmetic in a partner's IANA time zone with Intl only (no date library): which month
 * or day an instant falls in there, and the instant a zoned month starts. Deterministic — callers
 * pass the instant and the zone.
 */

export const DAY_MS = 86_400_000;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    partFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone if Intl knows it, otherwise `fallback` (itself checked), otherwise UTC. */
export function resolveTimeZone(preferred: string | null | undefined, fallback?: string | null): string {
  if (isValidTimeZone(preferred)) return preferred;
  if (isValidTimeZone(fallback)) return fallback;
  return 'UTC';
}

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Partial<Record<string, number>> = {};
  for (const part of partFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** "YYYY-MM" of the month `instant` falls in, in `timeZone`. */
export function zonedMonthKey(instant: Date, timeZone: string): string {
  const { year, month } = zonedParts(instant, timeZone);
  return monthKey(year, month);
}

export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight starts the given day (month may overflow: 13 = January next year). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wallClock = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight sits next to a DST change.
  let guess = wallClock - zoneOffsetMs(new Date(wallClock), timeZone);
  guess = wallClock - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

export interface ZonedMonth {
  key: string;
  start: Date;
  /** Start of the following month (exclusive end). */
  end: Date;
}

/** The zoned month containing `instant`, shifted by `offset` months. */
export function zonedMonth(instant: Date, timeZone: string, offset = 0): ZonedMonth {
  const { year, month } = zonedParts(instant, timeZone);
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return {
    key: monthKey(y, m),
    start: zonedMidnight(y, m, 1, timeZone),
    end: zonedMidnight(y, m + 1, 1, timeZone),
  };
}

/** Parses an ISO timestamp; null for missing or unparseable values. */
export function parseInstant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** Whole days from `from` to `to` (floored; negative when `to` is earlier). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
