import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateFavouritism, suspects, suspectThreshold } from '../../../shared/ranking/favouritism';
import { sigmoid } from '../../../shared/ranking/likelihood';
import { createRng, normal } from '../../../shared/ranking/random';
import { fitWithReliability, weightedFit, type RatedVote } from '../../../shared/ranking/raterReliability';

const MODELS = 40;
const HONEST = 100;
const PARTISANS = 15;
const TARGET = 7;
const strengths = (() => {
  const rng = createRng(40, 1);
  return Float64Array.from({ length: MODELS }, () => normal(rng));
})();

/**
 * Honest raters vote by the BT truth with ties; the partisans (raters HONEST…) take whatever
 * pair they are served and vote honestly, except that when TARGET is in it they vote for it
 * (`lean` +1) or against it (−1) — right 80 % of the time, as if recognising it by its style.
 */
function votes(seed: number, lean: -1 | 0 | 1, count = 60_000): RatedVote[] {
  const rng = createRng(seed, 2);
  const out: RatedVote[] = [];
  for (let v = 0; v < count; v++) {
    const a = Math.floor(rng.next() * MODELS);
    const b = (a + 1 + Math.floor(rng.next() * (MODELS - 1))) % MODELS;
    const partisan = lean !== 0 && rng.next() < PARTISANS / (HONEST + PARTISANS);
    const rater = partisan ? HONEST + Math.floor(rng.next() * PARTISANS) : Math.floor(rng.next() * HONEST);
    if (partisan && (a === TARGET || b === TARGET)) {
      const forTarget = rng.next() < 0.8 === (lean === 1);
      out.push({ rater, a, b, outcome: forTarget === (a === TARGET) ? 1 : 0 });
      continue;
    }
    const p = sigmoid(strengths[a]! - strengths[b]!);
    const tie = 0.3 * 2 * Math.min(p, 1 - p);
    const u = rng.next();
    out.push({ rater, a, b, outcome: u < tie ? 0.5 : u < tie + p - tie / 2 ? 1 : 0 });
  }
  return out;
}

const RATERS = HONEST + PARTISANS;
const honestOnly = (data: RatedVote[]) => data.filter((v) => v.rater < HONEST);
/** θ_target − mean θ of the others, the quantity the partisans push. */
const standing = (theta: Float64Array) =>
  theta[TARGET]! - (theta.reduce((s, x) => s + x, 0) - theta[TARGET]!) / (MODELS - 1);

