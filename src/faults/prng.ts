/**
 * SplitMix64 (Steele, Lea, Flood 2014; the seeding generator of xoshiro), used as a
 * counter-based generator: the i-th output is a pure function of (seed, i), so a fault
 * decision never depends on how many draws came before it or on timing.
 */

const MASK64 = (1n << 64n) - 1n;
const GAMMA = 0x9e3779b97f4a7c15n;

/** The `index`-th (0-based) output of SplitMix64 started from state `seed`, as an unsigned 64-bit bigint. */
export function splitmix64(seed: bigint, index: number | bigint): bigint {
  let z = (seed + (BigInt(index) + 1n) * GAMMA) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** The `index`-th draw as a float in [0, 1) (the top 53 bits). */
export function unitDraw(seed: bigint, index: number | bigint): number {
  return Number(splitmix64(seed, index) >> 11n) / 2 ** 53;
}

/** Parses a seed: a decimal or 0x-hex unsigned integer below 2^64. Returns undefined when it is not one. */
export function parseSeed(text: string): bigint | undefined {
  const t = text.trim();
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(t)) return undefined;
  const v = BigInt(t);
  return v > MASK64 ? undefined : v;
}

/** A seed split into two unsigned 32-bit halves, for `fastUnitDraw`. */
export interface Seed32 {
  readonly hi: number;
  readonly lo: number;
}

export function seed32(seed: bigint): Seed32 {
  const s = seed & MASK64;
  return { hi: Number(s >> 32n), lo: Number(s & 0xffffffffn) };
}

// 64-bit arithmetic on (hi, lo) pairs of unsigned 32-bit numbers, without BigInt allocation.
let rHi = 0;
let rLo = 0;

/** (aHi:aLo) × (bHi:bLo) mod 2^64 into rHi:rLo. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  rLo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const hi = p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  rHi = (hi + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

/** z ^= z >>> s (0 < s < 32) on rHi:rLo. */
function xorShift(s: number): void {
  const lo = ((rLo >>> s) | (rHi << (32 - s))) >>> 0;
  const hi = rHi >>> s;
  rLo = (rLo ^ lo) >>> 0;
  rHi = (rHi ^ hi) >>> 0;
}

/**
 * `unitDraw(seed, index)` without BigInt: the same value (a test checks them against each
 * other), about twenty times faster. `index` must be a safe integer below 2^53 - 1.
 */
export function fastUnitDraw(seed: Seed32, index: number): number {
  const n = index + 1;
  // (index + 1) × GAMMA, then + seed.
  mul64(Math.floor(n / 0x1_0000_0000) >>> 0, n >>> 0, 0x9e3779b9, 0x7f4a7c15);
  const lo = (rLo + seed.lo) >>> 0;
  const carry = lo < rLo ? 1 : 0;
  rHi = (rHi + seed.hi + carry) >>> 0;
  rLo = lo;
  xorShift(30);
  mul64(rHi, rLo, 0xbf58476d, 0x1ce4e5b9);
  xorShift(27);
  mul64(rHi, rLo, 0x94d049bb, 0x133111eb);
  xorShift(31);
  return (rHi * 0x20_0000 + (rLo >>> 11)) / 2 ** 53;
}
