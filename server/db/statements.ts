import type { Param, Params, Row, Statement, Store } from '../store/types';

function paramsOf(values: unknown[]): Params {
  const [first] = values;
  // One plain object: named parameters (`:name`); anything else is positional (`?`).
  if (values.length === 1 && first !== null && typeof first === 'object' && !(first instanceof Uint8Array)) {
    return first as Record<string, Param>;
  }
  return values as Param[];
}

/**
 * One statement on the store, in the shape the domain code has always used
 * (`sql(db, text).get/all/run`), now async. The store caches what it
 * prepares, so building this per call is free.
 */
export function sql(db: Store, statement: Statement) {
  return {
    get: (...params: unknown[]): Promise<Row | undefined> => db.one(statement, paramsOf(params)),
    all: (...params: unknown[]): Promise<Row[]> => db.many(statement, paramsOf(params)),
    run: (...params: unknown[]): Promise<number> => db.run(statement, paramsOf(params)),
  };
}

export type { Row };
