/**
 * Active pair selection vs the current least-voted leasing (issue 17), by simulation and by
 * replaying a real vote pool. For each run the baseline spends a fixed budget; the question is
 * how many votes the active policy needs to reach the baseline's mean 95 % interval width
 * (sandwich, rating points) AND its top-10 recall (overlap with the true top 10). Savings
 * = 1 − needed / budget, where needed is the first batch from which both stay reached: per
 * seed, and pooled (mean curves over the seeds against the baseline's mean, see `pooled`).
 * Rows: the oracle (the ceiling of the design rule), an A/A row (least-voted against itself:
 * the noise of the criterion), the default policy and its width-only variant.
 * `--select` instead times the server's per-lease selection (least-voted vs active) on the demo
 * data. Prints numbers only; `--quick` runs the 60-model world and the replay. Environment, to
 * iterate: SEEDS=1,2 (default 1–6, the 200-model world 1–3), POLICIES=name,name, WORLD=60|200
 * (simulation only).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  activeFit,
  choosePairs,
  DEFAULT_ACTIVE_POLICY,
  posteriorAt,
  type ActiveFit,
  type ActivePolicyOptions,
  type PairCandidate,
} from '../shared/ranking/activeSampling';
import { fitBradleyTerry } from '../shared/ranking/bradleyTerry';
import { RATING_PER_THETA } from '../shared/ranking/constants';
import { sigmoid } from '../shared/ranking/likelihood';
import { normalQuantile } from '../shared/ranking/normal';
import { emptyTable, refreshTotals, type PairTable } from '../shared/ranking/pairTable';
import { createRng, normal, uniformInt, type Rng } from '../shared/ranking/random';
import { sandwichStandardErrors } from '../shared/ranking/sandwich';

const quick = process.argv.includes('--quick');
const seeds = (count: number) =>
  process.env.SEEDS ? process.env.SEEDS.split(',').map(Number) : Array.from({ length: count }, (_, i) => i + 1);
const TIE_RATE = 0.3;
const POSITION_BIAS_SD = 0.15;
/** Guard ridge of the evaluation fit (both policies alike): early samples may have no MLE. */
const EVAL_RIDGE = 0.01;
const Z95 = normalQuantile(0.975);

/** Votes of one run, kept per pair index k (a < b, row-major over the upper triangle). */
class Tally {
  readonly pairs: Array<[number, number]> = [];
  readonly winsA: Float64Array;
  readonly winsB: Float64Array;
  readonly draws: Float64Array;
  readonly perModel: Float64Array;
  total = 0;

  constructor(
    readonly n: number,
    pairs?: Array<[number, number]>,
  ) {
    if (pairs) this.pairs = pairs;
    else for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) this.pairs.push([a, b]);
    this.winsA = new Float64Array(this.pairs.length);
    this.winsB = new Float64Array(this.pairs.length);
    this.draws = new Float64Array(this.pairs.length);
    this.perModel = new Float64Array(n);
  }

  add(k: number, outcome: 0 | 0.5 | 1): void {
    if (outcome === 1) this.winsA[k]! += 1;
    else if (outcome === 0) this.winsB[k]! += 1;
    else this.draws[k]! += 1;
    const [a, b] = this.pairs[k]!;
    this.perModel[a]! += 1;
    this.perModel[b]! += 1;
    this.total += 1;
  }

  votes(k: number): number {
    return this.winsA[k]! + this.winsB[k]! + this.draws[k]!;
  }

  table(): PairTable {
    const used: number[] = [];
    for (let k = 0; k < this.pairs.length; k++) if (this.votes(k) > 0) used.push(k);
    const t = emptyTable(this.n, used.length);
    used.forEach((k, i) => {
      t.a[i] = this.pairs[k]![0];
      t.b[i] = this.pairs[k]![1];
      t.winsA[i] = this.winsA[k]!;
      t.winsB[i] = this.winsB[k]!;
      t.draws[i] = this.draws[k]!;
    });
    refreshTotals(t);
    return t;
  }
}

interface Measure {
  width: number;
  top10: number;
  theta: Float64Array;
}

function topSet(theta: Float64Array, k: number): Set<number> {
  return new Set([...theta.keys()].sort((x, y) => theta[y]! - theta[x]!).slice(0, k));
}

