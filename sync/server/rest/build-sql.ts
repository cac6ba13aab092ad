/**
 * Turns a parsed request into one SQL statement. Identifiers come only from the catalog (checked
 * and quoted); every value from the request is a bound parameter cast to its column's type.
 */
import type { TableInfo, ColumnInfo, FunctionInfo } from './catalog';
import type { FilterNode, OrderTerm, SelectList } from './parse-query';
import { parseError, restError } from './errors';

export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw parseError('Identifiers may not contain NUL characters');
  return `"${name.replace(/"/g, '""')}"`;
}

export class BoundParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface Statement {
  sql: string;
  params: unknown[];
}

function tableRef(table: TableInfo): string {
  return `${quoteIdent('public')}.${quoteIdent(table.name)}`;
}

function column(table: TableInfo, name: string): ColumnInfo {
  const info = table.columns.get(name);
  if (!info) throw restError(400, '42703', `column ${table.name}.${name} does not exist`);
  return info;
}

function likePattern(value: string): string {
  return value.replace(/\*/g, '%');
}

function conditionSql(table: TableInfo, node: FilterNode, params: BoundParams): string {
  if (node.kind === 'logic') {
    const joined = node.children.map((child) => conditionSql(table, child, params)).join(node.operator === 'and' ? ' and ' : ' or ');
    return node.negated ? `not (${joined})` : `(${joined})`;
  }
  const info = column(table, node.column);
  const col = quoteIdent(info.name);
  const typed = (value: string): string => `${params.add(value)}::${info.type}`;
  const value = node.value;
  let sql: string;
  if (node.operator === 'in') {
    const items = Array.isArray(value) ? value : [value];
    sql = items.length === 0 ? 'false' : `${col} in (${items.map(typed).join(', ')})`;
  } else {
    if (Array.isArray(value)) throw parseError(`Operator ${node.operator} does not take a list`);
    switch (node.operator) {
      case 'eq': sql = `${col} = ${typed(value)}`; break;
      case 'neq': sql = `${col} <> ${typed(value)}`; break;
      case 'gt': sql = `${col} > ${typed(value)}`; break;
      case 'gte': sql = `${col} >= ${typed(value)}`; break;
      case 'lt': sql = `${col} < ${typed(value)}`; break;
      case 'lte': sql = `${col} <= ${typed(value)}`; break;
      case 'like': sql = `${col}::text like ${params.add(likePattern(value))}::text`; break;
      case 'ilike': sql = `${col}::text ilike ${params.add(likePattern(value))}::text`; break;
      case 'match': sql = `${col}::text ~ ${params.add(value)}::text`; break;
      case 'imatch': sql = `${col}::text ~* ${params.add(value)}::text`; break;
      case 'isdistinct': sql = `${col} is distinct from ${typed(value)}`; break;
      case 'cs': sql = `${col} @> ${typed(value)}`; break;
      case 'cd': sql = `${col} <@ ${typed(value)}`; break;
      case 'ov': sql = `${col} && ${typed(value)}`; break;
      case 'is': {
        const keyword = ({ null: 'null', not_null: 'not null', true: 'true', false: 'false', unknown: 'unknown' } as Record<string, string>)[value.toLowerCase()];
        if (!keyword) throw parseError(`"is" accepts null, not_null, true, false or unknown, got "${value}"`);
        sql = `${col} is ${keyword}`;
        break;
      }
    }
  }
  return node.negated ? `not (${sql})` : sql;
}

export function whereClause(table: TableInfo, filters: FilterNode[], params: BoundParams): string {
  if (filters.length === 0) return '';
  return ` where ${filters.map((node) => conditionSql(table, node, params)).join(' and ')}`;
}

function selectColumns(table: TableInfo, select: SelectList, source: string): string {
  if (select === '*') return `${source}.*`;
  return select
    .map((item) => {
      if (item.column === '*' && item.alias === undefined) return `${source}.*`;
      const info = column(table, item.column);
      return `${source}.${quoteIdent(info.name)} as ${quoteIdent(item.alias ?? info.name)}`;
    })
    .join(', ');
}

function orderClause(table: TableInfo, order: OrderTerm[]): string {
  if (order.length === 0) return '';
  const terms = order.map((term) => {
    const info = column(table, term.column);
    const nulls = term.nulls ? ` nulls ${term.nulls}` : '';
    return `${quoteIdent(info.name)} ${term.direction}${nulls}`;
  });
  return ` order by ${terms.join(', ')}`;
}

/** Wraps a row source so the statement yields `{ body: json text, row_count }`. */
function jsonResult(innerSql: string): string {
  return `select coalesce(json_agg(_pgrst_r), '[]'::json)::text as body, count(*)::int as row_count from (${innerSql}) _pgrst_r`;
}

export interface ReadRequest {
  select: SelectList;
  filters: FilterNode[];
  order: OrderTerm[];
  limit?: number | undefined;
  offset?: number | undefined;
}

export function buildSelect(table: TableInfo, request: ReadRequest): Statement {
  const params = new BoundParams();
  let inner = `select ${selectColumns(table, request.select, quoteIdent('_pgrst_t'))} from ${tableRef(table)} ${quoteIdent('_pgrst_t')}`;
  inner += whereClause(table, request.filters, params);
  inner += orderClause(table, request.order);
  if (request.limit !== undefined) inner += ` limit ${params.add(request.limit)}::bigint`;
  if (request.offset !== undefined) inner += ` offset ${params.add(request.offset)}::bigint`;
  return { sql: jsonResult(inner), params: params.values };
}

