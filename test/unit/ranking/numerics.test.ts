import { describe, expect, it } from 'vitest';
import { createRng, normalQuantile, uniformInt } from '../../../shared/ranking/index';
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from '../../../shared/ranking/linalg';
import { quantileSorted } from '../../../shared/ranking/quantile';
import { BlockRng } from '../../../shared/ranking/random';

describe('normal quantile (Wichura AS 241)', () => {
  it('gives the familiar z values to full double precision', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
  });

  it('is antisymmetric and rejects p outside (0, 1)', () => {
    for (const p of [0.001, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('Cholesky', () => {
  const a = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);

  it('factors the textbook matrix into L = [[2,0,0],[6,1,0],[-8,5,3]]', () => {
    const l = Float64Array.from(a);
    expect(choleskyInPlace(l, 3)).toBe(true);
    expect([l[0], l[3], l[4], l[6], l[7], l[8]]).toEqual([2, 6, 1, -8, 5, 3]);
  });

  it('solves A·x = b and inverts A', () => {
    const l = Float64Array.from(a);
    choleskyInPlace(l, 3);
    const x = Float64Array.from([1, 2, 3]);
    choleskySolveInPlace(l, 3, x);
    const back = [0, 1, 2].map((i) => a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!);
    back.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 10));
    const inv = choleskyInverse(l, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = [0, 1, 2].reduce((s, k) => s + a[i * 3 + k]! * inv[k * 3 + j]!, 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('reports a matrix that is not positive definite', () => {
    expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  });
});

describe('seeded random numbers', () => {
  it('repeat for the same seed and stream and differ across streams', () => {
    const draw = (seed: number, stream: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(createRng(seed, stream)),
      );
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
  });

  it('come out the same drawn ahead in blocks, across block boundaries and after a reset', () => {
    const block = new BlockRng();
    for (const [seed, stream] of [[42, 0], [42, 999], [-7, 3]] as const) {
      const plain = createRng(seed, stream);
      block.reset(seed, stream);
      for (let i = 0; i < 10_000; i++) expect(block.next()).toBe(plain.next());
    }
  });

  it('are uniform on [0, 1) and uniformInt stays in range with all values hit', () => {
    const rng = createRng(7);
    const seen = new Array<number>(6).fill(0);
    let sum = 0;
    for (let i = 0; i < 60_000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      seen[uniformInt(rng, 6)]!++;
    }
    expect(sum / 60_000).toBeCloseTo(0.5, 2);
    for (const count of seen) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('type-7 quantiles', () => {
  it('interpolate linearly between order statistics like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 12);
    expect(quantileSorted([7], 0.975)).toBe(7);
  });
});
