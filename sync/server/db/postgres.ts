/**
 * DbEngine on a PostgreSQL server through a pg.Pool, plus one dedicated client for LISTEN.
 * Value parsing is set per client (the `types` option), not on pg's global registry, so other
 * pg users in the same process keep their defaults.
 */
import pg from 'pg';
import type { DbEngine, SqlExecutor, SqlResult } from './engine';
import { valueParsers } from './value-parsers';

const customTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = valueParsers[oid];
    if (parser && (format ?? 'text') === 'text') return parser;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
} as unknown as pg.CustomTypesConfig;

function toResult<Row>(result: pg.QueryResult): SqlResult<Row> {
  return {
    rows: result.rows as Row[],
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    affectedRows: result.rowCount ?? 0,
  };
}

function executorFor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      return toResult<Row>(await target.query(sql, [...params]));
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface PostgresOptions {
  /** Pool size; the default leaves room for other clients on a small server. */
  max?: number;
}

export async function openPostgres(databaseUrl: string, options: PostgresOptions = {}): Promise<DbEngine> {
  const config: pg.PoolConfig = {
    connectionString: databaseUrl,
    types: customTypes,
    max: options.max ?? 10,
    options: '-c timezone=UTC',
  };
  const pool = new pg.Pool(config);
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('select 1');

  let listener: pg.Client | undefined;
  const subscribers = new Map<string, Set<(payload: string) => void>>();

  async function listenerClient(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: databaseUrl, types: customTypes, options: '-c timezone=UTC' });
    client.on('error', () => undefined);
    client.on('notification', (message) => {
      for (const callback of subscribers.get(message.channel) ?? []) callback(message.payload ?? '');
    });
    await client.connect();
    listener = client;
    return client;
  }

  return {
    kind: 'postgres',
    query: (sql, params) => executorFor(pool).query(sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await fn(executorFor(client));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // A script that opened a transaction and failed leaves it aborted on this connection.
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const client = await listenerClient();
      let callbacks = subscribers.get(channel);
      if (!callbacks) {
        callbacks = new Set();
        subscribers.set(channel, callbacks);
        await client.query(`listen ${quoteIdent(channel)}`);
      }
      callbacks.add(onPayload);
      return async () => {
        const current = subscribers.get(channel);
        if (!current) return;
        current.delete(onPayload);
        if (current.size === 0) {
          subscribers.delete(channel);
          await client.query(`unlisten ${quoteIdent(channel)}`);
        }
      };
    },
    async close() {
      if (listener) await listener.end();
      await pool.end();
    },
  };
}
