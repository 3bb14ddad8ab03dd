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
