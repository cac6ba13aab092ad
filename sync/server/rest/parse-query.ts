/**
 * Parses PostgREST's query dialect — `select=`, horizontal filters, `or=(…)`/`and=(…)` trees,
 * `order=` — into a small syntax tree. Nothing here touches SQL; names are checked against the
 * catalog and values bound as parameters by the SQL builder.
 */
import { parseError } from './errors';

export const filterOperators = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in', 'cs', 'cd', 'ov'] as const;
export type FilterOperator = (typeof filterOperators)[number];

export interface Condition {
  kind: 'condition';
  column: string;
  negated: boolean;
  operator: FilterOperator;
  /** Raw text for most operators, the item list for `in`. */
  value: string | string[];
}

export interface LogicTree {
  kind: 'logic';
  operator: 'and' | 'or';
  negated: boolean;
  children: FilterNode[];
}

export type FilterNode = Condition | LogicTree;

export interface SelectItem {
  /** A column name, or `*` for every column. */
  column: string;
  alias?: string;
}

/** `'*'` for every column, otherwise the listed columns. */
export type SelectList = '*' | SelectItem[];

export interface OrderTerm {
  column: string;
  direction: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Query parameters that are not filters. */
export const reservedParams = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);

function isOperator(word: string): word is FilterOperator {
  return (filterOperators as readonly string[]).includes(word);
}

/** Splits on commas that are outside parentheses and double quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < text.length) {
        current += text[++i] as string;
      } else if (ch === '"') {
        quoted = false;
      }
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) throw parseError(`Unbalanced parentheses in "${text}"`);
    } else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (quoted) throw parseError(`Unterminated double quote in "${text}"`);
  if (depth !== 0) throw parseError(`Unbalanced parentheses in "${text}"`);
  parts.push(current);
  return parts;
}

/** Reads `"…"` (backslash escapes) at the start of text; returns the content and the rest. */
function readQuoted(text: string): { content: string; rest: string } {
  let content = '';
  for (let i = 1; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      content += text[++i] as string;
    } else if (ch === '"') {
      return { content, rest: text.slice(i + 1) };
    } else {
      content += ch;
    }
  }
  throw parseError(`Unterminated double quote in "${text}"`);
}

function unquoteValue(text: string): string {
  if (!text.startsWith('"')) return text;
  const { content, rest } = readQuoted(text);
  if (rest !== '') throw parseError(`Unexpected text after quoted value in "${text}"`);
  return content;
}

function parseInList(text: string): string[] {
  if (!text.startsWith('(') || !text.endsWith(')')) throw parseError(`"in" expects a list in parentheses, got "${text}"`);
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  return splitTopLevel(inner).map((item) => unquoteValue(item.trim()));
}

