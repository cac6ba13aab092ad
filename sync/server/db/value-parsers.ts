/**
 * How column values leave the database, the same on both engines and shaped like PostgREST's
 * JSON: bigint and numeric as numbers, timestamps and dates as ISO 8601 strings (never Date).
 * Sessions run with `timezone = UTC`, so timestamptz text always carries a +00 offset.
 */
export const typeOids = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  int8Array: 1016,
  numericArray: 1231,
  timestamptzArray: 1185,
} as const;

/** '2026-05-01 09:30:00.123456+00' → '2026-05-01T09:30:00.123456+00:00' */
export function isoTimestamp(text: string): string {
  const withT = text.replace(' ', 'T');
  const offset = /([+-]\d{2})(:?(\d{2}))?(:?\d{2})?$/.exec(withT);
  if (!offset || offset.index < 11) return withT;
  const hours = offset[1] ?? '+00';
  const minutes = offset[3] ?? '00';
  return `${withT.slice(0, offset.index)}${hours}:${minutes}`;
}

export function toNumber(text: string): number {
  return Number(text);
}

/** Splits a one-dimensional Postgres array literal of unquoted scalars: '{1,2,NULL}'. */
function parseScalarArray<T>(text: string, parse: (item: string) => T): (T | null)[] {
  const inner = text.slice(1, -1);
  if (inner === '') return [];
  return inner.split(',').map((item) => {
    const unquoted = item.startsWith('"') ? item.slice(1, -1) : item;
    return unquoted === 'NULL' ? null : parse(unquoted);
  });
}

export const valueParsers: Record<number, (text: string) => unknown> = {
  [typeOids.int8]: toNumber,
  [typeOids.numeric]: toNumber,
  [typeOids.date]: (text) => text,
  [typeOids.timestamp]: (text) => text.replace(' ', 'T'),
  [typeOids.timestamptz]: isoTimestamp,
  [typeOids.int8Array]: (text) => parseScalarArray(text, toNumber),
  [typeOids.numericArray]: (text) => parseScalarArray(text, toNumber),
  [typeOids.timestamptzArray]: (text) => parseScalarArray(text, isoTimestamp),
};
