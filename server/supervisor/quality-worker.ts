import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';
import { teamQuality } from './quality';
import type { QualityReply, QualityRequest } from './quality-service';

/**
 * The team-quality computation, off the server's event loop. Its own
 * read-only connection: WAL lets it read a consistent snapshot while the
 * server keeps committing votes, and read-only means it can never write.
 */
const db = new DatabaseSync((workerData as { path: string }).path, { readOnly: true });
db.exec('PRAGMA busy_timeout = 5000');

function compute(request: QualityRequest): QualityReply {
  // One read transaction: every query of one computation sees the same votes.
  db.exec('BEGIN');
  try {
    const quality = teamQuality(db, request.team);
    return { id: request.id, byRater: [...quality.byRater], pool: quality.pool, lastVoteAt: [...quality.lastVoteAt] };
  } finally {
    db.exec('COMMIT');
  }
}

parentPort?.on('message', (request: QualityRequest) => {
  let reply: QualityReply;
  try {
    reply = compute(request);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
