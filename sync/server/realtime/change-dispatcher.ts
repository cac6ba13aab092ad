/**
 * Turns change notifications into postgres_changes pushes. Changed rows are read again as each
 * subscriber (their role and JWT claims), so a subscriber only hears about rows RLS lets them
 * select. Queued notifications are taken a table at a time (up to a few hundred), and each
 * subscriber's view of the whole group is read in one transaction and one query, so a bulk
 * insert costs a few queries per listener rather than one transaction per row. Each subscriber
 * hears a table's changes in commit order; a busy table's later changes may overtake another
 * table's earlier ones. Rows are read when delivered, so a subscriber gets their state then: a
 * row changed twice in quick succession may arrive twice with the later state, which sync
 * clients (checkpoint by `_modified`) tolerate.
 */
import type { DbEngine } from '../db/engine';
import { actAs } from '../db/claims';
import type { ChangeNotification } from './change-capture';
import { bindingMatches, claimsExpired, type ChangeBinding, type ChannelSubscription } from './channel-subscription';
import { filterCondition, quoteIdent } from './subscription-filter';

interface ColumnInfo {
  name: string;
  type: string;
}

interface VisibleRow {
  record: Record<string, unknown>;
  /** Ids of the bindings whose filter the row passes. */
  matching: Set<number>;
}

/** Changes of one table checked per subscriber in one query: large enough that a bulk insert costs a few queries, small enough to keep each query cheap. */
const groupSize = 500;

export interface ChangeDispatcher {
  enqueue(change: ChangeNotification): void;
  /** Resolves when every queued change has been handled. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function createChangeDispatcher(engine: DbEngine, subscriptions: () => Iterable<ChannelSubscription>): ChangeDispatcher {
  let queue: ChangeNotification[] = [];
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

  /**
   * The group's rows as the subscriber sees them, with which bindings match each: ONE query under
   * the subscriber's role and claims, or undefined when the query fails as a whole (no SELECT
   * right on the table, a filter value the column's type rejects).
   */
  async function visibleRows(subscription: ChannelSubscription, group: ChangeNotification[], bindings: ChangeBinding[]): Promise<Map<string, VisibleRow> | undefined> {
    const { schema, table } = group[0] as ChangeNotification;
    const params: unknown[] = [[...new Set(group.map((change) => String(change.id)))]];
    const matchColumns = bindings.map((binding, index) => `${binding.filter ? `(${filterCondition(binding.filter, 't', params)})` : 'true'} as "match_${index}"`);
    const anyMatch = bindings.map((_, index) => `"match_${index}"`).join(' or ');
    try {
      const result = await engine.transaction(async (tx) => {
        await actAs(tx, subscription.claims);
        return tx.query<Record<string, unknown> & { record: Record<string, unknown> }>(
          `select * from (select to_jsonb(t) as "record", ${matchColumns.join(', ')} from ${quoteIdent(schema)}.${quoteIdent(table)} as t where t."id" = any($1)) as "visible" where ${anyMatch}`,
          params,
        );
      });
      const rows = new Map<string, VisibleRow>();
      for (const row of result.rows) {
        const matching = new Set(bindings.filter((_, index) => row[`match_${index}`] === true).map((binding) => binding.id));
        rows.set(String(row.record.id), { record: row.record, matching });
      }
      return rows;
    } catch {
      return undefined;
    }
  }

  /**
   * Inserts and updates of one table, checked in one query and pushed in commit order. When that
   * query fails, each binding is checked on its own, so a change is lost exactly when the
   * per-row check would have lost it: when any binding it matches cannot be evaluated.
   */
  async function deliverRows(subscription: ChannelSubscription, group: ChangeNotification[], bindings: ChangeBinding[]): Promise<void> {
    const bindingsOf = (change: ChangeNotification): ChangeBinding[] =>
      bindings.filter((binding) => bindingMatches(binding, change.schema, change.table, change.type));
    const applicable = bindings.filter((binding) => group.some((change) => bindingsOf(change).includes(binding)));
    const together = await visibleRows(subscription, group, applicable);
    let rowFor = (change: ChangeNotification): VisibleRow | undefined => together?.get(String(change.id));
    if (!together) {
      if (applicable.length < 2) return;
      const alone = new Map<number, Map<string, VisibleRow> | undefined>();
      for (const binding of applicable) alone.set(binding.id, await visibleRows(subscription, group, [binding]));
      rowFor = (change) => {
        const perBinding = bindingsOf(change).map((binding) => alone.get(binding.id));
        if (perBinding.some((rows) => rows === undefined)) return undefined;
        const found = perBinding.map((rows) => rows?.get(String(change.id))).filter((row) => row !== undefined);
        const record = found[0]?.record;
        return record ? { record, matching: new Set(found.flatMap((row) => [...row.matching])) } : undefined;
      };
    }
    for (const change of group) {
      const row = rowFor(change);
      if (!row) continue;
      const ids = bindingsOf(change)
        .filter((binding) => row.matching.has(binding.id))
        .map((binding) => binding.id);
      if (ids.length === 0) continue;
      subscription.push('postgres_changes', {
        ids,
        data: {
          schema: change.schema,
          table: change.table,
          commit_timestamp: change.commit_timestamp,
          eventType: change.type,
          type: change.type,
          columns: await columnsOf(change.schema, change.table),
          record: row.record,
          ...(change.type === 'UPDATE' ? { old_record: { id: change.id } } : {}),
          errors: null,
        },
      });
    }
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

  /** One table's queued changes for every subscriber: deletes as they come, the rest checked together. */
  async function handle(group: ChangeNotification[]): Promise<void> {
    const { schema, table } = group[0] as ChangeNotification;
    for (const subscription of [...subscriptions()]) {
      const bindings = subscription.bindings.filter((binding) => group.some((change) => bindingMatches(binding, schema, table, change.type)));
      if (bindings.length === 0) continue;
      if (claimsExpired(subscription.claims)) {
        subscription.expire('Token has expired');
        continue;
      }
      // Consecutive inserts and updates are checked together; a delete in between is pushed in
      // its place, so the subscriber still hears the table's changes in commit order.
      let rows: ChangeNotification[] = [];
      for (const change of group) {
        if (change.type !== 'DELETE') {
          rows.push(change);
          continue;
        }
        if (rows.length > 0) await deliverRows(subscription, rows, bindings);
        rows = [];
        const deleteBindings = bindings.filter((binding) => bindingMatches(binding, schema, table, 'DELETE'));
        if (deleteBindings.length > 0) await deliverDelete(subscription, change, deleteBindings);
      }
      if (rows.length > 0) await deliverRows(subscription, rows, bindings);
    }
  }

  /** Takes the oldest queued change and every later one of the same table, up to the group size. */
  function takeGroup(): ChangeNotification[] {
    const first = queue[0];
    if (!first) return [];
    const group: ChangeNotification[] = [];
    const rest: ChangeNotification[] = [];
    for (const change of queue) {
      if (group.length < groupSize && change.schema === first.schema && change.table === first.table) group.push(change);
      else rest.push(change);
    }
    queue = rest;
    return group;
  }

  async function run(): Promise<void> {
    // A commit's notifications arrive in one burst; waiting a turn lets the first group hold them all.
    await new Promise((resolve) => setImmediate(resolve));
    while (!stopped) {
      const group = takeGroup();
      if (group.length === 0) break;
      try {
        await handle(group);
      } catch {
        // One failing group (e.g. a dropped table) must not stop delivery of the next ones.
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
