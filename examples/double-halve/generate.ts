/**
 * Seeded generator of double-halve input: one JSON-lines stream, `numbers`, in strictly
 * increasing `ts` order.
 *
 *   npx tsx examples/double-halve/generate.ts --seed 1 --events 1000000 --out data/
 *     writes data/numbers.jsonl
 *
 * Lines (ts first; integer nanoseconds since the epoch, > 2^53, to be read exactly):
 *   {"ts":1793629800000104233,"n":-7316}
 *
 * `n` is an integer with |n| ≤ 2^52 − 1, so 2n is still a safe integer and halving it gives n
 * back exactly. The mix: small values (|n| < 1000, about half), medium (< 10^9), large (up to
 * 2^52 − 1), zero, and the extremes ±(2^52 − 1); about a quarter are negative. Values repeat
 * (small ones often), so exactly-once must be checked by position, not by value.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { LineWriter } from "../../src/examples-data/line-writer.js";
import { Prng, type Seed } from "../../src/examples-data/prng.js";
import { DEFAULT_START_NS, parseStartNs, Timeline } from "../../src/examples-data/time.js";

/** The largest |n| written: 2n stays within Number.MAX_SAFE_INTEGER. */
export const MAX_ABS_N = 2 ** 52 - 1;

export interface DoubleHalveOptions {
  /** Seed of the data set: same seed and options, same bytes. Defaults to 1. */
  seed: Seed;
  /** Number of lines. Defaults to 1 000 000. */
  count: number;
  /** Time of the first event's second, epoch nanoseconds. Defaults to 2026-11-02T14:30:00Z. */
  startNs: bigint;
  /** Mean gap between events in nanoseconds (exponential, at least 1 ns). Defaults to 100 000. */
  meanGapNs: number;
}

export const defaultDoubleHalveOptions: Readonly<DoubleHalveOptions> = Object.freeze({
  seed: 1,
  count: 1_000_000,
  startNs: DEFAULT_START_NS,
  meanGapNs: 100_000,
});

function resolveOptions(options: Partial<DoubleHalveOptions>): DoubleHalveOptions {
  const o = { ...defaultDoubleHalveOptions, ...options };
  if (!Number.isSafeInteger(o.count) || o.count < 0)
    throw new RangeError("count must be a non-negative integer");
  if (!(o.meanGapNs >= 1)) throw new RangeError("meanGapNs must be ≥ 1");
  return o;
}

/** Produces one line per `next()` into `line`, without allocating an object per line. */
export class DoubleHalveSim {
  line = "";
  private readonly o: DoubleHalveOptions;
  private readonly rng: Prng;
  private readonly time: Timeline;
  private i = 0;

  constructor(options: Partial<DoubleHalveOptions> = {}) {
    this.o = resolveOptions(options);
    this.rng = new Prng(this.o.seed);
    this.time = new Timeline(this.o.startNs);
  }

  /** True when a line was produced into `line`; false at the end. */
  next(): boolean {
    if (this.i >= this.o.count) return false;
    const rng = this.rng;
    this.time.advance(1 + Math.floor(rng.exp(this.o.meanGapNs - 1)));
    const k = rng.u32() % 100;
    let n: number;
    if (k < 50) n = rng.int(0, 999);
    else if (k < 80) n = rng.int(0, 999_999_999);
    else if (k < 97) n = Math.floor(rng.float() * MAX_ABS_N) + 1;
    else if (k < 99) n = 0;
    else n = MAX_ABS_N;
    if (rng.u32() % 4 === 0) n = -n;
    this.line = `{"ts":${this.time.toString()},"n":${n === 0 ? "0" : n}}`;
    this.i++;
    return true;
  }
}

/** The lines (without newlines), lazily. */
export function* doubleHalveLines(options: Partial<DoubleHalveOptions> = {}): Generator<string> {
  const sim = new DoubleHalveSim(options);
  while (sim.next()) yield sim.line;
}

/** The whole data set in memory: the lines of `numbers`, without newlines. */
export function generateDoubleHalve(options: Partial<DoubleHalveOptions> = {}): string[] {
  return [...doubleHalveLines(options)];
}

/** Writes `<dir>/numbers.jsonl` (creating `dir`), replacing it if present. */
export function writeDoubleHalve(
  dir: string,
  options: Partial<DoubleHalveOptions> = {},
): { file: string; lines: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const w = new LineWriter(join(dir, "numbers.jsonl"));
  try {
    const sim = new DoubleHalveSim(options);
    while (sim.next()) w.write(sim.line);
  } finally {
    w.close();
  }
  return { file: w.path, lines: w.lines, bytes: w.bytes };
}

const USAGE = `usage: npx tsx examples/double-halve/generate.ts --out <dir> [--seed S] [--events N] [--start <ISO time|epoch ns>]
writes <dir>/numbers.jsonl (defaults: seed 1, 1 000 000 events, start 2026-11-02T14:30:00Z)`;

/** The script: parses arguments, writes the file, prints one summary line. Returns the exit code. */
export function main(argv: readonly string[], log: (s: string) => void, fail: (s: string) => void): number {
  let out: string;
  const opts: Partial<DoubleHalveOptions> = {};
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: "string" },
        seed: { type: "string" },
        events: { type: "string" },
        start: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      log(USAGE);
      return 0;
    }
    if (values.out === undefined) throw new RangeError("--out <dir> is required");
    out = values.out;
    if (values.seed !== undefined) opts.seed = values.seed;
    if (values.events !== undefined) {
      const n = Number(values.events.replace(/_/g, ""));
      if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`--events ${values.events}: expected a non-negative integer`);
      opts.count = n;
    }
    if (values.start !== undefined) opts.startNs = parseStartNs(values.start);
  } catch (e) {
    fail(`generate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const t0 = performance.now();
  const w = writeDoubleHalve(out, opts);
  const secs = (performance.now() - t0) / 1000;
  log(
    `wrote ${w.lines} numbers (${(w.bytes / 1e6).toFixed(1)} MB) to ${w.file} in ${secs.toFixed(2)} s ` +
      `(${Math.round(w.lines / secs)} lines/s)`,
  );
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