describe('favouritism: partisan groups one model at a time', () => {
  it('sets the suspect threshold at the χ²₂ tail of a 1 % false alarm over the board', () => {
    expect(suspectThreshold(200)).toBeCloseTo(2 * Math.log(20_000), 10);
    expect(suspectThreshold(200)).toBeCloseTo(19.81, 2);
    expect(Math.exp(-suspectThreshold(40) / 2) * 40).toBeCloseTo(0.01, 12);
  });

  it('finds no suspect on an honest board, which then is exactly the reliability fit', () => {
    for (const seed of [1, 2, 3]) {
      const data = votes(seed, 0);
      const fit = fitWithReliability(MODELS, RATERS, data);
      const without = fitWithReliability(MODELS, RATERS, data, { favouritism: false });
      expect(fit.suspects).toEqual([]);
      expect(Math.max(...fit.favouritism!.evidence)).toBeLessThan(suspectThreshold(MODELS));
      expect([...fit.theta]).toEqual([...without.theta]);
    }
  });

  it('names the upvoted model a suspect and takes back the lift plain BT gives it', () => {
    const data = votes(4, 1);
    const fit = fitWithReliability(MODELS, RATERS, data);
    expect(fit.suspects).toEqual([TARGET]);
    const truth = standing(weightedFit(MODELS, honestOnly(data), null));
    const lift = standing(weightedFit(MODELS, data, null)) - truth;
    expect(lift).toBeGreaterThan(0.15);
    expect(Math.abs(standing(fit.theta) - truth)).toBeLessThan(lift / 4);
    // The group's rate for the target is the recognition accuracy, its share the partisans' share.
    expect(fit.favouritism!.rate[TARGET]).toBeGreaterThan(0.7);
    expect(fit.favouritism!.share[TARGET]).toBeGreaterThan(0.05);
    expect(fit.favouritism!.share[TARGET]).toBeLessThan(0.3);
  });

  it('gives partisans a higher posterior than honest raters on the target, and none elsewhere', () => {
    const data = votes(5, 1);
    const fit = fitWithReliability(MODELS, RATERS, data);
    const tau = (r: number, m: number) => fit.favouritism!.partisan.get(r * MODELS + m) ?? 0;
    const mean = (from: number, to: number, m: number) => {
      let s = 0;
      for (let r = from; r < to; r++) s += tau(r, m);
      return s / (to - from);
    };
    expect(mean(HONEST, RATERS, TARGET)).toBeGreaterThan(3 * mean(0, HONEST, TARGET));
    for (let m = 0; m < MODELS; m++) if (m !== TARGET) expect(mean(0, RATERS, m)).toBe(0);
  });

  it('finds a group that votes a model down, too, and lifts it back', () => {
    const data = votes(6, -1);
    const fit = fitWithReliability(MODELS, RATERS, data);
    expect(fit.suspects).toEqual([TARGET]);
    expect(fit.favouritism!.rate[TARGET]).toBeLessThan(0.3);
    const truth = standing(weightedFit(MODELS, honestOnly(data), null));
    const drop = truth - standing(weightedFit(MODELS, data, null));
    expect(drop).toBeGreaterThan(0.15);
    expect(Math.abs(standing(fit.theta) - truth)).toBeLessThan(drop / 4);
  });

  /** Rater 0 wins their first `n` decisive votes on model 3 (all of them when n is Infinity). */
  function sweep(data: RatedVote[], n: number): RatedVote[] {
    let swept = 0;
    return data.map((v) => {
      if (v.rater !== 0 || v.outcome === 0.5 || (v.a !== 3 && v.b !== 3) || swept++ >= n) return v;
      return { ...v, outcome: v.a === 3 ? 1 : 0 };
    });
  }
  const evidenceOn3 = (data: RatedVote[]) =>
    estimateFavouritism(
      MODELS,
      data,
      weightedFit(
        MODELS,
        data.filter((v) => v.outcome !== 0.5),
        null,
      ),
    ).evidence[3]!;

  it('does not make a suspect of a model because one rater won their few votes on it', () => {
    const data = sweep(votes(7, 0), 5);
    expect(evidenceOn3(data)).toBeLessThan(suspectThreshold(MODELS) / 2);
  });

  it('does make a suspect of a model one rater always picks, over twenty-odd votes', () => {
    const data = sweep(votes(7, 0), Infinity);
    expect(data.filter((v) => v.rater === 0 && v.outcome !== 0.5 && (v.a === 3 || v.b === 3)).length).toBeGreaterThan(
      15,
    );
    expect(evidenceOn3(data)).toBeGreaterThan(suspectThreshold(MODELS));
  });
});

