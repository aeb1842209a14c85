import type { Disagreement } from '../../shared/protocol/supervisor';
import type { Db } from '../db/open';
import { sql } from '../db/statements';
import { toRaterVote, VOTE_COLUMNS, type VoteRow } from './vote-rows';

type Label = 'a' | 'b' | 'tie' | 'both_bad';

function consensusName(label: Label, row: VoteRow): string {
  if (label === 'a') return row.model_a;
  if (label === 'b') return row.model_b;
  return label;
}

/**
 * Items where this rater's first, decisive vote differs from the strict
 * majority of the other raters' first votes on the same item. Items with
 * fewer than `minOthers` other raters, or no strict majority, are skipped:
 * disagreeing with a coin flip is not news.
 */
export async function disagreementsOf(db: Db, accountId: number, minOthers = 2): Promise<Disagreement[]> {
  const mine = (await sql(
    db,
    `SELECT ${VOTE_COLUMNS} FROM votes v JOIN accounts a ON a.id = v.account_id
     WHERE v.account_id = ? AND v.kind <> 'repeat' AND v.outcome <> 'cant_read' ORDER BY v.received_at, v.id`,
  ).all(accountId)) as unknown as VoteRow[];
  const others = sql(
    db,
    `SELECT outcome FROM votes WHERE task_id = ? AND account_id <> ? AND kind <> 'repeat' AND outcome <> 'cant_read'`,
  );
  const out: Disagreement[] = [];
  for (const row of mine) {
    const labels = ((await others.all(row.task_id, accountId)) as Array<{ outcome: Label }>).map((o) => o.outcome);
    if (labels.length < minOthers) continue;
    const tally = new Map<Label, number>();
    for (const label of labels) tally.set(label, (tally.get(label) ?? 0) + 1);
    const [top, count] = [...tally].sort((x, y) => y[1] - x[1])[0] as [Label, number];
    if (count * 2 <= labels.length || top === row.outcome) continue;
    out.push({ vote: toRaterVote(row), consensus: consensusName(top, row), agreeing: count, others: labels.length });
  }
  return out;
}
