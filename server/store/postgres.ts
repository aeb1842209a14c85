import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { numberPlaceholders, type Numbered } from './placeholders';
import type { Params, Row, Statement, Store, TransactionOptions } from './types';

export interface PostgresOptions {
  /** postgres://USER:PASS@HOST:PORT/DB */
  url: string;
  /** Connections per process. N processes hold up to N × poolSize connections (max_connections). */
  poolSize: number;
  /** Any statement running longer is cancelled (ms); 0 = no limit. */
  statementTimeoutMs: number;
}

/** BIGINT and NUMERIC arrive as numbers, as SQLite gives them: ids, counts and ms times all fit in 2^53. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Deadlock and serialisation victims: the transaction is rolled back whole and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

interface Open {
  client: pg.PoolClient;
  done: boolean;
}

/**
 * The shared store: a pg Pool. A transaction takes one pooled connection;
 * every query made within fn's async context goes to that connection (so
 * domain code needs no handle), everything else to the pool.
 */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly numbered = new Map<string, Numbered>();
  private readonly inside = new AsyncLocalStorage<Open>();

  constructor(readonly pool: pg.Pool) {}

  static connect(options: PostgresOptions): PostgresStore {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize,
      types: TYPES,
      statement_timeout: options.statementTimeoutMs || undefined,
      // A transaction left open by a crashed handler must not hold its row locks forever.
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
    pool.on('error', (error) => console.error('postgres pool:', error.message));
    return new PostgresStore(pool);
  }

  private target(): pg.Pool | pg.PoolClient {
    const open = this.inside.getStore();
    return open && !open.done ? open.client : this.pool;
  }

  private async query(statement: Statement, params: Params | undefined): Promise<pg.QueryResult> {
    const sql = typeof statement === 'string' ? statement : statement.postgres;
    let numbered = this.numbered.get(sql);
    if (!numbered) {
      numbered = numberPlaceholders(sql);
      this.numbered.set(sql, numbered);
    }
    const values = toValues(numbered, params);
    return this.target().query(numbered.text, values);
  }

  async one<T = Row>(statement: Statement, params?: Params): Promise<T | undefined> {
    return (await this.query(statement, params)).rows[0] as T | undefined;
  }

  async many<T = Row>(statement: Statement, params?: Params): Promise<T[]> {
    return (await this.query(statement, params)).rows as T[];
  }

  async run(statement: Statement, params?: Params): Promise<number> {
    return (await this.query(statement, params)).rowCount ?? 0;
  }

  async exec(script: string): Promise<void> {
    // No parameters: the simple query protocol, which runs several statements.
    await this.target().query(script);
  }

  async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const current = this.inside.getStore();
    if (current && !current.done) return fn();
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const open: Open = { client, done: false };
      let broken = false;
      try {
        await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const result = await this.inside.run(open, fn);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (error as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      } finally {
        open.done = true;
        client.release(broken);
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toValues(numbered: Numbered, params: Params | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as unknown[];
  const named = params as Readonly<Record<string, unknown>>;
  if (!numbered.names) throw new Error('named parameters given to a statement with ? placeholders');
  return numbered.names.map((name) => {
    if (!(name in named)) throw new Error(`missing parameter :${name}`);
    return named[name];
  });
}
