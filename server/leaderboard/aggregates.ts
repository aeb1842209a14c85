import type { Db } from '../db/open';
import { sql } from '../db/statements';
import type { Outcome } from '../tasks/repo';
import { SegmentCube, type CountedVote, type Segment } from './cube';
import { countedVotesWithStyle, type CountedVoteGroup } from './style';

/**
 * The leaderboard's aggregates on disk, written in the same transaction as
 * each counted vote (insertVote calls addVoteToAggregates), so they are
 * exactly as durable as the votes, and a restart reads the aggregate rows
 * instead of grouping every vote. Segment fields are '' for "not set"
 * (primary keys cannot be NULL); pairs are stored as the cube keeps them:
 * lo < hi by code unit, lo's wins first.
 */
export const AGGREGATE_TABLES = `
CREATE TABLE leaderboard_counts (
  language TEXT NOT NULL, country TEXT NOT NULL, age_band TEXT NOT NULL, education TEXT NOT NULL, category TEXT NOT NULL,
  model_lo TEXT NOT NULL, model_hi TEXT NOT NULL,
  wins_lo INTEGER NOT NULL, wins_hi INTEGER NOT NULL, ties INTEGER NOT NULL, both_bad INTEGER NOT NULL,
  PRIMARY KEY (language, country, age_band, education, category, model_lo, model_hi)
) WITHOUT ROWID;
CREATE TABLE leaderboard_raters (
  language TEXT NOT NULL, country TEXT NOT NULL, age_band TEXT NOT NULL, education TEXT NOT NULL, category TEXT NOT NULL,
  account_id INTEGER NOT NULL,
  PRIMARY KEY (language, country, age_band, education, category, account_id)
) WITHOUT ROWID;
`;

type SegmentKey = [string, string, string, string, string];

const keyOf = (segment: Segment): SegmentKey => [
  segment.language ?? '',
  segment.country ?? '',
  segment.age_band ?? '',
  segment.education ?? '',
  segment.category ?? '',
];

const orNull = (value: string): string | null => (value === '' ? null : value);

/** [lo wins, hi wins, ties, both bad] for n votes of one outcome between modelA and modelB. */
function delta(modelA: string, modelB: string, outcome: Outcome, n: number): { lo: string; hi: string; row: number[] } {
  const flipped = modelB < modelA;
  const row = [0, 0, 0, 0];
  const column = { a: 0, b: 1, tie: 2, both_bad: 3 }[outcome];
  row[flipped && column < 2 ? 1 - column : column] = n;
  return flipped ? { lo: modelB, hi: modelA, row } : { lo: modelA, hi: modelB, row };
}

/** Style levels (given modelA → modelB) oriented lo → hi, as the style rows store them. */
function orientedLevels(modelA: string, modelB: string, levels: number[]): number[] {
  return modelB < modelA ? levels.map((level) => -level || 0) : levels;
}

async function upsertStyleCounts(
  db: Db,
  key: SegmentKey,
  lo: string,
  hi: string,
  levels: number[],
  row: number[],
): Promise<void> {
  await sql(
    db,
    `INSERT INTO leaderboard_style_counts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (language, country, age_band, education, category, model_lo, model_hi, z_tokens, z_headers, z_lists, z_bold)
     DO UPDATE SET wins_lo = leaderboard_style_counts.wins_lo + excluded.wins_lo,
       wins_hi = leaderboard_style_counts.wins_hi + excluded.wins_hi,
       ties = leaderboard_style_counts.ties + excluded.ties,
       both_bad = leaderboard_style_counts.both_bad + excluded.both_bad`,
  ).run(...key, lo, hi, ...levels, ...row);
}

/** n votes of one outcome with style `levels` (modelA → modelB) into the stored style rows. */
export async function addStyleToAggregates(
  db: Db,
  segment: Segment,
  modelA: string,
  modelB: string,
  levels: number[],
  outcome: Outcome,
  n: number,
): Promise<void> {
  const { lo, hi, row } = delta(modelA, modelB, outcome, n);
  await upsertStyleCounts(db, keyOf(segment), lo, hi, orientedLevels(modelA, modelB, levels), row);
}

