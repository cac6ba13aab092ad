/**
 * `/rest/v1`: PostgREST's HTTP surface over the parser and SQL builder. Each request runs in one
 * transaction as the caller's Postgres role with its JWT claims, so RLS policies decide.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context';
import type { SqlExecutor } from '../db/engine';
import type { JwtClaims } from '../auth/jwt';
import { actAs } from '../db/claims';
import { authenticate } from '../auth/request-auth';
import { limitApiTokenRequests } from '../functions/api-token-rate-limit';
import { HttpError, readBody } from '../http/respond';
import { describeFunctions, describeTable, type TableInfo } from './catalog';
import { buildCount, buildDelete, buildInsert, buildRpc, buildSelect, buildUpdate, chooseFunction, type Statement } from './build-sql';
import { fromPgError, isPgError, restError } from './errors';
import { parseColumnsParam, parseFilters, parseNonNegativeInt, parseOrder, parseSelect } from './parse-query';
import { checkProfile, parsePrefer, parseRange, wantsSingleObject } from './preferences';

export const restBodyLimitBytes = 5 * 1024 * 1024;

interface RestReply {
  status: number;
  body?: string;
  headers: Record<string, string>;
}

interface ResultRow {
  body: string | boolean | null;
  row_count: number;
}

async function run(tx: SqlExecutor, statement: Statement): Promise<{ body: string; rowCount: number }> {
  const result = await tx.query<ResultRow>(statement.sql, statement.params);
  const row = result.rows[0];
  const body = row && typeof row.body === 'string' ? row.body : 'null';
  return { body, rowCount: row ? Number(row.row_count) : 0 };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const raw = await readBody(req, restBodyLimitBytes);
  if (raw.length === 0) return {};
  if (type !== 'application/json' && type !== '') {
    throw restError(415, 'PGRST107', `Content-Type ${type} is not supported; send application/json`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw restError(400, 'PGRST102', 'Empty or invalid json', error instanceof Error ? error.message : null);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function singleObject(body: string, rowCount: number): string {
  if (rowCount !== 1) throw restError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rowCount} rows`);
  const rows: unknown = JSON.parse(body);
  return JSON.stringify(Array.isArray(rows) ? rows[0] : rows);
}

/** Splits rows into consecutive runs that send the same columns. */
function runsByKeys(rows: Record<string, unknown>[], columns: string[]): { columns: string[]; rows: Record<string, unknown>[] }[] {
  const runs: { columns: string[]; rows: Record<string, unknown>[] }[] = [];
  for (const row of rows) {
    const own = columns.filter((column) => Object.hasOwn(row, column));
    const last = runs[runs.length - 1];
    if (last && last.columns.join('\u0000') === own.join('\u0000')) last.rows.push(row);
    else runs.push({ columns: own, rows: [row] });
  }
  return runs;
}

async function requireTable(tx: SqlExecutor, name: string): Promise<TableInfo> {
  const table = await describeTable(tx, name);
  if (!table) throw restError(404, 'PGRST205', `Could not find the table 'public.${name}' in the schema cache`);
  return table;
}

