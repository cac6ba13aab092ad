/**
 * DbEngine on embedded PGlite: on disk when given a directory, in memory otherwise.
 * PGlite has one connection, so every query and transaction goes through one mutex; otherwise a
 * plain query could run inside another caller's open transaction (and under its `set local role`).
 */
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import type { DbEngine, SqlExecutor, SqlResult } from './engine';
import { AsyncMutex } from './mutex';
import { valueParsers } from './value-parsers';

export interface PgliteOptions {
  /** Directory for the database files; omitted = in memory. */
  dataDir?: string;
}

function toResult<Row>(result: Results<Row>): SqlResult<Row> {
  return {
    rows: result.rows,
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    affectedRows: result.affectedRows ?? 0,
  };
}

function executorFor(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      return toResult(await target.query<Row>(sql, [...params]));
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<DbEngine> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    parsers: valueParsers,
  });
  await db.exec(`set timezone to 'UTC'`);
  const mutex = new AsyncMutex();
  const direct = executorFor(db);

  return {
    kind: 'pglite',
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    transaction: (fn) => mutex.run(() => db.transaction((tx) => fn(executorFor(tx)))),
    exec: (script) =>
      mutex.run(async () => {
        try {
          await db.exec(script);
        } catch (error) {
          // A script that opened a transaction and failed leaves it aborted on the one connection.
          await db.exec('rollback').catch(() => undefined);
          throw error;
        }
      }),
    async listen(channel, onPayload) {
      const unlisten = await mutex.run(() => db.listen(channel, onPayload));
      return () => mutex.run(() => unlisten());
    },
    close: () => mutex.run(() => db.close()),
  };
}
