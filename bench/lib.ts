/**
 * Shared helpers for benchmarks (bench/<name>.ts): statistics, timing, formatting, aligned
 * tables, argument parsing and the environment line every report starts with.
 *
 * Benchmarks print to stdout; nothing here is used by the library itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { arch, cpus, loadavg, platform, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

// ---------------------------------------------------------------------------------------------
// Statistics

function sortedCopy(xs: ArrayLike<number>): Float64Array {
  if (xs.length === 0) throw new RangeError("no samples");
  // Typed-array sort is numeric (and much faster than Array#sort with a comparator).
  return Float64Array.from(xs as ArrayLike<number>).sort();
}

/** The median (mean of the two middle values for an even count). Throws on no samples. */
export function median(xs: ArrayLike<number>): number {
  const s = sortedCopy(xs);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile from an already sorted array; `p` in [0, 100]. */
function rank(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside [0, 100]`);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Nearest-rank percentile (p99 of 100 samples is the 99th smallest; p100 is the maximum, p0 the
 * minimum). Throws on no samples or p outside [0, 100].
 */
export function percentile(xs: ArrayLike<number>, p: number): number {
  return rank(sortedCopy(xs), p);
}

/** Several percentiles with one sort. */
export function percentiles(xs: ArrayLike<number>, ps: readonly number[]): number[] {
  const s = sortedCopy(xs);
  return ps.map((p) => rank(s, p));
}

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new RangeError("no samples");
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

export interface Summary {
  n: number;
  min: number;
  median: number;
  mean: number;
  p99: number;
  max: number;
}

export function summarize(xs: ArrayLike<number>): Summary {
  const s = sortedCopy(xs);
  const mid = s.length >> 1;
  return {
    n: s.length,
    min: s[0]!,
    median: s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    mean: mean(s),
    p99: rank(s, 99),
    max: s[s.length - 1]!,
  };
}

/**
 * A preallocated sample buffer for per-operation latencies (no allocation while measuring).
 * Samples beyond the capacity are counted but not kept.
 */
export class Samples {
  private readonly buf: Float64Array;
  private n = 0;
  dropped = 0;
  constructor(capacity: number) {
    this.buf = new Float64Array(capacity);
  }
  add(x: number): void {
    if (this.n < this.buf.length) this.buf[this.n++] = x;
    else this.dropped++;
  }
  get length(): number {
    return this.n;
  }
  values(): Float64Array {
    return this.buf.subarray(0, this.n);
  }
}

// ---------------------------------------------------------------------------------------------
// Timing

/** Monotonic milliseconds with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Monotonic nanoseconds, for per-operation latencies. */
export function nowNs(): bigint {
  return process.hrtime.bigint();
}

/** CPU milliseconds (user + system): the whole process's (threads that ended included) and each live thread's. */
export interface ThreadCpu {
  total: number;
  threads: Map<number, number>;
}

const TICK_MS = 10; // USER_HZ is 100 on every Linux this runs on

function statCpuMs(path: string): number {
  const s = readFileSync(path, "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/**
 * Reads the process's and every thread's CPU time from /proc (Linux); undefined elsewhere. The
 * resolution is the kernel's clock tick (10 ms), so it suits runs of a second or more.
 */
export function threadCpu(): ThreadCpu | undefined {
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return undefined;
  }
  const threads = new Map<number, number>();
  for (const t of tids) {
    try {
      threads.set(Number(t), statCpuMs(`/proc/self/task/${t}/stat`));
    } catch {
      // The thread ended between the listing and the read: the total below still counts it.
    }
  }
  return { total: statCpuMs("/proc/self/stat"), threads };
}

/**
 * Where a run's CPU went: the main thread; threads that existed before it (V8's garbage
 * collector and compiler helpers, libuv's pool); and threads it started (e.g. a block-writer
 * thread), counted even when they have ended since.
 */
export interface CpuSplit {
  main: number;
  started: number;
  other: number;
}

/** Splits the CPU used between two threadCpu() readings (`main` is the main thread's id, the pid). */
export function splitCpu(before: ThreadCpu, after: ThreadCpu, main = process.pid): CpuSplit {
  let mainMs = 0;
  let other = 0;
  for (const [tid, ms] of after.threads) {
    const was = before.threads.get(tid);
    if (tid === main) mainMs = ms - (was ?? 0);
    else if (was !== undefined) other += ms - was;
  }
  // Pre-existing threads that ended during the run are counted as started ones: rare, and small.
  const started = Math.max(0, after.total - before.total - mainMs - other);
  return { main: mainMs, started, other };
}

export interface MeasureOptions {
  /** Timed runs. Defaults to 5. */
  runs: number;
  /** Untimed runs first (JIT warm-up). Defaults to 1. */
  warmup: number;
  /** Called before each run (timed or not), outside the timing, e.g. to delete output. */
  before?: () => void | Promise<void>;
  /** Receives each timed run's CPU time in milliseconds. */
  cpu?: number[];
}

/**
 * Runs `fn` `warmup + runs` times and returns the timed runs' durations in milliseconds.
 * Pass `cpu` (an array) to also collect each timed run's CPU time (user + system, all threads,
 * ms): less sensitive than wall time to other work on a shared machine.
 */
export async function measure(
  fn: () => unknown | Promise<unknown>,
  options: Partial<MeasureOptions> = {},
): Promise<number[]> {
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (options.before) await options.before();
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    await fn();
    const t = nowMs() - t0;
    const c = process.cpuUsage(c0);
    if (i >= warmup) {
      times.push(t);
      options.cpu?.push((c.user + c.system) / 1000);
    }
  }
  return times;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const SI = [
  [1e9, "G"],
  [1e6, "M"],
  [1e3, "k"],
] as const;

/** 1520000 → "1.52 M"; 950 → "950". Three significant digits. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  for (const [scale, unit] of SI) {
    if (Math.abs(n) >= scale) return `${sig3(n / scale)} ${unit}`;
  }
  // Whole counts below 1000 as they are ("1", not "1.00").
  return Number.isInteger(n) ? String(n) : sig3(n);
}

/** Events per second from a count and milliseconds: (2e6, 1000) → "2.00 M/s". */
export function formatRate(count: number, ms: number, unit = "/s"): string {
  if (ms <= 0) return "n/a";
  return `${formatCount((count * 1000) / ms)}${unit}`;
}

/** 3 significant digits, no exponent: 1.524 → "1.52", 15.24 → "15.2", 152.4 → "152". */
function sig3(x: number): string {
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** Binary units: 1536 → "1.50 KiB". */
export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${sig3(v)} ${units[u]}`;
}

/** Milliseconds to a readable duration: 0.0123 → "12.3 µs", 12.3 → "12.3 ms", 12300 → "12.3 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const a = Math.abs(ms);
  if (a < 0.001) return `${sig3(ms * 1e6)} ns`;
  if (a < 1) return `${sig3(ms * 1e3)} µs`;
  if (a < 1000) return `${sig3(ms)} ms`;
  return `${sig3(ms / 1000)} s`;
}

/** Nanoseconds (number or bigint) to a readable duration. */
export function formatNs(ns: number | bigint): string {
  return formatMs(Number(ns) / 1e6);
}

/** `a / b` as a ratio: (6.2, 1) → "6.20×". "n/a" when b is 0. */
export function ratio(a: number, b: number): string {
  if (b === 0 || !Number.isFinite(a / b)) return "n/a";
  return `${sig3(a / b)}×`;
}

/** A fraction as a percentage: 0.234 → "23.4%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return "n/a";
  return `${sig3(fraction * 100)}%`;
}

// ---------------------------------------------------------------------------------------------
// Tables

export type Align = "left" | "right";
export type Cell = string | number | bigint | boolean | null | undefined;

export interface TableOptions {
  /** Per-column alignment. Defaults to left for the first column, right for the others. */
  align?: readonly Align[];
  /** Indentation of every line. Defaults to "". */
  indent?: string;
}

