/**
 * `npm run bench:server`, part 3: the leaderboard at 1,000,000 stored votes (200 models, 2,000
 * raters) — cube load from the stored aggregates against the old GROUP BY rebuild, ranking per
 * segment, restart time and the first GET /v1/leaderboard over HTTP.
 */
import { rmSync } from 'node:fs';
import { openDatabase, transaction } from '../../server/db/open';
import type { SqliteStore } from '../../server/store/sqlite';
import { upsertTaskSet } from '../../server/imports/task-store';
import { rebuildAggregates } from '../../server/leaderboard/aggregates';
import { cubeFromVotes, loadCube } from '../../server/leaderboard/load';
import { planRelease } from '../../server/leaderboard/release';
import { LeaderboardService } from '../../server/leaderboard/service';
import { pairKey } from '../../server/tasks/repo';
import { benchLogin, FAST, fmt, PASSWORD, post, spawnServer, stop, tempDir } from './support';

async function millionVotes(db: SqliteStore): Promise<number> {
  const MODELS = 200;
  const RATERS = 2000;
  const TASKS = 20_000;
  const VOTES = 1_000_000;
  const languages = ['en', 'ja', 'ko', 'bn', 'de'];
  const categories = ['code', 'writing', 'math', 'knowledge', 'reasoning'];
  const started = performance.now();
  await transaction(db, async () => {
    await upsertTaskSet(db, { id: 'bench1m', source: 'synthetic', licence: 'none', attribution: 'bench' });
    const response = Number(
      db.connection.prepare(`INSERT INTO responses (model, content) VALUES ('x', 'synthetic')`).run().lastInsertRowid,
    );
    const task = db.connection
      .prepare(`INSERT INTO tasks (id, task_set, language, lang_base, category, conversation, response_a, response_b, model_a, model_b, pair_key, shuffle, created_at)
      VALUES (?, 'bench1m', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, 0)`);
    const tasks: Array<{ id: string; a: string; b: string; language: string; category: string }> = [];
    for (let t = 0; t < TASKS; t++) {
      const a = `model-${String(t % MODELS).padStart(3, '0')}`;
      const b = `model-${String((t * 37 + 1 + Math.floor(t / MODELS)) % MODELS).padStart(3, '0')}`;
      const row = {
        id: `bench-${t}`,
        a,
        b: a === b ? `model-${String((t + 1) % MODELS).padStart(3, '0')}` : b,
        language: languages[t % languages.length] as string,
        category: categories[Math.floor(t / 5) % categories.length] as string,
      };
      task.run(
        row.id,
        row.language,
        row.language,
        row.category,
        response,
        response,
        row.a,
        row.b,
        pairKey(row.a, row.b),
        t,
      );
      tasks.push(row);
    }
    const account = db.connection.prepare(
      `INSERT INTO accounts (public_id, display_name, role, vetted, country, age_band, education, created_at) VALUES (?, ?, 'rater', 1, ?, ?, ?, 0)`,
    );
    const raters = Array.from({ length: RATERS }, (_, r) => {
      const rater = {
        country: ['DE', 'EG', 'IN', 'US', 'BR', 'JP', 'KR', 'BD'][r % 8] as string,
        age: ['18-24', '25-34', '35-44', '45-54'][r % 4] as string,
        education: ['secondary', 'bachelor', 'master', 'doctorate'][(r >> 2) % 4] as string,
        id: 0,
      };
      rater.id = Number(
        account.run(`bench-rater-${r}`, `rater ${r}`, rater.country, rater.age, rater.education).lastInsertRowid,
      );
      return rater;
    });
    const vote = db.connection
      .prepare(`INSERT INTO votes (id, account_id, task_id, kind, choice, swapped, outcome, counted, model_a, model_b, language, category, country, age_band, education, details, voted_at, received_at)
      VALUES (?, ?, ?, 'import', 'first', 0, ?, 1, ?, ?, ?, ?, ?, ?, ?, '{}', '2026-01-01T00:00:00Z', 0)`);
    const outcomes = ['a', 'a', 'b', 'tie', 'both_bad'];
    for (let i = 0; i < VOTES; i++) {
      const r = i % RATERS;
      const j = Math.floor(i / RATERS);
      // (rater, task) is unique: task = j·40 + rater mod 40, j < 500.
      const t = tasks[j * 40 + (r % 40)] as (typeof tasks)[number];
      const rater = raters[r] as (typeof raters)[number];
      // Lower-numbered models win more often, so the ranking has signal to find.
      const outcome = outcomes[(i * 7 + (t.a < t.b ? 0 : 2)) % outcomes.length] as string;
      vote.run(
        `v-${i}`,
        rater.id,
        t.id,
        outcome,
        t.a,
        t.b,
        t.language,
        t.category,
        rater.country,
        rater.age,
        rater.education,
      );
    }
  });
  return performance.now() - started;
}

