/**
 * Exact nanosecond timestamps for generated data. Epoch nanoseconds exceed 2^53, so they are
 * never held in a double: a timeline keeps a bigint start split into whole seconds and a
 * nanosecond remainder, plus an offset in nanoseconds (a safe integer up to ~104 days), and
 * writes the decimal digits directly.
 */

const NS_PER_S = 1_000_000_000;

/** 2026-11-02T14:30:00Z (a Monday, 09:30 in New York: the US equity open). */
export const DEFAULT_START_NS = 1_793_629_800_000_000_000n;

/** Parses an ISO-8601 time (whole milliseconds) or a decimal nanosecond count into epoch nanoseconds. */
export function parseStartNs(s: string): bigint {
  if (/^[0-9]+$/.test(s)) return BigInt(s);
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new RangeError(`"${s}" is neither an ISO-8601 time nor a nanosecond count`);
  return BigInt(ms) * 1_000_000n;
}

export class Timeline {
  private readonly baseSec: number;
  private readonly baseRem: number;
  /** Nanoseconds since the start. */
  offsetNs = 0;
  private lastSec = -1;
  private lastSecDigits = "";

  constructor(startNs: bigint) {
    if (startNs < 0n) throw new RangeError("start time before 1970");
    this.baseSec = Number(startNs / 1_000_000_000n);
    this.baseRem = Number(startNs % 1_000_000_000n);
    if (!Number.isSafeInteger(this.baseSec)) throw new RangeError("start time too large");
  }

  /** Moves forward by a whole, non-negative number of nanoseconds. */
  advance(ns: number): void {
    this.offsetNs += ns;
    if (!Number.isSafeInteger(this.offsetNs)) throw new RangeError("timeline ran past 2^53 ns (~104 days)");
  }

  /** The current time as decimal epoch nanoseconds. */
  toString(): string {
    const total = this.baseRem + this.offsetNs;
    const rem = total % NS_PER_S;
    const sec = this.baseSec + (total - rem) / NS_PER_S;
    if (sec === 0) return String(rem);
    // The seconds change rarely: keep their digits. `rem + 1e9` zero-pads to 9 digits.
    if (sec !== this.lastSec) {
      this.lastSec = sec;
      this.lastSecDigits = String(sec);
    }
    return this.lastSecDigits + String(rem + NS_PER_S).slice(1);
  }

  /** The current time as a bigint (slow path: tests and summaries). */
  toBigInt(): bigint {
    return BigInt(this.toString());
  }
}
