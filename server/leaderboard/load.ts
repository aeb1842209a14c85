import type { Db } from '../db/open';
import type { Outcome } from '../tasks/repo';
import type { VoteRecord } from '../votes/store';
import { loadCubeFromAggregates } from './aggregates';
import { SegmentCube, type CountedVote, type Segment } from './cube';
import { countedVotesWithStyle } from './style';

interface SegmentRow {
  language: string;
  country: string | null;
  age_band: string | null;
  education: string | null;
  category: string;
}

const segmentOf = (row: SegmentRow): Segment => ({
  language: row.language,
  country: row.country,
  age_band: row.age_band,
  education: row.education,
  category: row.category,
});

/**
 * The cube at server start, from the aggregates stored with the votes
 * (aggregates.ts): no scan of the votes table, however many there are.
 * Afterwards the cube follows committed pushes.
 */
export function loadCube(db: Db): Promise<SegmentCube> {
  return loadCubeFromAggregates(db);
}

/**
 * The cube straight from the votes table (two GROUP BY scans): what the
 * stored aggregates must always equal. Tests compare the two.
 */
export async function cubeFromVotes(db: Db): Promise<SegmentCube> {
  const cube = new SegmentCube();
  const counts = await db.many<SegmentRow & { model_a: string; model_b: string; outcome: Outcome; n: number }>(
    `SELECT language, country, age_band, education, category, model_a, model_b, outcome, COUNT(*) AS n
     FROM votes WHERE counted = 1 AND outcome <> 'cant_read'
     GROUP BY language, country, age_band, education, category, model_a, model_b, outcome`,
  );
  for (const row of counts) cube.addCounts(segmentOf(row), row.model_a, row.model_b, row.outcome, row.n);
  for (const row of await countedVotesWithStyle(db)) {
    cube.addStyleCounts(segmentOf(row), row.model_a, row.model_b, row.levels, row.outcome, row.n);
  }
  const raters = await db.many<SegmentRow & { account_id: number }>(
    `SELECT DISTINCT language, country, age_band, education, category, account_id FROM votes
     WHERE counted = 1 AND outcome <> 'cant_read'`,
  );
  for (const row of raters) cube.addRater(segmentOf(row), row.account_id);
  return cube;
}

export function countedVote(record: VoteRecord): CountedVote | null {
  if (!record.counted || record.outcome === 'cant_read') return null;
  return {
    accountId: record.accountId,
    modelA: record.modelA,
    modelB: record.modelB,
    outcome: record.outcome,
    style: record.style ?? null,
    segment: {
      language: record.language,
      country: record.country,
      age_band: record.ageBand,
      education: record.education,
      category: record.category,
    },
  };
}
