import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Reads the reference server's database directly, to check what it really stored (read-only). */
export function votesOf(dataDir: string, email: string): Array<{ id: string; seq: number | null; installation_id: string | null }> {
  const db = new DatabaseSync(path.join(dataDir, 'verdict.sqlite'), { readOnly: true });
  try {
    return db
      .prepare(
        `SELECT v.id, v.seq, v.installation_id FROM votes v JOIN accounts a ON a.id = v.account_id
         WHERE a.email = ? AND v.kind <> 'import' ORDER BY v.seq`,
      )
      .all(email) as Array<{ id: string; seq: number | null; installation_id: string | null }>;
  } finally {
    db.close();
  }
}
