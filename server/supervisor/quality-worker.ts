import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteStore } from '../store/sqlite';
import { teamQuality } from './quality';
import type { QualityReply, QualityRequest } from './quality-service';

/**
 * The team-quality computation, off the server's event loop. Its own
 * read-only connection: WAL lets it read a consistent snapshot while the
 * server keeps committing votes, and read-only means it can never write.
 */
const connection = new DatabaseSync((workerData as { path: string }).path, { readOnly: true });
connection.exec('PRAGMA busy_timeout = 5000');
const db = new SqliteStore(connection);

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
