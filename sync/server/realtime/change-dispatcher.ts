/**
 * Turns change notifications into postgres_changes pushes. Each changed row is read again as
 * each subscriber (their role and JWT claims), so a subscriber only hears about rows RLS lets
 * them select. Notifications are handled one at a time, in the order they arrive (commit
 * order), so every subscriber sees changes in commit order. The row is read when the change is
 * delivered, so a subscriber gets its state then: a row changed twice in quick succession may
 * arrive twice with the later state, which sync clients (checkpoint by `_modified`) tolerate.
 */
import type { DbEngine, SqlExecutor } from '../db/engine';
import { actAs } from '../db/claims';
import type { ChangeNotification } from './change-capture';
import { bindingMatches, claimsExpired, type ChangeBinding, type ChannelSubscription } from './channel-subscription';
import { filterCondition, quoteIdent } from './subscription-filter';

interface ColumnInfo {
  name: string;
  type: string;
}

export interface ChangeDispatcher {
  enqueue(change: ChangeNotification): void;
  /** Resolves when every queued change has been handled. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function createChangeDispatcher(engine: DbEngine, subscriptions: () => Iterable<ChannelSubscription>): ChangeDispatcher {
  const queue: ChangeNotification[] = [];
  const columnsByTable = new Map<string, ColumnInfo[]>();
  let running: Promise<void> | undefined;
  let stopped = false;

  async function columnsOf(schema: string, table: string): Promise<ColumnInfo[]> {
    const key = `${schema}.${table}`;
    const cached = columnsByTable.get(key);
    if (cached) return cached;
    const result = await engine.query<ColumnInfo>(
      `select a."attname" as "name", t."typname" as "type"
         from "pg_catalog"."pg_attribute" a
         join "pg_catalog"."pg_type" t on t."oid" = a."atttypid"
        where a."attrelid" = to_regclass($1) and a."attnum" > 0 and not a."attisdropped"
        order by a."attnum"`,
      [`${quoteIdent(schema)}.${quoteIdent(table)}`],
    );
    columnsByTable.set(key, result.rows);
    return result.rows;
  }

  /** The row as the subscriber sees it through each binding, or undefined when hidden. */
  async function visibleRow(tx: SqlExecutor, change: ChangeNotification, binding: ChangeBinding): Promise<Record<string, unknown> | undefined> {
    const params: unknown[] = [String(change.id)];
    const conditions = [`t."id" = $1`];
    if (binding.filter) conditions.push(filterCondition(binding.filter, 't', params));
    const result = await tx.query<{ record: Record<string, unknown> }>(
      `select to_jsonb(t) as "record" from ${quoteIdent(change.schema)}.${quoteIdent(change.table)} as t where ${conditions.join(' and ')}`,
      params,
    );
    return result.rows[0]?.record;
  }

  async function deliverRow(subscription: ChannelSubscription, change: ChangeNotification, bindings: ChangeBinding[]): Promise<void> {
    const ids: number[] = [];
    let record: Record<string, unknown> | undefined;
    try {
      await engine.transaction(async (tx) => {
        await actAs(tx, subscription.claims);
        for (const binding of bindings) {
          const row = await visibleRow(tx, change, binding);
          if (row) {
            ids.push(binding.id);
            record = row;
          }
        }
      });
    } catch {
      // A subscriber without SELECT rights on the table (or a filter value the column's type
      // rejects) simply does not see the change.
      return;
    }
    if (!record || ids.length === 0) return;
    subscription.push('postgres_changes', {
      ids,
      data: {
        schema: change.schema,
        table: change.table,
        commit_timestamp: change.commit_timestamp,
        eventType: change.type,
        type: change.type,
        columns: await columnsOf(change.schema, change.table),
        record,
        ...(change.type === 'UPDATE' ? { old_record: { id: change.id } } : {}),
        errors: null,
      },
    });
  }

  /** Deletes cannot be re-read, so only the key goes out, and only to bindings that can match it. */
  async function deliverDelete(subscription: ChannelSubscription, change: ChangeNotification, bindings: ChangeBinding[]): Promise<void> {
    const id = String(change.id);
    const ids = bindings
      .filter((binding) => {
        if (!binding.filter) return true;
        if (binding.filter.column !== 'id') return false;
        const { operator, values } = binding.filter;
        if (operator === 'eq' || operator === 'in') return values.includes(id);
        if (operator === 'neq') return !values.includes(id);
        return false;
      })
      .map((binding) => binding.id);
    if (ids.length === 0) return;
    subscription.push('postgres_changes', {
      ids,
      data: {
        schema: change.schema,
        table: change.table,
        commit_timestamp: change.commit_timestamp,
        eventType: 'DELETE',
        type: 'DELETE',
        columns: await columnsOf(change.schema, change.table),
        old_record: { id: change.id },
        errors: null,
      },
    });
  }

  async function handle(change: ChangeNotification): Promise<void> {
    for (const subscription of [...subscriptions()]) {
      const bindings = subscription.bindings.filter((binding) => bindingMatches(binding, change.schema, change.table, change.type));
      if (bindings.length === 0) continue;
      if (claimsExpired(subscription.claims)) {
        subscription.expire('Token has expired');
        continue;
      }
      if (change.type === 'DELETE') await deliverDelete(subscription, change, bindings);
      else await deliverRow(subscription, change, bindings);
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      const change = queue.shift();
      if (!change) break;
      try {
        await handle(change);
      } catch {
        // One failing change (e.g. a dropped table) must not stop delivery of the next ones.
      }
    }
    running = undefined;
  }

  return {
    enqueue(change) {
      if (stopped) return;
      queue.push(change);
      running ??= run();
    },
    async drain() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      queue.length = 0;
      await running;
    },
  };
}
