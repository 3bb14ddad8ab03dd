/**
 * The torture harness: runs a pipeline across processes under seeded faults, once per seed,
 * and checks that the sink received exactly the expected outputs, once each, in order. On a
 * failure it names the seed, the first wrong or missing output, the input behind it and the
 * faults applied around it, and the command that reproduces the run (the fault plan is a
 * pure function of the seed, and every process's recording is byte-for-byte repeatable).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HindsightError } from "../errors.js";
import { LogReader } from "../log/index.js";
import type { UnsafeMode } from "../net/link.js";
import { parseConfig } from "../replayer/replay.js";
import { loadPipelineApp, type PipelineApp } from "./apps.js";
import { inputLinesFromFile } from "./input-file.js";
import { formatHops, readFaultPlans, traceMessage } from "./logs.js";
import { DEFAULT_STALL_MS, inputsDigest, runSeed, type SeedRun, WorkerPool } from "./pipeline.js";
import { describeFault, type Fault, type FaultKind, type FaultOptions, formatFaultSpec } from "./plan.js";
import { parseSeed } from "./prng.js";
import { replayStageLog } from "./replay-stage.js";

export interface TortureOptions {
  /** `--app` as given: "double-halve" (built in) or a module path. */
  app: string;
  /** Inclusive range. */
  seeds: { from: bigint; to: bigint };
  faults: FaultOptions;
  /** Messages per seed. */
  events: number;
  unsafe?: UnsafeMode;
  /** Keep each seed's recordings in `<keep>/seed-<n>/<process>` (else they go to a temporary directory, removed). */
  keep?: string;
  /** Replay the fault plans recorded in `<plan>/seed-<n>/` instead of drawing them from the seeds. */
  plan?: string;
  /** JSON-lines file of input events (the first `events` lines are sent); default: seeded events. */
  input?: string;
  cwd: string;
  timeoutMs?: number;
  stallMs?: number;
  /** Worker processes to use (kept open); by default the run starts its own and ends them. */
  pool?: WorkerPool;
  /** Called after each seed (progress). */
  onSeed?: (r: SeedResult) => void;
}

export type FailureKind = "missing" | "duplicate" | "wrong" | "extra";

export interface OutputFailure {
  kind: FailureKind;
  /** Index of the first bad output at the sink (0-based). */
  index: number;
  expected?: string;
  got?: string;
  /** For a duplicate: the index of the expected output it repeats. */
  repeats?: number;
}

export interface SeedResult {
  seed: string;
  ok: boolean;
  outcome: SeedRun["outcome"];
  problem?: string;
  outputs: number;
  expectedOutputs: number;
  failure?: OutputFailure;
  /** The input the first bad output belongs to (for a one-to-one pipeline, the same index). */
  input?: { index: number; value: string; sourceLogSeq: number };
  /** Faults applied per link, by kind. */
  faultCounts: Record<string, Record<FaultKind, number>>;
  /** For a passing seed: every stage's log was replayed through its stage and reproduced its outputs. */
  replayed?: { stages: number; events: number };
  /** Where the message behind the first bad output got to, process by process (from the recordings). */
  path?: string;
  /** Faults within a few sequence numbers of the first bad output, per link. */
  faultsNear: { link: string; fault: Fault }[];
  /** Sink-side duplicates dropped and reconnections, summed over all links. */
  duplicatesDropped: number;
  reconnections: number;
  recordings?: string;
  command: string;
}

export interface TortureReport {
  app: string;
  faults: string;
  events: number;
  unsafe?: UnsafeMode;
  replayedPlan: boolean;
  seeds: SeedResult[];
  failed: number;
}

