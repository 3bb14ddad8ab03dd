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
 * --offload sets where recorded runs compress and write blocks (LogWriter option `offload`),
 * --fsync their fsync policy;
 * --overheadOnly stops after the unrecorded/recorded pairs (use many --runs: per-pair ratios
 * on a shared machine spread widely).
 * On Linux a line "CPU by thread" splits each pair's CPU into the main thread (the app and
 * the encoding of records), threads the run started (the block-writer thread) and threads
 * that were there before (V8's garbage-collector and compiler helpers, libuv's pool).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import doubleHalve from "../examples/double-halve/app.js";
import { doubleHalveLines } from "../examples/double-halve/generate.js";
import marketSpread from "../examples/market-spread/app.js";
import { marketSpreadLines } from "../examples/market-spread/generate.js";
import type { App } from "../src/engine/app.js";
import { encodeUtf8 } from "../src/engine/codec.js";
import { parseJson } from "../src/engine/json.js";
import { LogReader } from "../src/log/index.js";
import { FSYNC_POLICIES, type FsyncPolicy, OFFLOAD_MODES, type Offload } from "../src/log/writer.js";
import { startRun } from "../src/recorder/app-run.js";
import { listCheckpoints, replay } from "../src/replayer/replay.js";
import {
  benchArgs,
  type CpuSplit,
  diskBytes,
  formatBytes,
  formatCount,
  formatMs,
  formatRate,
  header,
  measure,
  median,
  printTable,
  ratio,
  splitCpu,
  threadCpu,
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

interface Data {
  stream: Uint8Array;
  payload: Uint8Array[];
  ts: bigint[];
}

function prepare(lines: Iterable<{ stream: string; line: string }>, streams: readonly string[]): Data {
  const payload: Uint8Array[] = [];
  const ts: bigint[] = [];
  const st: number[] = [];
  for (const l of lines) {
    payload.push(encodeUtf8(l.line));
    ts.push(BigInt((parseJson(l.line) as { ts: bigint | number }).ts));
    st.push(streams.indexOf(l.stream));
  }
  return { stream: Uint8Array.from(st), payload, ts };
}

const t0 = performance.now();
const ms = prepare(
  marketSpreadLines({ seed: 1, quotes: Math.round(args.pool * 0.8), orders: Math.round(args.pool * 0.2) }),
  ["quotes", "orders"],
);
const dh = prepare(
  (function* () {
    for (const line of doubleHalveLines({ seed: 1, count: Math.min(args.dhEvents, args.pool) }))
      yield { stream: "numbers", line };
  })(),
  ["numbers"],
);
console.log(
  `market-spread: ${formatCount(args.events)} events (a pool of ${formatCount(ms.payload.length)} cycled); ` +
    `double-halve: ${formatCount(args.dhEvents)} events; prepared in ${formatMs(performance.now() - t0)}\n`,
);

/** CPU seconds (user + system) of each timed run, recorded by timed(): the machine may be shared. */
const cpu = new Map<string, number[]>();
/** Each timed run's CPU by thread (Linux only): see splitCpu(). */
const cpuSplits = new Map<string, CpuSplit[]>();

async function timed(
  name: string,
  fn: () => unknown,
  before?: () => void,
  runs: number = args.runs,
): Promise<number[]> {
  const cpus: number[] = [];
  const splits: CpuSplit[] = [];
  const times = await measure(
    async () => {
      const t0 = threadCpu();
      const c0 = process.cpuUsage();
      await fn();
      const c = process.cpuUsage(c0);
      const t1 = threadCpu();
      cpus.push((c.user + c.system) / 1000);
      if (t0 && t1) splits.push(splitCpu(t0, t1));
    },
    { runs, warmup: 0, ...(before ? { before } : {}) },
  );
  cpu.set(name, cpus);
  cpuSplits.set(name, splits);
  return times;
}

const cpuMs = (name: string): number => median(cpu.get(name) ?? [Number.NaN]);

/** Pushes `n` events of `d` (cycled; times shifted per cycle so they keep increasing). */
async function run(app: App, d: Data, n: number, out?: string): Promise<void> {
  const r = await startRun(app, {
    ...(out
      ? {
          out,
          checkpointEvery: args.checkpointEvery,
          writer: { offload: args.offload as Offload, fsync: args.fsync as FsyncPolicy },
        }
      : {}),
  });
  const pool = d.payload.length;
  const span = (d.ts[pool - 1] as bigint) - (d.ts[0] as bigint) + 1n;
  let shift = 0n;
  for (let i = 0, k = 0; i < n; i++, k++) {
    if (k === pool) {
      k = 0;
      shift += span;
    }
    const p = r.push(d.stream[k] as number, d.payload[k] as Uint8Array, (d.ts[k] as bigint) + shift);
    if (p !== undefined) await p;
  }
  await r.stop();
}

const recDir = join(dir, "market-spread");
const rows: (string | number)[][] = [];
const N = args.events;

/**
 * Medians over the pairs of where CPU went (Linux): the main thread; threads the run started
 * (the block-writer thread); threads that were there before (V8's garbage collector helpers,
 * libuv's pool). Undefined when /proc is not there.
 */
function threadSplitLine(): string | undefined {
  const of = (mode: string, part: keyof CpuSplit): number[] =>
    Array.from({ length: args.runs }, (_, i) => cpuSplits.get(`${mode}#${i}`)?.[0]?.[part] ?? Number.NaN);
  if (of("unrecorded", "main").some(Number.isNaN)) return undefined;
  const parts = (["main", "started", "other"] as const).map(
    (p) => `${p} ${formatMs(median(of("unrecorded", p)))} → ${formatMs(median(of("recorded", p)))}`,
  );
  return `CPU by thread, unrecorded → recorded (medians): ${parts.join("; ")}`;
}

// Unrecorded and recorded runs alternate (u, r, u, r, ...) so that a machine slowing down or
// speeding up during the benchmark affects both alike; the overhead is also given as the
// median of the per-pair ratios.
const unrecorded: number[] = [];
const recorded: number[] = [];
const pairRatios: number[] = [];
for (let i = 0; i < args.runs; i++) {
  const u = await timed(`unrecorded#${i}`, () => run(marketSpread, ms, N), undefined, 1);
  const r = await timed(
    `recorded#${i}`,
    () => run(marketSpread, ms, N, recDir),
    () => rmSync(recDir, { recursive: true, force: true }),
    1,
  );
  unrecorded.push(u[0] as number);
  recorded.push(r[0] as number);
  pairRatios.push((r[0] as number) / (u[0] as number));
}
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
for (const name of ["unrecorded", "recorded"])
  cpu.set(
    name,
    Array.from({ length: args.runs }, (_, i) => cpu.get(`${name}#${i}`)?.[0] ?? Number.NaN),
  );
const reader = LogReader.open(recDir);
const endSeq = reader.endSeq;
const until = Math.floor(endSeq * 0.9);
let replayed = 0;
const verifyTimes = await timed("verify", async () => {
  const res = await replay(reader, marketSpread, { compareOutputs: true });
  if (res.divergence) throw new Error(`benchmark recording diverged: ${res.divergence.message}`);
  replayed = res.eventsReplayed;
});
const stateTimes = await timed("state", () =>
  replay(reader, marketSpread, { until: endSeq, useCheckpoints: false }),
);
let untilFrom = "";
const untilTimes = await timed("until", async () => {
  const res = await replay(reader, marketSpread, { until });
  untilFrom = res.startedFrom
    ? `checkpoint after event ${res.startedFrom.eventSeq}, ${formatCount(res.eventsReplayed)} events replayed`
    : "start";
});
const untilFull = await timed("untilFull", () =>
  replay(reader, marketSpread, { until, useCheckpoints: false }),
);
// Worst case near 90%: the record just before the next checkpoint (a whole interval to replay).
const nextCheckpoint = listCheckpoints(recDir)
  .map((c) => c.refSeq)
  .filter((x) => x > until + 1)
  .sort((a, b) => a - b)[0];
const worst = nextCheckpoint === undefined ? until : nextCheckpoint - 1;
let worstFrom = "";
const worstTimes = await timed("worst", async () => {
  const res = await replay(reader, marketSpread, { until: worst });
  worstFrom = res.startedFrom
    ? `checkpoint after event ${res.startedFrom.eventSeq}, ${formatCount(res.eventsReplayed)} events replayed`
    : "start";
});
const worstFull = await timed("worstFull", () =>
  replay(reader, marketSpread, { until: worst, useCheckpoints: false }),
);
reader.close();
const bytesOnDisk = diskBytes(recDir);

const mu = median(unrecorded);
const mr = median(recorded);
const mv = median(verifyTimes);
const mst = median(stateTimes);
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
  `${ratio(mr, mv)} of record's speed (cpu ${ratio(cpuMs("recorded"), cpuMs("verify"))})`,
]);
rows.push([
  "replay (state only)",
  formatRate(N, mst),
  formatMs(mst),
  formatMs(cpuMs("state")),
  `${ratio(mr, mst)} of record's speed (cpu ${ratio(cpuMs("recorded"), cpuMs("state"))})`,
]);
rows.push([
  `--until 90% (seq ${until}) from checkpoint`,
  "",
  formatMs(median(untilTimes)),
  formatMs(cpuMs("until")),
  `${((median(untilTimes) / median(untilFull)) * 100).toFixed(1)}% of full replay to the point (cpu ${((cpuMs("until") / cpuMs("untilFull")) * 100).toFixed(1)}%)`,
]);
rows.push([
  "--until 90% without checkpoints",
  "",
  formatMs(median(untilFull)),
  formatMs(cpuMs("untilFull")),
  "100%",
]);
rows.push([
  `--until seq ${worst} (just before the next checkpoint)`,
  "",
  formatMs(median(worstTimes)),
  formatMs(cpuMs("worst")),
  `${((median(worstTimes) / median(worstFull)) * 100).toFixed(1)}% of full replay to the point (cpu ${((cpuMs("worst") / cpuMs("worstFull")) * 100).toFixed(1)}%)`,
]);
rows.push([
  "  same point without checkpoints",
  "",
  formatMs(median(worstFull)),
  formatMs(cpuMs("worstFull")),
  "100%",
]);

