import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../shared/ranking/likelihood';
import { createRng } from '../../../shared/ranking/random';
import { fitWithReliability, weightedFit, type RatedVote } from '../../../shared/ranking/raterReliability';

const MODELS = 8;
const strengths = Float64Array.from({ length: MODELS }, (_, i) => (i - 3.5) * 0.5);

/** Raters 0–9 vote by the BT truth; raters 10–11 (`contrarians`) always pick the weaker model. */
function votes(seed: number, contrarianShare: number): RatedVote[] {
  const rng = createRng(seed, 1);
  const out: RatedVote[] = [];
  for (let v = 0; v < 6000; v++) {
    const a = Math.floor(rng.next() * MODELS);
    const b = (a + 1 + Math.floor(rng.next() * (MODELS - 1))) % MODELS;
    if (rng.next() < contrarianShare) {
      out.push({ rater: 10 + (v % 2), a, b, outcome: strengths[a]! < strengths[b]! ? 1 : 0 });
    } else {
      const aWins = rng.next() < sigmoid(strengths[a]! - strengths[b]!);
      out.push({ rater: v % 10, a, b, outcome: aWins ? 1 : 0 });
    }
  }
  return out;
}

function order(theta: Float64Array): number[] {
  return [...theta.keys()].sort((x, y) => theta[x]! - theta[y]!);
}

describe('fitWithReliability (CrowdBT-style one-coin raters)', () => {
  it('gives contrarian raters no weight and honest raters positive weight', () => {
    const fit = fitWithReliability(MODELS, 12, votes(1, 0.25));
    for (let r = 0; r < 10; r++) expect(fit.weight[r]).toBeGreaterThan(0.2);
    expect(fit.weight[10]).toBe(0);
    expect(fit.weight[11]).toBe(0);
    expect(fit.accuracy[10]).toBeLessThan(0.5);
  });

  it('recovers the true order where plain BT on the same votes is pulled flat', () => {
    const data = votes(2, 0.25);
    const defended = fitWithReliability(MODELS, 12, data).theta;
    const plain = weightedFit(MODELS, data, null);
    expect(order(defended)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const spread = (t: Float64Array) => t[7]! - t[0]!;
    expect(spread(defended)).toBeGreaterThan(spread(plain) * 1.5);
  });

  it('leaves an all-honest board essentially where plain BT puts it', () => {
    const data = votes(3, 0);
    const defended = fitWithReliability(MODELS, 12, data).theta;
    const plain = weightedFit(MODELS, data, null);
    expect(order(defended)).toEqual(order(plain));
    // Honest raters get near-equal weights, so the strengths move by sampling noise only.
    for (let i = 0; i < MODELS; i++) expect(defended[i]).toBeCloseTo(plain[i]!, 1);
  });
});