export function buildCount(table: TableInfo, filters: FilterNode[]): Statement {
  const params = new BoundParams();
  return { sql: `select count(*)::int as total from ${tableRef(table)}${whereClause(table, filters, params)}`, params: params.values };
}

/** `returning` for mutations: every column when rows are sent back, nothing readable otherwise. */
function returning(table: TableInfo, representation: boolean): string {
  return representation ? ` returning ${tableRef(table)}.*` : ' returning 1';
}

function mutationResult(table: TableInfo, mutation: string, select: SelectList, representation: boolean): string {
  const projection = representation ? selectColumns(table, select, quoteIdent('pgrst_source')) : '1';
  return `with pgrst_source as (${mutation}) ${jsonResult(`select ${projection} from pgrst_source`)}`;
}

export interface InsertRequest {
  rows: Record<string, unknown>[];
  columns: string[];
  select: SelectList;
  representation: boolean;
  onConflict?: { columns: string[]; resolution: 'merge' | 'ignore' } | undefined;
}

export function buildInsert(table: TableInfo, request: InsertRequest): Statement {
  const params = new BoundParams();
  const columns = request.columns.map((name) => {
    if (!table.columns.has(name)) throw restError(400, 'PGRST204', `Could not find the '${name}' column of '${table.name}' in the schema cache`);
    return quoteIdent(name);
  });
  let insert: string;
  if (columns.length === 0) {
    if (request.rows.length !== 1) throw restError(400, 'PGRST102', 'Rows without any columns can only be inserted one at a time');
    insert = `insert into ${tableRef(table)} default values`;
  } else {
    const source = `json_populate_recordset(null::${tableRef(table)}, ${params.add(JSON.stringify(request.rows))}::json)`;
    insert = `insert into ${tableRef(table)} (${columns.join(', ')}) select ${columns.join(', ')} from ${source} _pgrst_body`;
  }
  if (request.onConflict) {
    const target = request.onConflict.columns.map((name) => quoteIdent(column(table, name).name));
    if (target.length === 0) throw restError(400, 'PGRST100', `Table ${table.name} has no primary key; pass on_conflict`);
    insert += ` on conflict (${target.join(', ')})`;
    if (request.onConflict.resolution === 'ignore' || columns.length === 0) insert += ' do nothing';
    else insert += ` do update set ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  }
  insert += returning(table, request.representation);
  return { sql: mutationResult(table, insert, request.select, request.representation), params: params.values };
}

export interface UpdateRequest {
  patch: Record<string, unknown>;
  filters: FilterNode[];
  select: SelectList;
  representation: boolean;
}

export function buildUpdate(table: TableInfo, request: UpdateRequest): Statement {
  const params = new BoundParams();
  const names = Object.keys(request.patch);
  const columns = names.map((name) => {
    if (!table.columns.has(name)) throw restError(400, 'PGRST204', `Could not find the '${name}' column of '${table.name}' in the schema cache`);
    return quoteIdent(name);
  });
  const source = `json_populate_record(null::${tableRef(table)}, ${params.add(JSON.stringify(request.patch))}::json)`;
  let update = `update ${tableRef(table)} set (${columns.join(', ')}) = (select ${columns.join(', ')} from ${source} _pgrst_body)`;
  update += whereClause(table, request.filters, params);
  update += returning(table, request.representation);
  return { sql: mutationResult(table, update, request.select, request.representation), params: params.values };
}

export interface DeleteRequest {
  filters: FilterNode[];
  select: SelectList;
  representation: boolean;
}

export function buildDelete(table: TableInfo, request: DeleteRequest): Statement {
  const params = new BoundParams();
  let statement = `delete from ${tableRef(table)}${whereClause(table, request.filters, params)}`;
  statement += returning(table, request.representation);
  return { sql: mutationResult(table, statement, request.select, request.representation), params: params.values };
}

/** Picks the overload whose named inputs cover the given arguments. */
export function chooseFunction(candidates: FunctionInfo[], argNames: string[]): FunctionInfo | undefined {
  return candidates.find((fn) => {
    const names = fn.args.map((arg) => arg.name);
    if (!argNames.every((name) => names.includes(name))) return false;
    return fn.args.slice(0, fn.requiredArgs).every((arg) => argNames.includes(arg.name));
  });
}

export function buildRpc(fn: FunctionInfo, args: Record<string, unknown>): Statement {
  const params = new BoundParams();
  const given = fn.args.filter((arg) => Object.hasOwn(args, arg.name));
  const source =
    given.length === 0
      ? '(select 1) _pgrst_args'
      : `json_to_record(${params.add(JSON.stringify(args))}::json) as _pgrst_args(${given.map((arg) => `${quoteIdent(arg.name)} ${arg.type}`).join(', ')})`;
  const call = `${quoteIdent('public')}.${quoteIdent(fn.name)}(${given.map((arg) => `${quoteIdent(arg.name)} := _pgrst_args.${quoteIdent(arg.name)}`).join(', ')})`;
  let sql: string;
  if (fn.returnsVoid) sql = `select ${call} is null as body, 1 as row_count from ${source}`;
  else if (fn.returnsSet || fn.returnsRows) sql = `select coalesce(json_agg(_pgrst_r), '[]'::json)::text as body, count(*)::int as row_count from ${source}, lateral ${call} _pgrst_r`;
  else sql = `select to_json(${call})::text as body, 1 as row_count from ${source}`;
  return { sql, params: params.values };
}
