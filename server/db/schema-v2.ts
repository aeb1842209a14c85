/**
 * Version 2: review records of their own. Until now a supervisor's unflag and
 * item marks were flags whose note began with `[unflag] `, `[ambiguous] ` or
 * `[vote_wrong] ` (a client convention). Unflags become flags of kind
 * 'unflag'; marks move to item_marks, tied to the vote and its item; the
 * prefixes are stripped. Prefix tests use substr, not LIKE (`_` and case).
 */
export const SCHEMA_V2 = `
ALTER TABLE flags ADD COLUMN kind TEXT NOT NULL DEFAULT 'flag' CHECK (kind IN ('flag', 'unflag'));

CREATE TABLE item_marks (
  id INTEGER PRIMARY KEY,
  vote_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  mark TEXT NOT NULL CHECK (mark IN ('ambiguous', 'vote_wrong')),
  note TEXT NOT NULL,
  created_by INTEGER REFERENCES accounts(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX item_marks_by_account ON item_marks(account_id);
CREATE INDEX item_marks_by_vote ON item_marks(vote_id);

INSERT INTO item_marks (vote_id, task_id, account_id, mark, note, created_by, created_at)
  SELECT f.vote_id, v.task_id, f.account_id,
    CASE WHEN substr(f.note, 1, 11) = '[ambiguous]' THEN 'ambiguous' ELSE 'vote_wrong' END,
    ltrim(substr(f.note, CASE WHEN substr(f.note, 1, 11) = '[ambiguous]' THEN 12 ELSE 13 END), ' '),
    f.created_by, f.created_at
  FROM flags f JOIN votes v ON v.id = f.vote_id AND v.account_id = f.account_id
  WHERE substr(f.note, 1, 11) = '[ambiguous]' OR substr(f.note, 1, 12) = '[vote_wrong]'
  ORDER BY f.id;
DELETE FROM flags
  WHERE (substr(note, 1, 11) = '[ambiguous]' OR substr(note, 1, 12) = '[vote_wrong]')
    AND EXISTS (SELECT 1 FROM votes v WHERE v.id = flags.vote_id AND v.account_id = flags.account_id);

UPDATE flags SET kind = 'unflag', note = ltrim(substr(note, 9), ' ') WHERE substr(note, 1, 8) = '[unflag]';
UPDATE flags SET note = ltrim(substr(note, 7), ' ') WHERE substr(note, 1, 6) = '[flag]';
`;