/** `[not.]op.value` — the part of a filter after the column. */
function parseOperation(column: string, text: string, quotedValues: boolean): Condition {
  let rest = text;
  let negated = false;
  if (rest.startsWith('not.')) {
    negated = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  const word = dot === -1 ? rest : rest.slice(0, dot);
  if (!isOperator(word)) throw parseError(`Unknown or unsupported filter operator "${word}" on column "${column}"`, `Supported: ${filterOperators.join(', ')}`);
  if (dot === -1) throw parseError(`Filter "${column}=${text}" has no value`);
  const raw = rest.slice(dot + 1);
  if (word === 'in') return { kind: 'condition', column, negated, operator: word, value: parseInList(raw) };
  return { kind: 'condition', column, negated, operator: word, value: quotedValues ? unquoteValue(raw) : raw };
}

function parseLogicBody(operator: 'and' | 'or', negated: boolean, body: string): LogicTree {
  if (!body.startsWith('(') || !body.endsWith(')')) throw parseError(`"${operator}" expects conditions in parentheses, got "${body}"`);
  const inner = body.slice(1, -1);
  if (inner.trim() === '') throw parseError(`"${operator}" needs at least one condition`);
  return { kind: 'logic', operator, negated, children: splitTopLevel(inner).map((item) => parseTreeItem(item.trim())) };
}

/** One element inside `or=(…)`: a nested `and(…)`/`or(…)` or `column.[not.]op.value`. */
function parseTreeItem(item: string): FilterNode {
  const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
  if (nested) return parseLogicBody(nested[2] as 'and' | 'or', nested[1] !== undefined, nested[3] as string);
  let column: string;
  let rest: string;
  if (item.startsWith('"')) {
    const quoted = readQuoted(item);
    column = quoted.content;
    if (!quoted.rest.startsWith('.')) throw parseError(`Expected "." after column in "${item}"`);
    rest = quoted.rest.slice(1);
  } else {
    const dot = item.indexOf('.');
    if (dot <= 0) throw parseError(`Malformed condition "${item}"`, 'Conditions look like column.operator.value');
    column = item.slice(0, dot);
    rest = item.slice(dot + 1);
  }
  return parseOperation(column, rest, true);
}

/** Every filter in a query string, combined with AND as PostgREST does. */
export function parseFilters(params: URLSearchParams, ignore: ReadonlySet<string> = reservedParams): FilterNode[] {
  const filters: FilterNode[] = [];
  for (const [key, value] of params) {
    if (ignore.has(key)) continue;
    const logic = /^(not\.)?(and|or)$/.exec(key);
    if (logic) {
      filters.push(parseLogicBody(logic[2] as 'and' | 'or', logic[1] !== undefined, value));
      continue;
    }
    if (key === '') throw parseError('A filter has an empty column name');
    filters.push(parseOperation(key, value, false));
  }
  return filters;
}

export function parseSelect(text: string | null): SelectList {
  if (text === null || text.trim() === '' || text.trim() === '*') return '*';
  const items: SelectItem[] = [];
  for (const raw of splitTopLevel(text)) {
    const part = raw.trim();
    if (part === '*') {
      items.push({ column: '*' });
      continue;
    }
    if (part.includes('(')) throw parseError(`Embedded resources and aggregates are not supported by the local backend: "${part}"`);
    if (part.includes('->') || part.includes('::')) throw parseError(`JSON paths and casts in select are not supported by the local backend: "${part}"`);
    let alias: string | undefined;
    let column = part;
    const colon = part.startsWith('"') ? -1 : part.indexOf(':');
    if (colon !== -1) {
      alias = part.slice(0, colon);
      column = part.slice(colon + 1);
    }
    column = unquoteValue(column);
    if (column === '') throw parseError(`Empty column in select "${text}"`);
    items.push(alias === undefined ? { column } : { column, alias });
  }
  return items;
}

export function parseOrder(text: string | null): OrderTerm[] {
  if (text === null || text.trim() === '') return [];
  return splitTopLevel(text).map((raw) => {
    const part = raw.trim();
    let column: string;
    let rest: string;
    if (part.startsWith('"')) {
      const quoted = readQuoted(part);
      column = quoted.content;
      rest = quoted.rest;
    } else {
      const dot = part.indexOf('.');
      column = dot === -1 ? part : part.slice(0, dot);
      rest = dot === -1 ? '' : part.slice(dot);
    }
    const words = rest === '' ? [] : rest.slice(1).split('.');
    const term: OrderTerm = { column, direction: 'asc' };
    for (const word of words) {
      if (word === 'asc' || word === 'desc') term.direction = word;
      else if (word === 'nullsfirst') term.nulls = 'first';
      else if (word === 'nullslast') term.nulls = 'last';
      else throw parseError(`Unknown order modifier "${word}" in "${part}"`, 'Use asc, desc, nullsfirst or nullslast');
    }
    if (column === '') throw parseError(`Empty column in order "${text}"`);
    return term;
  });
}

export function parseNonNegativeInt(name: string, text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw parseError(`"${name}" must be a non-negative integer, got "${text}"`);
  return Number(text);
}

/** The `columns=` parameter of inserts: quoted or bare names. */
export function parseColumnsParam(text: string | null): string[] | undefined {
  if (text === null) return undefined;
  return splitTopLevel(text).map((part) => unquoteValue(part.trim()));
}
