import { DEFAULT_ROUNDS, DEFAULT_SEED } from './constants';
import { fitBradleyTerry, type BradleyTerryFit } from './bradleyTerry';
import { strongComponents } from './graph';
import { choleskyInPlace, choleskyInverse } from './linalg';
import { ChordSolver } from './chord';
import { centerInPlace, informationInto, pinMeanInto } from './likelihood';
import { MultinomialSampler } from './multinomial';
import { emptyTable, type PairTable } from './pairTable';
import { quantileSorted } from './quantile';
import { BlockRng } from './random';

export interface BootstrapOptions {
  rounds?: number;
  seed?: number;
  /** Ridge used for resamples in which the MLE does not exist (see rank.ts). */
  degenerateRidge: number;
  /** Run only rounds [from, to) — lets callers split the work across Workers. */
  from?: number;
  to?: number;
}

export interface BootstrapSamples {
  n: number;
  /** Number of rounds stored, round-major: theta[(r − from)·n + i]. */
  rounds: number;
  theta: Float64Array;
  degenerateRounds: number;
}

/**
 * Stop a round when no strength moves by more than this. The chord iteration contracts by
 * ~20× per step, so the remaining error is ~5e-9 (≈ 1e-6 rating points): far below the
 * displayed precision and the Monte-Carlo error of the percentiles (~1 point at 1,000 rounds).
 */
const STEP_TOLERANCE = 1e-7;
const MAX_CHORD_STEPS = 100;

/**
 * Multinomial bootstrap of the aggregated cells (arena-rank `ci_method="bootstrap"`):
 * each round redraws all N votes over the (pair, outcome) cells with probabilities
 * count/N and refits. Round r uses PRNG stream (seed, r), so results do not depend on
 * how rounds are split. Each refit warm-starts from the full fit and runs the chord
 * (simplified Newton) method with the full-data Hessian factored once: a resample moves
 * θ by about one standard error, where that Hessian is still an excellent model, so each
 * iteration costs O(pairs + n²) — one gradient and one product with the precomputed
 * inverse — instead of a fresh O(n³) factorisation. About 5 iterations per round.
 */
export class BootstrapRunner {
  private readonly n: number;
  private readonly inverse: Float64Array | null;
  private readonly sampler: MultinomialSampler;
  private readonly draw: Float64Array;
  private readonly sample: PairTable;
  private readonly points: { won: Float64Array; lost: Float64Array };
  private readonly work: { theta: Float64Array };
  private readonly chord: ChordSolver;
  private ridgeInverseCache: Float64Array | null | undefined;
  /** PRNG stream (seed, r) for round r, the same numbers as createRng(seed, r). */
  private readonly rng = new BlockRng();

  constructor(
    private readonly table: PairTable,
    private readonly fit: BradleyTerryFit,
    private readonly options: { seed?: number; degenerateRidge: number },
  ) {
    const n = (this.n = table.n);
    const factor = new Float64Array(n * n);
    informationInto(table, fit.theta, fit.ridge, factor);
    if (fit.ridge === 0) pinMeanInto(factor, n);
    this.inverse = choleskyInPlace(factor, n) ? choleskyInverse(factor, n) : null;
    this.sampler = new MultinomialSampler(cellWeights(table));
    this.draw = new Float64Array(table.m * 3);
    this.sample = emptyTable(n, table.m);
    this.sample.a.set(table.a);
    this.sample.b.set(table.b);
    if (table.weight) this.sample.weight = table.weight;
    this.points = { won: new Float64Array(n), lost: new Float64Array(n) };
    this.work = { theta: new Float64Array(n) };
    this.chord = new ChordSolver(n, STEP_TOLERANCE, MAX_CHORD_STEPS);
  }

  /**
   * Runs rounds [from, to), writing round r's strengths at out[(r − offset)·n …]
   * (`out` may be shared memory that several Workers fill). Returns the number of
   * resamples that needed the ridge.
   */
  run(from: number, to: number, out: Float64Array, offset = from): number {
    const { fit, sample, work, n } = this;
    const seed = this.options.seed ?? DEFAULT_SEED;
    let degenerateRounds = 0;
    for (let r = from; r < to; r++) {
      this.sampler.sample(this.rng.reset(seed, r), this.draw);
      const screened = loadDraw(sample, this.draw, this.points);
      const degenerate = fit.ridge === 0 && (screened || !this.solve(this.inverse, fit.ridge));
      if (degenerate && !(strongComponents(sample).length > 1)) {
        // The chord iteration stalled on a resample that does have an MLE: plain Newton.
        work.theta.set(fitBradleyTerry(sample, { initial: fit.theta }).theta);
      } else if (degenerate) {
        degenerateRounds++;
        if (!this.solve(this.ridgeInverse(), this.options.degenerateRidge)) {
          work.theta.set(fitBradleyTerry(sample, { ridge: this.options.degenerateRidge, initial: fit.theta }).theta);
        }
      } else if (fit.ridge > 0 && !this.solve(this.inverse, fit.ridge)) {
        work.theta.set(fitBradleyTerry(sample, { ridge: fit.ridge, initial: fit.theta }).theta);
      }
      if (fit.ridge === 0) centerInPlace(work.theta);
      out.set(work.theta, (r - offset) * n);
    }
    return degenerateRounds;
  }