// double-halve
const dhDir = join(dir, "double-halve");
const dhRec = await timed(
  "dhRec",
  () => run(doubleHalve, dh, args.dhEvents, dhDir),
  () => rmSync(dhDir, { recursive: true, force: true }),
);
const dhReader = LogReader.open(dhDir);
const dhRep = await timed("dhRep", () => replay(dhReader, doubleHalve, { compareOutputs: true }));
const dhState = await timed("dhState", () => replay(dhReader, doubleHalve, {}));
dhReader.close();
rows.push([
  "double-halve recorded",
  formatRate(args.dhEvents, median(dhRec)),
  formatMs(median(dhRec)),
  formatMs(cpuMs("dhRec")),
  "",
]);
rows.push([
  "double-halve replay (verify)",
  formatRate(args.dhEvents, median(dhRep)),
  formatMs(median(dhRep)),
  formatMs(cpuMs("dhRep")),
  `${ratio(median(dhRec), median(dhRep))} of record's speed (cpu ${ratio(cpuMs("dhRec"), cpuMs("dhRep"))})`,
]);
rows.push([
  "double-halve replay (state only)",
  formatRate(args.dhEvents, median(dhState)),
  formatMs(median(dhState)),
  formatMs(cpuMs("dhState")),
  `${ratio(median(dhRec), median(dhState))} of record's speed (cpu ${ratio(cpuMs("dhRec"), cpuMs("dhState"))})`,
]);

printTable(["case (median of runs)", "events/s", "wall", "cpu", "ratio"], rows);
console.log(
  `\nrecording: ${formatCount(endSeq)} records, ${formatBytes(bytesOnDisk)} on disk (checkpoints every ${formatCount(args.checkpointEvery)} events); --until 90% from ${untilFrom}; worst case from ${worstFrom}`,
);
const splitLine = threadSplitLine();
if (splitLine) console.log(splitLine);
console.log(
  `runs: ${args.runs}; per-pair recorded/unrecorded ratios ${pairRatios.map((x) => x.toFixed(3)).join(", ")}; all times: unrecorded ${unrecorded.map(formatMs).join(", ")} | recorded ${recorded.map(formatMs).join(", ")} | verify ${verifyTimes.map(formatMs).join(", ")}`,
);
rmSync(dir, { recursive: true, force: true });
