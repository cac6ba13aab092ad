/**
 * What PostgREST calls its schema cache: the tables and functions of schema `public`, read from
 * the Postgres catalog so every name in a request is checked before it reaches SQL.
 */
import { z } from 'zod';
import type { SqlExecutor } from '../db/engine';

export interface ColumnInfo {
  name: string;
  /** SQL type as `format_type` prints it, used for casts of bound text values. */
  type: string;
}

export interface TableInfo {
  name: string;
  columns: Map<string, ColumnInfo>;
  primaryKey: string[];
}

const tableRow = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  primary_key: z.array(z.string()),
});

function parseJsonColumn(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export async function describeTable(tx: SqlExecutor, name: string): Promise<TableInfo | undefined> {
  const result = await tx.query<{ info: unknown }>(
    `select json_build_object(
        'columns', coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
                     from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]'::json),
        'primary_key', coalesce((select json_agg(a.attname order by a.attnum) from pg_index i
                     join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                     where i.indrelid = c.oid and i.indisprimary), '[]'::json)
      )::text as info
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname = $1 and c.relkind in ('r', 'v', 'm', 'p', 'f')`,
    [name],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  const info = tableRow.parse(parseJsonColumn(row.info));
  return {
    name,
    columns: new Map(info.columns.map((column) => [column.name, column])),
    primaryKey: info.primary_key,
  };
}

export interface FunctionInfo {
  name: string;
  /** Input arguments in declaration order. */
  args: { name: string; type: string }[];
  requiredArgs: number;
  returnsSet: boolean;
  returnsVoid: boolean;
  /** Composite or record results are returned as objects, scalars as JSON values. */
  returnsRows: boolean;
}

const functionRow = z.object({
  arg_names: z.array(z.string()).nullable(),
  arg_modes: z.array(z.string()).nullable(),
  arg_types: z.array(z.string()),
  nargs: z.number(),
  ndefaults: z.number(),
  returns_set: z.boolean(),
  returns_void: z.boolean(),
  returns_rows: z.boolean(),
});

export async function describeFunctions(tx: SqlExecutor, name: string): Promise<FunctionInfo[]> {
  const result = await tx.query<{ info: unknown }>(
    `select json_build_object(
        'arg_names', p.proargnames,
        'arg_modes', p.proargmodes,
        'arg_types', coalesce((select json_agg(format_type(t.type, null) order by t.ord) from unnest(p.proargtypes::oid[]) with ordinality t(type, ord)), '[]'::json),
        'nargs', p.pronargs,
        'ndefaults', p.pronargdefaults,
        'returns_set', p.proretset,
        'returns_void', p.prorettype = 'void'::regtype,
        'returns_rows', p.prorettype = 'record'::regtype or exists (select 1 from pg_type t where t.oid = p.prorettype and t.typtype = 'c')
      )::text as info
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f'`,
    [name],
  );
  return result.rows.map((row) => {
    const info = functionRow.parse(parseJsonColumn(row.info));
    const names = info.arg_names ?? [];
    const inputNames = info.arg_modes === null ? names.slice(0, info.nargs) : names.filter((_, i) => ['i', 'b', 'v'].includes(info.arg_modes?.[i] ?? 'i'));
    return {
      name,
      args: info.arg_types.map((type, i) => ({ name: inputNames[i] ?? '', type })),
      requiredArgs: info.nargs - info.ndefaults,
      returnsSet: info.returns_set,
      returnsVoid: info.returns_void,
      returnsRows: info.returns_rows,
    };
  });
}