  /** Chord iteration from the full fit with the given inverse Hessian; false if it does not converge. */
  private solve(inverse: Float64Array | null, ridge: number): boolean {
    this.work.theta.set(this.fit.theta);
    return inverse !== null && this.chord.solve(this.sample, inverse, ridge, this.work.theta);
  }

  /**
   * Inverse of the full-data information plus the degenerate ridge, built on first use: a
   * resample without a finite MLE (say a rare model that happens to draw only wins) is fitted
   * with the ridge, and the chord method with this matrix keeps that cheap too — otherwise a
   * board with one barely-voted model would pay a full O(n³) refit in most rounds.
   */
  private ridgeInverse(): Float64Array | null {
    if (this.ridgeInverseCache === undefined) {
      const n = this.n;
      const factor = new Float64Array(n * n);
      informationInto(this.table, this.fit.theta, this.options.degenerateRidge, factor);
      this.ridgeInverseCache = choleskyInPlace(factor, n) ? choleskyInverse(factor, n) : null;
    }
    return this.ridgeInverseCache;
  }
}

/** All rounds [from, to) in this thread (see BootstrapRunner). */
export function bootstrapThetas(table: PairTable, fit: BradleyTerryFit, options: BootstrapOptions): BootstrapSamples {
  const from = options.from ?? 0;
  const to = options.to ?? options.rounds ?? DEFAULT_ROUNDS;
  const theta = new Float64Array(Math.max(0, to - from) * table.n);
  const degenerateRounds = new BootstrapRunner(table, fit, options).run(from, to, theta);
  return { n: table.n, rounds: to - from, theta, degenerateRounds };
}

/** 2.5% / 97.5% (or any) percentiles per model of the bootstrap strengths. */
export function bootstrapIntervals(
  samples: BootstrapSamples,
  level = 0.95,
): { lower: Float64Array; upper: Float64Array; degenerateRounds: number } {
  const { n, rounds, theta } = samples;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const column = new Float64Array(rounds);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < rounds; r++) column[r] = theta[r * n + i]!;
    column.sort();
    lower[i] = quantileSorted(column, (1 - level) / 2);
    upper[i] = quantileSorted(column, 1 - (1 - level) / 2);
  }
  return { lower, upper, degenerateRounds: samples.degenerateRounds };
}

/**
 * The raw vote counts per (pair, outcome) cell: a weighted table resamples its votes, not its
 * weights (each drawn vote is weighted again in loadDraw). Raw counts are integers, so
 * rounding c·w/w recovers them exactly.
 */
function cellWeights(table: PairTable): Float64Array {
  const cells = new Float64Array(table.m * 3);
  const weight = table.weight;
  for (let k = 0; k < table.m; k++) {
    const w = weight ? weight[k]! : 1;
    const raw = (x: number): number => (weight ? Math.round(x / w) : x);
    cells[3 * k] = raw(table.winsA[k]!);
    cells[3 * k + 1] = raw(table.winsB[k]!);
    // Ties and both-bad enter the likelihood identically, so one merged cell resamples them exactly.
    cells[3 * k + 2] = raw(table.draws[k]!);
  }
  return cells;
}

/**
 * Writes a drawn sample into the pair table and returns whether some model has no win or no
 * loss in it — the commonest resample without a finite MLE, screened in the same O(pairs) pass.
 */
function loadDraw(sample: PairTable, draw: Float64Array, points: { won: Float64Array; lost: Float64Array }): boolean {
  const { won, lost } = points;
  won.fill(0);
  lost.fill(0);
  let votes = 0;
  const weight = sample.weight;
  for (let k = 0; k < sample.m; k++) {
    const w = weight ? weight[k]! : 1;
    const winsA = draw[3 * k]! * w;
    const winsB = draw[3 * k + 1]! * w;
    const draws = draw[3 * k + 2]! * w;
    const total = winsA + winsB + draws;
    const score = winsA + 0.5 * draws;
    sample.winsA[k] = winsA;
    sample.winsB[k] = winsB;
    sample.draws[k] = draws;
    sample.total[k] = total;
    sample.score[k] = score;
    votes += total;
    const a = sample.a[k]!;
    const b = sample.b[k]!;
    won[a]! += score;
    lost[b]! += score;
    won[b]! += total - score;
    lost[a]! += total - score;
  }
  sample.votes = votes;
  for (let i = 0; i < sample.n; i++) if (won[i] === 0 || lost[i] === 0) return true;
  return false;
}
