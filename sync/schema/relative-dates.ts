/**
 * Demo data stores dates relative to the moment it is loaded, so the workspace always looks
 * current. Tokens (whole string values only):
 *   @now, @now-3d4h30m, @now+2d   an instant relative to now (ISO timestamp)
 *   @month+2d9h                   relative to the start of the current local month, never after now
 *   @today-12d                    a local calendar date (YYYY-MM-DD)
 *   @period-1                     a local month (YYYY-MM), offset in months
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const INSTANT = /^@(now|month|today)(?:([+-])(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?)?$/;
const PERIOD = /^@period(?:([+-]\d+))?$/;

export function rebaseRelativeDates(value: JsonValue, now: Date): JsonValue {
  if (typeof value === 'string') return resolveToken(value, now);
  if (Array.isArray(value)) return value.map((item) => rebaseRelativeDates(item, now));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rebaseRelativeDates(item, now)]));
  }
  return value;
}

export function resolveToken(token: string, now: Date): string {
  if (!token.startsWith('@')) return token;
  const period = PERIOD.exec(token);
  if (period) {
    const month = new Date(now.getFullYear(), now.getMonth() + Number(period[1] ?? 0), 1);
    return `${month.getFullYear()}-${pad(month.getMonth() + 1)}`;
  }
  const instant = INSTANT.exec(token);
  if (!instant) throw new Error(`"${token}" is not a relative date the demo loader understands.`);
  const [, anchor, sign, days, hours, minutes] = instant;
  const offsetMs =
    (sign === '-' ? -1 : 1) * ((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60_000;
  if (anchor === 'today') {
    const day = new Date(now.getTime() + offsetMs);
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  }
  if (anchor === 'month') {
    const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).getTime();
    return new Date(Math.min(monthStart + offsetMs, now.getTime())).toISOString();
  }
  return new Date(now.getTime() + offsetMs).toISOString();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
