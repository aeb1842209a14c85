import fs from 'node:fs';
import path from 'node:path';
import { addContributor } from '../../server/admin/contributors';
import { startServer } from '../../server/app';
import { openDatabase, transaction } from '../../server/db/open';
import type { SqliteStore } from '../../server/store/sqlite';
import { upsertTaskSet } from '../../server/imports/task-store';
import { rebuildAggregates } from '../../server/leaderboard/aggregates';
import { pairKey } from '../../server/tasks/repo';

/**
 * A reference server holding 1,000,000 counted votes over 200 models (2,000 raters in 8
 * countries, 5 languages, 5 categories), for `npm run bench:preview`. Its own process, so the
 * browser and web host being measured do not share its event loop. Seeding happens once per
 * data folder (about half a minute) and writes bench-rater.json with a rater who can sign in.
 * argv: dataDir port. Prints "listening on <url>" when ready.
 */
const MODELS = 200;
const RATERS = 2_000;
const TASKS = 20_000;
const VOTES = 1_000_000;
const LANGUAGES = ['en', 'ja', 'ko', 'bn', 'de'];
const CATEGORIES = ['code', 'writing', 'math', 'knowledge', 'reasoning'];
const COUNTRIES = ['DE', 'EG', 'IN', 'US', 'BR', 'JP', 'KR', 'BD'];

const model = (i: number) => `model-${String(i % MODELS).padStart(3, '0')}`;

async function seedTasks(db: SqliteStore): Promise<void> {
  await upsertTaskSet(db, { id: 'preview1m', source: 'synthetic', licence: 'none', attribution: 'Verdict benchmark' });
  const response = Number(db.connection.prepare(`INSERT INTO responses (model, content) VALUES ('x', 'synthetic')`).run().lastInsertRowid);
  const task = db.connection.prepare(`INSERT INTO tasks (id, task_set, language, lang_base, category, conversation, response_a, response_b, model_a, model_b, pair_key, shuffle, created_at)
    VALUES (?, 'preview1m', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, 0)`);
  for (let t = 0; t < TASKS; t++) {
    const a = model(t);
    const b = model(t * 37 + 1 + Math.floor(t / MODELS));
    const other = a === b ? model(t + 1) : b;
    const language = LANGUAGES[t % LANGUAGES.length] as string;
    task.run(`p1m-${t}`, language, language, CATEGORIES[Math.floor(t / 5) % CATEGORIES.length] as string, response, response, a, other, pairKey(a, other), t);
  }
}

function seedVotes(db: SqliteStore): void {
  const account = db.connection.prepare(`INSERT INTO accounts (public_id, display_name, role, vetted, country, age_band, education, created_at) VALUES (?, ?, 'rater', 1, ?, ?, ?, 0)`);
  for (let r = 0; r < RATERS; r++) {
    account.run(`p1m-rater-${r}`, `rater ${r}`, COUNTRIES[r % 8] as string, ['18-24', '25-34', '35-44', '45-54'][r % 4] as string, ['secondary', 'bachelor', 'master', 'doctorate'][(r >> 2) % 4] as string);
  }
  const vote = db.connection.prepare(`INSERT INTO votes (id, account_id, task_id, kind, choice, swapped, outcome, counted, model_a, model_b, language, category, country, age_band, education, details, voted_at, received_at)
    SELECT ?, a.id, t.id, 'import', 'first', 0, ?, 1, t.model_a, t.model_b, t.language, t.category, a.country, a.age_band, a.education, '{}', '2026-01-01T00:00:00Z', 0
    FROM accounts a, tasks t WHERE a.public_id = ? AND t.id = ?`);
  const outcomes = ['a', 'a', 'b', 'tie', 'both_bad'];
  for (let i = 0; i < VOTES; i++) {
    const rater = i % RATERS;
    // (rater, task) is unique: task = j·40 + rater mod 40, j < 500.
    const taskIndex = Math.floor(i / RATERS) * 40 + (rater % 40);
    const strength = (taskIndex % MODELS) / MODELS;
    vote.run(`p1m-v-${i}`, outcomes[(i * 7 + Math.floor(strength * 3)) % outcomes.length] as string, `p1m-rater-${rater}`, `p1m-${taskIndex}`);
  }
}

const [dataDir, port] = process.argv.slice(2) as [string, string];
const credentials = path.join(dataDir, 'bench-rater.json');
if (!fs.existsSync(credentials)) {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(dataDir);
  await transaction(db, async () => {
    await seedTasks(db);
    seedVotes(db);
    // Votes inserted straight into the table skip the per-vote aggregate upkeep, so the
    // leaderboard's stored aggregates are built once here, as the v4 migration does.
    rebuildAggregates(db);
  });
  const { password } = await addContributor(db, 'bench', {
    email: 'preview-bench@verdict.example',
    displayName: 'Preview Bench',
    role: 'rater',
    vetted: true,
    languages: 'en:native',
    country: 'DE',
  });
  await db.close();
  fs.writeFileSync(credentials, JSON.stringify({ email: 'preview-bench@verdict.example', password }));
}
const server = await startServer({ dataDir, port: Number(port), anomalyScanIntervalMs: 0, raterLimit: { burst: 10_000, perSecond: 10_000 } });
console.log(`listening on ${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