function measure(tally: Tally, truthTop: Set<number>, warm?: Float64Array): Measure {
  const table = tally.table();
  const theta = fitBradleyTerry(table, { ridge: EVAL_RIDGE, initial: warm }).theta;
  const se = sandwichStandardErrors(table, theta, EVAL_RIDGE);
  let width = 0;
  for (const s of se) width += (2 * Z95 * s * RATING_PER_THETA) / se.length;
  let top10 = 0;
  for (const m of topSet(theta, 10)) if (truthTop.has(m)) top10++;
  return { width, top10, theta };
}

/** Where votes come from: a simulated world (any pair, fresh vote) or a finite real pool. */
interface Source {
  n: number;
  /** True natural-log strengths (replay: the fit on the whole pool); only the oracle reads them. */
  truth: Float64Array;
  truthTop: Set<number>;
  tally(): Tally;
  /** Pairs that can be served now, in a shuffled order (ties of the least-voted rule go to the first). */
  candidates(tally: Tally): Array<PairCandidate & { k: number }>;
  vote(k: number, tally: Tally): 0 | 0.5 | 1;
}

function simulatedWorld(n: number, seed: number): Source {
  const rng = createRng(seed, 101);
  const strengths = Float64Array.from({ length: n }, () => normal(rng));
  const raters = Float64Array.from({ length: 200 }, () => POSITION_BIAS_SD * normal(rng));
  const order = shuffled((n * (n - 1)) / 2, rng);
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
  return {
    n,
    truth: strengths,
    truthTop: topSet(strengths, 10),
    tally: () => new Tally(n, pairs),
    candidates: (tally) => order.map((k) => ({ k, a: pairs[k]![0], b: pairs[k]![1], votes: tally.votes(k) })),
    vote: (k) => {
      const [a, b] = pairs[k]!;
      // The rater sees a random side first and leans towards the first by their own bias.
      const bias = raters[uniformInt(rng, raters.length)]! * (rng.next() < 0.5 ? 1 : -1);
      const p = sigmoid(strengths[a]! - strengths[b]! + bias);
      const tie = TIE_RATE * 2 * Math.min(p, 1 - p);
      const u = rng.next();
      return u < tie ? 0.5 : u < tie + p - tie / 2 ? 1 : 0;
    },
  };
}

