import { rebuildStyleAggregates } from '../leaderboard/aggregates';
import { measureResponses, styleCountsTable } from '../leaderboard/style';
import type { Db } from './open';

/**
 * Version 6: style control (server/leaderboard/style.ts). Each response's style features
 * (tokens, headers, list items, bold spans) in four columns of `responses`, measured here once
 * for the responses already stored and at import for new ones; and the aggregated style rows
 * per segment, built here from the counted votes and then kept by each push.
 */
export const SCHEMA_V6 = styleCountsTable('INTEGER', true);

export async function measureAndBuildStyleRows(db: Db): Promise<void> {
  await measureResponses(db);
  await rebuildStyleAggregates(db);
}
