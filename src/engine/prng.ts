/**
 * Seeded pseudo-random streams for ctx.random(name). Each name gets its own generator seeded
 * from (run seed, name), so one consumer's draws never shift another's. The values are
 * recorded anyway; the seed only makes a recording run repeatable. Pure.
 */

/** FNV-1a 32-bit over a string's UTF-16 code units. */
export function hash32(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** sfc32: small, fast, well-tested 128-bit-state generator. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string, name: string) {
    this.a = hash32(seed, 0x9e3779b9);
    this.b = hash32(name, 0x243f6a88);
    this.c = hash32(`${seed}\u0000${name}`);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.next32() >>> 5; // 27 bits
    const lo = this.next32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}
