/**
 * Robustness of the board to adversarial raters: plain Bradley–Terry vs the defended pipeline
 * (screens: gold, first side, concentration; CrowdBT-style rater reliability; the favouritism
 * test and discount). Known true strengths, ties, per-rater position bias. A case at share s
 * keeps the first (1 − s) of one honest crowd per seed and adds the adversaries' votes, so its
 * target gain is measured against that same honest board — paired, not against the truth, whose
 * sampling noise (±3 ranks at the median model) would swamp a one-rank goal. The "honest" strategy
 * (an extra group of honest raters) shows the paired measure's own noise. Default 200 models /
 * 200k votes, 3 seeds (about 2 minutes on 2 cores); `--quick` runs 60 models / 40k votes;
 * `--strategies none,stealth` runs only those rows; `--scale` times the defended fit at 1M votes.
 */
import { normal, createRng, type Rng } from '../shared/ranking/random';
import { sigmoid } from '../shared/ranking/likelihood';
import { fitWithReliability, weightedFit, type RatedVote } from '../shared/ranking/raterReliability';
import { screenedVotes, screenRaters } from '../shared/ranking/raterScreens';

const full = !process.argv.includes('--quick');
const MODELS = full ? 200 : 60;
const VOTES = full ? 200_000 : 40_000;
const HONEST_RATERS = full ? 400 : 120;
const RECOGNITION = 0.8;
/** `--seeds 11,12,13,14` runs other or more seeds. */
const SEEDS = (() => {
  const i = process.argv.indexOf('--seeds');
  return i < 0 ? [11, 12, 13] : process.argv[i + 1]!.split(',').map(Number);
})();
const TIE_RATE = 0.3;
const ALL_STRATEGIES = [
  'none',
  'honest',
  'stealth',
  'stealthDown',
  'upvote',
  'downvote',
  'random',
  'position',
  'coordinated',
] as const;
type Strategy = (typeof ALL_STRATEGIES)[number];
/** `--strategies none,stealth` runs only those rows. */
const STRATEGIES: readonly Strategy[] = (() => {
  const i = process.argv.indexOf('--strategies');
  if (i < 0) return ALL_STRATEGIES;
  const wanted = process.argv[i + 1]!.split(',');
  const unknown = wanted.filter((s) => !(ALL_STRATEGIES as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`unknown strategies: ${unknown.join(', ')}`);
  return wanted as Strategy[];
})();

interface World {
  strengths: Float64Array;
  target: number;
  rival: number;
}

function rankOf(theta: Float64Array, model: number): number {
  let r = 1;
  for (let i = 0; i < theta.length; i++) if (theta[i]! > theta[model]!) r++;
  return r;
}

function ranks(theta: Float64Array): Float64Array {
  const order = [...theta.keys()].sort((x, y) => theta[y]! - theta[x]!);
  const out = new Float64Array(theta.length);
  order.forEach((m, i) => (out[m] = i + 1));
  return out;
}

function spearman(x: Float64Array, y: Float64Array): number {
  const rx = ranks(x),
    ry = ranks(y),
    n = x.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (rx[i]! - ry[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

function kendall(x: Float64Array, y: Float64Array): number {
  let s = 0,
    pairs = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      s += Math.sign(x[i]! - x[j]!) * Math.sign(y[i]! - y[j]!);
      pairs++;
    }
  return s / pairs;
}

function honestVote(rng: Rng, w: World, a: number, b: number, bias: number): 0 | 0.5 | 1 {
  const p = sigmoid(w.strengths[a]! - w.strengths[b]! + bias);
  const tie = TIE_RATE * 2 * Math.min(p, 1 - p);
  const u = rng.next();
  if (u < tie) return 0.5;
  return u < tie + p - tie / 2 ? 1 : 0;
}

function randomPair(rng: Rng, exclude = -1): [number, number] {
  for (;;) {
    const a = Math.floor(rng.next() * MODELS);
    const b = (a + 1 + Math.floor(rng.next() * (MODELS - 1))) % MODELS;
    if (a !== exclude && b !== exclude) return [a, b];
  }
}

/** An adversarial vote; `focus` models (target or rival) are placed in the pair, side random. */
function adversaryVote(rng: Rng, w: World, strategy: Strategy): RatedVote {
  if (strategy === 'random') {
    const [a, b] = randomPair(rng);
    return { rater: 0, a, b, outcome: rng.next() < 0.5 ? 1 : 0 };
  }
  if (strategy === 'position') {
    const [a, b] = randomPair(rng);
    return { rater: 0, a, b, outcome: 1 };
  }
  if (strategy === 'stealth') return stealthVote(rng, w, w.target, true);
  if (strategy === 'stealthDown') return stealthVote(rng, w, w.rival, false);
  if (strategy === 'honest') {
    const [a, b] = randomPair(rng);
    return { rater: 0, a, b, outcome: honestVote(rng, w, a, b, 0) };
  }
  const focus = strategy === 'downvote' ? w.rival : w.target;
  const [other] = randomPair(rng, focus);
  const focusFirst = rng.next() < 0.5;
  const a = focusFirst ? focus : other!;
  const b = focusFirst ? other! : focus;
  const recognised = rng.next() < RECOGNITION; // recognised: act on it; otherwise a wrong guess flips the act
  const favourFocus = strategy !== 'downvote';
  const pickFocus = recognised ? favourFocus : !favourFocus;
  return { rater: 0, a, b, outcome: pickFocus === focusFirst ? 1 : 0 };
}

/**
 * Takes every lease it is served (no skipping, so no concentration), honest unless it thinks it
 * sees its model — then votes for it (`favour`) or against it, right about which side it is with
 * probability RECOGNITION.
 */
function stealthVote(rng: Rng, w: World, focus: number, favour: boolean): RatedVote {
  const [a, b] = randomPair(rng);
  const seen = a === focus || b === focus;
  if (!seen) return { rater: 0, a, b, outcome: honestVote(rng, w, a, b, 0) };
  const recognised = rng.next() < RECOGNITION;
  return { rater: 0, a, b, outcome: (a === focus) === (recognised === favour) ? 1 : 0 };
}

interface Raters {
  votes: RatedVote[];
  raters: number;
  goldAccuracy: Float64Array;
}

/**
 * The honest crowd of one seed: VOTES votes from HONEST_RATERS raters with their own position
 * bias. A case with adversaries at share s keeps the first (1 − s)·VOTES of them, so the attacked
 * board and its control (the same honest votes alone) differ only by the adversaries' votes.
 */
function honestCrowd(seed: number, w: World): RatedVote[] {
  const rng = createRng(seed, 7);
  const bias = Float64Array.from({ length: HONEST_RATERS }, () => 0.15 * normal(rng));
  return Array.from({ length: VOTES }, () => {
    const rater = Math.floor(rng.next() * HONEST_RATERS);
    const [a, b] = randomPair(rng);
    return { rater, a, b, outcome: honestVote(rng, w, a, b, bias[rater]!) };
  });
}

function adversaryCount(strategy: Strategy, share: number): number {
  return strategy === 'none' ? 0 : Math.max(3, Math.round((HONEST_RATERS * share) / (1 - share)));
}

function simulate(seed: number, w: World, crowd: readonly RatedVote[], strategy: Strategy, share: number): Raters {
  const rng = createRng(seed, 8);
  const adversaries = adversaryCount(strategy, share);
  const raters = HONEST_RATERS + adversaries;
  const honest = Math.round(VOTES * (1 - share));
  const votes = crowd.slice(0, honest);
  for (let v = honest; adversaries > 0 && v < VOTES; v++) {
    const vote = adversaryVote(rng, w, strategy);
    vote.rater = HONEST_RATERS + Math.floor(rng.next() * adversaries);
    votes.push(vote);
  }
  // Gold: 20 planted items per rater; honest ~90 % right, careless strategies at chance,
  // a coordinated group answers them right on purpose (the hard case).
  const goldRng = createRng(seed, 9);
  const goldAccuracy = new Float64Array(raters);
  for (let r = 0; r < raters; r++) {
    const careless = r >= HONEST_RATERS && (strategy === 'random' || strategy === 'position');
    const p = careless ? 0.5 : r >= HONEST_RATERS && strategy === 'coordinated' ? 1 : 0.9;
    let right = 0;
    for (let g = 0; g < 20; g++) if (goldRng.next() < p) right++;
    goldAccuracy[r] = right / 20;
  }
  return { votes, raters, goldAccuracy };
}

/** The shared screens (gold < 70 %, first-side |z| > 4, concentration z > 6: shared/ranking/raterScreens.ts). */
function screen(sim: Raters): RatedVote[] {
  return screenedVotes(sim.votes, screenRaters(MODELS, sim.raters, sim.votes, sim.goldAccuracy));
}

interface Boards {
  plain: Float64Array;
  defended: Float64Array;
  plainMs: number;
  defendedMs: number;
}

function fitBoth(sim: Raters): Boards {
  let t = performance.now();
  const plain = weightedFit(MODELS, sim.votes, null);
  const plainMs = performance.now() - t;
  t = performance.now();
  const defended = fitWithReliability(MODELS, sim.raters, screen(sim)).theta;
  return { plain, defended, plainMs, defendedMs: performance.now() - t };
}

function main(): void {
  const rng = createRng(2026, 3);
  const strengths = Float64Array.from({ length: MODELS }, () => normal(rng));
  const byStrength = [...strengths.keys()].sort((x, y) => strengths[y]! - strengths[x]!);
  const w: World = { strengths, target: byStrength[Math.floor(MODELS / 2)]!, rival: byStrength[4]! };
  const focusRank = (s: Strategy) => (s === 'downvote' || s === 'stealthDown' ? w.rival : w.target);
  console.log(
    `robustness: ${MODELS} models, ${VOTES} votes, ${HONEST_RATERS} honest raters, recognition ${RECOGNITION}, seeds ${SEEDS.join('/')}`,
  );
  console.log(
    'gain = ranks the target moves up (the rival: down) against the same honest votes without the adversaries, per pipeline',
  );
  console.log('strategy     share  pipeline   target gain  per seed      spearman  kendall   ms');
  const crowds = new Map(SEEDS.map((seed) => [seed, honestCrowd(seed, w)]));
  // The control of (seed, share): the honest votes the attacked board keeps, without the adversaries.
  const controls = new Map<string, Boards>();
  const control = (seed: number, share: number) => {
    const key = `${seed}:${share}`;
    if (!controls.has(key)) controls.set(key, fitBoth(simulate(seed, w, crowds.get(seed)!, 'none', share)));
    return controls.get(key)!;
  };
  const cases: [Strategy, number][] = [];
  for (const s of STRATEGIES) for (const share of s === 'none' ? [0] : [0.05, 0.1, 0.2]) cases.push([s, share]);
  for (const [strategy, share] of cases) {
    const row = () => ({ gain: 0, seeds: [] as number[], rho: 0, tau: 0, ms: 0 });
    const rows = { plain: row(), defended: row() };
    const focus = focusRank(strategy);
    const sign = strategy === 'downvote' || strategy === 'stealthDown' ? -1 : 1;
    for (const seed of SEEDS) {
      const boards =
        strategy === 'none' ? control(seed, 0) : fitBoth(simulate(seed, w, crowds.get(seed)!, strategy, share));
      const base = control(seed, share);
      rows.plain.ms += boards.plainMs / SEEDS.length;
      rows.defended.ms += boards.defendedMs / SEEDS.length;
      for (const [row, theta, before] of [
        [rows.plain, boards.plain, base.plain],
        [rows.defended, boards.defended, base.defended],
      ] as const) {
        const gain = sign * (rankOf(before, focus) - rankOf(theta, focus));
        row.gain += gain / SEEDS.length;
        row.seeds.push(gain);
        row.rho += spearman(theta, strengths) / SEEDS.length;
        row.tau += kendall(theta, strengths) / SEEDS.length;
      }
    }
    for (const [name, row] of [
      ['plain BT', rows.plain],
      ['defended', rows.defended],
    ] as const) {
      const gain = strategy === 'none' ? '—' : row.gain.toFixed(1);
      const seeds = strategy === 'none' ? '' : row.seeds.join(' / ');
      console.log(
        `${strategy.padEnd(12)} ${String(share * 100).padStart(4)}%  ${name.padEnd(9)}  ${gain.padStart(11)}  ${seeds.padEnd(12)}  ${row.rho.toFixed(4)}    ${row.tau.toFixed(4)}  ${row.ms.toFixed(0).padStart(5)}`,
      );
    }
  }
}

/** `--scale`: wall time of the defended fit (8 reliability rounds) on 1M votes over 200 models. */
function timeAtScale(): void {
  const rng = createRng(5, 9);
  const models = 200,
    raters = 2000,
    count = 1_000_000;
  const w: World = { strengths: Float64Array.from({ length: models }, () => normal(rng)), target: 0, rival: 1 };
  const votes: RatedVote[] = new Array<RatedVote>(count);
  for (let v = 0; v < count; v++) {
    const a = Math.floor(rng.next() * models);
    const b = (a + 1 + Math.floor(rng.next() * (models - 1))) % models;
    votes[v] = { rater: v % raters, a, b, outcome: honestVote(rng, w, a, b, 0) };
  }
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    fitWithReliability(models, raters, votes);
    console.log(`defended fit, 1M votes, 200 models, ${raters} raters: ${(performance.now() - t).toFixed(0)} ms`);
  }
}

if (process.argv.includes('--scale')) timeAtScale();
else main();
