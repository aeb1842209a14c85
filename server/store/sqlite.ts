import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { Params, Row, Statement, Store, TransactionOptions } from './types';

const textOf = (statement: Statement): string => (typeof statement === 'string' ? statement : statement.sqlite);

/**
 * The embedded store: one node:sqlite connection. Its calls are synchronous,
 * but the interface is async, so between two awaits of one request another
 * request may run. Transactions therefore hold a lock: while one is open,
 * queries from outside it wait, and queries from inside it (recognised by
 * their async context) go straight through. Without that, a lease could
 * slip its statements into a push's transaction and be rolled back with it.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, StatementSync>();
  private readonly inside = new AsyncLocalStorage<symbol>();
  /** Settles when the open transaction ends; null when none is open. */
  private held: Promise<void> | null = null;
  private owner: symbol | null = null;

  constructor(readonly connection: DatabaseSync) {}

  private prepared(statement: Statement): StatementSync {
    const text = textOf(statement);
    let prepared = this.statements.get(text);
    if (!prepared) {
      // Preparing is most of the cost of a small SQLite query; the hot paths run a handful per vote.
      prepared = this.connection.prepare(text);
      this.statements.set(text, prepared);
    }
    return prepared;
  }

  private inTransaction(): boolean {
    return this.owner !== null && this.inside.getStore() === this.owner;
  }

  /** Waits until no transaction but the caller's own holds the connection. */
  private async turn(): Promise<void> {
    while (this.held && !this.inTransaction()) await this.held;
  }

  private call<T>(
    statement: Statement,
    params: Params | undefined,
    use: (s: StatementSync, p: SQLInputValue[]) => T,
  ): T {
    const prepared = this.prepared(statement);
    if (params === undefined) return use(prepared, []);
    if (Array.isArray(params)) return use(prepared, params as SQLInputValue[]);
    return use(prepared, [params as Record<string, SQLInputValue>] as unknown as SQLInputValue[]);
  }

  async one<T = Row>(statement: Statement, params?: Params): Promise<T | undefined> {
    if (this.held) await this.turn();
    return this.call(statement, params, (s, p) => s.get(...p)) as T | undefined;
  }

  async many<T = Row>(statement: Statement, params?: Params): Promise<T[]> {
    if (this.held) await this.turn();
    return this.call(statement, params, (s, p) => s.all(...p)) as T[];
  }

  async run(statement: Statement, params?: Params): Promise<number> {
    if (this.held) await this.turn();
    return Number(this.call(statement, params, (s, p) => s.run(...p)).changes);
  }

  async exec(script: string): Promise<void> {
    if (this.held) await this.turn();
    this.connection.exec(script);
  }

  /**
   * BEGIN IMMEDIATE takes the write lock up front, so two writers (server and
   * admin CLI) queue on busy_timeout instead of failing halfway with
   * SQLITE_BUSY on lock upgrade. A read-only snapshot uses a deferred BEGIN.
   */
  async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.inTransaction()) return fn();
    await this.turn();
    let release = (): void => {};
    this.held = new Promise((resolve) => (release = resolve));
    const owner = Symbol('transaction');
    this.owner = owner;
    try {
      this.connection.exec(options.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
      try {
        const result = await this.inside.run(owner, fn);
        this.connection.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.connection.isTransaction) this.connection.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.owner = null;
      this.held = null;
      release();
    }
  }

  async close(): Promise<void> {
    await this.turn();
    if (this.connection.isOpen) this.connection.close();
  }
}
