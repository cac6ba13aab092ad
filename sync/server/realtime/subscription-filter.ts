/**
 * The `filter` of a postgres_changes subscription (`column=op.value`, as Supabase Realtime
 * accepts it) turned into a SQL condition with bound values, so Postgres compares in the
 * column's own type (numbers as numbers, timestamps as timestamps).
 */
export type FilterOperator = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface RowFilter {
  column: string;
  operator: FilterOperator;
  values: string[];
}

const sqlOperators: Record<Exclude<FilterOperator, 'in'>, string> = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replace(/\\"/g, '"')
    : trimmed;
}

/** Splits `(a,"b,c",d)` on commas outside double quotes. */
function splitList(list: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of list) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map(unquote);
}

/** The parsed filter, or undefined when the text is not a supported filter. */
export function parseRowFilter(text: string): RowFilter | undefined {
  const match = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.(.*)$/s.exec(text);
  if (!match) return undefined;
  const [, column = '', operator = 'eq', value = ''] = match;
  if (column.trim() === '') return undefined;
  if (operator === 'in') {
    const list = /^\((.*)\)$/s.exec(value.trim());
    if (!list) return undefined;
    const values = splitList(list[1] ?? '');
    return values.length > 0 ? { column: column.trim(), operator, values } : undefined;
  }
  return { column: column.trim(), operator: operator as FilterOperator, values: [value] };
}

/** `alias."column" op $n` with the filter's values appended to `params`. */
export function filterCondition(filter: RowFilter, alias: string, params: unknown[]): string {
  const column = `${alias}.${quoteIdent(filter.column)}`;
  if (filter.operator === 'in') {
    const placeholders = filter.values.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return `${column} in (${placeholders.join(', ')})`;
  }
  params.push(filter.values[0]);
  return `${column} ${sqlOperators[filter.operator]} $${params.length}`;
}