function shuffled(length: number, rng: Rng): number[] {
  const out = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface RunResult {
  checkpoints: Array<{ votes: number; width: number; top10: number; minModel: number }>;
}

/**
 * A policy under test: the options of choosePairs and where its posterior comes from — the fit
 * of the votes so far (what the server can do) or, for the oracle, the true strengths.
 */
interface BenchPolicy {
  options: ActivePolicyOptions;
  oracle?: boolean;
  /** No fit at all: every pick is choosePairs' least-voted rule (the A/A row). */
  blind?: boolean;
}

/**
 * The ceiling of greedy A-optimal design in a world: Σ and p(1−p) at the true strengths, no
 * exploration, no starvation guard, no boundary term. No policy that must estimate θ does better
 * on mean width, short of a better design rule than greedy variance reduction.
 * Analytic sanity check (docs/RANKING.md): with N(0,1) strengths a random pair's gap is N(0, 2)
 * and its p(1−p) averages 0.18 against 0.25 for an even pair; if every vote were an even match
 * and the comparison graph cost nothing, mean width would need ~0.71 of least-voted's votes —
 * so no design saves much more than ~29 % here (ties loosen this loose bound to ~36 %).
 */
const ORACLE: BenchPolicy = {
  options: { exploration: 0, minVotesPerModel: 0, topK: 10, boundaryWeight: 0 },
  oracle: true,
};

/**
 * Spends `budget` votes in batches: each batch asks the policy for `batch` distinct pairs
 * (the fit, if any, is refreshed once per batch — as the server refreshes it per counts version).
 */
function run(source: Source, policy: BenchPolicy | null, budget: number, batch: number, seed: number): RunResult {
  const rng = createRng(seed, 202);
  const tally = source.tally();
  const checkpoints: RunResult['checkpoints'] = [];
  let fit: ActiveFit | null = null;
  let warm: Float64Array | undefined;
  while (tally.total < budget) {
    const candidates = source.candidates(tally);
    if (candidates.length === 0) break;
    if (policy?.oracle) fit = posteriorAt(tally.table(), source.truth);
    else if (policy && !policy.blind && tally.total > 0) fit = activeFit(tally.table(), fit?.theta);
    const picks = choosePairs(fit, candidates, Math.min(batch, budget - tally.total), rng, policy?.options);
    for (const i of picks) tally.add(candidates[i]!.k, source.vote(candidates[i]!.k, tally));
    const m = measure(tally, source.truthTop, warm);
    warm = m.theta;
    checkpoints.push({ votes: tally.total, width: m.width, top10: m.top10, minModel: Math.min(...tally.perModel) });
  }
  return { checkpoints };
}

interface Comparison {
  budget: number;
  width: number;
  top10: number;
  needed: number | null;
  neededWidth: number | null;
  neededTop: number | null;
  minModel: number;
  baseMinModel: number;
  /** The active run, for the pooled summary over seeds. */
  active: RunResult;
}

/** The first checkpoint from which `ok` holds to the end of the run (a lucky early hit does not count). */
function firstReaching(r: RunResult, ok: (c: RunResult['checkpoints'][number]) => boolean) {
  let first: RunResult['checkpoints'][number] | null = null;
  for (const c of r.checkpoints) first = ok(c) ? (first ?? c) : null;
  return first;
}

function compare(
  source: Source,
  policy: BenchPolicy,
  budget: number,
  batch: number,
  seed: number,
  cap: number,
): Comparison {
  const base = run(source, null, budget, batch, seed);
  const end = base.checkpoints.at(-1)!;
  const active = run(source, policy, cap, batch, seed);
  const both = firstReaching(active, (c) => c.width <= end.width && c.top10 >= end.top10);
  return {
    budget: end.votes,
    width: end.width,
    top10: end.top10,
    needed: both?.votes ?? null,
    neededWidth: firstReaching(active, (c) => c.width <= end.width)?.votes ?? null,
    neededTop: firstReaching(active, (c) => c.top10 >= end.top10)?.votes ?? null,
    minModel: both?.minModel ?? active.checkpoints.at(-1)!.minModel,
    baseMinModel: end.minModel,
    active,
  };
}

/**
 * The seeds pooled: the baseline's mean width and mean top-10 recall at its budget are the
 * target, and the policy's mean curves (checkpoint by checkpoint, over the same seeds) must
 * reach it and stay. Per seed, top-10 recall is one draw of a 0–10 count whose boundary pair is
 * often a near-tie, so "reach it and keep it" flips on luck — the A/A row (least-voted against
 * itself) shows how much; the mean over seeds is the quantity a policy can move.
 */
function pooled(comparisons: Comparison[]): string {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const budget = comparisons[0]!.budget;
  const width = mean(comparisons.map((c) => c.width));
  const top10 = mean(comparisons.map((c) => c.top10));
  const length = Math.min(...comparisons.map((c) => c.active.checkpoints.length));
  const curve: RunResult = { checkpoints: [] };
  for (let t = 0; t < length; t++) {
    const at = comparisons.map((c) => c.active.checkpoints[t]!);
    curve.checkpoints.push({
      votes: at[0]!.votes,
      width: mean(at.map((c) => c.width)),
      top10: mean(at.map((c) => c.top10)),
      minModel: Math.min(...at.map((c) => c.minModel)),
    });
  }
  const atBudget = curve.checkpoints.find((c) => c.votes >= budget);
  const needed = (ok: (c: RunResult['checkpoints'][number]) => boolean) => firstReaching(curve, ok)?.votes ?? null;
  return `pooled: saving ${pct(
    needed((c) => c.width <= width && c.top10 >= top10),
    budget,
  ).trim()} (width ${pct(
    needed((c) => c.width <= width),
    budget,
  ).trim()}, top-10 ${pct(
    needed((c) => c.top10 >= top10),
    budget,
  ).trim()}); top-10 at the budget ${atBudget?.top10.toFixed(2) ?? 'n/a'} vs base ${top10.toFixed(2)}`;
}

const pct = (needed: number | null, budget: number) =>
  needed === null ? '   n/a' : `${(100 * (1 - needed / budget)).toFixed(1).padStart(5)}%`;

function report(label: string, c: Comparison): void {
  console.log(
    `${label.padEnd(30)} ${String(c.budget).padStart(7)} ${c.width.toFixed(1).padStart(7)} ${String(c.top10).padStart(5)}` +
      `  ${String(c.needed ?? '>cap').padStart(7)} ${pct(c.needed, c.budget)}  width ${pct(c.neededWidth, c.budget)}` +
      `  top10 ${pct(c.neededTop, c.budget)}  min/model ${c.minModel} (base ${c.baseMinModel})`,
  );
}

/** Mean over the seeds that reached the target within the cap; the others are counted, not guessed. */
function meanSaving(savings: number[]): string {
  const reached = savings.filter((x) => !Number.isNaN(x));
  const mean = reached.reduce((s, x) => s + x, 0) / (reached.length || 1);
  const missed = savings.length - reached.length;
  return `saving ${(100 * mean).toFixed(1)}% over ${reached.length} seeds${missed ? `, ${missed} not reached by the cap` : ''}`;
}

const HEADER = 'world / policy / seed            budget   width top10   needed saving   (width alone, top-10 alone)';

function simulations(policies: Array<[string, BenchPolicy]>): void {
  const worlds = (
    quick
      ? [{ n: 60, budget: 15_000, batch: 100, seeds: seeds(6) }]
      : [
          { n: 60, budget: 15_000, batch: 100, seeds: seeds(6) },
          { n: 200, budget: 100_000, batch: 1000, seeds: seeds(3) },
        ]
  ).filter((w) => !process.env.WORLD || String(w.n) === process.env.WORLD);
  console.log(
    `simulation: N(0,1) strengths, ties ${TIE_RATE}, position bias sd ${POSITION_BIAS_SD}; baseline = least-voted`,
  );
  console.log(HEADER);
  for (const w of worlds)
    for (const [name, policy] of policies) {
      const savings: number[] = [];
      const comparisons: Comparison[] = [];
      for (const seed of w.seeds) {
        const c = compare(simulatedWorld(w.n, seed), policy, w.budget, w.batch, seed, Math.round(w.budget * 1.5));
        report(`${w.n} models / ${name} / ${seed}`, c);
        savings.push(c.needed === null ? NaN : 1 - c.needed / c.budget);
        comparisons.push(c);
      }
      console.log(`${`${w.n} models / ${name} / mean`.padEnd(30)} ${meanSaving(savings)}; ${pooled(comparisons)}`);
    }
}

/**
 * The LLMFAO crowd votes (Ustalov, CC BY 4.0) as a finite pool: a policy may only pick a pair
 * that still has unused votes, and gets one of them drawn without replacement. "Truth" is the
 * top 10 of the fit on the whole pool.
 */
function llmfaoPool(seed: number): Source {
  const path = fileURLToPath(new URL('../assets/demo/llmfao/crowd-comparisons.csv', import.meta.url));
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const [winner, left, right] = ['winner', 'left', 'right'].map((c) => columns.indexOf(c));
  const names = new Map<string, number>();
  const index = (name: string) => names.get(name) ?? (names.set(name, names.size), names.size - 1);
  const byPair = new Map<string, { a: number; b: number; outcomes: Array<0 | 0.5 | 1> }>();
  for (const line of lines) {
    const f = line.split(',');
    const [x, y] = [index(f[left!]!), index(f[right!]!)];
    const w = f[winner!]!;
    const leftScore: 0 | 0.5 | 1 = w === 'left' ? 1 : w === 'right' ? 0 : 0.5;
    const [a, b] = x < y ? [x, y] : [y, x];
    const outcome = x < y ? leftScore : ((1 - leftScore) as 0 | 0.5 | 1);
    const key = `${a}:${b}`;
    if (!byPair.has(key)) byPair.set(key, { a, b, outcomes: [] });
    byPair.get(key)!.outcomes.push(outcome);
  }
  const n = names.size;
  const rng = createRng(seed, 303);
  const entries = [...byPair.values()];
  const pools = entries.map((e) => shuffled(e.outcomes.length, rng).map((i) => e.outcomes[i]!));
  const pairs = entries.map((e) => [e.a, e.b] as [number, number]);
  const full = new Tally(n, pairs);
  pools.forEach((pool, k) => pool.forEach((o) => full.add(k, o)));
  const truth = fitBradleyTerry(full.table(), { ridge: EVAL_RIDGE }).theta;
  const order = shuffled(pairs.length, rng);
  return {
    n,
    truth,
    truthTop: topSet(truth, 10),
    tally: () => new Tally(n, pairs),
    candidates: (tally) =>
      order
        .filter((k) => tally.votes(k) < pools[k]!.length)
        .map((k) => ({ k, a: pairs[k]![0], b: pairs[k]![1], votes: tally.votes(k) })),
    vote: (k, tally) => pools[k]![tally.votes(k)]!,
  };
}

function replay(policies: Array<[string, BenchPolicy]>): void {
  console.log('\nreplay: LLMFAO crowd pool (8,931 votes, 59 models, 927 pairs); baseline = least-voted');
  console.log(HEADER);
  for (const budget of [3000, 4500])
    for (const [name, policy] of policies) {
      const savings: number[] = [];
      const comparisons: Comparison[] = [];
      for (const seed of seeds(6)) {
        const c = compare(llmfaoPool(seed), policy, budget, 50, seed, 8931);
        report(`llmfao ${budget} / ${name} / ${seed}`, c);
        savings.push(c.needed === null ? NaN : 1 - c.needed / c.budget);
        comparisons.push(c);
      }
      console.log(`${`llmfao ${budget} / ${name} / mean`.padEnd(30)} ${meanSaving(savings)}; ${pooled(comparisons)}`);
    }
}

const ALL: Array<[string, BenchPolicy]> = [
  ['oracle (true θ)', ORACLE],
  ['A/A: least-voted again', { options: DEFAULT_ACTIVE_POLICY, blind: true }],
  ['active (default)', { options: DEFAULT_ACTIVE_POLICY }],
  ['width only (boundary 0)', { options: { ...DEFAULT_ACTIVE_POLICY, boundaryWeight: 0 } }],
];
const only = process.env.POLICIES?.split(',');
const policies = only ? ALL.filter(([name]) => only.includes(name)) : ALL;
/**
 * `--select`: what choosing a lease's normal items costs on the server, in process (no HTTP, so
 * the number is the selection itself, not queueing): least-voted vs active, demo data, a rater
 * reading en/ja/ko/bn, count 5, 200 leases each. The active fit is made once (first call).
 */
async function selectionCost(): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDatabase } = await import('../server/db/open');
  const { seedDemoIfEmpty } = await import('../server/demo/seed');
  const { loadCube } = await import('../server/leaderboard/load');
  const { LeaderboardService } = await import('../server/leaderboard/service');
  const { pickActive, pickNormal } = await import('../server/tasks/select');
  const dir = mkdtempSync(join(tmpdir(), 'verdict-select-'));
  const db = await openDatabase(dir);
  try {
    await seedDemoIfEmpty(db, dir);
    const service = new LeaderboardService(await loadCube(db), { minRaters: 5, statsMaxStaleMs: 0 });
    const account = (await db.one<{ id: number }>("SELECT id FROM accounts WHERE role = 'rater' LIMIT 1"))!.id;
    const languages = ['en', 'ja', 'ko', 'bn'];
    const first = performance.now();
    await pickActive(db, service, account, languages, 5, 7);
    console.log(
      `\nselection per lease (in process, 4 languages, count 5): first active call incl. fits ${(performance.now() - first).toFixed(1)} ms`,
    );
    for (const [name, pick] of [
      ['least-voted', () => pickNormal(db, account, languages, 5, 7)],
      ['active', () => pickActive(db, service, account, languages, 5, 7)],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await pick();
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      console.log(`  ${name.padEnd(12)} p50 ${times[100]!.toFixed(2)} ms, p99 ${times[197]!.toFixed(2)} ms`);
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = performance.now();
if (process.argv.includes('--select')) await selectionCost();
else {
  simulations(policies);
  if (!process.env.WORLD) replay(policies);
}
console.log(
  `\n${((performance.now() - started) / 1000).toFixed(1)} s; loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
);