/** Parses `a..b` or `a` into an inclusive range of at most 100000 seeds. Throws USAGE. */
export function parseSeedRange(text: string): { from: bigint; to: bigint } {
  const m = /^\s*([^.\s]+)\s*(?:\.\.\s*([^.\s]+)\s*)?$/.exec(text);
  const from = m ? parseSeed(m[1]!) : undefined;
  const to = m ? (m[2] === undefined ? from : parseSeed(m[2])) : undefined;
  if (from === undefined || to === undefined)
    throw new HindsightError("USAGE", `cannot read seed range "${text}"`, {
      where: "--seeds",
      hint: "write a..b (inclusive) or one seed, with unsigned integers, e.g. --seeds 1..20",
    });
  if (to < from)
    throw new HindsightError("USAGE", `seed range ${text} is empty (${to} < ${from})`, {
      where: "--seeds",
      hint: "write the smaller seed first",
    });
  if (to - from >= 100_000n)
    throw new HindsightError("USAGE", `seed range ${text} holds more than 100000 seeds`, {
      where: "--seeds",
      hint: "run a smaller range at a time",
    });
  return { from, to };
}

function equal(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first difference between what the sink got and what it should have got, or undefined. */
export function firstFailure(
  got: readonly Uint8Array[],
  expected: readonly Uint8Array[],
  show: (p: Uint8Array) => string,
): OutputFailure | undefined {
  const n = Math.max(got.length, expected.length);
  for (let i = 0; i < n; i++) {
    const g = got[i];
    const e = expected[i];
    if (equal(g, e)) continue;
    if (g === undefined) return { kind: "missing", index: i, expected: show(e!) };
    if (e === undefined) return { kind: "extra", index: i, got: show(g) };
    // Told apart by where the value came from: an earlier output again, or a later one early.
    for (let j = i - 1; j >= Math.max(0, i - 64); j--)
      if (equal(expected[j], g))
        return { kind: "duplicate", index: i, expected: show(e), got: show(g), repeats: j };
    const skippedTo = expected.slice(i + 1, i + 1 + 4096).some((x) => equal(x, g));
    if (skippedTo) return { kind: "missing", index: i, expected: show(e), got: show(g) };
    return { kind: "wrong", index: i, expected: show(e), got: show(g) };
  }
  return undefined;
}

/** The command line that reruns one seed of this torture run. */
export function reproduceCommand(opts: TortureOptions, seed: bigint): string {
  const q = (s: string) => (/^[A-Za-z0-9_./:=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  let cmd = `hindsight torture --app ${q(opts.app)} --seeds ${seed}..${seed} --faults ${formatFaultSpec(opts.faults)} --events ${opts.events}`;
  if (opts.unsafe) cmd += ` --unsafe ${opts.unsafe}`;
  if (opts.plan) cmd += ` --plan ${q(opts.plan)}`;
  if (opts.input) cmd += ` --input ${q(opts.input)}`;
  // The limits decide whether a seed passes: they are part of the run (a stall limit when not
  // the default, a timeout when given).
  if (opts.stallMs !== undefined && opts.stallMs !== DEFAULT_STALL_MS) cmd += ` --stall ${opts.stallMs}`;
  if (opts.timeoutMs !== undefined) cmd += ` --timeout ${opts.timeoutMs}`;
  return cmd;
}

/**
 * The fault plans a kept run recorded, checked to be of this run: the same app, seed and inputs
 * (a plan replayed against another run would test nothing it claims to). Returns them with the
 * fault spec that run drew them from.
 */
function readPlans(
  dir: string,
  want: { app: string; seed: bigint; inputs: readonly Uint8Array[] },
): { plans: Map<string, Fault[]>; faults: string } {
  if (!existsSync(dir))
    throw new HindsightError("NOT_FOUND", `no recorded run at ${dir}`, {
      where: "--plan",
      hint: "pass a directory that `hindsight torture --keep` wrote, holding seed-<n> directories",
    });
  const ran = recordedRun(join(dir, "source"));
  const differs = [
    ran.app !== want.app ? `app ${ran.app}, not ${want.app}` : "",
    ran.seed !== want.seed.toString() ? `seed ${ran.seed}, not ${want.seed}` : "",
    // (A log cut short before its START marker was written cannot say: the plans still replay.)
    ran.inputsSha256 !== undefined && ran.inputsSha256 !== inputsDigest(want.inputs)
      ? `its source sent ${ran.sent ?? "other"} other events than these ${want.inputs.length} (another --input or --events)`
      : "",
  ].filter(Boolean);
  if (differs.length)
    throw new HindsightError("USAGE", `the run recorded in ${dir} is another run: ${differs.join(", ")}`, {
      where: "--plan",
      hint: `replay its plan with the options it ran with (app ${ran.app}, --seeds ${ran.seed}..${ran.seed}${ran.events !== undefined ? `, --events ${ran.events}` : ""}, and its --input if it had one)`,
    });
  const plans = new Map<string, Fault[]>();
  for (const p of readdirSync(dir).sort()) {
    if (p === "source") continue;
    for (const [link, list] of readFaultPlans(join(dir, p))) plans.set(link, list);
  }
  return { plans, faults: ran.faults ?? "as recorded" };
}

/**
 * What a torture process's log says of its run: app and seed from its manifest; events, inputs
 * and faults from its START marker's config when it has one.
 */
function recordedRun(dir: string): {
  app: string;
  seed: string;
  events?: number;
  sent?: number;
  inputsSha256?: string;
  faults?: string;
} {
  let r: LogReader;
  try {
    r = LogReader.open(dir);
  } catch (e) {
    throw new HindsightError("NOT_FOUND", `no torture run recorded in ${dir}`, {
      where: "--plan",
      hint: "pass a directory that `hindsight torture --keep` wrote",
      cause: e,
    });
  }
  try {
    let config: Record<string, unknown> = {};
    try {
      const first = r.endSeq > r.firstSeq ? r.get(r.firstSeq) : undefined;
      if (first?.type === "marker") config = parseConfig(first);
    } catch {
      // no readable START marker: the manifest says what it can
    }
    const { events, sent, inputsSha256, faults } = config;
    return {
      app: r.manifest.app.name,
      seed: r.manifest.seed,
      ...(typeof events === "number" ? { events } : {}),
      ...(typeof sent === "number" ? { sent } : {}),
      ...(typeof inputsSha256 === "string" ? { inputsSha256 } : {}),
      ...(typeof faults === "string" ? { faults } : {}),
    };
  } finally {
    r.close();
  }
}

async function summarize(
  opts: TortureOptions,
  app: PipelineApp,
  run: SeedRun,
  expected: Uint8Array[],
  dir?: string,
): Promise<SeedResult> {
  const failure = firstFailure(run.received, expected, app.show);
  let ok = failure === undefined && run.outcome === "finished" && run.problem === undefined;
  // A passing run must also replay: each stage's log, on its own, reproduces what it sent on.
  let replayed: SeedResult["replayed"];
  let problem = run.problem;
  if (ok) {
    replayed = { stages: 0, events: 0 };
    for (const stage of app.stages) {
      const rep = await replayStageLog(app, stage, run.logDirs.get(stage)!, run.seed);
      if (rep.divergence) {
        ok = false;
        problem = `the log of ${stage} does not replay: ${rep.divergence}`;
        break;
      }
      replayed.stages++;
      replayed.events += rep.events;
    }
  }
  const faultCounts: SeedResult["faultCounts"] = {};
  for (const [link, list] of run.faults) {
    const c = { drop: 0, delay: 0, dup: 0 };
    for (const f of list) c[f.kind]++;
    faultCounts[link] = c;
  }
  const faultsNear: SeedResult["faultsNear"] = [];
  let input: SeedResult["input"];
  let path: string | undefined;
  if (failure) {
    const i = failure.index;
    const inp = run.inputs[i];
    if (inp) input = { index: i, value: app.show(inp), sourceLogSeq: run.sourceSeqs[i] ?? -1 };
    // For a duplicate, follow the message that came out twice.
    const traced = failure.kind === "duplicate" && failure.repeats !== undefined ? failure.repeats : i;
    path = `path of message ${traced}: ${formatHops(traceMessage(run.processes, run.logDirs, traced))}`;
    for (const [link, list] of run.faults)
      for (const f of list) if (Math.abs(f.seq - i) <= 3) faultsNear.push({ link, fault: f });
  }
  let duplicatesDropped = run.sink.duplicates;
  let reconnections = Math.max(0, run.sink.connections - 1);
  for (const s of run.workerStats.values()) {
    duplicatesDropped += s.duplicates;
    reconnections += Math.max(0, s.connections - 1);
  }
  return {
    seed: run.seed.toString(),
    ok,
    outcome: run.outcome,
    ...(problem !== undefined ? { problem } : {}),
    ...(replayed && ok ? { replayed } : {}),
    outputs: run.received.length,
    expectedOutputs: expected.length,
    ...(failure ? { failure } : {}),
    ...(input ? { input } : {}),
    ...(path ? { path } : {}),
    faultCounts,
    faultsNear: faultsNear.slice(0, 24),
    duplicatesDropped,
    reconnections,
    ...(dir ? { recordings: dir } : {}),
    command: reproduceCommand(opts, run.seed),
  };
}

/**
 * Runs every seed and returns one result per seed (never stops at the first failure).
 * Throws USAGE/APP_LOAD for bad options, ALREADY_EXISTS when a --keep directory is in use.
 */
export async function torture(opts: TortureOptions): Promise<TortureReport> {
  if (!Number.isInteger(opts.events) || opts.events < 1 || opts.events > 10_000_000)
    throw new HindsightError("USAGE", `--events ${opts.events} is outside 1..10000000`, {
      where: "--events",
      hint: "give a whole number of messages per seed",
    });
  const app = await loadPipelineApp(opts.app, opts.cwd);
  const fileLines = opts.input ? inputLinesFromFile(opts.input, opts.cwd).slice(0, opts.events) : undefined;
  // A line the first stage cannot read is named here, by file and line (in a worker it would be
  // an event seq).
  for (const l of fileLines ?? []) {
    const why = app.checkInput?.(l.payload);
    if (why !== undefined)
      throw new HindsightError(
        "BAD_INPUT",
        `line ${l.line} of ${opts.input} is not an input the app reads: ${why}`,
        {
          where: "--input",
          hint: `fix the line, or give a file of ${app.codec} events`,
        },
      );
  }
  const fileInputs = fileLines?.map((l) => l.payload);
  if (fileInputs && fileInputs.length === 0)
    throw new HindsightError("BAD_INPUT", `input file ${opts.input} holds no events`, {
      where: "--input",
      hint: "give a JSON-lines file with one event per line",
    });
  const seeds: SeedResult[] = [];
  /** With --plan: the fault specs the replayed runs drew their plans from. */
  const planFaults = new Set<string>();
  const pool = opts.pool ?? new WorkerPool(opts.cwd);
  try {
    for (let seed = opts.seeds.from; seed <= opts.seeds.to; seed++) {
      const keepDir = opts.keep ? join(resolve(opts.cwd, opts.keep), `seed-${seed}`) : undefined;
      if (keepDir && existsSync(keepDir) && readdirSync(keepDir).length > 0)
        throw new HindsightError("ALREADY_EXISTS", `${keepDir} already holds a torture run`, {
          where: "--keep",
          hint: "choose a new --keep directory (runs are never overwritten)",
        });
      const dir = keepDir ?? mkdtempSync(join(tmpdir(), `hindsight-torture-${seed}-`));
      try {
        const recorded = opts.plan
          ? readPlans(join(resolve(opts.cwd, opts.plan), `seed-${seed}`), {
              app: app.name,
              seed,
              inputs: fileInputs ?? app.inputs(seed, opts.events),
            })
          : undefined;
        if (recorded) planFaults.add(recorded.faults);
        const plans = recorded?.plans;
        const run = await runSeed({
          app,
          seed,
          events: opts.events,
          faults: opts.faults,
          ...(opts.unsafe ? { unsafe: opts.unsafe } : {}),
          dir,
          ...(plans ? { plans } : {}),
          ...(fileInputs ? { inputs: fileInputs } : {}),
          cwd: opts.cwd,
          pool,
          ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
          ...(opts.stallMs !== undefined ? { stallMs: opts.stallMs } : {}),
        });
        const expected = await app.expected(run.inputs, seed);
        const r = await summarize(opts, app, run, expected, keepDir);
        seeds.push(r);
        opts.onSeed?.(r);
      } finally {
        if (!keepDir) rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    if (!opts.pool) await pool.close();
  }
  return {
    app: opts.app,
    // With --plan, the faults are those the recorded runs drew (--faults is not used).
    faults: opts.plan ? [...planFaults].join(" | ") || "as recorded" : formatFaultSpec(opts.faults),
    events: fileInputs?.length ?? opts.events,
    ...(opts.unsafe ? { unsafe: opts.unsafe } : {}),
    replayedPlan: opts.plan !== undefined,
    seeds,
    failed: seeds.filter((s) => !s.ok).length,
  };
}

const counts = (c: Record<FaultKind, number>) => `${c.drop} drop, ${c.delay} delay, ${c.dup} dup`;

/** Human-readable lines for one seed. Contains nothing that varies between runs of the seed. */
export function formatSeedResult(r: SeedResult): string[] {
  const total = { drop: 0, delay: 0, dup: 0 };
  for (const c of Object.values(r.faultCounts)) {
    total.drop += c.drop;
    total.delay += c.delay;
    total.dup += c.dup;
  }
  if (r.ok)
    return [
      `seed ${r.seed}: ok: ${r.outputs} outputs, exactly once, in order (faults: ${counts(total)}; ` +
        `${r.duplicatesDropped} duplicates dropped, ${r.reconnections} reconnections; ` +
        `${r.replayed?.stages ?? 0} stage logs replayed identically)`,
    ];
  const f = r.failure;
  let what: string;
  if (!f) what = `run ${r.outcome}: ${r.problem ?? "unknown problem"}`;
  else if (f.kind === "missing")
    what = `output #${f.index} is missing: expected ${f.expected}${f.got !== undefined ? `, got ${f.got} (a later output)` : ""}`;
  else if (f.kind === "duplicate")
    what = `output #${f.index} is a duplicate: expected ${f.expected}, got ${f.got} again (output #${f.repeats})`;
  else if (f.kind === "extra")
    what = `output #${f.index} is extra: got ${f.got} after the last expected output`;
  else what = `output #${f.index} is wrong: expected ${f.expected}, got ${f.got}`;
  const lines = [`seed ${r.seed}: FAILED: ${what}`];
  lines.push(
    `  outputs: ${r.outputs} of ${r.expectedOutputs} expected; run ${r.outcome}${r.problem && f ? ` (${r.problem})` : ""}`,
  );
  if (r.input)
    lines.push(`  input: #${r.input.index} (source log seq ${r.input.sourceLogSeq}) = ${r.input.value}`);
  if (r.path) lines.push(`  ${r.path}`);
  if (f) {
    lines.push(`  faults applied near seq ${f.index} (±3), per link:`);
    if (r.faultsNear.length === 0) lines.push("    none");
    for (const { link, fault } of r.faultsNear) lines.push(`    ${link}: ${describeFault(fault)}`);
  }
  lines.push(
    `  faults applied: ${Object.entries(r.faultCounts)
      .map(([l, c]) => `${l} ${counts(c)}`)
      .join("; ")}`,
  );
  if (r.recordings) lines.push(`  recordings: ${r.recordings}`);
  lines.push(`  reproduce: ${r.command}`);
  return lines;
}

export function formatSummary(rep: TortureReport): string {
  return (
    `torture: ${rep.seeds.length} seed${rep.seeds.length === 1 ? "" : "s"}, ${rep.failed} failed ` +
    `(app ${rep.app}, ${rep.events} events each, faults ${rep.replayedPlan ? `${rep.faults}, as recorded (--plan)` : rep.faults}` +
    `${rep.unsafe ? `, unsafe ${rep.unsafe}` : ""})`
  );
}
