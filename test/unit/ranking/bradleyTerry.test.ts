import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  fitBradleyTerry,
  rankModels,
  toPairTable,
  type Battle,
  type Outcome,
} from '../../../shared/ranking/index';

/** `count` votes of `outcome` between a and b. */
function votes(a: string, b: string, outcome: Outcome, count: number): Battle[] {
  return Array.from({ length: count }, () => ({ modelA: a, modelB: b, outcome }));
}

// Wikipedia "Bradley–Terry model", worked example (also arena-rank tests/test_bradley_terry.py):
// A–B 2:3, A–D 1:4, B–C 5:3, C–D 1:3; strengths normalised to geometric mean 1.
const wikipedia = [
  ...votes('A', 'B', 'a', 2),
  ...votes('A', 'B', 'b', 3),
  ...votes('A', 'D', 'a', 1),
  ...votes('A', 'D', 'b', 4),
  ...votes('B', 'C', 'a', 5),
  ...votes('B', 'C', 'b', 3),
  ...votes('C', 'D', 'a', 1),
  ...votes('C', 'D', 'b', 3),
];

describe('Bradley–Terry maximum likelihood', () => {
  it('reproduces the Wikipedia worked example (p = 0.640, 1.043, 0.660, 2.270)', () => {
    const counts = aggregateBattles(wikipedia);
    const fit = fitBradleyTerry(toPairTable(counts));
    const strength = Object.fromEntries(counts.models.map((m, i) => [m, Math.exp(fit.theta[i]!)]));
    expect(strength.A).toBeCloseTo(0.64, 3);
    expect(strength.B).toBeCloseTo(1.043, 3);
    expect(strength.C).toBeCloseTo(0.66, 3);
    expect(strength.D).toBeCloseTo(2.27, 2);
  });

  it('converges to the exact MLE: |gradient| < 1e-9 after a handful of Newton steps', () => {
    const fit = fitBradleyTerry(toPairTable(aggregateBattles(wikipedia)));
    expect(fit.converged).toBe(true);
    expect(fit.gradient).toBeLessThan(1e-9);
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('satisfies the likelihood equations: each model’s expected score equals its actual score', () => {
    const counts = aggregateBattles(wikipedia);
    const table = toPairTable(counts);
    const { theta } = fitBradleyTerry(table);
    const expected = new Float64Array(table.n);
    const actual = new Float64Array(table.n);
    for (let k = 0; k < table.m; k++) {
      const p = 1 / (1 + Math.exp(theta[table.b[k]!]! - theta[table.a[k]!]!));
      expected[table.a[k]!]! += table.total[k]! * p;
      expected[table.b[k]!]! += table.total[k]! * (1 - p);
      actual[table.a[k]!]! += table.score[k]!;
      actual[table.b[k]!]! += table.total[k]! - table.score[k]!;
    }
    expected.forEach((e, i) => expect(e).toBeCloseTo(actual[i]!, 10));
  });

  it('counts a tie and a both-bad vote as half a win for each side', () => {
    const withTies = rankModels(
      aggregateBattles([
        ...votes('X', 'Y', 'a', 3),
        ...votes('X', 'Y', 'tie', 2),
        ...votes('X', 'Y', 'b', 1),
        ...votes('Y', 'Z', 'a', 2),
        ...votes('Y', 'Z', 'b', 2),
      ]),
    );
    const withBothBad = rankModels(
      aggregateBattles([
        ...votes('X', 'Y', 'a', 3),
        ...votes('X', 'Y', 'both_bad', 2),
        ...votes('X', 'Y', 'b', 1),
        ...votes('Y', 'Z', 'a', 2),
        ...votes('Y', 'Z', 'b', 2),
      ]),
    );
    // X scored 4 of 6 against Y: P(X beats Y) = 2/3 exactly at the MLE.
    const x = withTies.models.find((m) => m.model === 'X')!;
    const y = withTies.models.find((m) => m.model === 'Y')!;
    expect(1 / (1 + 10 ** ((y.rating - x.rating) / 400))).toBeCloseTo(2 / 3, 10);
    withBothBad.models.forEach((m, i) => expect(m.rating).toBeCloseTo(withTies.models[i]!.rating, 9));
  });
});

describe('rating scale', () => {
  it('uses scale 400, base 10 and mean 1000 by default', () => {
    const result = rankModels(aggregateBattles(wikipedia));
    const mean = result.models.reduce((s, m) => s + m.rating, 0) / result.models.length;
    expect(mean).toBeCloseTo(1000, 9);
    const a = result.models.find((m) => m.model === 'A')!;
    const d = result.models.find((m) => m.model === 'D')!;
    expect(d.rating - a.rating).toBeCloseTo(400 * Math.log10(2.27 / 0.64), 0);
  });

  it('shifts every rating and bound so that the anchor model gets its rating', () => {
    const plain = rankModels(aggregateBattles(wikipedia));
    const anchored = rankModels(aggregateBattles(wikipedia), { anchor: { model: 'B', rating: 1114 } });
    const shift = 1114 - plain.models.find((m) => m.model === 'B')!.rating;
    expect(anchored.models.find((m) => m.model === 'B')!.rating).toBeCloseTo(1114, 9);
    anchored.models.forEach((m, i) => {
      expect(m.rating - plain.models[i]!.rating).toBeCloseTo(shift, 9);
      expect(m.lower - plain.models[i]!.lower).toBeCloseTo(shift, 9);
      expect(m.upper - plain.models[i]!.upper).toBeCloseTo(shift, 9);
    });
  });

  it('warns and falls back to mean 1000 when the anchor model has no votes', () => {
    const result = rankModels(aggregateBattles(wikipedia), { anchor: { model: 'nobody', rating: 1200 } });
    expect(result.warnings).toContainEqual({ kind: 'anchor_missing', model: 'nobody' });
    expect(result.models.reduce((s, m) => s + m.rating, 0) / 4).toBeCloseTo(1000, 9);
  });

  it('reports votes, wins, losses and ties per model and sorts models by rating', () => {
    const result = rankModels(aggregateBattles(wikipedia));
    const a = result.models.find((m) => m.model === 'A')!;
    expect(a).toMatchObject({ votes: 10, wins: 3, losses: 7, ties: 0 });
    expect(result.votes).toBe(22);
    const ratings = result.models.map((m) => m.rating);
    expect(ratings).toEqual([...ratings].sort((x, y) => y - x));
  });
});