/** Display width of a cell: counts code points, so "µs" and "×" are one column each. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(s: string, w: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return align === "right" ? fill + s : s + fill;
}

/**
 * A plain-text table with aligned columns, a header row and a rule under it:
 *
 *   case          events/s  ratio
 *   ------------  --------  -----
 *   log write     1.62 M/s  7.10×
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  const cols = Math.max(headers.length, ...rows.map((r) => r.length));
  const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c));
  const grid = [headers.map(text), ...rows.map((r) => Array.from({ length: cols }, (_, i) => text(r[i])))];
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...grid.map((r) => width(r[i] ?? ""))));
  const align = (i: number): Align => options.align?.[i] ?? (i === 0 ? "left" : "right");
  const indent = options.indent ?? "";
  const line = (r: readonly string[]): string =>
    indent +
    widths
      .map((w, i) => pad(r[i] ?? "", w, align(i)))
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  const [head, ...body] = grid;
  return [line(head!), rule, ...body.map(line)].join("\n");
}

export function printTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options?: TableOptions,
): void {
  process.stdout.write(`${table(headers, rows, options)}\n`);
}

/** A case's median wall time and median CPU time of this process (ms). */
export interface CaseTimes {
  readonly name: string;
  readonly ms: number;
  readonly cpuMs: number;
}

