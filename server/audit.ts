import type { Db } from './db/open';
import { sql } from './db/statements';

/** Append-only record of who changed accounts, secrets, tasks or flags, and how. */
export async function audit(
  db: Db,
  actor: string,
  action: string,
  target: string | null,
  details: object = {},
): Promise<void> {
  await sql(db, 'INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)').run(
    Date.now(),
    actor,
    action,
    target,
    JSON.stringify(details),
  );
}