describe('which models are suspects', () => {
  it('takes a model above the χ² bound when the rest of the board is quiet', () => {
    const evidence = Float64Array.from({ length: 200 }, (_, m) => (m === 42 ? 21 : (m % 7) * 0.5));
    expect(suspects(evidence)).toEqual([42]);
  });

  it('asks more of a model where every model shows some evidence, as real crowds with different tastes do', () => {
    // Most models between 0 and 20 (median ~10): 21 is ordinary here, 120 is not.
    const evidence = Float64Array.from({ length: 60 }, (_, m) => (m === 5 ? 120 : m === 6 ? 21 : (m * 7) % 20));
    expect(suspects(evidence)).toEqual([5]);
  });

  it('on the LLMFAO crowd, names the two models some workers picked far beyond their strength', () => {
    const csv = readFileSync(join(import.meta.dirname, '../../../assets/demo/llmfao/crowd-comparisons.csv'), 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    const column = (name: string) => header!.split(',').indexOf(name);
    const [worker, winner, left, right] = ['worker', 'winner', 'left', 'right'].map(column);
    const models = new Map<string, number>();
    const raters = new Map<string, number>();
    const index = (map: Map<string, number>, key: string) => map.get(key) ?? (map.set(key, map.size), map.size - 1);
    const votes = lines.map((line): RatedVote => {
      const f = line.split(',');
      const w = f[winner!]!;
      return {
        rater: index(raters, f[worker!]!),
        a: index(models, f[left!]!),
        b: index(models, f[right!]!),
        outcome: w === 'left' ? 1 : w === 'right' ? 0 : 0.5,
      };
    });
    const fit = fitWithReliability(models.size, raters.size, votes);
    const names = [...models.keys()];
    expect(fit.suspects.map((m) => names[m]).sort()).toEqual(['Luminous Extended', 'Weaver 12k']);
    // Worker 15 picked Weaver 12k in 106 of 109 decisive votes; its overall rate is 39 %.
    const weaver = models.get('Weaver 12k')!;
    expect(fit.favouritism!.partisan.get(raters.get('15')! * models.size + weaver)).toBeGreaterThan(0.99);
  });
});

describe('the mixture does not miss the obvious, nor mistake its direction', () => {
  /** Honest BT votes on `models` models by `raters` raters, except where `partisan` says otherwise. */
  function board(
    seed: number,
    models: number,
    raters: number,
    count: number,
    strengths: Float64Array,
    partisan: (rater: number, a: number, b: number, rng: { next(): number }) => 0 | 1 | null,
  ): RatedVote[] {
    const rng = createRng(seed, 9);
    return Array.from({ length: count }, () => {
      const rater = Math.floor(rng.next() * raters);
      const a = Math.floor(rng.next() * models);
      const b = (a + 1 + Math.floor(rng.next() * (models - 1))) % models;
      const forced = partisan(rater, a, b, rng);
      const outcome = forced ?? (rng.next() < sigmoid(strengths[a]! - strengths[b]!) ? 1 : 0);
      return { rater, a, b, outcome };
    });
  }

  it('finds raters who vote for one model every time it shows up, even though that already lifted its strength', () => {
    // Starting EM from a coin alone, this group fitted the honest component better than the coin.
    const strengths = Float64Array.from({ length: 20 }, (_, m) => (m - 9.5) / 5);
    for (const seed of [7, 8, 9]) {
      const data = board(seed, 20, 50, 20_000, strengths, (rater, a, b) =>
        rater >= 1 && rater <= 5 && (a === 3 || b === 3) ? (a === 3 ? 1 : 0) : null,
      );
      const fit = fitWithReliability(20, 50, data);
      expect(fit.suspects).toContain(3);
      for (let r = 1; r <= 5; r++) expect(fit.favouritism!.partisan.get(r * 20 + 3)).toBeGreaterThan(0.9);
      expect(fit.favouritism!.favours[3]).toBe(1);
    }
  });

  it('calls a group that picks a weak model far above its strength a favouring group, though it picks it under half the time', () => {
    const strengths = Float64Array.from({ length: 30 }, (_, m) => (m === 0 ? -2.5 : (m - 15) / 10));
    const data = board(3, 30, 80, 40_000, strengths, (rater, a, b, rng) =>
      rater >= 72 && (a === 0 || b === 0) ? (rng.next() < 0.45 === (a === 0) ? 1 : 0) : null,
    );
    const fit = fitWithReliability(30, 80, data);
    expect(fit.suspects).toEqual([0]);
    expect(fit.favouritism!.rate[0]).toBeLessThan(0.5);
    expect(fit.favouritism!.favours[0]).toBe(1);
  });
});