export async function leaderboardAtScale() {
  const dir = tempDir('board');
  const db = await openDatabase(dir);
  const insertMs = await millionVotes(db);
  const options = { minRaters: 5, statsMaxStaleMs: 0 };
  // The votes went in by raw SQL, as into a database from before schema 4: build the stored aggregates once.
  let t0 = performance.now();
  await transaction(db, () => rebuildAggregates(db));
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const cube = await loadCube(db);
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  await cubeFromVotes(db);
  const rebuildMs = performance.now() - t0;
  const service = new LeaderboardService(cube, options);
  // The release plan is made once per counts version, by the first leaderboard read after votes arrive.
  t0 = performance.now();
  const plan = planRelease(cube.cells(), options.minRaters);
  const planMs = performance.now() - t0;
  const timed = (label: string, filter: Record<string, string>) => {
    t0 = performance.now();
    const board = service.leaderboard(filter, { weights: 'none' }, Date.now());
    return {
      label,
      ms: performance.now() - t0,
      models: board.models.length,
      votes: board.votes,
      withheld: board.withheld,
    };
  };
  const ranks = [
    timed('all votes', {}),
    timed('language=en', { language: 'en' }),
    timed('country=DE & education=master', { country: 'DE', education: 'master' }),
    timed('language=ja & category=math', { language: 'ja', category: 'math' }),
  ];
  t0 = performance.now();
  const counts = service.counts({}, 'country');
  const countsMs = performance.now() - t0;
  await db.close();
  const { child, url, startMs, readyMs } = await spawnServer(dir, { ...FAST, statsMaxStaleMs: 0 });
  try {
    const { accessToken } = await post<{ accessToken: string }>(url, '/v1/auth/login', {
      email: (await benchLogin(dir)).email,
      password: PASSWORD,
    });
    const get = async (path: string) => {
      const t = performance.now();
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
      await response.arrayBuffer();
      return performance.now() - t;
    };
    const httpFirst = await get('/v1/leaderboard');
    const httpCached = await get('/v1/leaderboard');
    const httpCounts = await get('/v1/leaderboard/counts?by=language');
    console.log(`\n3. Leaderboard at 1,000,000 stored votes (200 models, 2,000 raters, 20,000 items)`);
    console.log(`   bulk insert of the votes (setup): ${fmt(insertMs / 1000, 1)} s`);
    console.log(
      `   stored aggregates built once from the votes (schema 4 migration of an existing database): ${fmt(buildMs)} ms`,
    );
    console.log(`   segment cube loaded from the stored aggregates (every server start): ${fmt(loadMs)} ms`);
    console.log(
      `   segment cube grouped from the votes table (what every start did before schema 4): ${fmt(rebuildMs)} ms`,
    );
    const named = Object.values(plan.kept).reduce((sum, values) => sum + values.size, 0);
    console.log(
      `   release plan (which values may be named; once per counts version): ${fmt(planMs)} ms, ${named} values named`,
    );
    for (const r of ranks)
      console.log(
        `   rank ${r.label}: ${fmt(r.ms)} ms (${r.withheld ? 'withheld' : `${fmt(r.votes ?? 0)} votes, ${r.models} models`})`,
      );
    console.log(`   pair counts by country (${counts.segments.length} segments): ${fmt(countsMs)} ms`);
    console.log(
      `   restart at 1M votes: startServer to listening ${fmt(readyMs)} ms (open, migrate, load the cube); whole process incl. Node + tsx boot ${fmt(startMs)} ms`,
    );
    console.log(
      `   HTTP GET /v1/leaderboard: first ${fmt(httpFirst)} ms, cached ${fmt(httpCached, 1)} ms; /counts?by=language ${fmt(httpCounts)} ms`,
    );
    return {
      buildOnceMs: Math.round(buildMs),
      loadMs: Math.round(loadMs),
      rebuildMs: Math.round(rebuildMs),
      rankAllMs: Math.round(ranks[0]?.ms ?? 0),
      httpFirstMs: Math.round(httpFirst),
      startMs: Math.round(startMs),
      readyMs: Math.round(readyMs),
    };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

