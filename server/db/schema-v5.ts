/**
 * Version 5: what several server processes on one database must share.
 * - counts_version: one row, incremented in the transaction of every push
 *   that accepts votes. A process compares it with the version its in-memory
 *   cube and caches were built at, so votes taken by another process
 *   invalidate them (leaderboard/service.ts).
 * - Pair keys join the two model names with U+001F (unit separator) instead
 *   of U+0000, which PostgreSQL text cannot hold. Recomputed from the model
 *   names (SQLite's replace() stops at NUL); pair_load first, matched on the old key.
 */
export const SCHEMA_V5 = `
CREATE TABLE counts_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO counts_version VALUES (1, 0);

UPDATE pair_load SET pair_key = COALESCE((
  SELECT CASE WHEN t.model_a < t.model_b THEN t.model_a || char(31) || t.model_b ELSE t.model_b || char(31) || t.model_a END
  FROM tasks t WHERE t.lang_base = pair_load.lang_base AND t.pair_key = pair_load.pair_key LIMIT 1), pair_key);
UPDATE tasks SET pair_key =
  CASE WHEN model_a < model_b THEN model_a || char(31) || model_b ELSE model_b || char(31) || model_a END;
`;
