import { AGGREGATE_TABLES, rebuildAggregates } from '../leaderboard/aggregates';
import type { Db } from './open';

/**
 * Version 4: the leaderboard's aggregates persisted with the votes
 * (server/leaderboard/aggregates.ts), built once here from the votes already
 * stored; from then on each counted vote adds to them in its own transaction.
 */
export const SCHEMA_V4 = AGGREGATE_TABLES;
export const buildAggregatesOnce = (db: Db): Promise<void> => rebuildAggregates(db, { style: false });