export async function addCountsToAggregates(
  db: Db,
  segment: Segment,
  modelA: string,
  modelB: string,
  outcome: Outcome,
  n: number,
): Promise<void> {
  const { lo, hi, row } = delta(modelA, modelB, outcome, n);
  await upsertCounts(db, keyOf(segment), lo, hi, row);
}

async function upsertCounts(db: Db, key: SegmentKey, lo: string, hi: string, row: number[]): Promise<void> {
  await sql(
    db,
    `INSERT INTO leaderboard_counts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (language, country, age_band, education, category, model_lo, model_hi)
     DO UPDATE SET wins_lo = leaderboard_counts.wins_lo + excluded.wins_lo,
       wins_hi = leaderboard_counts.wins_hi + excluded.wins_hi, ties = leaderboard_counts.ties + excluded.ties,
       both_bad = leaderboard_counts.both_bad + excluded.both_bad`,
  ).run(...key, lo, hi, ...(row as [number, number, number, number]));
}

export async function addRaterToAggregates(db: Db, segment: Segment, accountId: number): Promise<void> {
  await sql(db, 'INSERT INTO leaderboard_raters VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
    ...keyOf(segment),
    accountId,
  );
}

/** One counted vote into the stored aggregates. Call inside the vote's transaction. */
export async function addVoteToAggregates(db: Db, vote: CountedVote): Promise<void> {
  await addCountsToAggregates(db, vote.segment, vote.modelA, vote.modelB, vote.outcome, 1);
  if (vote.style) await addStyleToAggregates(db, vote.segment, vote.modelA, vote.modelB, vote.style, vote.outcome, 1);
  await addRaterToAggregates(db, vote.segment, vote.accountId);
}

/**
 * A push's aggregate changes, summed per row and written at the end of its transaction in
 * key order. Summing makes one upsert per row instead of one per vote; the fixed order means
 * two concurrent pushes (two PostgreSQL processes) lock shared rows in the same order and
 * cannot deadlock on them.
 */
export class AggregateBatch {
  private readonly counts = new Map<string, { key: SegmentKey; lo: string; hi: string; row: number[] }>();
  private readonly raters = new Map<string, { key: SegmentKey; accountId: number }>();
  private readonly style = new Map<string, { key: SegmentKey; lo: string; hi: string; levels: number[]; row: number[] }>();

  add(vote: CountedVote): void {
    const key = keyOf(vote.segment);
    const { lo, hi, row } = delta(vote.modelA, vote.modelB, vote.outcome, 1);
    const id = JSON.stringify([...key, lo, hi]);
    const entry = this.counts.get(id);
    if (entry) for (let i = 0; i < 4; i++) entry.row[i] = (entry.row[i] as number) + (row[i] as number);
    else this.counts.set(id, { key, lo, hi, row: [...row] });
    if (vote.style) {
      const levels = orientedLevels(vote.modelA, vote.modelB, vote.style);
      const styleId = JSON.stringify([...key, lo, hi, ...levels]);
      const styled = this.style.get(styleId);
      if (styled) for (let i = 0; i < 4; i++) styled.row[i] = (styled.row[i] as number) + (row[i] as number);
      else this.style.set(styleId, { key, lo, hi, levels, row: [...row] });
    }
    this.raters.set(JSON.stringify([...key, vote.accountId]), { key, accountId: vote.accountId });
  }

  async flush(db: Db): Promise<void> {
    for (const id of [...this.counts.keys()].sort()) {
      const { key, lo, hi, row } = this.counts.get(id) as { key: SegmentKey; lo: string; hi: string; row: number[] };
      await upsertCounts(db, key, lo, hi, row);
    }
    for (const id of [...this.style.keys()].sort()) {
      const { key, lo, hi, levels, row } = this.style.get(id)!;
      await upsertStyleCounts(db, key, lo, hi, levels, row);
    }
    for (const id of [...this.raters.keys()].sort()) {
      const { key, accountId } = this.raters.get(id) as { key: SegmentKey; accountId: number };
      await sql(db, 'INSERT INTO leaderboard_raters VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
        ...key,
        accountId,
      );
    }
    this.counts.clear();
    this.style.clear();
    this.raters.clear();
  }
}

