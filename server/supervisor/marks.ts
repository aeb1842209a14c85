import type { ItemMark, MarkKind } from '../../shared/protocol/supervisor';
import type { AccountRow } from '../accounts/repo';
import { audit } from '../audit';
import { transaction, type Db } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';

interface MarkRow {
  id: number;
  mark: MarkKind;
  vote_id: string;
  task_id: string;
  rater_id: string;
  note: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
}

const SELECT_MARKS = `SELECT m.id, m.mark, m.vote_id, m.task_id, r.public_id AS rater_id, m.note,
    c.public_id AS created_by, c.display_name AS created_by_name, m.created_at
  FROM item_marks m JOIN accounts r ON r.id = m.account_id LEFT JOIN accounts c ON c.id = m.created_by`;

function toMark(row: MarkRow): ItemMark {
  return {
    id: row.id,
    mark: row.mark,
    voteId: row.vote_id,
    itemId: row.task_id,
    raterId: row.rater_id,
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Marks on the votes of the given raters (internal ids), oldest first. */
export async function marksFor(db: Db, accountIds: number[]): Promise<ItemMark[]> {
  const rows = (await sql(
    db,
    perDialect((d) => `${SELECT_MARKS} WHERE m.account_id IN ${d.jsonIds('?')} ORDER BY m.id`),
  ).all(JSON.stringify(accountIds))) as unknown as MarkRow[];
  return rows.map(toMark);
}

/** Records a mark on a vote the caller has already checked is the team's; audited in the same transaction. */
export async function addMark(
  db: Db,
  input: {
    vote: { id: string; task_id: string; account_id: number };
    rater: AccountRow;
    mark: MarkKind;
    note: string;
    by: AccountRow;
  },
): Promise<ItemMark> {
  return await transaction(db, async () => {
    const result = await sql(
      db,
      'INSERT INTO item_marks (vote_id, task_id, account_id, mark, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    ).get(input.vote.id, input.vote.task_id, input.vote.account_id, input.mark, input.note, input.by.id, Date.now());
    await audit(db, `account:${input.by.public_id}`, 'mark.add', input.rater.public_id, {
      voteId: input.vote.id,
      itemId: input.vote.task_id,
      mark: input.mark,
      note: input.note,
    });
    return toMark((await sql(db, `${SELECT_MARKS} WHERE m.id = ?`).get(Number(result?.id))) as unknown as MarkRow);
  });
}
