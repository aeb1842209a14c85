import { quantisedContrast, styleFeaturesFromText, type StyleFeatures } from '../../shared/ranking';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import type { Outcome } from '../tasks/repo';

/**
 * Style control on the server (docs/SERVER.md, "Style control"). Each response's style
 * features are measured once, when it is imported, with the same shared function the engine
 * and `npm run rank -- --style` use (styleFeaturesFromText), and kept in four columns of
 * `responses`. A counted vote's style is the quantised contrast of its task's two responses
 * (shared quantisedContrast, oriented model_a → model_b); the aggregates keep one style row per
 * (segment, pair, contrast levels), beside the pair counts and under the same release rules.
 */
export const STYLE_COLUMNS = ['style_tokens', 'style_headers', 'style_lists', 'style_bold'] as const;

/** The style-row table; `counts` is the integer type of the dialect (SQLite INTEGER, PostgreSQL BIGINT). */
export function styleCountsTable(counts: 'INTEGER' | 'BIGINT', withoutRowid: boolean): string {
  return `
CREATE TABLE leaderboard_style_counts (
  language TEXT NOT NULL, country TEXT NOT NULL, age_band TEXT NOT NULL, education TEXT NOT NULL, category TEXT NOT NULL,
  model_lo TEXT NOT NULL, model_hi TEXT NOT NULL,
  z_tokens INTEGER NOT NULL, z_headers INTEGER NOT NULL, z_lists INTEGER NOT NULL, z_bold INTEGER NOT NULL,
  wins_lo ${counts} NOT NULL, wins_hi ${counts} NOT NULL, ties ${counts} NOT NULL, both_bad ${counts} NOT NULL,
  PRIMARY KEY (language, country, age_band, education, category, model_lo, model_hi, z_tokens, z_headers, z_lists, z_bold)
)${withoutRowid ? ' WITHOUT ROWID' : ''};
${STYLE_COLUMNS.map((column) => `ALTER TABLE responses ADD COLUMN ${column} INTEGER;`).join('\n')}
`;
}

export function styleValues(content: string): number[] {
  const style = styleFeaturesFromText(content);
  return [style.tokens, style.headers, style.lists, style.bold];
}

interface StyleRow {
  style_tokens: number | null;
  style_headers: number | null;
  style_lists: number | null;
  style_bold: number | null;
}

function featuresOf(row: StyleRow): StyleFeatures | null {
  if (row.style_tokens === null || row.style_headers === null || row.style_lists === null || row.style_bold === null)
    return null;
  return { tokens: row.style_tokens, headers: row.style_headers, lists: row.style_lists, bold: row.style_bold };
}

/** Contrast levels of two measured responses (a → b), or null when either was never measured. */
export function levelsOf(a: StyleRow, b: StyleRow): number[] | null {
  const fa = featuresOf(a);
  const fb = featuresOf(b);
  return fa && fb ? quantisedContrast(fa, fb) : null;
}

const TASK_STYLE = `SELECT ra.style_tokens AS a_tokens, ra.style_headers AS a_headers, ra.style_lists AS a_lists,
  ra.style_bold AS a_bold, rb.style_tokens AS b_tokens, rb.style_headers AS b_headers, rb.style_lists AS b_lists,
  rb.style_bold AS b_bold
  FROM tasks t JOIN responses ra ON ra.id = t.response_a JOIN responses rb ON rb.id = t.response_b`;

type PairStyleRow = Record<`${'a' | 'b'}_${'tokens' | 'headers' | 'lists' | 'bold'}`, number | null>;

function split(row: PairStyleRow): [StyleRow, StyleRow] {
  const side = (s: 'a' | 'b'): StyleRow => ({
    style_tokens: row[`${s}_tokens`],
    style_headers: row[`${s}_headers`],
    style_lists: row[`${s}_lists`],
    style_bold: row[`${s}_bold`],
  });
  return [side('a'), side('b')];
}

/** The style levels of a task's pair (model_a → model_b), or null when a response is unmeasured. */
export async function taskStyleLevels(db: Db, taskId: string): Promise<number[] | null> {
  const row = (await sql(db, `${TASK_STYLE} WHERE t.id = ?`).get(taskId)) as PairStyleRow | undefined;
  return row ? levelsOf(...split(row)) : null;
}

/** Measures every response not measured yet (the migration that adds the columns runs this once). */
export async function measureResponses(db: Db): Promise<void> {
  const rows = await db.many<{ id: number; content: string }>(
    'SELECT id, content FROM responses WHERE style_tokens IS NULL',
  );
  for (const row of rows) {
    await sql(
      db,
      `UPDATE responses SET ${STYLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ).run(...styleValues(row.content), row.id);
  }
}

/** One group of counted votes: a segment, a model pair in the votes' order, an outcome and how many. */
export interface CountedVoteGroup {
  language: string;
  country: string | null;
  age_band: string | null;
  education: string | null;
  category: string;
  model_a: string;
  model_b: string;
  outcome: Outcome;
  n: number;
}

/** Counted votes grouped by segment, task pair and outcome, with their responses' style (for rebuilds). */
export async function countedVotesWithStyle(db: Db): Promise<(CountedVoteGroup & { levels: number[] })[]> {
  const rows = await db.many<PairStyleRow & CountedVoteGroup>(
    `SELECT v.language, v.country, v.age_band, v.education, v.category, v.model_a, v.model_b, v.outcome,
       ra.style_tokens AS a_tokens, ra.style_headers AS a_headers, ra.style_lists AS a_lists, ra.style_bold AS a_bold,
       rb.style_tokens AS b_tokens, rb.style_headers AS b_headers, rb.style_lists AS b_lists, rb.style_bold AS b_bold,
       COUNT(*) AS n
     FROM votes v JOIN tasks t ON t.id = v.task_id
       JOIN responses ra ON ra.id = t.response_a JOIN responses rb ON rb.id = t.response_b
     WHERE v.counted = 1 AND v.outcome <> 'cant_read' AND ra.style_tokens IS NOT NULL AND rb.style_tokens IS NOT NULL
     GROUP BY v.language, v.country, v.age_band, v.education, v.category, v.model_a, v.model_b, v.outcome,
       ra.style_tokens, ra.style_headers, ra.style_lists, ra.style_bold,
       rb.style_tokens, rb.style_headers, rb.style_lists, rb.style_bold`,
  );
  return rows.map((row) => ({ ...row, n: Number(row.n), levels: levelsOf(...split(row))! }));
}
