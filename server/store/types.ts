/**
 * The one storage interface of the server. Domain code writes SQL in the
 * common dialect (what SQLite and PostgreSQL both accept: `?` or `:name`
 * placeholders, `ON CONFLICT`, `RETURNING`) and, where the two really differ,
 * a statement per dialect (`{ sqlite, postgres }`) built in the store layer
 * (see dialect.ts). Everything is async: PostgreSQL answers over a socket.
 */
export type Dialect = 'sqlite' | 'postgres';

export type Param = string | number | bigint | null | Uint8Array;
export type Params = readonly Param[] | Readonly<Record<string, Param>>;

/** SQL in the common dialect, or one text per dialect where they cannot share one. */
export type Statement = string | Readonly<Record<Dialect, string>>;

/** A row as the driver returns it; the caller that knows the query narrows it. */
export type Row = Record<string, unknown>;

export interface TransactionOptions {
  /**
   * A read-only snapshot: every query of fn sees the same data (SQLite: a
   * deferred read transaction; PostgreSQL: REPEATABLE READ READ ONLY).
   */
  readOnly?: boolean;
}

export interface Store {
  readonly dialect: Dialect;
  one<T = Row>(statement: Statement, params?: Params): Promise<T | undefined>;
  many<T = Row>(statement: Statement, params?: Params): Promise<T[]>;
  /** Runs a write; resolves to the number of rows changed. */
  run(statement: Statement, params?: Params): Promise<number>;
  /** Runs a script of several statements without parameters (schema, bulk maintenance). */
  exec(script: string): Promise<void>;
  /**
   * Runs fn in one transaction. Every query made while fn runs (through this
   * store, by any function fn calls) joins it: the store follows fn's async
   * context, so domain code never passes a transaction handle around. Nested
   * calls join the outer transaction. fn may run again when PostgreSQL aborts
   * it as a deadlock or serialisation victim, so fn must not have effects
   * outside the database before it returns.
   */
  transaction<T>(fn: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
