/**
 * A small seeded PRNG for the example data generators: xoshiro128** (Blackman & Vigna) on
 * 32-bit words, seeded through splitmix64. Integer-only state updates (Math.imul, >>> 0), so a
 * seed gives the same sequence on every platform. Not for cryptography.
 */

export type Seed = number | bigint | string;

const MASK64 = (1n << 64n) - 1n;

/** A seed as 64 bits: integers as themselves (mod 2^64), other strings by FNV-1a 64. */
export function seedBits(seed: Seed): bigint {
  if (typeof seed === "bigint") return seed & MASK64;
  if (typeof seed === "number") {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed ${seed} is not a safe integer`);
    return BigInt(seed) & MASK64;
  }
  if (/^-?[0-9]+$/.test(seed)) return BigInt(seed) & MASK64;
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(seed)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & MASK64;
  return h;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: Seed) {
    // splitmix64 expands the seed into 128 bits of state; it never yields all-zero state.
    let x = seedBits(seed);
    const next = (): bigint => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      return z ^ (z >> 31n);
    };
    const s0 = next();
    const s1 = next();
    this.a = Number(s0 & 0xffffffffn) | 0;
    this.b = Number(s0 >> 32n) | 0;
    this.c = Number(s1 & 0xffffffffn) | 0;
    this.d = Number(s1 >> 32n) | 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  float(): number {
    const hi = this.u32() >>> 5; // 27 bits
    const lo = this.u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [lo, hi] (inclusive), unbiased. Both must be safe integers, hi - lo < 2^32. */
  int(lo: number, hi: number): number {
    const range = hi - lo + 1;
    if (!(range >= 1 && range <= 0x100000000)) throw new RangeError(`int(${lo}, ${hi}): bad range`);
    if (range === 0x100000000) return lo + this.u32();
    // Rejection sampling: discard the top partial bucket.
    const limit = 0x100000000 - (0x100000000 % range);
    let x = this.u32();
    while (x >= limit) x = this.u32();
    return lo + (x % range);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Standard normal (Box–Muller; the second value is kept for the next call). */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return spare;
    }
    const u = 1 - this.float(); // (0, 1]
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An element of a non-empty array, uniformly. */
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError("pick from an empty array");
    return xs[this.int(0, xs.length - 1)]!;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = xs[i]!;
      xs[i] = xs[j]!;
      xs[j] = t;
    }
    return xs;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Picks indices in proportion to fixed weights (cumulative table + binary search; O(log n)).
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    if (weights.length === 0) throw new RangeError("no weights");
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new RangeError(`weight ${i} is ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new RangeError("weights sum to zero");
    this.total = sum;
  }

  pick(rng: Prng): number {
    const x = rng.float() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
