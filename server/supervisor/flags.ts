import type { Flag } from '../../shared/protocol/supervisor';
import type { AccountRow } from '../accounts/repo';
import { audit } from '../audit';
import { transaction, type Db } from '../db/open';
import { sql } from '../db/statements';
import { perDialect } from '../store/dialect';

interface FlagRow {
  id: number;
  kind: Flag['kind'];
  rater_id: string;
  vote_id: string | null;
  note: string;
  source: Flag['source'];
  created_by: string | null;
  created_by_name: string | null;
  created_at: number;
}

const SELECT_FLAGS = `SELECT f.id, f.kind, r.public_id AS rater_id, f.vote_id, f.note, f.source, c.public_id AS created_by, c.display_name AS created_by_name, f.created_at
  FROM flags f JOIN accounts r ON r.id = f.account_id LEFT JOIN accounts c ON c.id = f.created_by`;

function toFlag(row: FlagRow): Flag {
  return {
    id: row.id,
    kind: row.kind,
    raterId: row.rater_id,
    voteId: row.vote_id,
    note: row.note,
    source: row.source,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function flagsFor(db: Db, accountIds: number[]): Promise<Flag[]> {
  const rows = (await sql(
    db,
    perDialect((d) => `${SELECT_FLAGS} WHERE f.account_id IN ${d.jsonIds('?')} ORDER BY f.id`),
  ).all(JSON.stringify(accountIds))) as unknown as FlagRow[];
  return rows.map(toFlag);
}

export async function addFlag(
  db: Db,
  input: {
    rater: AccountRow;
    voteId: string | null;
    note: string;
    source: Flag['source'];
    by: AccountRow | null;
    kind?: Flag['kind'];
  },
): Promise<Flag> {
  const kind = input.kind ?? 'flag';
  return await transaction(db, async () => {
    const result = await sql(
      db,
      'INSERT INTO flags (kind, account_id, vote_id, note, source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    ).get(kind, input.rater.id, input.voteId, input.note, input.source, input.by?.id ?? null, Date.now());
    const actor = input.by ? `account:${input.by.public_id}` : 'system:anomaly-test';
    await audit(db, actor, kind === 'flag' ? 'flag.add' : 'flag.clear', input.rater.public_id, {
      voteId: input.voteId,
      note: input.note,
      source: input.source,
    });
    const row = (await sql(db, `${SELECT_FLAGS} WHERE f.id = ?`).get(Number(result?.id))) as unknown as FlagRow;
    return toFlag(row);
  });
}

/** Flags raised on each rater since their latest unflag (an unflag clears everything before it). */
export async function openFlagCounts(db: Db): Promise<Map<number, number>> {
  const rows = (await sql(
    db,
    `SELECT f.account_id, COUNT(*) AS n FROM flags f
     WHERE f.kind = 'flag' AND f.id > COALESCE((SELECT MAX(u.id) FROM flags u WHERE u.account_id = f.account_id AND u.kind = 'unflag'), 0)
     GROUP BY f.account_id`,
  ).all()) as Array<{
    account_id: number;
    n: number;
  }>;
  return new Map(rows.map((row) => [row.account_id, row.n]));
}
