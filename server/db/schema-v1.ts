/**
 * Version 1 of the schema. Times are Unix milliseconds unless a column says
 * otherwise; JSON columns hold small arrays/objects the server never queries into.
 */
export const SCHEMA_V1 = `
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  email TEXT UNIQUE COLLATE NOCASE,
  password_hash TEXT,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('rater', 'supervisor', 'admin')),
  vetted INTEGER NOT NULL DEFAULT 0,
  suspended INTEGER NOT NULL DEFAULT 0,
  supervisor_id INTEGER REFERENCES accounts(id),
  country TEXT,
  age_band TEXT,
  education TEXT,
  languages TEXT NOT NULL DEFAULT '[]',
  specialties TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL
);
CREATE INDEX accounts_by_supervisor ON accounts(supervisor_id);

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  family TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  revoked_at INTEGER
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family);

-- Where a set of tasks came from; the attribution travels with the data it describes.
CREATE TABLE task_sets (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  licence TEXT NOT NULL,
  attribution TEXT NOT NULL,
  imported_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  model TEXT NOT NULL,
  content TEXT NOT NULL
);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  task_set TEXT NOT NULL REFERENCES task_sets(id),
  language TEXT NOT NULL,
  lang_base TEXT NOT NULL,
  category TEXT NOT NULL,
  conversation TEXT NOT NULL,
  response_a INTEGER NOT NULL REFERENCES responses(id),
  response_b INTEGER NOT NULL REFERENCES responses(id),
  model_a TEXT NOT NULL,
  model_b TEXT NOT NULL,
  pair_key TEXT NOT NULL,
  gold TEXT CHECK (gold IN ('a', 'b', 'tie', 'both_bad')),
  criteria TEXT,
  assigned INTEGER NOT NULL DEFAULT 0,
  shuffle INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX tasks_pool ON tasks(lang_base, gold, assigned);
-- Leasing walks pairs least-loaded first, then the items of each pair in shuffle order.
CREATE INDEX tasks_by_pair ON tasks(pair_key, lang_base, shuffle) WHERE gold IS NULL;

-- How often each model pair has been handed out in each language: votes plus live leases.
CREATE TABLE pair_load (
  lang_base TEXT NOT NULL,
  pair_key TEXT NOT NULL,
  assigned INTEGER NOT NULL DEFAULT 0,
  shuffle INTEGER NOT NULL,
  PRIMARY KEY (lang_base, pair_key)
) WITHOUT ROWID;
CREATE INDEX pair_load_order ON pair_load(lang_base, assigned, shuffle);

CREATE TABLE leases (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('normal', 'gold', 'repeat')),
  swapped INTEGER NOT NULL CHECK (swapped IN (0, 1)),
  repeat_of TEXT,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'voted', 'lapsed'))
) WITHOUT ROWID;
CREATE INDEX leases_by_account_task ON leases(account_id, task_id);
CREATE INDEX leases_by_account_state ON leases(account_id, state, expires_at);
CREATE INDEX leases_by_state_expiry ON leases(state, expires_at);
CREATE INDEX leases_by_repeat_of ON leases(repeat_of) WHERE repeat_of IS NOT NULL;

CREATE TABLE votes (
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  task_id TEXT NOT NULL REFERENCES tasks(id),
  lease_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('normal', 'gold', 'repeat', 'import')),
  repeat_of TEXT,
  installation_id TEXT,
  seq INTEGER,
  choice TEXT NOT NULL,
  swapped INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('a', 'b', 'tie', 'both_bad', 'cant_read')),
  counted INTEGER NOT NULL,
  model_a TEXT NOT NULL,
  model_b TEXT NOT NULL,
  language TEXT NOT NULL,
  category TEXT NOT NULL,
  country TEXT,
  age_band TEXT,
  education TEXT,
  gold_correct INTEGER,
  details TEXT NOT NULL,
  active_ms INTEGER,
  shown_at TEXT,
  voted_at TEXT NOT NULL,
  received_at INTEGER NOT NULL
) WITHOUT ROWID;
-- The database itself refuses a second counted vote by one rater on one item.
CREATE UNIQUE INDEX votes_one_per_rater_item ON votes(account_id, task_id) WHERE kind <> 'repeat';
CREATE INDEX votes_by_task ON votes(task_id);
CREATE INDEX votes_by_account ON votes(account_id, received_at);

CREATE TABLE installations (
  id TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  last_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The first answer given for every (installation, seq): replays return it verbatim.
CREATE TABLE push_results (
  installation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  vote_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'duplicate', 'rejected')),
  original TEXT,
  reason TEXT,
  reveal TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (installation_id, seq)
) WITHOUT ROWID;
CREATE INDEX push_results_by_vote ON push_results(vote_id);

CREATE TABLE flags (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  vote_id TEXT,
  note TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('supervisor', 'anomaly_test')),
  created_by INTEGER REFERENCES accounts(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX flags_by_account ON flags(account_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  details TEXT NOT NULL
);
`;