interface SegmentRow {
  language: string;
  country: string;
  age_band: string;
  education: string;
  category: string;
}

const segmentOf = (row: SegmentRow): Segment => ({
  language: row.language,
  country: orNull(row.country),
  age_band: orNull(row.age_band),
  education: orNull(row.education),
  category: row.category,
});

/** The cube from the stored aggregates: one read of each table, no scan of the votes. */
export async function loadCubeFromAggregates(db: Db): Promise<SegmentCube> {
  const cube = new SegmentCube();
  const counts = await db.many<
    SegmentRow & {
      model_lo: string;
      model_hi: string;
      wins_lo: number;
      wins_hi: number;
      ties: number;
      both_bad: number;
    }
  >('SELECT * FROM leaderboard_counts');
  for (const row of counts) {
    const segment = segmentOf(row);
    if (row.wins_lo) cube.addCounts(segment, row.model_lo, row.model_hi, 'a', row.wins_lo);
    if (row.wins_hi) cube.addCounts(segment, row.model_lo, row.model_hi, 'b', row.wins_hi);
    if (row.ties) cube.addCounts(segment, row.model_lo, row.model_hi, 'tie', row.ties);
    if (row.both_bad) cube.addCounts(segment, row.model_lo, row.model_hi, 'both_bad', row.both_bad);
  }
  const style = await db.many<
    SegmentRow & {
      model_lo: string;
      model_hi: string;
      z_tokens: number;
      z_headers: number;
      z_lists: number;
      z_bold: number;
      wins_lo: number;
      wins_hi: number;
      ties: number;
      both_bad: number;
    }
  >('SELECT * FROM leaderboard_style_counts');
  for (const row of style) {
    const segment = segmentOf(row);
    const levels = [row.z_tokens, row.z_headers, row.z_lists, row.z_bold];
    const outcomes = [
      ['a', row.wins_lo],
      ['b', row.wins_hi],
      ['tie', row.ties],
      ['both_bad', row.both_bad],
    ] as const;
    for (const [outcome, n] of outcomes) {
      if (n) cube.addStyleCounts(segment, row.model_lo, row.model_hi, levels, outcome, Number(n));
    }
  }
  for (const row of await db.many<SegmentRow & { account_id: number }>('SELECT * FROM leaderboard_raters')) {
    cube.addRater(segmentOf(row), row.account_id);
  }
  return cube;
}

/**
 * Rebuilds the stored aggregates from the votes table (two GROUP BY scans):
 * once, by the migration that creates them, and by tools that bulk-insert
 * votes with raw SQL. Call inside a transaction.
 */
export async function rebuildAggregates(db: Db, options: { style?: boolean } = {}): Promise<void> {
  await db.exec('DELETE FROM leaderboard_counts; DELETE FROM leaderboard_raters;');
  // Schema 4 rebuilt the pair counts before the style table existed (schema 6); later rebuilds do both.
  if (options.style ?? true) await rebuildStyleAggregates(db);
  const counts = await db.many<CountedVoteGroup>(
    `SELECT language, country, age_band, education, category, model_a, model_b, outcome, COUNT(*) AS n
     FROM votes WHERE counted = 1 AND outcome <> 'cant_read'
     GROUP BY language, country, age_band, education, category, model_a, model_b, outcome`,
  );
  for (const row of counts) await addCountsToAggregates(db, row, row.model_a, row.model_b, row.outcome, row.n);
  await db.exec(
    `INSERT INTO leaderboard_raters
     SELECT DISTINCT language, COALESCE(country, ''), COALESCE(age_band, ''), COALESCE(education, ''), category, account_id
     FROM votes WHERE counted = 1 AND outcome <> 'cant_read'
     ON CONFLICT DO NOTHING`,
  );
}

/** Rebuilds the stored style rows from the votes and their responses' measured style. */
export async function rebuildStyleAggregates(db: Db): Promise<void> {
  await db.exec('DELETE FROM leaderboard_style_counts');
  for (const row of await countedVotesWithStyle(db)) {
    await addStyleToAggregates(db, row, row.model_a, row.model_b, row.levels, row.outcome, row.n);
  }
}
