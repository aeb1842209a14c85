/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded by
 * splitmix32. 32-bit integer arithmetic only, so it is identical in every JS engine,
 * and cheap enough to draw millions of variates per bootstrap.
 */
export interface Rng {
  /** Uniform on [0, 1) with 32 bits of resolution. */
  next(): number;
}

/** Exactly uniform integer in [0, bound) for 1 ≤ bound ≤ 2³², by rejecting the biased top slice. */
export function uniformInt(rng: Rng, bound: number): number {
  const limit = Math.floor(4294967296 / bound) * bound;
  for (;;) {
    const x = rng.next() * 4294967296;
    if (x < limit) return x % bound;
  }
}

/** 2⁻³²: multiplying is exact and cheaper than dividing by 2³². */
const TWO_TO_MINUS_32 = 1 / 4294967296;

function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

/**
 * A generator for (seed, stream). Distinct streams are independent sequences, so
 * bootstrap round r always draws the same numbers however rounds are split across workers.
 * The state lives in an Int32Array: 32-bit words kept in closure variables would be boxed
 * as heap numbers by V8 on every draw, which made sampling several times slower.
 */
export function createRng(seed: number, stream = 0): Rng {
  return new Xoshiro128(seed, stream);
}

class Xoshiro128 implements Rng {
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream: number) {
    this.reset(seed, stream);
  }

  /** Restarts as the generator for (seed, stream). */
  reset(seed: number, stream: number): void {
    let state = (Math.trunc(seed) ^ Math.imul(Math.trunc(stream) + 1, 0x632be5ab)) | 0;
    for (let i = 0; i < 4; i++) {
      const [nextState, value] = splitmix32(state);
      state = nextState;
      this.s[i] = value;
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /**
   * Fills `out` with the next out.length numbers of next(), with the state in local variables
   * (32-bit integers in registers) instead of a load and a store per word per number.
   */
  fill(out: Float64Array): void {
    const s = this.s;
    let s0 = s[0]!;
    let s1 = s[1]!;
    let s2 = s[2]!;
    let s3 = s[3]!;
    for (let i = 0; i < out.length; i++) {
      out[i] = (Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0) * TWO_TO_MINUS_32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  next(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return result * TWO_TO_MINUS_32;
  }
}

/**
 * The same numbers as createRng(seed, stream), drawn ahead in blocks: the bootstrap takes
 * ~120,000 per round, and a block fill keeps the generator's state in registers. One
 * instance serves every round (reset per round), so rounds allocate nothing.
 */
export class BlockRng implements Rng {
  private readonly generator = new Xoshiro128(0, 0);
  private readonly block = new Float64Array(4096);
  private position = this.block.length;

  reset(seed: number, stream: number): this {
    this.generator.reset(seed, stream);
    this.position = this.block.length;
    return this;
  }

  next(): number {
    if (this.position === this.block.length) {
      this.generator.fill(this.block);
      this.position = 0;
    }
    return this.block[this.position++]!;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Standard normal variate by Box–Muller (used only to simulate data). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