async function handleTable(tx: SqlExecutor, claims: JwtClaims, req: IncomingMessage, url: URL, tableName: string, payload: unknown): Promise<RestReply> {
  const params = url.searchParams;
  const method = req.method ?? 'GET';
  const select = parseSelect(params.get('select'));
  const filters = parseFilters(params);
  const prefer = parsePrefer(req);
  const single = wantsSingleObject(req);
  const table = await requireTable(tx, tableName);
  await actAs(tx, claims, { method, path: `/${tableName}` });

  if (method === 'GET' || method === 'HEAD') {
    const order = parseOrder(params.get('order'));
    const range = parseRange(req);
    let limit = parseNonNegativeInt('limit', params.get('limit'));
    let offset = parseNonNegativeInt('offset', params.get('offset'));
    if (range) {
      offset = (offset ?? 0) + range.offset;
      if (range.limit !== undefined) limit = limit === undefined ? range.limit : Math.min(limit, range.limit);
    }
    const { body, rowCount } = await run(tx, buildSelect(table, { select, filters, order, limit, offset }));
    let total: number | undefined;
    if (prefer.count) {
      const count = buildCount(table, filters);
      const counted = await tx.query<{ total: number }>(count.sql, count.params);
      total = Number(counted.rows[0]?.total ?? 0);
    }
    const start = offset ?? 0;
    const rangeText = rowCount === 0 ? '*' : `${start}-${start + rowCount - 1}`;
    const headers = { 'content-range': `${rangeText}/${total ?? '*'}` };
    const partial = total !== undefined && rowCount < total && range !== undefined;
    return { status: partial ? 206 : 200, body: single ? singleObject(body, rowCount) : body, headers };
  }

  const representation = prefer.return === 'representation';
  const onReply = (status: number, body: string, rowCount: number): RestReply => {
    const headers: Record<string, string> = prefer.count ? { 'content-range': `*/${rowCount}` } : {};
    if (single) body = singleObject(body, rowCount);
    return representation ? { status, body, headers } : { status: status === 201 ? 201 : 204, headers };
  };

  if (method === 'POST') {
    const rows = Array.isArray(payload) ? payload : [payload];
    if (!rows.every(isRecord)) throw restError(400, 'PGRST102', 'Insert body must be a JSON object or an array of objects');
    const columns = parseColumnsParam(params.get('columns')) ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const onConflict = prefer.resolution
      ? { columns: parseColumnsParam(params.get('on_conflict')) ?? table.primaryKey, resolution: prefer.resolution }
      : undefined;
    if (!prefer.missingDefault) {
      const { body, rowCount } = await run(tx, buildInsert(table, { rows, columns, select, representation, onConflict }));
      return onReply(201, body, rowCount);
    }
    // missing=default: a key a row leaves out takes the column default, so rows with different
    // key sets go in as separate statements (consecutive runs, keeping the order of the body).
    const inserted: unknown[] = [];
    let total = 0;
    for (const group of runsByKeys(rows, columns)) {
      const { body, rowCount } = await run(tx, buildInsert(table, { rows: group.rows, columns: group.columns, select, representation, onConflict }));
      inserted.push(...(JSON.parse(body) as unknown[]));
      total += rowCount;
    }
    return onReply(201, JSON.stringify(inserted), total);
  }
  if (method === 'PATCH') {
    if (!isRecord(payload)) throw restError(400, 'PGRST102', 'Update body must be a JSON object');
    if (Object.keys(payload).length === 0) return onReply(200, '[]', 0);
    const { body, rowCount } = await run(tx, buildUpdate(table, { patch: payload, filters, select, representation }));
    return onReply(200, body, rowCount);
  }
  if (method === 'DELETE') {
    const { body, rowCount } = await run(tx, buildDelete(table, { filters, select, representation }));
    return onReply(200, body, rowCount);
  }
  throw restError(405, 'PGRST117', `Method ${method} is not supported on tables`);
}

async function handleRpc(tx: SqlExecutor, claims: JwtClaims, req: IncomingMessage, url: URL, fnName: string, payload: unknown): Promise<RestReply> {
  let args: Record<string, unknown>;
  if (req.method === 'GET' || req.method === 'HEAD') {
    args = {};
    for (const [key, value] of url.searchParams) args[key] = value;
  } else if (req.method === 'POST') {
    if (!isRecord(payload)) throw restError(400, 'PGRST102', 'RPC arguments must be a JSON object');
    args = payload;
  } else {
    throw restError(405, 'PGRST117', `Method ${req.method ?? ''} is not supported on functions`);
  }
  const single = wantsSingleObject(req);
  const candidates = await describeFunctions(tx, fnName);
  const fn = chooseFunction(candidates, Object.keys(args));
  if (!fn) {
    throw restError(404, 'PGRST202', `Could not find the function public.${fnName}(${Object.keys(args).join(', ')}) in the schema cache`);
  }
  await actAs(tx, claims, { method: req.method ?? 'GET', path: `/rpc/${fnName}` });
  const { body, rowCount } = await run(tx, buildRpc(fn, args));
  if (fn.returnsVoid) return { status: 204, headers: {} };
  const result = !fn.returnsSet && fn.returnsRows ? JSON.stringify((JSON.parse(body) as unknown[])[0] ?? null) : body;
  return { status: 200, body: single && fn.returnsSet ? singleObject(body, rowCount) : result, headers: {} };
}

/** `path` is what follows `/rest/v1`, e.g. `/leads` or `/rpc/fn`. */
export async function handleRest(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
  const claims = await authenticate(req, ctx.jwtSecret);
  if (claims.role === 'partner_api') limitApiTokenRequests(ctx, claims);
  checkProfile(req);
  const segments = path.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  const method = req.method ?? 'GET';
  const payload = method === 'POST' || method === 'PATCH' ? await readJson(req) : undefined;
  let target: { kind: 'table' | 'rpc'; name: string };
  if (segments.length === 1 && segments[0] !== 'rpc') target = { kind: 'table', name: segments[0] as string };
  else if (segments.length === 2 && segments[0] === 'rpc') target = { kind: 'rpc', name: segments[1] as string };
  else throw restError(404, 'PGRST125', `Invalid path ${path}`);
  if (target.name.length > 63 || target.name.includes('\u0000')) throw restError(404, 'PGRST205', `Could not find the table 'public.${target.name.slice(0, 63)}' in the schema cache`);

  let reply: RestReply;
  try {
    reply = await ctx.engine.transaction((tx) =>
      target.kind === 'table' ? handleTable(tx, claims, req, url, target.name, payload) : handleRpc(tx, claims, req, url, target.name, payload),
    );
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (isPgError(error)) throw fromPgError(error, claims.role === 'anon');
    throw error;
  }
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : reply.body);
}
