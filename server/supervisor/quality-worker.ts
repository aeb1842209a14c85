import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { PostgresStore } from '../store/postgres';
import { SqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { teamQuality } from './quality';
import type { QualityReply, QualityRequest } from './quality-service';

/**
 * The team-quality computation, off the server's event loop. Its own
 * read-only connection: WAL lets it read a consistent snapshot while the
 * server keeps committing votes, and read-only means it can never write.
 */
function open(where: { path?: string; url?: string }): Store {
  // PostgreSQL: one connection of its own, read-only snapshots (see transaction below).
  if (where.url) return PostgresStore.connect({ url: where.url, poolSize: 1, statementTimeoutMs: 0 });
  const connection = new DatabaseSync(where.path as string, { readOnly: true });
  connection.exec('PRAGMA busy_timeout = 5000');
  return new SqliteStore(connection);
}

const db = open(workerData as { path?: string; url?: string });

async function compute(request: QualityRequest): Promise<QualityReply> {
  // One read transaction: every query of one computation sees the same votes.
  return db.transaction(
    async () => {
      const quality = await teamQuality(db, request.team);
      return { id: request.id, byRater: [...quality.byRater], pool: quality.pool, lastVoteAt: [...quality.lastVoteAt] };
    },
    { readOnly: true },
  );
}

parentPort?.on('message', (request: QualityRequest) => {
  void compute(request)
    .catch((error: unknown): QualityReply => ({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    }))
    .then((reply) => parentPort?.postMessage(reply));
});