/** Runs each case `runs` times after one warm-up; medians of wall and process CPU time. */
export async function timeCases(
  cases: readonly (readonly [string, () => unknown | Promise<unknown>])[],
  runs: number,
): Promise<CaseTimes[]> {
  const out: CaseTimes[] = [];
  for (const [name, fn] of cases) {
    const cpu: number[] = [];
    const times = await measure(fn, { runs, warmup: 1, cpu });
    out.push({ name, ms: median(times), cpuMs: median(cpu) });
  }
  return out;
}

/** A table of `count` items per case: wall, rate, CPU, rate per CPU-second, ratio to `base`. */
export function printRates(
  results: readonly CaseTimes[],
  count: number,
  unit: string,
  base: CaseTimes,
): void {
  printTable(
    ["case", "wall", `${unit}/s`, "CPU", `${unit}/CPU-s`, `vs ${base.name} (wall)`],
    results.map((r) => [
      r.name,
      `${(r.ms / 1000).toFixed(2)} s`,
      formatRate(count, r.ms),
      `${(r.cpuMs / 1000).toFixed(2)} s`,
      formatRate(count, r.cpuMs),
      ratio(base.ms, r.ms),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Environment

export interface Environment {
  node: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  /** 1-minute load average when the run started: other work on the machine skews wall times. */
  load: number;
  date: string;
}

export function environment(): Environment {
  const cs = cpus();
  return {
    node: process.version,
    cpu: (cs[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    cores: cs.length,
    memory: formatBytes(totalmem()),
    os: `${platform()} ${arch()}`,
    load: loadavg()[0] ?? 0,
    date: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

/** "node v20.20.2 · Intel(R) Xeon(R) Processor × 2 · 23.5 GiB · linux x64 · load 0.42 · 2026-11-22T00:40:00Z" */
export function environmentLine(env: Environment = environment()): string {
  return `node ${env.node} · ${env.cpu} × ${env.cores} · ${env.memory} · ${env.os} · load ${env.load.toFixed(2)} · ${env.date}`;
}

/** Prints a benchmark's title, the environment line and the exact command that ran it. */
export function header(title: string, argv: readonly string[] = process.argv.slice(2)): void {
  const name = /([^/\\]+)\.ts$/.exec(process.argv[1] ?? "")?.[1] ?? "?";
  const cmd = `npm run bench -- ${[name, ...argv].join(" ")}`;
  process.stdout.write(`${title}\n${environmentLine()}\ncommand: ${cmd}\n\n`);
}

// ---------------------------------------------------------------------------------------------
// Arguments

export type ArgSpec = Record<string, number | string | boolean>;
export type Args<S extends ArgSpec> = {
  -readonly [K in keyof S]: S[K] extends number ? number : S[K] extends boolean ? boolean : string;
};

/**
 * Parses `--name value` options against defaults (their type gives the option's type; numbers
 * accept `2e6`, `2_000_000` and `2M`/`500k`). Unknown options or bad numbers throw an Error
 * whose message lists the options and their defaults.
 */
export function parseBenchArgs<S extends ArgSpec>(
  defaults: S,
  argv: readonly string[] = process.argv.slice(2),
): Args<S> {
  const usage = `options: ${Object.entries(defaults)
    .map(([k, v]) => (typeof v === "boolean" ? `--${k}` : `--${k} <${typeof v}> (default ${v})`))
    .join(", ")}`;
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const [k, v] of Object.entries(defaults))
    options[k] = { type: typeof v === "boolean" ? "boolean" : "string" };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (e) {
    throw new Error(`${(e as Error).message}; ${usage}`);
  }
  const out: Record<string, number | string | boolean> = {};
  for (const [k, def] of Object.entries(defaults)) {
    const v = values[k];
    if (v === undefined) out[k] = def;
    else if (typeof def === "number") {
      const n = parseNumber(String(v));
      if (n === undefined) throw new Error(`--${k}: "${v}" is not a number; ${usage}`);
      out[k] = n;
    } else out[k] = v;
  }
  return out as Args<S>;
}

/** "2e6", "2_000_000", "2M", "500k" → number; undefined when not a number. */
export function parseNumber(s: string): number | undefined {
  const m = /^([0-9][0-9_]*(?:\.[0-9]+)?(?:e[0-9]+)?)([kKmMgG]?)$/.exec(s.trim());
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/_/g, ""));
  const mult = { "": 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 }[m[2]!] ?? 1;
  const n = base * mult;
  return Number.isFinite(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Files

/** Total size in bytes of a file, or of every file under a directory. */
export function diskBytes(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += diskBytes(join(path, entry));
  return total;
}

/**
 * `parseBenchArgs` for a benchmark's entry point: on a bad option prints one line with the
 * options to stderr and exits with code 2 (usage) instead of a stack trace.
 */
export function benchArgs<S extends ArgSpec>(
  defaults: S,
  argv: readonly string[] = process.argv.slice(2),
): Args<S> {
  try {
    return parseBenchArgs(defaults, argv);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exit(2);
  }
}
