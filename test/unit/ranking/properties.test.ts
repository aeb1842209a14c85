import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateBattles,
  createRng,
  rankModels,
  RATING_PER_THETA,
  simulateBattles,
  type Battle,
  type Outcome,
} from '../../../shared/ranking/index';

const MODELS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];

/** One win each way around a ring of all models: guarantees a finite, unique MLE. */
const RING: Battle[] = MODELS.flatMap((m, i) => {
  const next = MODELS[(i + 1) % MODELS.length]!;
  return [
    { modelA: m, modelB: next, outcome: 'a' as const },
    { modelA: m, modelB: next, outcome: 'b' as const },
  ];
});

const battleArb: fc.Arbitrary<Battle> = fc
  .record({
    a: fc.integer({ min: 0, max: MODELS.length - 1 }),
    offset: fc.integer({ min: 1, max: MODELS.length - 1 }),
    outcome: fc.constantFrom<Outcome>('a', 'b', 'tie', 'both_bad'),
  })
  .map(({ a, offset, outcome }) => ({ modelA: MODELS[a]!, modelB: MODELS[(a + offset) % MODELS.length]!, outcome }));

const votesArb = fc.array(battleArb, { minLength: 1, maxLength: 120 }).map((extra) => [...RING, ...extra]);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const flip: Record<Outcome, Outcome> = { a: 'b', b: 'a', tie: 'tie', both_bad: 'both_bad' };

describe('ranking properties', () => {
  it('does not depend on the order of the votes', () => {
    fc.assert(
      fc.property(votesArb, fc.integer(), (votes, seed) => {
        expect(rankModels(aggregateBattles(shuffled(votes, seed)))).toEqual(rankModels(aggregateBattles(votes)));
      }),
      { numRuns: 60 },
    );
  });

  it('does not change when a vote’s sides are swapped and its outcome flipped', () => {
    fc.assert(
      fc.property(votesArb, fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), (votes, swaps) => {
        const swapped = votes.map((v, i) =>
          swaps[i % swaps.length] ? { modelA: v.modelB, modelB: v.modelA, outcome: flip[v.outcome] } : v,
        );
        expect(rankModels(aggregateBattles(swapped))).toEqual(rankModels(aggregateBattles(votes)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps ratings and shrinks every interval by √2 when every vote is duplicated', () => {
    fc.assert(
      fc.property(votesArb, (votes) => {
        const once = rankModels(aggregateBattles(votes));
        const twice = rankModels(aggregateBattles([...votes, ...votes]));
        // Look models up by name: models with equal ratings may sort either way.
        twice.models.forEach((m) => {
          const o = once.models.find((x) => x.model === m.model)!;
          expect(m.rating).toBeCloseTo(o.rating, 6);
          expect(m.upper - m.lower).toBeLessThan(o.upper - o.lower);
          // cov = H⁻¹GH⁻¹ with H, G (ridge 1e-5·N included) both doubled: exactly half the variance.
          expect((m.upper - m.lower) / (o.upper - o.lower)).toBeCloseTo(Math.SQRT1_2, 6);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('recovers known strengths from simulated votes: the truth lies inside nearly every 95% interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const sim = simulateBattles({ models: 20, votes: 40_000, seed, tieRate: 0.3 });
        const result = rankModels(aggregateBattles(sim.battles));
        const mean = sim.strengths.reduce((s, x) => s + x, 0) / sim.strengths.length;
        let covered = 0;
        for (const m of result.models) {
          const truth = (sim.strengths[sim.models.indexOf(m.model)]! - mean) * RATING_PER_THETA + 1000;
          if (truth >= m.lower && truth <= m.upper) covered++;
          expect(Math.abs(m.rating - truth)).toBeLessThan(2 * (m.upper - m.lower));
        }
        // 95% intervals over 20 models: P(fewer than 15 covered) is below 1e-4.
        expect(covered).toBeGreaterThanOrEqual(15);
      }),
      { numRuns: 8 },
    );
  });
});
