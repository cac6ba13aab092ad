/**
 * The database engine the local backend runs on: embedded PGlite or a PostgreSQL server.
 * Everything above this interface (auth, rest, realtime, storage) is engine-agnostic.
 */
export interface SqlField {
  name: string;
  dataTypeID: number;
}

export interface SqlResult<Row = Record<string, unknown>> {
  rows: Row[];
  fields: SqlField[];
  /** Rows inserted, updated or deleted by the statement, where the engine reports it. */
  affectedRows: number;
}

export interface SqlExecutor {
  /** One statement, values bound as $1..$n parameters (never concatenated). */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

export interface DbEngine extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn inside BEGIN … COMMIT on one connection; rolls back when fn throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a multi-statement SQL script (migrations, seed) as the owner role. */
  exec(script: string): Promise<void>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
