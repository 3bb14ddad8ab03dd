/**
 * The engine: market-spread unrecorded vs recorded, replay vs record, replay --until at 90%
 * from checkpoints vs a full replay, and double-halve recorded and replayed.
 *
 *   npm run bench -- engine [--events 5000000] [--runs 3] [--pool 500000] [--checkpointEvery 100000] [--dhEvents 2000000]
 *                           [--offload auto|thread|none] [--fsync always|interval|never] [--overheadOnly]
 *
 * Input lines come from the seeded market-spread generator (a pool of --pool events, 4 quotes
 * per order, 600 symbols), prepared in memory first and cycled to --events, so no run pays for
 * generating or reading files. Every run pushes the same events through `startRun` (the
 * embedding API the CLI uses) with the default clock (wall) and the default writer options
 * (64 KiB LZ4 blocks, fsync=interval); recorded runs checkpoint every --checkpointEvery events.
 * "replay (verify)" is a full replay that also compares every output digest and checkpoint
 * digest, i.e. what `hindsight verify` does; "replay (state)" rebuilds state without comparing.
 * Each round runs unrecorded, recorded, then verify and state-only replays of the recording it
 * just made, so replay is also compared with record round by round ("per round": the median of
 * the rounds' record/replay time ratios).
 * --offload sets where recorded runs compress and write blocks (LogWriter option `offload`),
 * --fsync their fsync policy;
 * --overheadOnly stops after the unrecorded/recorded pairs (use many --runs: per-pair ratios
 * on a shared machine spread widely).
 * On Linux a line "CPU by thread" splits each pair's CPU into the main thread (the app and
 * the encoding of records), threads the run started (the block-writer thread) and threads
 * that were there before (V8's garbage-collector and compiler helpers, libuv's pool), and ends
 * with the recording's cost on the main thread in ns per event (median of the pairs): the
 * recorder's own cost, which the overhead ratio mixes with the engine's speed.
 *
 * Every timed run is a process of its own (bench/engine/case.ts), as each `hindsight record`,
 * `replay` or `verify` is: in one shared process a case ran on code the JIT had compiled for
 * the cases before it (a state-only replay took 15.5 s after a verify replay and 13.8 s
 * alone, 5 M events). Times and CPU are taken inside the child, around the run only: not its
 * start-up, module loading or input preparation. Children get a TMPDIR of their own under
 * .bench/engine, so tsx's compile cache is theirs: tsx walks its whole cache directory (to
 * expire old entries) on the main thread of a process that compiles a module the cache does not
 * hold (the first one after a change to the sources), during its timed run, and a shared cache
 * of 350 k files cost a run about 0.7 s of main-thread time.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { LogReader } from "../src/log/index.js";
import { FSYNC_POLICIES, type FsyncPolicy, OFFLOAD_MODES, type Offload } from "../src/log/writer.js";
import { listCheckpoints } from "../src/replayer/replay.js";
import type { AppName, CaseResult, CaseSpec } from "./engine/case.js";
import {
  benchArgs,
  type CpuSplit,
  diskBytes,
  formatBytes,
  formatCount,
  formatMs,
  formatRate,
  header,
  median,
  printTable,
  ratio,
} from "./lib.js";

const args = benchArgs({
  events: 5_000_000,
  runs: 3,
  pool: 500_000,
  checkpointEvery: 100_000,
  dhEvents: 2_000_000,
  offload: "auto",
  fsync: "interval",
  overheadOnly: false,
});
for (const [flag, value, allowed] of [
  ["offload", args.offload, OFFLOAD_MODES],
  ["fsync", args.fsync, FSYNC_POLICIES],
] as const)
  if (!(allowed as readonly string[]).includes(value)) {
    process.stderr.write(`bench: --${flag} must be one of ${allowed.join(", ")}, not ${value}\n`);
    process.exit(2);
  }
header("hindsight bench: engine");
const dir = join(".bench", "engine");
rmSync(dir, { recursive: true, force: true });
const caseFile = join(import.meta.dirname, "engine", "case.ts");
const tsxTmp = resolve(dir, "tmp");
mkdirSync(tsxTmp, { recursive: true });

console.log(
  `market-spread: ${formatCount(args.events)} events (a pool of ${formatCount(Math.min(args.pool, args.events))} cycled); ` +
    `double-halve: ${formatCount(args.dhEvents)} events; every run in a process of its own\n`,
);

/** Runs one case in a new process (same node flags as this one: tsx). */
function runCase(spec: CaseSpec): CaseResult {
  const r = spawnSync(process.execPath, [...process.execArgv, caseFile, JSON.stringify(spec)], {
    // tsx's compile cache of its own (see the module comment).
    env: { ...process.env, TMPDIR: tsxTmp },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const last = r.stdout?.trim().split("\n").at(-1) ?? "";
  if (r.status !== 0 || !last.startsWith("{")) {
    process.stderr.write(`bench: case ${JSON.stringify(spec)} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
  return JSON.parse(last) as CaseResult;
}

/** Each case's runs, by name. */
const results = new Map<string, CaseResult[]>();

/** Runs `spec` `runs` times, each in a new process; returns these runs (also kept under `name`). */
function timed(name: string, spec: CaseSpec, runs: number = args.runs, before?: () => void): CaseResult[] {
  const now: CaseResult[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    now.push(runCase(spec));
  }
  results.set(name, [...(results.get(name) ?? []), ...now]);
  return now;
}

const wall = (name: string): number[] => (results.get(name) ?? []).map((r) => r.wallMs);
const wallMs = (name: string): number => median(wall(name));
const cpuMs = (name: string): number => median((results.get(name) ?? []).map((r) => r.cpuMs));

const runSpec = (app: AppName, events: number, out?: string): CaseSpec => ({
  kind: "run",
  app,
  events,
  pool: args.pool,
  checkpointEvery: args.checkpointEvery,
  offload: args.offload as Offload,
  fsync: args.fsync as FsyncPolicy,
  ...(out ? { out } : {}),
});
const replaySpec = (
  app: AppName,
  at: string,
  o: { compare?: boolean; until?: number; useCheckpoints?: boolean } = {},
): CaseSpec => ({
  kind: "replay",
  app,
  dir: at,
  compare: o.compare ?? false,
  useCheckpoints: o.useCheckpoints ?? true,
  ...(o.until !== undefined ? { until: o.until } : {}),
});

const recDir = join(dir, "market-spread");
const N = args.events;

/**
 * Medians over the pairs of where CPU went (Linux): the main thread; threads the run started
 * (the block-writer thread); threads that were there before (V8's garbage collector helpers,
 * libuv's pool). Undefined when /proc is not there.
 */
function threadSplitLine(): string | undefined {
  const of = (name: string, part: keyof CpuSplit): number[] =>
    (results.get(name) ?? []).map((r) => r.split?.[part] ?? Number.NaN);
  if (of("unrecorded", "main").some(Number.isNaN)) return undefined;
  const parts = (["main", "started", "other"] as const).map(
    (p) => `${p} ${formatMs(median(of("unrecorded", p)))} → ${formatMs(median(of("recorded", p)))}`,
  );
  // The recorder's own cost in absolute terms: unlike the overhead ratio, it does not move
  // when the engine or the app gets faster or slower.
  const u = of("unrecorded", "main");
  const perEvent = median(of("recorded", "main").map((r, i) => ((r - (u[i] as number)) * 1e6) / N));
  return `CPU by thread, unrecorded → recorded (medians): ${parts.join("; ")}; the recording's cost on the main thread: ${perEvent >= 0 ? "+" : ""}${Math.round(perEvent)} ns per event (median of the pairs)`;
}

// Unrecorded and recorded runs alternate (u, r, u, r, ...) so that a machine slowing down or
// speeding up during the benchmark affects both alike; the overhead is also given as the
// median of the per-pair ratios.
// Without --overheadOnly, each round also replays the recording it made (verify, then state
// only), so that replay and record are compared within a round as well.
const pairRatios: number[] = [];
const verifyRatios: number[] = [];
const stateRatios: number[] = [];
let endSeq = 0;
for (let i = 0; i < args.runs; i++) {
  const u = timed("unrecorded", runSpec("market-spread", N), 1)[0] as CaseResult;
  const r = timed("recorded", runSpec("market-spread", N, recDir), 1, () =>
    rmSync(recDir, { recursive: true, force: true }),
  )[0] as CaseResult;
  pairRatios.push(r.wallMs / u.wallMs);
  if (args.overheadOnly) continue;
  // (Every round records the same events: the same records.)
  if (i === 0) {
    const reader = LogReader.open(recDir);
    endSeq = reader.endSeq;
    reader.close();
  }
  const v = timed("verify", replaySpec("market-spread", recDir, { compare: true }), 1)[0] as CaseResult;
  const st = timed(
    "state",
    replaySpec("market-spread", recDir, { until: endSeq, useCheckpoints: false }),
    1,
  )[0] as CaseResult;
  verifyRatios.push(r.wallMs / v.wallMs);
  stateRatios.push(r.wallMs / st.wallMs);
}
const unrecorded = wall("unrecorded");
const recorded = wall("recorded");
if (args.overheadOnly) {
  const sorted = [...pairRatios].sort((a, b) => a - b);
  console.log(
    `market-spread, ${formatCount(N)} events, offload ${args.offload}: recorded/unrecorded per pair, median ${median(pairRatios).toFixed(3)} ` +
      `(min ${sorted[0]?.toFixed(3)}, max ${sorted.at(-1)?.toFixed(3)}, ${args.runs} pairs); ` +
      `medians: unrecorded ${formatMs(median(unrecorded))}, recorded ${formatMs(median(recorded))}`,
  );
  console.log(`per-pair ratios: ${pairRatios.map((x) => x.toFixed(3)).join(", ")}`);
  const split = threadSplitLine();
  if (split) console.log(split);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const until = Math.floor(endSeq * 0.9);
// Worst case near 90%: the record just before the next checkpoint (a whole interval to replay).
const nextCheckpoint = listCheckpoints(recDir)
  .map((c) => c.refSeq)
  .filter((x) => x > until + 1)
  .sort((a, b) => a - b)[0];
const worst = nextCheckpoint === undefined ? until : nextCheckpoint - 1;

const verify = results.get("verify") ?? [];
const untilRes = timed("until", replaySpec("market-spread", recDir, { until }));
timed("untilFull", replaySpec("market-spread", recDir, { until, useCheckpoints: false }));
const worstRes = timed("worst", replaySpec("market-spread", recDir, { until: worst }));
timed("worstFull", replaySpec("market-spread", recDir, { until: worst, useCheckpoints: false }));
const bytesOnDisk = diskBytes(recDir);
const replayed = verify[0]?.eventsReplayed ?? 0;
const from = (r: CaseResult | undefined): string =>
  r?.startedFrom !== null && r?.startedFrom !== undefined
    ? `checkpoint after event ${r.startedFrom}, ${formatCount(r.eventsReplayed ?? 0)} event${r.eventsReplayed === 1 ? "" : "s"} replayed`
    : "start";

const rows: (string | number)[][] = [];
const mu = median(unrecorded);
const mr = median(recorded);
const mv = wallMs("verify");
const mst = wallMs("state");
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;
rows.push([
  "market-spread unrecorded",
  formatRate(N, mu),
  formatMs(mu),
  formatMs(cpuMs("unrecorded")),
  "baseline",
]);
rows.push([
  "market-spread recorded",
  formatRate(N, mr),
  formatMs(mr),
  formatMs(cpuMs("recorded")),
  `overhead ${pct(mr, mu)} wall (pairs: ${((median(pairRatios) - 1) * 100).toFixed(1)}%), ${pct(cpuMs("recorded"), cpuMs("unrecorded"))} cpu`,
]);
rows.push([
  "replay (verify: compare outputs)",
  formatRate(replayed, mv),
  formatMs(mv),
  formatMs(cpuMs("verify")),
  `${ratio(mr, mv)} of record's speed (per round: ${median(verifyRatios).toFixed(2)}×; cpu ${ratio(cpuMs("recorded"), cpuMs("verify"))})`,
]);
rows.push([
  "replay (state only)",
  formatRate(N, mst),
  formatMs(mst),
  formatMs(cpuMs("state")),
  `${ratio(mr, mst)} of record's speed (per round: ${median(stateRatios).toFixed(2)}×; cpu ${ratio(cpuMs("recorded"), cpuMs("state"))})`,
]);
rows.push([
  `--until 90% (seq ${until}) from checkpoint`,
  "",
  formatMs(wallMs("until")),
  formatMs(cpuMs("until")),
  `${((wallMs("until") / wallMs("untilFull")) * 100).toFixed(1)}% of full replay to the point (cpu ${((cpuMs("until") / cpuMs("untilFull")) * 100).toFixed(1)}%)`,
]);
rows.push([
  "--until 90% without checkpoints",
  "",
  formatMs(wallMs("untilFull")),
  formatMs(cpuMs("untilFull")),
  "100%",
]);
rows.push([
  `--until seq ${worst} (just before the next checkpoint)`,
  "",
  formatMs(wallMs("worst")),
  formatMs(cpuMs("worst")),
  `${((wallMs("worst") / wallMs("worstFull")) * 100).toFixed(1)}% of full replay to the point (cpu ${((cpuMs("worst") / cpuMs("worstFull")) * 100).toFixed(1)}%)`,
]);
rows.push([
  "  same point without checkpoints",
  "",
  formatMs(wallMs("worstFull")),
  formatMs(cpuMs("worstFull")),
  "100%",
]);

// double-halve
const dhDir = join(dir, "double-halve");
timed("dhRec", runSpec("double-halve", args.dhEvents, dhDir), args.runs, () =>
  rmSync(dhDir, { recursive: true, force: true }),
);
timed("dhRep", replaySpec("double-halve", dhDir, { compare: true }));
timed("dhState", replaySpec("double-halve", dhDir));
rows.push([
  "double-halve recorded",
  formatRate(args.dhEvents, wallMs("dhRec")),
  formatMs(wallMs("dhRec")),
  formatMs(cpuMs("dhRec")),
  "",
]);
rows.push([
  "double-halve replay (verify)",
  formatRate(args.dhEvents, wallMs("dhRep")),
  formatMs(wallMs("dhRep")),
  formatMs(cpuMs("dhRep")),
  `${ratio(wallMs("dhRec"), wallMs("dhRep"))} of record's speed (cpu ${ratio(cpuMs("dhRec"), cpuMs("dhRep"))})`,
]);
rows.push([
  "double-halve replay (state only)",
  formatRate(args.dhEvents, wallMs("dhState")),
  formatMs(wallMs("dhState")),
  formatMs(cpuMs("dhState")),
  `${ratio(wallMs("dhRec"), wallMs("dhState"))} of record's speed (cpu ${ratio(cpuMs("dhRec"), cpuMs("dhState"))})`,
]);

printTable(["case (median of runs)", "events/s", "wall", "cpu", "ratio"], rows);
console.log(
  `\nrecording: ${formatCount(endSeq)} records, ${formatBytes(bytesOnDisk)} on disk (checkpoints every ${formatCount(args.checkpointEvery)} events); --until 90% from ${from(untilRes[0])}; worst case from ${from(worstRes[0])}`,
);
const splitLine = threadSplitLine();
if (splitLine) console.log(splitLine);
console.log(
  `runs: ${args.runs}; per-round ratios: recorded/unrecorded ${pairRatios.map((x) => x.toFixed(3)).join(", ")}; record/verify ${verifyRatios.map((x) => x.toFixed(3)).join(", ")}; record/state ${stateRatios.map((x) => x.toFixed(3)).join(", ")}; all times: unrecorded ${unrecorded.map(formatMs).join(", ")} | recorded ${recorded.map(formatMs).join(", ")} | verify ${wall("verify").map(formatMs).join(", ")} | state ${wall("state").map(formatMs).join(", ")}`,
);
rmSync(dir, { recursive: true, force: true });
