/**
 * The local platform's stand-in for Supabase's WAL-based change capture: a row trigger on every
 * table of the `supabase_realtime` publication that NOTIFYs the table, operation and primary key
 * of each change. Rows themselves are fetched later, per subscriber, so RLS decides visibility;
 * NOTIFY payloads are capped at 8000 bytes, which only the key is sure to fit.
 */
import { z } from 'zod';
import type { DbEngine } from '../db/engine';
import { quoteIdent } from './subscription-filter';

export const changeChannel = 'realtime_changes';

const captureFunction = `
create or replace function "realtime"."emit_change"() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  _row jsonb;
begin
  if TG_OP = 'DELETE' then
    _row := to_jsonb(OLD);
  else
    _row := to_jsonb(NEW);
  end if;
  perform pg_notify('${changeChannel}', json_build_object(
    'schema', TG_TABLE_SCHEMA,
    'table', TG_TABLE_NAME,
    'type', TG_OP,
    'id', _row -> 'id',
    'commit_timestamp', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text);
  return null;
end
$$`;

export const changeNotificationSchema = z.object({
  schema: z.string(),
  table: z.string(),
  type: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  id: z.union([z.string(), z.number()]),
  commit_timestamp: z.string(),
});

export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

export function parseChangeNotification(payload: string): ChangeNotification | undefined {
  try {
    const parsed = changeNotificationSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** (Re)creates the capture function and a trigger on every published table; idempotent. */
export async function installChangeCapture(engine: DbEngine): Promise<void> {
  await engine.query(`create schema if not exists "realtime"`);
  await engine.query(captureFunction);
  const published = await engine.query<{ schemaname: string; tablename: string }>(
    `select "schemaname", "tablename" from "pg_catalog"."pg_publication_tables" where "pubname" = $1`,
    ['supabase_realtime'],
  );
  for (const { schemaname, tablename } of published.rows) {
    await engine.query(
      `create or replace trigger "realtime_emit_change" after insert or update or delete on ${quoteIdent(schemaname)}.${quoteIdent(tablename)} for each row execute function "realtime"."emit_change"()`,
    );
  }
}
