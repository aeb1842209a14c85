import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/ranking/index';
import { MultinomialSampler } from '../../../shared/ranking/multinomial';

describe('multinomial resampling of aggregated cells', () => {
  const counts = Float64Array.from([0, 1, 3, 17, 40, 250, 3000, 12]);
  const total = counts.reduce((s, c) => s + c, 0);
  const sampler = new MultinomialSampler(counts);
  const rounds = 4000;
  const draws = Array.from({ length: rounds }, (_, r) => {
    const out = new Float64Array(counts.length);
    sampler.sample(createRng(99, r), out);
    return out;
  });

  it('always redraws exactly N votes, in non-negative integers, and never into empty cells', () => {
    for (const draw of draws) {
      expect(draw.reduce((s, x) => s + x, 0)).toBe(total);
      expect(draw.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(draw[0]).toBe(0);
    }
  });

  it('has mean N·p and variance N·p(1−p) in every cell (within 5 standard errors)', () => {
    counts.forEach((c, k) => {
      if (c === 0) return;
      const p = c / total;
      const values = draws.map((d) => d[k]!);
      const mean = values.reduce((s, x) => s + x, 0) / rounds;
      const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (rounds - 1);
      const sd = Math.sqrt(total * p * (1 - p));
      expect(Math.abs(mean - c)).toBeLessThan((5 * sd) / Math.sqrt(rounds));
      // the sample variance of n draws has relative sd ≈ √(2/n) ≈ 2.2%
      expect(Math.abs(variance / (total * p * (1 - p)) - 1)).toBeLessThan(0.12);
    });
  });

  it('has the negative covariance −N·p_i·p_j between cells', () => {
    const [i, j] = [5, 6];
    const xi = draws.map((d) => d[i]!);
    const xj = draws.map((d) => d[j]!);
    const mi = xi.reduce((s, x) => s + x, 0) / rounds;
    const mj = xj.reduce((s, x) => s + x, 0) / rounds;
    const cov = xi.reduce((s, x, r) => s + (x - mi) * (xj[r]! - mj), 0) / (rounds - 1);
    const expected = (-total * counts[i]! * counts[j]!) / total ** 2;
    expect(cov).toBeLessThan(0);
    expect(Math.abs(cov / expected - 1)).toBeLessThan(0.15);
  });

  it('handles cells too large for a lookup table (mean above 2000) the same way', () => {
    const big = new MultinomialSampler(Float64Array.from([5000, 20000, 7]));
    const values = Array.from({ length: 2000 }, (_, r) => {
      const out = new Float64Array(3);
      big.sample(createRng(1, r), out);
      expect(out[0]! + out[1]! + out[2]!).toBe(25007);
      return out[0]!;
    });
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const sd = Math.sqrt((25007 * 5000 * 20007) / 25007 ** 2);
    expect(Math.abs(mean - 5000)).toBeLessThan((5 * sd) / Math.sqrt(values.length));
  });
});
